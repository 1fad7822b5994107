using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// Irreversible steps ask first, saying what will happen, and the toast says what was done (issue #19): ending a mentor's
/// assignment on the demo, cancelled once (nothing changes), then confirmed.
/// </summary>
public sealed class ConfirmationJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Ending_an_assignment_asks_first_and_a_cancel_changes_nothing()
    {
        var page = await portal.SignInAsync("operator@demo.local");
        await BrowserFixture.GotoAsync(page, "/mentoring");
        var rows = page.Locator("[data-testid=assignments-table] tbody tr");
        var active = rows.Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Завершить" }) });
        await active.First.WaitForAsync();
        var activeBefore = await active.CountAsync();
        var row = active.First;
        var mentor = (await row.Locator("td").Nth(0).InnerTextAsync()).Trim();
        var school = (await row.Locator("td").Nth(2).InnerTextAsync()).Trim();

        await row.GetByRole(AriaRole.Button, new() { Name = "Завершить" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByText($"Назначение «{mentor}» в школу «{school}» прекратит действие с сегодняшнего дня").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "confirm-end-assignment", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отмена" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await active.CountAsync()).Should().Be(activeBefore, "a cancelled confirmation changes nothing");

        await row.GetByRole(AriaRole.Button, new() { Name = "Завершить" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Завершить" }).ClickAsync();
        await page.GetByText($"Назначение «{mentor}» в школу «{school}» завершено.").WaitForAsync();
        // The assignment no longer runs from today: one active row fewer.
        for (var i = 0; i < 100 && await active.CountAsync() != activeBefore - 1; i++) await page.WaitForTimeoutAsync(100);
        (await active.CountAsync()).Should().Be(activeBefore - 1);
        await page.Context.CloseAsync();
    }
}
