using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Accounts;

public sealed class ForgotPasswordTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Sent = "Если учётная запись с этим адресом есть и включена";

    [Fact]
    public async Task The_sign_in_page_links_to_forgot_password()
    {
        using var client = portal.Anonymous();
        (await client.GetStringAsync("/account/login")).Should().Contain("href=\"/account/forgot-password\"").And.Contain("Забыли пароль?");
    }

    [Fact]
    public async Task A_user_who_forgot_the_password_gets_a_link_sets_a_new_one_and_signs_in_with_it()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var email = await EmailOf(mentor.UserId);
        using var anonymous = portal.Anonymous();

        (await AccountForms.ForgotPasswordAsync(anonymous, email)).Should().Contain(Sent);

        var mail = await portal.Mailbox.WaitForAsync(email);
        mail.Subject.Should().Be("Восстановление пароля в портале поддержки школ");
        var link = TestMailbox.RelativeLink(mail, "/account/set-password");
        (await AccountForms.SetPasswordAsync(anonymous, link, "Другой-Pass2!")).Should().Contain("Пароль сохранён");
        using (await portal.LoginAsync(email, "Другой-Pass2!")) { }
        (await anonymous.GetStringAsync(link)).Should().Contain(SetPassword.UsedLink);
        var oldPassword = () => portal.LoginAsync(email, TestWorld.Password);
        await oldPassword.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task An_unknown_or_malformed_address_gets_the_same_answer_and_no_mail()
    {
        using var anonymous = portal.Anonymous();
        var unknown = $"nobody.{Guid.NewGuid():N}@test.local";

        (await AccountForms.ForgotPasswordAsync(anonymous, unknown)).Should().Contain(Sent);
        (await AccountForms.ForgotPasswordAsync(anonymous, "не адрес")).Should().Contain(Sent);

        // A known address sent after them arrives; had the unknown ones produced mail, it would be there too by then.
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var email = await EmailOf(mentor.UserId);
        await AccountForms.ForgotPasswordAsync(anonymous, email);
        await portal.Mailbox.WaitForAsync(email);
        portal.Mailbox.To(unknown).Should().BeEmpty();
    }

    [Fact]
    public async Task A_reset_link_of_one_account_does_not_set_the_password_of_another()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var email = await EmailOf(mentor.UserId);
        using var anonymous = portal.Anonymous();
        await AccountForms.ForgotPasswordAsync(anonymous, email);
        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");
        var other = portal.World.Scope(Roles.Admin, "b").UserId;

        var forged = link.Replace(mentor.UserId.ToString("N"), other.ToString("N"), StringComparison.Ordinal);

        (await anonymous.GetStringAsync(forged)).Should().Contain(SetPassword.InvalidLink);
        using var post = await AccountForms.PostSetPasswordAsync(anonymous, forged, "Чужой-Pass3!", formFrom: link);
        post.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, "a dead link has no form to post to");
        using (await portal.LoginAsync(TestWorld.Email(Roles.Admin, "b"))) { }
    }

    private async Task<string> EmailOf(Guid id)
    {
        await using var db = portal.System();
        return (await db.Users.SingleAsync(u => u.Id == id)).Email!;
    }
}
