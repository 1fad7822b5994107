using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Inbox;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

/// <summary>The menu's inbox count is cached per user, and a workflow step shows in it at once, not after the cache expires.</summary>
public sealed class InboxCountTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private Task<int> CountOf(string role, string region = "a") => portal.Service<InboxCount>(World.Scope(role, region)).CountAsync();

    [Fact]
    public async Task The_count_follows_each_workflow_step_at_once_and_only_for_the_people_it_concerns()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        var coordinator = World.Scope(Roles.Municipal);
        async Task<uint> V() => (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;

        var before = await CountOf(Roles.Municipal);
        (await CountOf(Roles.Municipal)).Should().Be(before, "the second read comes from the cache");
        var otherMunicipality = await CountOf(Roles.Municipal, "a2");
        var school = await CountOf(Roles.School);

        await portal.Service<MovePlan>(team).MoveAsync(id, await V(), PlanStatus.Submitted, null);
        (await CountOf(Roles.Municipal)).Should().Be(before + 1, "the submitted programme waits for its coordinator");
        (await CountOf(Roles.Municipal, "a2")).Should().Be(otherMunicipality, "another municipality's school");
        (await CountOf(Roles.Municipal)).Should().Be(await portal.Service<InboxQueries>(coordinator).CountAsync());

        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.Returned, "Уточните показатели раздела 3.");
        (await CountOf(Roles.Municipal)).Should().Be(before, "the returned programme no longer waits for the coordinator");
        (await CountOf(Roles.School)).Should().Be(school + 1, "it waits for the school");
    }

    [Fact]
    public async Task The_menu_of_a_signed_in_page_shows_the_count()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        await portal.Service<MovePlan>(team).MoveAsync(id, (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version, PlanStatus.Submitted, null);
        var expected = await portal.Service<InboxQueries>(World.Scope(Roles.Municipal)).CountAsync();
        expected.Should().BeGreaterThan(0);

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        var html = await client.GetStringAsync("/roadmaps");
        html.Should().MatchRegex($"data-testid=\"inbox-count\"[^>]*>\\s*(<[^>]+>\\s*)*{expected}\\s*<");
    }
}
