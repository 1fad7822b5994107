using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.DemoData;

namespace SchoolSupport.Tests.Browser;

/// <summary>
/// The methodology workbench of the demo region, end to end: the operator changes a threshold in the form editor (not the JSON),
/// tries the draft for the year against that year's list, saves the trial; the ministry sees it beside the list it approves, and
/// approves the methodology after a confirmation that says what becomes of it.
/// </summary>
public sealed class WorkbenchJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private const string TrialName = "Порог 5 % вместо 10 %";

    [Fact]
    public async Task Operator_edits_a_threshold_in_the_form_tries_it_and_saves_the_trial_which_the_ministry_sees_beside_the_list_it_approves()
    {
        // The demo's list of its last results year is published: the trial is compared with it.
        var listYear = DemoSeeder.LastResultYear(DateOnly.FromDateTime(DateTime.UtcNow));
        var yearText = listYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var op = await portal.SignInAsync("operator@demo.local");

        // 1. A new draft version (after the confirmation a stray click no longer skips) opens in the form editor.
        await BrowserFixture.GotoAsync(op, "/identification");
        var year = op.GetByLabel("Год перечня");
        await year.FillAsync(yearText);
        await year.PressAsync("Tab");
        await op.GetByRole(AriaRole.Button, new() { Name = "Новая версия по модели Кировской области" }).ClickAsync();
        await op.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Создать версию" }).ClickAsync();
        var heading = op.GetByTestId("methodology-heading");
        await heading.WaitForAsync();
        var version = int.Parse(Regex.Match((await heading.InnerTextAsync())!, @"версия (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // 2. The threshold of the first rule (share below the minimum score) changes in the form; its description follows.
        var rule = op.GetByTestId("form-rule").First;
        var description = rule.GetByTestId("rule-description");
        (await description.InnerTextAsync()).Should().Contain("выше 10 %");
        var threshold = rule.Locator("input[data-testid=form-threshold], [data-testid=form-threshold] input").First;
        await threshold.FillAsync("5");
        await threshold.PressAsync("Tab");
        await Expect(description, "выше 5 %");
        await op.GetByTestId("form-save").ClickAsync();
        await op.GetByText("Проект методики сохранён").First.WaitForAsync();

        // 3. Saved: opened again, the form shows the new description, and the JSON export carries the new threshold (round trip).
        await BrowserFixture.GotoAsync(op, "/identification");
        await op.GetByTestId("methodologies").Locator("tr", new() { HasText = "проект" }).First.GetByTestId("methodology-open").ClickAsync();
        (await op.GetByTestId("methodology-heading").InnerTextAsync()).Should().Contain($"версия {version}");
        await Expect(op.GetByTestId("form-rule").First.GetByTestId("rule-description"), "выше 5 %");
        await op.GetByText("JSON (импорт и экспорт для экспертов)").ClickAsync();
        var json = await op.Locator("textarea[data-testid=methodology-json], [data-testid=methodology-json] textarea").First.InputValueAsync();
        var exported = MethodologyJson.Parse(json);
        exported.Rules.LowResults.OfType<BelowMinimumAbove>().First().ThresholdPercent.Should().Be(5);
        exported.Year.Should().Be(listYear);
        await BrowserFixture.ScreenshotAsync(op, "workbench-form");

        // 4. A trial run of the draft for the year: the comparison with the year's list and with last year's.
        await BrowserFixture.GotoAsync(op, "/identification/trial");
        var trialYear = op.GetByLabel("Год перечня");
        await trialYear.FillAsync(yearText);
        await trialYear.PressAsync("Tab");
        await op.GetByRole(AriaRole.Button, new() { Name = "Выполнить пробный расчёт" }).ClickAsync();
        var summary = op.GetByTestId("trial-summary");
        await summary.WaitForAsync(new() { Timeout = 120_000 });
        (await summary.InnerTextAsync()).Should().Contain($"версия {version} (проект)");
        (await op.GetByTestId("trial-against-current").InnerTextAsync()).Should()
            .MatchRegex($@"опубликован перечень {listYear}, в нём \d+: вошли бы \d+, вышли бы \d+, остались бы \d+");
        (await op.GetByTestId("trial-against-previous").InnerTextAsync()).Should().MatchRegex(@"вошли бы \d+, вышли бы \d+, остались бы \d+");
        await BrowserFixture.ScreenshotAsync(op, "workbench-trial", fullPage: false);

        // 4a. The sensitivity chart of the first rule's threshold: at the draft's own value it gives the trial's list size.
        var listed = Regex.Match(await summary.GetByRole(AriaRole.Heading).First.InnerTextAsync(), @"по пробному расчёту: (\d+)").Groups[1].Value;
        await op.GetByTestId("sensitivity-run").ClickAsync();
        await op.GetByTestId("sensitivity-svg").WaitForAsync(new() { Timeout = 120_000 });
        (await op.GetByTestId("sensitivity-point").CountAsync()).Should().BeGreaterThan(2);
        (await op.Locator("[data-testid=sensitivity-point][data-value='5']").GetAttributeAsync("data-listed")).Should().Be(listed);

        // 5. Saved with a name: it opens as its own page.
        await op.GetByLabel("Название пробного расчёта").FillAsync(TrialName);
        await op.GetByRole(AriaRole.Button, new() { Name = "Сохранить пробный расчёт" }).ClickAsync();
        await op.WaitForURLAsync(url => Regex.IsMatch(url, "/identification/trials/[0-9a-f-]{36}$"));
        await op.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Пробный расчёт «{TrialName}»" }).WaitForAsync();

        // 6. The operator amends the year's published list (after a confirmation) and submits the amendment for approval.
        await BrowserFixture.GotoAsync(op, "/lists");
        await op.Locator("tr", new() { HasText = $"{listYear}/{listYear + 1}" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await BrowserFixture.WaitForInteractiveAsync(op);
        await op.GetByLabel("Основание изменения").FillAsync("Уточнение после пробного расчёта по новому порогу");
        await op.GetByRole(AriaRole.Button, new() { Name = "Создать изменение перечня" }).ClickAsync();
        var amend = op.GetByRole(AriaRole.Dialog);
        await amend.GetByText("Будет создано изменение № 1", new() { Exact = false }).WaitForAsync();
        await amend.GetByRole(AriaRole.Button, new() { Name = "Создать изменение" }).ClickAsync();
        await op.GetByText("изменение № 1", new() { Exact = false }).First.WaitForAsync();
        await BrowserFixture.WaitForCircuitAsync(op);
        await op.GetByRole(AriaRole.Button, new() { Name = "Направить на утверждение" }).ClickAsync();
        await op.GetByText("Направлен на утверждение").First.WaitForAsync();
        var listUrl = op.Url;
        await op.Context.CloseAsync();

        // 7. The ministry sees the saved trial beside the list it approves and opens it.
        var ministry = await portal.SignInAsync("ministry@demo.local");
        await BrowserFixture.GotoAsync(ministry, listUrl);
        var trials = ministry.GetByTestId("saved-trials");
        await trials.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(ministry, "workbench-list-with-trials");
        await trials.GetByRole(AriaRole.Link, new() { Name = TrialName }).ClickAsync();
        await ministry.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Пробный расчёт «{TrialName}»" }).WaitForAsync();
        (await ministry.GetByTestId("trial-against-current").InnerTextAsync()).Should().MatchRegex(@"вошли бы \d+, вышли бы \d+, остались бы \d+");

        // 8. Approving the methodology asks first, saying which version becomes final; only then is it approved.
        await BrowserFixture.GotoAsync(ministry, "/identification");
        var row = ministry.GetByTestId("methodologies").Locator("tr", new() { HasText = "проект" }).First;
        await row.GetByTestId("methodology-approve").ClickAsync();
        var confirm = ministry.GetByRole(AriaRole.Dialog);
        await confirm.GetByText($"версия {version}, станет действующей", new() { Exact = false }).WaitForAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Отмена" }).ClickAsync();
        (await ministry.GetByTestId("methodologies").Locator("tr", new() { HasText = "проект" }).CountAsync()).Should().BeGreaterThan(0, "cancelled: nothing approved");
        await row.GetByTestId("methodology-approve").ClickAsync();
        await ministry.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Утвердить методику" }).ClickAsync();
        await ministry.GetByText($"версия {version}, утверждена", new() { Exact = false }).First.WaitForAsync();
        await ministry.Context.CloseAsync();
    }

    /// <summary>Waits until the element's text holds the expected part (the description is redrawn after the field's change).</summary>
    private static async Task Expect(ILocator element, string part)
    {
        await element.Filter(new() { HasText = part }).WaitForAsync();
        (await element.InnerTextAsync()).Should().Contain(part);
    }
}
