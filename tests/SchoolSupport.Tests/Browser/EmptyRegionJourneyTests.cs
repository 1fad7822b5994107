using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolSupport.Infrastructure.Structure;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web.Startup;

namespace SchoolSupport.Tests.Browser;

/// <summary>The portal started as a ministry installs it: no demo, no test world, an empty database, and a running job server.</summary>
public sealed class EmptyPortalFixture : BrowserFixture
{
    protected override bool CreatesWorld => false;

    protected override IEnumerable<string> ExtraArgs => ["--DemoData:Seed=false", "--Hangfire:Server=true"];
}

/// <summary>
/// The first day of a real region in a real browser, from an empty database: the <c>--create-admin</c> command → the platform
/// administrator creates the region and invites its administrator → structure and registry from files → an operator is
/// invited → results from a file → the identification computes a draft list with the region's own schools.
/// </summary>
public sealed class EmptyRegionJourneyTests(EmptyPortalFixture portal) : IClassFixture<EmptyPortalFixture>
{
    private const int Schools = 30;
    private static readonly int Year = DateTime.UtcNow.Year;

    /// <summary>Schools 1–3 have the worst ОГЭ results three years running: more than 10 % below the minimum score.</summary>
    private static readonly int[] Weak = [1, 2, 3];

    private static string Code(int n) => $"KIR{n:000}";

    private static string Name(int n) => $"Кировская школа № {n}";

    [Fact]
    public async Task A_platform_administrator_from_the_command_line_sets_up_a_region_whose_operator_computes_a_draft_list()
    {
        // 1. The one-time command creates the platform administrator and prints the link; the database has no one else.
        var result = await CreateAdminCommand.RunIfAskedAsync(PortalFixture.AppArgs(portal.ConnectionString,
            "--create-admin", "platform@kirov.test", "--name", "Орлов Пётр Ильич", $"--Portal:PublicUrl={portal.BaseAddress}"));
        result!.Value.ExitCode.Should().Be(0);
        await SetPasswordAsync(result.Value.Link!.PathAndQuery, "Орлов Пётр Ильич", "Платформа-Pass1!");

        // 2. The platform administrator creates the region and invites its administrator.
        var platform = await portal.SignInAsync("platform@kirov.test", "Платформа-Pass1!");
        await BrowserFixture.GotoAsync(platform, "/platform/regions");
        (await platform.GetByTestId("regions").Locator("tbody tr").CountAsync()).Should().Be(0, "the database is empty");
        await platform.GetByTestId("new-region").ClickAsync();
        await platform.GetByLabel("Код").FillAsync("43");
        await platform.GetByLabel("Наименование", new() { Exact = true }).FillAsync("Кировская область");
        await platform.GetByTestId("region-save").ClickAsync();
        await platform.GetByText("Регион «Кировская область» создан.").WaitForAsync();
        await platform.GetByTestId("regions").GetByRole(AriaRole.Link, new() { Name = "Кировская область" }).ClickAsync();
        await platform.GetByRole(AriaRole.Heading, new() { Name = "Кировская область", Level = 1 }).WaitForAsync();
        await BrowserFixture.WaitForCircuitAsync(platform);
        await platform.GetByTestId("no-administrators").WaitForAsync();
        var invite = platform.GetByTestId("invite-administrator");
        await invite.GetByLabel("Электронная почта").FillAsync("admin@kirov.test");
        await invite.GetByLabel("ФИО").FillAsync("Кузнецова Ольга Викторовна");
        await invite.GetByLabel("ФИО").PressAsync("Tab");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Пригласить администратора региона" }).ClickAsync();
        await platform.GetByText("Приглашение отправлено: Кузнецова Ольга Викторовна (admin@kirov.test).").WaitForAsync();
        await platform.GetByTestId("administrators").GetByText("Кузнецова Ольга Викторовна").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(platform, "empty-region-invited-admin");
        await platform.Context.CloseAsync();

        // 3. The regional administrator follows the link from the e-mail, sets a password, and signs in.
        await SetPasswordAsync(TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync("admin@kirov.test"), "/account/set-password"),
            "Кузнецова Ольга Викторовна", "Регион-Pass1!");
        var admin = await portal.SignInAsync("admin@kirov.test", "Регион-Pass1!");

