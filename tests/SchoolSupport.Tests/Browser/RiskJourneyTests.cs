using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>The risk pages in a real browser over the demo: the school's profile and key risks, the coordinator's review and a decision.</summary>
public sealed class RiskJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_school_keeps_its_profile_the_coordinator_records_a_review_and_the_school_registers_a_decision()
    {
        var school = await portal.SignInAsync("school@demo.local");
        await BrowserFixture.GotoAsync(school, "/risks/profile");
        await school.GetByRole(AriaRole.Heading, new() { Name = "Рисковый профиль школы", Level = 1 }).WaitForAsync();
        // The page is prerendered, then drawn again once the circuit has loaded the profile: wait for that second drawing.
        await school.WaitForFunctionAsync("() => document.querySelectorAll('input[type=checkbox]:checked').length === 3",
            null, new() { Timeout = 30_000 });
        await school.GetByRole(AriaRole.Button, new() { Name = "Сохранить ответы" }).ClickAsync();
        await school.GetByText("Профиль сохранён.").WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(school)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(school, "school-risks-profile");

        await BrowserFixture.GotoAsync(school, "/risks");
        await school.GetByRole(AriaRole.Heading, new() { Name = "Рисковые профили школ", Level = 1 }).WaitForAsync();
        (await school.Locator("[data-testid=schools] tbody tr").CountAsync()).Should().Be(1);
        (await BrowserFixture.AccessibilityProblemsAsync(school)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(school, "school-risks");

        var coordinator = await portal.SignInAsync("municipal@demo.local");
        await BrowserFixture.GotoAsync(coordinator, "/risks");
        await coordinator.GetByText("Распределение уровней риска по факторам").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(coordinator, "municipal-risks");
        await BrowserFixture.GotoAsync(coordinator, "/risks/reviews");
        var row = coordinator.Locator("[data-testid=reviews] tbody tr").Filter(new() { HasText = ";" }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "Внести анализ" }).ClickAsync();
        var findings = coordinator.GetByLabel("Выводы по риску", new() { Exact = false });
        await findings.First.WaitForAsync();
        (await findings.CountAsync()).Should().Be(3);
        for (var i = 0; i < 3; i++)
        {
            await findings.Nth(i).FillAsync("Меры программы выполняются, динамика положительная.");
            await findings.Nth(i).PressAsync("Tab");
        }
        await coordinator.GetByLabel("Общий вывод").FillAsync("Программы реализуются по плану.");
        await coordinator.GetByLabel("Общий вывод").PressAsync("Tab");
        await BrowserFixture.ScreenshotAsync(coordinator, "municipal-risk-review-dialog");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await coordinator.GetByText("Анализ сохранён.").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(coordinator, "municipal-risk-reviews");

        await BrowserFixture.GotoAsync(school, "/risks/decisions");
        await school.GetByRole(AriaRole.Button, new() { Name = "Зарегистрировать решение" }).ClickAsync();
        await school.GetByLabel("Решение", new() { Exact = true }).FillAsync("Перераспределить нагрузку учителей математики");
        await school.GetByLabel("Решение", new() { Exact = true }).PressAsync("Tab");
        await school.GetByLabel("Ответственный").FillAsync("Директор");
        await school.GetByLabel("Ответственный").PressAsync("Tab");
        await school.GetByLabel("Срок исполнения").FillAsync(DateTime.Today.AddMonths(1).ToString("dd.MM.yyyy"));
        await school.GetByLabel("Срок исполнения").PressAsync("Tab");
        await school.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await school.GetByText("Решение зарегистрировано.").WaitForAsync();
        await school.GetByRole(AriaRole.Cell, new() { Name = "Перераспределить нагрузку учителей математики" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(school, "school-risk-decisions");
        await school.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
