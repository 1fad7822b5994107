using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

/// <summary>The school side in a real browser: the school submits and reports, the coordinator returns, the mentor logs a consultation.</summary>
public sealed class SchoolSupportJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    private TestWorld World => portal.World;

    private Task<IPage> SignInAsync(string role) => portal.SignInAsync(TestWorld.Email(role), TestWorld.Password);

    private async Task ClickAsync(IPage page, string button) => await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task The_school_submits_the_coordinator_returns_the_school_uploads_and_reports_and_the_mentor_logs_a_consultation()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);

        // School team: submit the programme.
        var school = await SignInAsync(Roles.School);
        await BrowserFixture.GotoAsync(school, $"/roadmaps/{id}");
        await ClickAsync(school, "Направить на согласование");
        await school.GetByText(Titles.Of(PlanStatus.Submitted)).First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(school, "school-plan-submitted");

        // Municipal coordinator: take it for review and return it with a comment.
        var coordinator = await SignInAsync(Roles.Municipal);
        await BrowserFixture.GotoAsync(coordinator, $"/roadmaps/{id}");
        await ClickAsync(coordinator, "Взять на рассмотрение");
        await coordinator.GetByText(Titles.Of(PlanStatus.UnderReview)).First.WaitForAsync();
        await coordinator.GetByLabel("Комментарий (обязателен при возврате", new() { Exact = false }).FillAsync("Добавьте показатели по ВПР в раздел о качестве преподавания.");
        await coordinator.GetByLabel("Комментарий (обязателен при возврате", new() { Exact = false }).PressAsync("Tab");
        await ClickAsync(coordinator, "Вернуть на доработку");
        // Returning is confirmed, and the confirmation repeats the comment that goes back to the school.
        var confirmReturn = coordinator.GetByRole(AriaRole.Dialog);
        await confirmReturn.GetByText("Добавьте показатели по ВПР", new() { Exact = false }).WaitForAsync();
        await confirmReturn.GetByRole(AriaRole.Button, new() { Name = "Вернуть на доработку" }).ClickAsync();
        await coordinator.GetByText(Titles.Of(PlanStatus.Returned)).First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(coordinator, "municipal-plan-returned");
        (await BrowserFixture.AccessibilityProblemsAsync(coordinator)).Should().BeEmpty();
        await coordinator.Context.CloseAsync();

        // School team: upload the programme document.
        await BrowserFixture.GotoAsync(school, "/documents");
        await school.GetByLabel("Название").FillAsync("Программа перехода (подписанная)");
        await school.GetByLabel("Название").PressAsync("Tab");
        await BrowserFixture.SetFileAsync(school.Locator("input[type=file]"), new FilePayload { Name = "programme.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj\n%%EOF"u8.ToArray() });
        await ClickAsync(school, "Загрузить");
        await school.GetByText("Программа перехода (подписанная)").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(school, "school-documents");

        // The programme is approved and under way (done through the services), then the school reports progress in the browser.
        var team = World.Scope(Roles.School);
        var municipal = World.Scope(Roles.Municipal);
        async Task<uint> Version() => (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, await Version(), PlanStatus.Submitted, "Доработано.");
        await portal.Service<MovePlan>(municipal).MoveAsync(id, await Version(), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(municipal).MoveAsync(id, await Version(), PlanStatus.Approved, null);
        await portal.Service<MovePlan>(team).MoveAsync(id, await Version(), PlanStatus.InProgress, null);
        await BrowserFixture.GotoAsync(school, $"/roadmaps/{id}");
        await school.GetByLabel("Комментарий (обязателен при возврате", new() { Exact = false }).FillAsync("Отчёт за ноябрь: проведены два методических семинара.");
        await school.GetByLabel("Комментарий (обязателен при возврате", new() { Exact = false }).PressAsync("Tab");
        await ClickAsync(school, "Представить отчёт");
        await school.GetByText(Titles.Of(PlanStatus.Reported)).First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(school, "school-plan-reported");
        await school.Context.CloseAsync();

        // Mentor: assigned to the school, logs a consultation in the journal.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(new AssignmentEdit
        {
            MentorId = World.Scope(Roles.Mentor).UserId, SchoolId = World.SchoolA1.Id, From = today.AddDays(-7), To = today.AddYears(1),
            Responsibilities = "Сопровождение программы перехода",
        });
        var mentor = await SignInAsync(Roles.Mentor);
        await BrowserFixture.GotoAsync(mentor, "/mentoring/journal");
        await ClickAsync(mentor, "Новая запись");
        await mentor.GetByLabel("Школа").ClickAsync();
        await mentor.GetByRole(AriaRole.Option, new() { Name = World.SchoolA1.ShortName }).ClickAsync();
        await mentor.GetByLabel("Тема").FillAsync("Анализ результатов ВПР по математике");
        await mentor.GetByLabel("Тема").PressAsync("Tab");
        await mentor.GetByLabel("Продолжительность, мин").FillAsync("90");
        await mentor.GetByLabel("Продолжительность, мин").PressAsync("Tab");
        await mentor.GetByLabel("Участников", new() { Exact = true }).FillAsync("6");
        await mentor.GetByLabel("Участников", new() { Exact = true }).PressAsync("Tab");
        await mentor.GetByRole(AriaRole.Textbox, new() { Name = "Результат", Exact = true }).FillAsync("Определены три темы для повторения в 6 классах.");
        await mentor.GetByRole(AriaRole.Textbox, new() { Name = "Результат", Exact = true }).PressAsync("Tab");
        await ClickAsync(mentor, "Сохранить запись");
        await mentor.GetByRole(AriaRole.Cell, new() { Name = "Анализ результатов ВПР по математике" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(mentor, "mentor-journal");
        (await BrowserFixture.AccessibilityProblemsAsync(mentor)).Should().BeEmpty();
        await mentor.Context.CloseAsync();
    }

    [Fact]
    public async Task The_school_replaces_an_evidence_file_and_removes_it_after_confirming()
    {
        var (planId, itemId) = await PlanEvidenceTests.ProgrammeInProgressAsync(portal);
        var evidence = portal.Service<PlanEvidenceFiles>(World.Scope(Roles.School));
        await evidence.AttachAsync(planId, itemId, "Протокол.pdf", new MemoryStream("%PDF-1.4\ndraft\n%%EOF"u8.ToArray()));

        var school = await SignInAsync(Roles.School);
        await BrowserFixture.GotoAsync(school, $"/roadmaps/{planId}");
        await ClickAsync(school, "Заменить файл «Протокол.pdf»");
        await BrowserFixture.SetFileAsync(school.GetByLabel("Новый файл подтверждающего материала"), new FilePayload
        {
            Name = "Протокол подписанный.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\nsigned\n%%EOF"u8.ToArray(),
        });
        await ClickAsync(school, "Заменить");
        await school.GetByRole(AriaRole.Link, new() { Name = "📎 Протокол подписанный.pdf" }).WaitForAsync();
        (await school.GetByRole(AriaRole.Link, new() { Name = "📎 Протокол.pdf", Exact = true }).CountAsync()).Should().Be(0);
        (await BrowserFixture.AccessibilityProblemsAsync(school)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(school, "school-evidence-replaced");

        await ClickAsync(school, "Убрать файл «Протокол подписанный.pdf»");
        await school.GetByText("больше не будет приложен к мероприятию", new() { Exact = false }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(school, "school-evidence-remove-confirm");
        await ClickAsync(school, "Убрать");
        await school.GetByText("Подтверждающий материал убран.").WaitForAsync();
        // The message comes as soon as the link is gone; the list under the activity is redrawn after the page reloads the plan.
        await school.GetByTestId("evidence").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await evidence.ListAsync(planId)).Should().BeEmpty();

        // Progress on the activity is recorded in its dialog, where the user is; the table shows it once the dialog closes.
        await school.GetByRole(AriaRole.Button, new() { Name = "Изменить", Exact = true }).First.ClickAsync();
        await school.GetByLabel("Фактическое значение").FillAsync("Проведено 2 семинара");
        await school.GetByLabel("Фактическое значение").PressAsync("Tab");
        await ClickAsync(school, "Сохранить");
        await school.GetByText("Мероприятие сохранено.").WaitForAsync();
        await school.GetByRole(AriaRole.Cell, new() { Name = "Проведено 2 семинара" }).WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(school)).Should().BeEmpty();
        await school.Context.CloseAsync();
    }
}
