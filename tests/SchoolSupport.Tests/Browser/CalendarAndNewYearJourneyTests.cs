using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>The regional administrator edits the region's own calendar in dialogs and starts the new school year from its preview.</summary>
public sealed class CalendarAndNewYearJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_adds_and_removes_a_stage_and_starts_the_new_school_year_after_its_preview()
    {
        var admin = await portal.SignInAsync("admin@demo.local");
        await BrowserFixture.GotoAsync(admin, "/monitoring/calendar");
        await admin.GetByTestId("calendar-settings").WaitForAsync();
        // The demo region runs the Saratov model with its four stages.
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Этап 4. Итоги года и новый перечень", Exact = false }).WaitForAsync();
        await admin.GetByTestId("add-stage").ClickAsync();
        var title = admin.GetByLabel("Название этапа");
        await title.FillAsync("Региональный семинар");
        await title.PressAsync("Tab");
        await admin.GetByTestId("stage-save").ClickAsync();
        await admin.GetByText("Этап добавлен в календарь.").WaitForAsync();
        var added = admin.GetByRole(AriaRole.Heading, new() { Name = "Этап 5. Региональный семинар", Exact = false });
        await added.WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(admin)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(admin, "admin-calendar");

        var stage = admin.Locator(".mud-paper").Filter(new() { Has = added });
        await stage.GetByRole(AriaRole.Button, new() { Name = "Удалить этап" }).ClickAsync();
        await admin.GetByText("Этап 5 «Региональный семинар» будет удалён", new() { Exact = false }).WaitForAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Удалить этап" }).ClickAsync();
        await admin.GetByText("Этап удалён из календаря.").WaitForAsync();
        await added.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await BrowserFixture.GotoAsync(admin, "/admin/new-year");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Начать новый учебный год", Level = 1 }).WaitForAsync();
        await admin.GetByTestId("carried-over").GetByText("Перечень", new() { Exact = false }).First.WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(admin)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(admin, "admin-new-year-preview");
        await admin.GetByTestId("start-year").ClickAsync();
        await admin.GetByText("Повторно начать этот год будет нельзя.", new() { Exact = false }).WaitForAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "учебный год", Exact = false }).ClickAsync();
        await admin.GetByTestId("year-started").WaitForAsync();
        (await admin.GetByTestId("start-year").CountAsync()).Should().Be(0);
        await BrowserFixture.ScreenshotAsync(admin, "admin-new-year-started");
        await admin.Context.CloseAsync();
    }
}