        // 4. Municipalities from a CSV file, then the registry of 30 schools with their context.
        await BrowserFixture.GotoAsync(admin, "/admin/structure");
        await Upload(admin, "structure-file", "mo.csv", "Код муниципалитета;Наименование муниципалитета;Код округа\nSLOB;Слободской район;\nKIR;город Киров;\n");
        await admin.GetByText("Будет добавлено: 2, изменено: 0, без изменений: 0. Ошибок: 0.").WaitForAsync();
        await admin.GetByTestId("import-commit").ClickAsync();
        await admin.GetByText("Загрузка завершена: строк 2, добавлено 2, изменено 0, без изменений 0.").WaitForAsync();
        await admin.GetByTestId("municipalities").GetByText("Слободской район").WaitForAsync();
        await admin.GetByTestId("municipalities").GetByText("город Киров").WaitForAsync();

        await BrowserFixture.GotoAsync(admin, "/admin/registry");
        await Upload(admin, "registry-file", "реестр.csv", RegistryCsv());
        await admin.GetByText($"Будет добавлено: {Schools}, изменено: 0, без изменений: 0. Ошибок: 0.").WaitForAsync();
        await admin.GetByTestId("import-commit").ClickAsync();
        await admin.GetByText($"Реестр загружен: школ {Schools}, добавлено {Schools}, изменено 0, без изменений 0; контекстных строк записано {Schools}.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(admin, "empty-region-registry");

        // 5. The administrator invites an operator.
        await BrowserFixture.GotoAsync(admin, "/admin/users");
        await admin.GetByText("Пригласить пользователя").First.ClickAsync();
        await admin.GetByLabel("ФИО").First.FillAsync("Петрова Анна Сергеевна");
        await admin.GetByLabel("ФИО").First.PressAsync("Tab");
        await admin.GetByLabel("Электронная почта").First.FillAsync("operator@kirov.test");
        await admin.GetByLabel("Электронная почта").First.PressAsync("Tab");
        await admin.GetByLabel("Роль").First.ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Оператор (РЦОКО/СОИРО)" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Пригласить пользователя", Exact = true }).ClickAsync();
        await admin.GetByText("Приглашение отправлено: Петрова Анна Сергеевна.").WaitForAsync();
        await admin.Context.CloseAsync();

        // 6. The operator follows the link, signs in, and sees the region's 30 schools.
        await SetPasswordAsync(TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync("operator@kirov.test"), "/account/set-password"),
            "Петрова Анна Сергеевна", "Оператор-Pass1!");
        var op = await portal.SignInAsync("operator@kirov.test", "Оператор-Pass1!");
        (await op.TextContentAsync("h1"))!.Should().Contain("Петрова Анна Сергеевна");

        // 7. Results of three years from a file.
        await BrowserFixture.GotoAsync(op, "/import");
        var rows = Schools * 3 * 2;
        await BrowserFixture.SetFileAsync(op.Locator("#import-file"), new FilePayload { Name = "results.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(ResultsCsv()) });
        await op.GetByText($"Строк с данными без ошибок: {rows}. Ошибок: 0.").WaitForAsync();
        await op.GetByRole(AriaRole.Button, new() { Name = $"Импортировать {rows} строк" }).ClickAsync();
        await op.GetByText($"Импорт завершён: строк {rows}, добавлено {rows}, обновлено 0, без изменений 0.").WaitForAsync();

        // 8. The identification with the default methodology gives a draft list holding the weak schools.
        await BrowserFixture.GotoAsync(op, "/identification");
        var year = op.GetByLabel("Год перечня");
        await year.FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        await year.PressAsync("Tab");
        // The run recomputes the year's draft: it asks first, naming the year and the results it reads; «Отмена» starts nothing.
        await op.GetByRole(AriaRole.Button, new() { Name = "Запустить расчёт" }).ClickAsync();
        var confirm = op.GetByRole(AriaRole.Dialog);
        await confirm.GetByText($"Рассчитать перечень {Year} года?").WaitForAsync();
        (await confirm.InnerTextAsync()).Should().Contain($"перечень на {Year}/{Year + 1} по результатам")
            .And.Contain($"Проект перечня {Year} года будет рассчитан заново");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Отмена" }).ClickAsync();
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        (await op.GetByText(new Regex($@"Расчёт {Year} \(запустил")).CountAsync()).Should().Be(0, "a cancelled run starts nothing");
        await op.GetByRole(AriaRole.Button, new() { Name = "Запустить расчёт" }).ClickAsync();
        await op.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Рассчитать перечень" }).ClickAsync();
        await op.GetByText(new Regex($@"Расчёт {Year} \(запустил: Петрова Анна Сергеевна.*завершён")).WaitForAsync(new() { Timeout = 120_000 });
        await BrowserFixture.ScreenshotAsync(op, "empty-region-identification");

        await BrowserFixture.GotoAsync(op, "/lists");
        await op.GetByRole(AriaRole.Link, new() { Name = "Проект" }).ClickAsync();
        await op.GetByTestId("list-status").WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(op);
        (await op.GetByTestId("list-status").InnerTextAsync()).Should().Contain("Статус: Проект");
        var entries = op.GetByTestId("list-entries");
        foreach (var n in Weak) await entries.GetByText(Name(n)).First.WaitForAsync();
        (await entries.Locator("tbody tr").CountAsync()).Should().Be(Weak.Length, "only the weak schools are in the draft");
        await op.GetByText($"Школ: {Schools}, в проекте перечня: 3 (ШНОР 3, ШНСУ 3), под наблюдением: 0.", new() { Exact = false }).WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(op)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(op, "empty-region-draft-list");
        await op.Context.CloseAsync();
    }

    private async Task SetPasswordAsync(string link, string fullName, string password)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByText($"Здравствуйте, {fullName}!", new() { Exact = false }).WaitForAsync();
        await page.GetByLabel("Новый пароль").FillAsync(password);
        await page.GetByLabel("Повторите пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить пароль" }).ClickAsync();
        await page.GetByText("Пароль сохранён", new() { Exact = false }).WaitForAsync();
        await context.CloseAsync();
    }

    private static Task Upload(IPage page, string testId, string name, string text) =>
        BrowserFixture.SetFileAsync(page.GetByTestId(testId), new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) });

    /// <summary>30 schools in two municipalities, each with a context row for the year: staffing and social inputs vary by school.</summary>
    private static string RegistryCsv()
    {
        var lines = new List<string> { string.Join(';', RegistryColumns.All) };
        for (var n = 1; n <= Schools; n++)
        {
            var municipality = n % 2 == 0 ? "KIR" : "SLOB";
            string[] row =
            [
                Code(n), $"МОУ «{Name(n)}»", Name(n), municipality, $"ул. Школьная, {n}", n % 2 == 0 ? "городская" : "сельская", "НОО, ООО, СОО", "нет",
                (200 + (n * 10)).ToString(CultureInfo.InvariantCulture), "нет", "", "нет", "нет", "", "",
                Year.ToString(CultureInfo.InvariantCulture), (80 + (n % 20)).ToString(CultureInfo.InvariantCulture), "1", "44,5", "3",
                "2", (20 + n).ToString(CultureInfo.InvariantCulture), (15 - (n % 10)).ToString(CultureInfo.InvariantCulture), "2", "да", "25", "60",
            ];
            lines.Add(string.Join(';', row));
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>ОГЭ in Russian and mathematics for three years: the weak schools far below the rest, the others ordered by number.</summary>
    private static string ResultsCsv()
    {
        var text = new StringBuilder("Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %\n");
        for (var n = 1; n <= Schools; n++)
        {
            var weak = Weak.Contains(n);
            var mean = weak ? 9.5m + (n * 0.1m) : 14 + (n * 0.2m);
            var below = weak ? 25 : 2;
            for (var y = Year - 2; y <= Year; y++)
            {
                foreach (var subject in new[] { "Русский язык", "Математика" })
                {
                    text.Append(CultureInfo.InvariantCulture, $"{Code(n)};{y};ОГЭ;9;{subject};40;{mean.ToString("0.0", RegistryColumns.Russian)};{below};{below}\n");
                }
            }
        }
        return text.ToString();
    }
}
