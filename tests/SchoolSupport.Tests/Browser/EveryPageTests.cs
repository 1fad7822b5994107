using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// Every page in every role's menu, at 1366×768 on the demo: an h1, no horizontal scrolling, nothing from the browser
/// console, no English MudBlazor default, and no axe-core violation of WCAG 2.0/2.1 A and AA (ГОСТ Р 52872-2019).
/// </summary>
public sealed class EveryPageTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private static readonly string[] EnglishDefaults = ["Rows per page", "No matching records", "Loading...", "Items per page", "of "];

    // Issue #19: the audit found colour contrast (MudBlazor's default palette), unlabelled pickers and more; the test runs once
    // those are fixed. Remove Skip to see the list of problems (about 1 minute per role).
    [Theory(Skip = "Issue #19: axe-core violations still to fix")]
    [InlineData("admin@demo.local")]
    [InlineData("ministry@demo.local")]
    [InlineData("operator@demo.local")]
    [InlineData("municipal@demo.local")]
    [InlineData("school@demo.local")]
    [InlineData("mentor@demo.local")]
    public async Task Every_page_of_the_menu_is_readable_by_everyone(string email)
    {
        var page = await portal.SignInAsync(email);
        await page.SetViewportSizeAsync(1366, 768);
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") console.Add($"{page.Url}: {message.Text}"); };
        var links = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('nav a[href]')].map(a => a.getAttribute('href')))]");
        links.Should().NotBeEmpty();
        var problems = new List<string>();
        foreach (var link in links.Prepend("/"))
        {
            await BrowserFixture.GotoAsync(page, link);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{link}: нет h1");
            if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                problems.Add($"{link}: горизонтальная прокрутка");
            var text = await page.InnerTextAsync("body");
            problems.AddRange(EnglishDefaults.Where(d => text.Contains(d, StringComparison.Ordinal)).Select(d => $"{link}: английский текст «{d}»"));
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            problems.AddRange(axe.Violations.Select(v => $"{link}: axe {v.Id} ({v.Impact}) ×{v.Nodes.Length}: {v.Nodes.First().Target} — {v.Nodes.First().Html}"));
        }
        await BrowserFixture.ScreenshotAsync(page, "every-page-" + email.Split('@')[0]);
        await page.Context.CloseAsync();
        problems.Concat(console).Should().BeEmpty();
    }
}
