using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.DemoData;

namespace SchoolSupport.Tests.Browser;

/// <summary>Each role signs in and does its main job through the UI, in a real browser.</summary>
public sealed class RoleJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("admin@demo.local", "/admin/users", "Пользователи")]
    [InlineData("ministry@demo.local", "/lists", "Перечни ШНОР и ШНСУ")]
    [InlineData("operator@demo.local", "/schools", "Реестр школ")]
    [InlineData("municipal@demo.local", "/schools", "Реестр школ")]
    [InlineData("school@demo.local", "/results", "Результаты оценочных процедур")]
    [InlineData("mentor@demo.local", "/notifications", "Уведомления")]
    [InlineData("ministry@demo.local", "/monitoring/dashboard", "Мониторинг")]
    [InlineData("operator@demo.local", "/identification", "Выявление ШНОР и ШНСУ")]
    [InlineData("municipal@demo.local", "/roadmaps", "Программы и дорожные карты")]
    [InlineData("mentor@demo.local", "/mentoring", "Наставники и тьюторы")]
    [InlineData("school@demo.local", "/development", "Повышение квалификации")]
    [InlineData("operator@demo.local", "/partnerships", "Сетевые партнёрства")]
    public async Task Each_role_signs_in_sees_its_home_and_main_page_with_labels_and_headings(string email, string path, string heading)
    {
        var page = await portal.SignInAsync(email);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
        (await page.TextContentAsync("h1"))!.Should().Contain("Добро пожаловать");
        var role = email.Split('@')[0];
        await BrowserFixture.ScreenshotAsync(page, $"{role}-home");
        (await BrowserFixture.AccessibilityProblemsAsync(page)).Should().BeEmpty();
        (await page.Locator("nav").First.TextContentAsync())!.Should().NotBeEmpty();

        await BrowserFixture.GotoAsync(page, path);
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = false }).WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserFixture.ScreenshotAsync(page, $"{role}-{path.Trim('/').Replace('/', '-')}");
        (await BrowserFixture.AccessibilityProblemsAsync(page)).Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_menu_follows_interactive_navigation_and_its_jobs_link_loads_the_hangfire_dashboard()
    {
        // The menu is one string per set of roles and current page (#18): it must still mark the page the router went to.
        var page = await portal.SignInAsync("operator@demo.local");
        await BrowserFixture.GotoAsync(page, "/notifications");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("nav a[href='/roadmaps']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Программы и дорожные карты", Level = 1 }).WaitForAsync();
        await page.Locator("nav a[href='/roadmaps'][aria-current='page'].active").WaitForAsync();
        (await page.Locator("nav a[aria-current='page']").CountAsync()).Should().Be(1);

        // Hangfire's dashboard is not a Blazor page: the interactive router has no route for it and loads it whole.
        await page.Locator("nav a[href='/jobs']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/jobs", StringComparison.Ordinal));
        await page.Locator("#main-content").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.ContentAsync()).Should().Contain("Hangfire");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_list_pages_through_its_entries_and_a_search_starts_again_at_the_first_page()
    {
        // The list's table has its own pager since it is no longer a MudTable (#18).
        var page = await portal.SignInAsync("ministry@demo.local");
        await BrowserFixture.GotoAsync(page, "/lists");
        var list = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#main-content a[href^=\"/lists/\"]')].map(a => a.getAttribute('href')).find(h => /[0-9a-f]{8}-/.test(h))");
        await BrowserFixture.GotoAsync(page, list);
        await BrowserFixture.WaitForInteractiveAsync(page);
        var entries = page.GetByTestId("list-entries");
        var pager = entries.GetByRole(AriaRole.Navigation, new() { Name = "Страницы таблицы" });
        (await pager.InnerTextAsync()).Should().StartWith("1–50 из ");
        (await entries.Locator("tbody tr").CountAsync()).Should().Be(50);
        (await pager.GetByRole(AriaRole.Button, new() { Name = "Предыдущая страница" }).IsDisabledAsync()).Should().BeTrue("the first page has none before it");

        await pager.GetByRole(AriaRole.Button, new() { Name = "Следующая страница" }).ClickAsync();
        await pager.GetByText(new Regex(@"^51–\d+ из \d+$")).WaitForAsync();
        await entries.Locator("input").First.FillAsync("СОШ");
        await pager.GetByText(new Regex(@"^1–\d+ из \d+$")).WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(page)).Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Operator_imports_results_and_runs_identification_then_the_ministry_approves_and_downloads_the_pdf()
    {
        // The demo has published the lists of the last two years, and a published list is changed only by an amendment; the year
        // before them has results but no list yet, so its identification runs as on its 1 September.
        var listYear = DemoSeeder.LastResultYear(DateOnly.FromDateTime(DateTime.UtcNow)) - 2;

        // Operator: import a results file through the page.
        var op = await portal.SignInAsync("operator@demo.local");
        await BrowserFixture.GotoAsync(op, "/import");
        var csv = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %\n"
                  + $"DEMO00001;{listYear};ВПР;6;Математика;48;3,4;14;14\nDEMO00002;{listYear};ВПР;6;Математика;40;3,9;6;6\n";
        await BrowserFixture.SetFileAsync(op.Locator("#import-file"), new FilePayload { Name = "results.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await op.GetByText("Строк с данными без ошибок: 2").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(op, "operator-import-preview");
        await op.GetByRole(AriaRole.Button, new() { Name = "Импортировать 2 строк" }).ClickAsync();
        await op.GetByText("Импорт завершён").WaitForAsync();

        // Operator: run the identification for that year and wait for the job.
        await BrowserFixture.GotoAsync(op, "/identification");
        var year = op.GetByLabel("Год перечня");
        await year.FillAsync(listYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await year.PressAsync("Tab");
        await op.GetByRole(AriaRole.Button, new() { Name = "Запустить расчёт" }).ClickAsync();
        await op.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Рассчитать перечень" }).ClickAsync();
        // This run's line, not that of the demo's own computations of its two lists, which are also «завершён».
        await op.GetByText(new Regex($@"Расчёт {listYear} \(запустил: Петров Олег Николаевич.*завершён")).WaitForAsync(new() { Timeout = 120_000 });
        await BrowserFixture.ScreenshotAsync(op, "operator-identification");

        // Operator: review and submit the draft.
        await BrowserFixture.GotoAsync(op, "/lists");
        await op.GetByRole(AriaRole.Link, new() { Name = "Проект" }).First.ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(op);
        await op.GetByRole(AriaRole.Button, new() { Name = "Начать проверку" }).ClickAsync();
        await op.GetByText("На проверке у оператора").First.WaitForAsync();
        await op.GetByRole(AriaRole.Button, new() { Name = "Направить на утверждение" }).ClickAsync();
        await op.GetByText("Направлен на утверждение").First.WaitForAsync();
        var listUrl = op.Url;
        await BrowserFixture.ScreenshotAsync(op, "operator-list-submitted");
        await op.Context.CloseAsync();

        // Ministry: approve with the order, publish, download the PDF.
        var ministry = await portal.SignInAsync("ministry@demo.local");
        await BrowserFixture.GotoAsync(ministry, listUrl);
        await ministry.GetByLabel("Номер приказа").FillAsync("1852");
        // The order of that year's list is dated in its September, not today: the ministry picks the date on the calendar.
        await ministry.GetByLabel("Дата приказа").ClickAsync();
        await ministry.Locator(".mud-picker-datepicker-toolbar .mud-button-year").ClickAsync();
        await ministry.Locator(".mud-picker-year", new() { HasText = listYear.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ClickAsync();
        await ministry.Locator(".mud-picker-month", new() { HasTextRegex = new Regex("^сен", RegexOptions.IgnoreCase) }).ClickAsync();
        await ministry.Locator(".mud-picker-calendar-day:not(.mud-hidden)", new() { HasTextRegex = new Regex("^15$") }).ClickAsync();
        await ministry.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        // The confirmation says what is approved: the year, the count and the order.
        var confirm = ministry.GetByRole(AriaRole.Dialog);
        await confirm.GetByText("Утверждается перечень на", new() { Exact = false }).WaitForAsync();
        (await confirm.InnerTextAsync()).Should().Contain("Приказ № 1852")
            .And.MatchRegex(@"(?s)школ в перечне — \d+ .*По сравнению с прошлым годом: вошли \d+, вышли \d+, остаются второй год подряд \d+");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await ministry.GetByText("Статус: Утверждён").WaitForAsync();
        await ministry.GetByText($"Приказ № 1852 от 15.09.{listYear}").First.WaitForAsync();
        await ministry.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        // Publication cannot be undone: the confirmation says who will see the list.
        var confirmPublish = ministry.GetByRole(AriaRole.Dialog);
        await confirmPublish.GetByText("публичной странице", new() { Exact = false }).WaitForAsync();
        await confirmPublish.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        await ministry.GetByText("Статус: Опубликован").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(ministry, "ministry-list-published");
        var pdf = await ministry.APIRequest.GetAsync(listUrl.TrimEnd('/') + "/list.pdf");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        (await pdf.BodyAsync()).Take(4).Should().Equal("%PDF"u8.ToArray());
        (await BrowserFixture.AccessibilityProblemsAsync(ministry)).Should().BeEmpty();
        await ministry.Context.CloseAsync();
        _ = Roles.Ministry;
    }
}
