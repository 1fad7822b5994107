using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>Issue #19: the audit log speaks Russian, names the person and the object, and links to the object's page.</summary>
public sealed class AuditLogTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_plan_status_change_reads_in_Russian_with_the_persons_full_name_and_a_link_to_the_plan()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = portal.World.Scope(Roles.School);
        var version = (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, version, PlanStatus.Submitted, null);

        var rows = await portal.Service<AuditQueries>(portal.World.Scope(Roles.Admin)).LatestAsync(100);

        var row = rows.First(r => r.Link == $"/roadmaps/{id}" && r.Action == "Изменён статус плана");
        row.Person.Should().Be(team.UserName);
        row.ObjectKind.Should().Be("План");
        row.ObjectName.Should().StartWith("Программа перехода в эффективный режим");
        row.Details.Should().Be($"{Titles.Of(PlanStatus.Draft)} → {Titles.Of(PlanStatus.Submitted)}");
        rows.Should().NotContain(r => r.Action.Contains('.') || r.ObjectName.Contains(id.ToString()), "no action code or GUID is shown");
    }

    [Fact]
    public async Task Another_region_does_not_see_the_entries_and_a_school_team_may_not_read_the_log()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);

        var otherRegion = await portal.Service<AuditQueries>(portal.World.Scope(Roles.Admin, "b")).LatestAsync(1000);
        var school = () => portal.Service<AuditQueries>(portal.World.Scope(Roles.School)).LatestAsync(10);

        otherRegion.Should().NotContain(r => r.Link == $"/roadmaps/{id}");
        await school.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task The_audit_page_shows_the_Russian_action_and_the_link()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var client = await portal.LoginAsync(TestWorld.Email(Roles.Admin));

        using var response = await client.GetAsync("/admin/audit");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Создан план").And.Contain($"href=\"/roadmaps/{id}\"").And.NotContain(">plan.create<");
    }
}
