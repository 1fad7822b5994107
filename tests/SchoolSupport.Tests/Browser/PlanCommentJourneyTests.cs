using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

/// <summary>A remark on a plan's activity is written in a dialog opened from the activity's row, not in a form below the tables.</summary>
public sealed class PlanCommentJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_coordinator_comments_on_an_activity_from_its_row_and_an_empty_remark_is_refused_in_the_dialog()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var coordinator = await portal.SignInAsync(TestWorld.Email(Roles.Municipal), TestWorld.Password);
        await BrowserFixture.GotoAsync(coordinator, $"/roadmaps/{id}");

        await coordinator.GetByTestId("items-table").GetByRole(AriaRole.Button, new() { Name = "Комментировать" }).First.ClickAsync();
        var dialog = coordinator.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Добавить комментарий" }).ClickAsync();
        await dialog.GetByText("Введите текст комментария.").WaitForAsync();

        await dialog.GetByLabel("Комментарий").FillAsync("Уточните, кто проводит диагностику.");
        await dialog.GetByLabel("Комментарий").PressAsync("Tab");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Добавить комментарий" }).ClickAsync();
        await coordinator.GetByText("Комментарий добавлен.").WaitForAsync();
        await coordinator.GetByTestId("items-table").GetByText("Уточните, кто проводит диагностику.", new() { Exact = false }).WaitForAsync();
        (await coordinator.GetByRole(AriaRole.Dialog).CountAsync()).Should().Be(0);
        await coordinator.Context.CloseAsync();
    }
}
