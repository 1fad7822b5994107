using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

public sealed class InvitationJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_invites_a_mentor_who_opens_the_link_from_the_mail_sets_a_password_and_signs_in()
    {
        var email = $"mentor.{Guid.NewGuid():N}"[..15] + "@test.local";
        var admin = await portal.SignInAsync(TestWorld.Email(Roles.Admin), TestWorld.Password);
        await BrowserFixture.GotoAsync(admin, "/admin/users");
        await admin.GetByText("Пригласить пользователя").First.ClickAsync();
        await admin.GetByLabel("ФИО").First.FillAsync("Захарова Вера Андреевна");
        await admin.GetByLabel("ФИО").First.PressAsync("Tab");
        await admin.GetByLabel("Электронная почта").First.FillAsync(email);
        await admin.GetByLabel("Электронная почта").First.PressAsync("Tab");
        await admin.GetByLabel("Роль").First.ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Наставник / тьютор" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Пригласить пользователя", Exact = true }).ClickAsync();
        await admin.GetByText("Приглашение отправлено: Захарова Вера Андреевна.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(admin, "admin-invited");

        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "ru-RU" });
        var invitee = await context.NewPageAsync();
        await invitee.GotoAsync(link);
        await invitee.GetByText("Здравствуйте, Захарова Вера Андреевна!", new() { Exact = false }).WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(invitee)).Should().BeEmpty();
        await invitee.GetByLabel("Новый пароль").FillAsync("Вера-Pass1!");
        await invitee.GetByLabel("Повторите пароль").FillAsync("Вера-Pass1!");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Сохранить пароль" }).ClickAsync();
        await invitee.GetByText("Пароль сохранён", new() { Exact = false }).WaitForAsync();
        await context.CloseAsync();

        var signedIn = await portal.SignInAsync(email, "Вера-Pass1!");
        (await signedIn.TextContentAsync("h1"))!.Should().Contain("Захарова Вера Андреевна");
        await signedIn.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
