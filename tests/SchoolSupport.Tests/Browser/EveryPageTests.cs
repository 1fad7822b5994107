using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// Every page in every role's menu, at 1366×768 (and without horizontal scrolling at 1920×1080) on the demo: an h1, no horizontal scrolling, nothing from the browser
/// console, no English MudBlazor default, and no axe-core violation of WCAG 2.0/2.1 A and AA (ГОСТ Р 52872-2019); the axe audit runs
/// once per page in each class of two roles (see <see cref="CheckEveryPageOfTheMenuAsync"/>).
/// </summary>
public abstract class EveryPageCheck(BrowserFixture portal)
{
    /// <summary>Null: the check runs in CI (issue #19). Set a reason here to skip all three classes.</summary>
    public const string? Pending = null;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HashSet<string>> Audited = new();

    private static bool IsDetail(string link) => System.Text.RegularExpressions.Regex.IsMatch(link, "[0-9a-f]{8}-");

    private static bool Claim(HashSet<string> seen, string link)
    {
        lock (seen) return seen.Add(link);
    }

    private static readonly string[] EnglishDefaults = ["Rows per page", "No matching records", "Loading...", "Items per page", "of "];

    protected async Task CheckEveryPageOfTheMenuAsync(string email)
    {
        var page = await portal.SignInAsync(email);
        await page.SetViewportSizeAsync(1366, 768);
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") console.Add($"{page.Url}: {message.Text}"); };
        var links = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('nav a[href]')].map(a => a.getAttribute('href')))]");
        links.Should().NotBeEmpty();
        var problems = new List<string>();
        // The Hangfire dashboard (/jobs) is a third-party page outside the portal's layout. Besides the menu, the first list,
        // plan and school card reached from their menu pages (the wide tables and the evidence live there).
        // Every role checks every page of its menu. The axe audit, the slow part, runs once per page and class: the second role of a
        // class audits only the pages the first did not (its home page and the detail pages it opens always), which keeps the three
        // classes well inside the suite's time.
        var audited = Audited.GetOrAdd(GetType(), _ => []);
        var pages = new Queue<string>(links.Prepend("/").Where(l => !l.StartsWith("/jobs", StringComparison.Ordinal)));
        while (pages.TryDequeue(out var link))
        {
            try
            {
                problems.AddRange(await ProblemsOfAsync(page, link, audit: link == "/" || IsDetail(link) || Claim(audited, link)));
                if (link is "/lists" or "/roadmaps" or "/schools"
                    && await page.EvaluateAsync<string?>($"() => [...document.querySelectorAll('#main-content a[href^=\"{link}/\"]')].map(a => a.getAttribute('href')).find(h => /[0-9a-f]{{8}}-/.test(h)) ?? null") is { } detail)
                {
                    pages.Enqueue(detail);
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                problems.Add($"{link}: страница не открылась ({e.Message.Split('\n')[0]})");
            }

            // Every visited page is kept as a screenshot (CI artefact, test output screenshots/).
            await BrowserFixture.ScreenshotAsync(page, $"every-page-{email.Split('@')[0]}{Slug(link)}", fullPage: false);
        }

        await page.Context.CloseAsync();
        problems.Concat(console).Should().BeEmpty();
    }

    private static async Task<List<string>> ProblemsOfAsync(IPage page, string link, bool audit)
    {
        var problems = new List<string>();
        // GotoAsync waits until the page is live (circuit up, or a static page loaded); no extra network-idle wait.
        await BrowserFixture.GotoAsync(page, link);
        if (await page.Locator("h1").CountAsync() == 0) problems.Add($"{link}: нет h1");
        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            problems.Add($"{link}: горизонтальная прокрутка");
        // The wide screen too: nothing that fits 1366 px may stretch past 1920 px (a chart or table sized to the window).
        await page.SetViewportSizeAsync(1920, 1080);
        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            problems.Add($"{link}: горизонтальная прокрутка при 1920×1080");
        await page.SetViewportSizeAsync(1366, 768);
        var text = await page.InnerTextAsync("body");
        problems.AddRange(EnglishDefaults.Where(d => text.Contains(d, StringComparison.Ordinal)).Select(d => $"{link}: английский текст «{d}»"));
        if (!audit) return problems;
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        problems.AddRange(axe.Violations.Select(v => $"{link}: axe {v.Id} ({v.Impact}) ×{v.Nodes.Length}: "
            + string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} — {n.Html[..Math.Min(n.Html.Length, 200)]}"))));
        return problems;
    }

    private static string Slug(string link) => link == "/" ? "-home" : string.Concat(link.Split('-')[0].Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}

// Split by role (three classes, each with its own portal) so that xunit runs them beside the rest of the suite rather than
// as one twelve-minute test.

public sealed class EveryPageOfAdministrationTests(BrowserFixture portal) : EveryPageCheck(portal), IClassFixture<BrowserFixture>
{
    [Theory(Skip = EveryPageCheck.Pending)]
    [InlineData("admin@demo.local")]
    [InlineData("ministry@demo.local")]
    public Task Every_page_of_the_menu_is_readable_by_everyone(string email) => CheckEveryPageOfTheMenuAsync(email);
}

public sealed class EveryPageOfOperatorAndMunicipalityTests(BrowserFixture portal) : EveryPageCheck(portal), IClassFixture<BrowserFixture>
{
    [Theory(Skip = EveryPageCheck.Pending)]
    [InlineData("operator@demo.local")]
    [InlineData("municipal@demo.local")]
    public Task Every_page_of_the_menu_is_readable_by_everyone(string email) => CheckEveryPageOfTheMenuAsync(email);
}

public sealed class EveryPageOfSchoolAndMentorTests(BrowserFixture portal) : EveryPageCheck(portal), IClassFixture<BrowserFixture>
{
    [Theory(Skip = EveryPageCheck.Pending)]
    [InlineData("school@demo.local")]
    [InlineData("mentor@demo.local")]
    public Task Every_page_of_the_menu_is_readable_by_everyone(string email) => CheckEveryPageOfTheMenuAsync(email);
}
