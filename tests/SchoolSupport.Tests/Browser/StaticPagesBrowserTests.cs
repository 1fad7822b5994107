using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// Issue #18: the home page and the registry open no Blazor circuit (no connection to /_blazor) while an interactive page does,
/// and moving between the two kinds of page by the menu works both ways; the registry's GET form and sort links work in the
/// browser, and the menu button hides the menu on a static page.
/// </summary>
public sealed class StaticPagesBrowserTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_and_the_registry_open_no_circuit_while_an_interactive_page_does_and_navigation_works_both_ways()
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "ru-RU", ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var sockets = new List<string>();
        var blazorRequests = new List<string>();
        var errors = new List<string>();
        page.WebSocket += (_, socket) => { lock (sockets) sockets.Add(socket.Url); };
        page.Request += (_, request) => { if (request.Url.Contains("/_blazor", StringComparison.Ordinal)) lock (blazorRequests) blazorRequests.Add(request.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };

        // Sign in: the login page and the home page it leads to are static.
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Электронная почта").FillAsync("operator@demo.local");
        await page.GetByLabel("Пароль").FillAsync(BrowserFixture.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.Locator("[data-circuit=static]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.TextContentAsync("h1"))!.Should().Contain("Добро пожаловать");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The registry by its menu link (enhanced navigation), then its GET form and a sort link.
        await page.Locator("nav a[href='/schools']").First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Реестр школ", Level = 1 }).WaitForAsync();
        await page.GetByLabel("Поиск по наименованию или коду").FillAsync("DEMO00002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("search=DEMO00002"));
        (await page.Locator("[data-testid=school-row] td:first-child").AllTextContentsAsync()).Should().NotBeEmpty().And.OnlyContain(code => code.Contains("DEMO00002"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Сбросить фильтры" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("search="));
        // Enhanced navigation changes the address before it patches the page: wait for the unfiltered table.
        await page.Locator("[data-testid=school-row]").Nth(1).WaitForAsync();
        await page.Locator("th a", new() { HasText = "Код" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=Code"));
        await page.Locator("th[aria-sort=ascending]", new() { HasText = "Код" }).WaitForAsync();
        var codes = await page.Locator("[data-testid=school-row] td:first-child").AllTextContentsAsync();
        codes.Should().HaveCountGreaterThan(1).And.BeInAscendingOrder(StringComparer.Ordinal);

        // The menu button hides the menu without a circuit.
        await page.Locator("[data-drawer-toggle]").ClickAsync();
        await page.Locator(".mud-drawer").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Locator("[data-drawer-toggle]").ClickAsync();
        await page.Locator(".mud-drawer").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (sockets) sockets.Should().BeEmpty("static pages open no WebSocket");
        lock (blazorRequests) blazorRequests.Should().BeEmpty("static pages do not talk to /_blazor");

        // An interactive page by the menu: now a circuit opens over a WebSocket.
        await page.Locator("nav a[href='/notifications']").First.ClickAsync();
        await page.Locator("[data-circuit=up]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Heading, new() { Name = "Уведомления", Level = 1 }).WaitForAsync();
        lock (sockets) sockets.Should().Contain(url => url.Contains("/_blazor", StringComparison.Ordinal));

        // And back to the home page by the menu.
        await page.Locator("nav a[href='/']").First.ClickAsync();
        await page.Locator("[data-circuit=static]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.TextContentAsync("h1"))!.Should().Contain("Добро пожаловать");
        lock (errors) errors.Should().BeEmpty();
        await context.CloseAsync();
    }
}
