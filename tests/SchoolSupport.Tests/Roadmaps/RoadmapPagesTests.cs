using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Roadmaps;

/// <summary>The pages render with real data for the roles that use them (prerendered HTML).</summary>
public sealed class RoadmapPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_plan_list_plan_page_and_documents_page_show_the_data_within_scope()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await portal.Service<MentorAssignments>(portal.World.Scope(Roles.Operator)).AssignAsync(new AssignmentEdit
        {
            MentorId = portal.World.Scope(Roles.Mentor).UserId, SchoolId = portal.World.SchoolA1.Id, From = today.AddDays(-1), To = today.AddYears(1),
            Responsibilities = "Сопровождение программы перехода",
        });
        var mentor = portal.World.Scope(Roles.Mentor);
        var firstItem = (await portal.Service<PlanQueries>(mentor).GetAsync(id))!.Plan.Items[0].Id;
        await portal.Service<CommentOnPlan>(mentor).CommentAsync(id, firstItem, "Добавьте показатели по ВПР.");
        var version = await portal.Service<DocumentLibrary>(portal.World.Scope(Roles.School)).UploadAsync(new DocumentUpload(
            portal.World.A1.Id, portal.World.SchoolA1.Id, DocumentKind.InternalQualityOrder, "Приказ о ВСОКО", "Приказ.pdf",
            new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));

        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        var plan = await school.GetStringAsync($"/roadmaps/{id}");
        plan.Should().Contain("Программа перехода в эффективный режим функционирования на 2026–2027 гг.")
            .And.Contain("Направить на согласование").And.Contain("Сетевое партнёрство").And.Contain("Добавьте показатели по ВПР.");
        (await school.GetStringAsync("/roadmaps")).Should().Contain("Программа перехода в эффективный режим функционирования на 2026–2027 гг.");
        (await school.GetStringAsync("/documents")).Should().Contain("Приказ о ВСОКО").And.Contain(version!.Id.ToString());

        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var list = await ministry.GetStringAsync("/roadmaps");
        list.Should().Contain("Доля школ с утверждённой программой").And.Contain(portal.World.A1.Name);
        (await ministry.GetStringAsync($"/roadmaps/{id}")).Should().NotContain("Направить на согласование");

        using var other = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        using var unseen = await other.GetAsync($"/roadmaps/{id}");
        unseen.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unseen.Content.ReadAsStringAsync()).Should().NotContain("Программа перехода в эффективный режим функционирования на 2026–2027 гг.");
        (await other.GetAsync($"/roadmaps/{id}/export.xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
