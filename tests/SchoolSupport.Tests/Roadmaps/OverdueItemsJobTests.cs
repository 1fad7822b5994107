using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Roadmaps;

public sealed class OverdueItemsJobTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed class RecordingEmail : IEmailSender
    {
        public List<string> Sent { get; } = [];

        public Task SendAsync(string to, string subject, string body, CancellationToken ct)
        {
            Sent.Add(to);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Past_deadline_items_become_overdue_and_the_team_and_coordinator_are_notified_once()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal, deadlineInDays: 5);
        var team = portal.World.Scope(Roles.School);
        var coordinator = portal.World.Scope(Roles.Municipal);
        async Task<uint> V() => (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, await V(), PlanStatus.Submitted, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.Approved, null);
        await portal.Service<MovePlan>(team).MoveAsync(id, await V(), PlanStatus.InProgress, null);
        var items = (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Items;
        var done = PlanItemEdit.From(items[0]);
        done.Status = PlanItemStatus.Done;
        done.Actual = "100 %";
        await portal.Service<SavePlanItem>(team).SaveItemAsync(done);
        var draftId = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal, deadlineInDays: 5);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(7));
        var email = new RecordingEmail();
        var job = new OverdueItemsJob(portal.Services.GetRequiredService<SystemDb>(), clock, email, NullLogger<OverdueItemsJob>.Instance);
        var notifiedUsers = new[] { portal.World.Scope(Roles.School).UserId, portal.World.Scope(Roles.Municipal).UserId };

        (await job.RunAsync(CancellationToken.None)).Should().Be(items.Count - 1);
        var after = (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Items;
        after.Single(i => i.Id == done.Id).Status.Should().Be(PlanItemStatus.Done);
        after.Where(i => i.Id != done.Id).Should().OnlyContain(i => i.Status == PlanItemStatus.Overdue);
        (await portal.Service<PlanQueries>(team).GetAsync(draftId))!.Plan.Items.Should().OnlyContain(i => i.Status == PlanItemStatus.Planned, "a draft is not carried out yet");

        await using (var db = portal.System())
        {
            var notes = await db.Notifications.Where(n => n.Link == $"/roadmaps/{id}" && n.Title.StartsWith("Просрочены")).ToListAsync();
            notes.Select(n => n.UserId).Should().BeEquivalentTo(notifiedUsers);
            notes.Should().NotContain(n => n.UserId == portal.World.Scope(Roles.Municipal, "a2").UserId);
        }
        email.Sent.Should().HaveCount(2);

        clock.Advance(TimeSpan.FromDays(1));
        (await job.RunAsync(CancellationToken.None)).Should().Be(0);
        await using (var db = portal.System())
        {
            (await db.Notifications.CountAsync(n => n.Link == $"/roadmaps/{id}" && n.Title.StartsWith("Просрочены"))).Should().Be(2);
        }
        email.Sent.Should().HaveCount(2);
    }
}
