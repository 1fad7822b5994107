using Microsoft.Playwright;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// The real portal with the demo region (as the embedded default seeds it) and a running Hangfire server, driven by
/// Debian's Chromium through Playwright. Screenshots go to the test output folder, under screenshots/.
/// </summary>
public class BrowserFixture : PortalFixture
{
    public const string DemoPassword = DemoSeeder.DemoPassword;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override IEnumerable<string> ExtraArgs => ["--DemoData:Seed=true", "--Hangfire:Server=true"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context signed in through the login form.</summary>
    public async Task<IPage> SignInAsync(string email, string password = DemoPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "ru-RU", ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Interactive pages answer clicks only once the Blazor circuit is up.</summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        // The layout draws data-circuit="up" only when it renders in the circuit, "prerendered" before, "static" on a page without one.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit=up], [data-circuit=static]') !== null");
        await page.WaitForTimeoutAsync(100);
    }

    /// <summary>
    /// After a link from a static page (/, /schools, /lists) to an interactive one: the static page's own marker says "static" until the
    /// new page is drawn, so wait for the circuit itself.
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-circuit=up]') !== null");
        await page.WaitForTimeoutAsync(100);
    }

    public static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// Sets the file of a Blazor InputFile once Blazor has hooked it up: a file set on an input drawn a moment ago, before its
    /// handler is attached, is lost, and the page never hears of it.
    /// </summary>
    public static async Task SetFileAsync(ILocator input, FilePayload file)
    {
        await input.EvaluateAsync("el => new Promise(done => { const ready = () => el._blazorInputFileNextFileId !== undefined ? done() : setTimeout(ready, 50); ready(); })");
        await input.SetInputFilesAsync(file);
    }

    public static Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = fullPage });

    /// <summary>Basic accessibility: a level-1 heading, and every visible form control has a label.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const problems = [];
          if (!document.querySelector('h1')) problems.push('no h1');
          document.querySelectorAll('input:not([type=hidden]):not([type=file]), select, textarea').forEach(el => {
            if (el.offsetParent === null) return;
            const id = el.id;
            const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title')
              || (id && document.querySelector(`label[for="${CSS.escape(id)}"]`)) || el.closest('label');
            if (!labelled) problems.push('unlabelled: ' + el.outerHTML.slice(0, 160));
          });
          return problems;
        }
        """);
}
