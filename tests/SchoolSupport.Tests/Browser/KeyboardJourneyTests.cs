using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// Issue #19: the two key tasks by keyboard alone — sign in; open a list and read a school's evidence — with a skip link,
/// focus moved into the evidence dialog and given back to the row's button when it closes.
/// </summary>
public sealed class KeyboardJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string Focused = "() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.id || e.tagName).trim() : ''; }";

    [Fact]
    public async Task The_ministry_signs_in_opens_the_list_and_reads_a_schools_evidence_by_keyboard_alone()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "ru-RU", ViewportSize = new() { Width = 1366, Height = 768 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        // Sign in: Tab to the e-mail field, type, Tab to the password, type, Enter.
        await TabUntilAsync(page, "() => document.activeElement?.id === 'email'", limit: 10);
        await page.Keyboard.TypeAsync("ministry@demo.local");
        await TabUntilAsync(page, "() => document.activeElement?.id === 'password'", limit: 3);
        await page.Keyboard.TypeAsync(BrowserFixture.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await BrowserFixture.WaitForCircuitAsync(page);

        // After navigation the focus is on the page's title (FocusOnNavigate). Going back to the top of the page, the first stop
        // is the skip link, which shows when focused; Enter puts the focus on the page's content, past the bar and the menu.
        await BrowserFixture.GotoAsync(page, "/lists");
        await TabUntilAsync(page, "() => document.activeElement?.classList.contains('skip-link')", limit: 80, key: "Shift+Tab");
        (await page.EvaluateAsync<string>(Focused)).Should().Be("Перейти к содержимому");
        (await page.Locator("a.skip-link").BoundingBoxAsync())!.Y.Should().BeGreaterThanOrEqualTo(0, "the skip link shows when it has the focus");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement?.id")).Should().Be("main-content");

        // Open the list in force: its link is a few Tab stops into the content.
        await TabUntilAsync(page, "() => /^\\/lists\\/[0-9a-f-]{36}$/.test(document.activeElement?.getAttribute('href') ?? '')", limit: 15);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("/lists/"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("list-entries").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");

        // After navigation the focus is on the title (FocusOnNavigate); the first school's evidence button is a few dozen Tab stops on, not a hundred.
        var button = await TabUntilAsync(page, "() => (document.activeElement?.getAttribute('aria-label') ?? '').startsWith('Основания включения')", limit: 40);
        await page.Keyboard.PressAsync("Enter");

        // The evidence opens where the user is, with the focus inside it.
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("evidence-years").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=dialog]') !== null");
        var box = await dialog.BoundingBoxAsync();
        box!.Y.Should().BeLessThan(768, "the dialog is in the window, not 5,400 px below");
        (await dialog.InnerTextAsync()).Should().Contain("ИОР по годам").And.Contain("Правило");
        await BrowserFixture.ScreenshotAsync(page, "keyboard-list-evidence");

        // Escape closes it and the focus goes back to the button that opened it.
        await page.Keyboard.PressAsync("Escape");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.WaitForFunctionAsync("label => document.activeElement?.getAttribute('aria-label') === label", button);
        await context.CloseAsync();
    }

    /// <summary>Presses Tab until the condition holds; fails after <paramref name="limit"/> presses. Returns the focused element's name.</summary>
    private static async Task<string> TabUntilAsync(IPage page, string condition, int limit, string key = "Tab")
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await page.EvaluateAsync<bool>(condition)) return await page.EvaluateAsync<string>(Focused);
        }

        throw new Xunit.Sdk.XunitException($"После {limit} нажатий Tab фокус на «{await page.EvaluateAsync<string>(Focused)}», а не там, где нужно ({condition}).");
    }
}
