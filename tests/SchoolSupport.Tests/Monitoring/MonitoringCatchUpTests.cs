using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>
/// A region that starts in December (the demo started on any day of the year): the days of the year before today are run as the daily
/// job would have run them, so that the closed stage of November has its tasks, overdue from today's run on, and nothing is mailed.
/// </summary>
public sealed class MonitoringCatchUpTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    [Fact]
    public async Task A_region_that_starts_in_december_has_the_tasks_of_november_and_they_are_overdue()
    {
        var clock = MonitoringJobTests.At(2031, 12, 1);
        var email = new RecordingEmail();
        var job = MonitoringJobTests.Job(portal, clock, email);

        await job.CatchUpRegionAsync(World.RegionA.Id, CancellationToken.None);
        await job.CatchUpRegionAsync(World.RegionA.Id, CancellationToken.None);

        await using (var db = portal.System())
        {
            var year = await db.Set<MonitoringYear>().Include(y => y.Stages).SingleAsync(y => y.RegionId == World.RegionA.Id && y.Year == 2031);
            year.Stages.Single(s => s.Number == 2).OpenedAt.Should().Be(new DateTimeOffset(2031, 11, 1, 5, 0, 0, TimeSpan.Zero), "the stage opened on its day");
            var november = await db.Set<MonitoringTask>().Where(t => t.RegionId == World.RegionA.Id && t.Due == new DateOnly(2031, 11, 30)).ToListAsync();
            november.Should().Contain(t => t.Actor == MonitoringActor.School && t.SchoolId == World.SchoolA1.Id)
                .And.Contain(t => t.Actor == MonitoringActor.Municipal);
            november.GroupBy(t => (t.TemplateId, t.TargetId)).Should().OnlyContain(g => g.Count() == 1, "a second catch-up adds nothing");
            (await db.Set<MonitoringYear>().AnyAsync(y => y.RegionId == World.RegionB.Id)).Should().BeFalse("only the region caught up is run");
        }
        email.Sent.Should().BeEmpty("reminders of days gone by are not mailed");

        await job.RunRegionAsync(World.RegionA.Id, CancellationToken.None);
        await using (var db = portal.System())
        {
            (await db.Set<MonitoringStage>().SingleAsync(s => s.RegionId == World.RegionA.Id && s.Number == 2)).Status.Should().Be(StageStatus.Closed);
            (await db.Set<MonitoringTask>().Where(t => t.RegionId == World.RegionA.Id && t.Due == new DateOnly(2031, 11, 30)).ToListAsync())
                .Should().OnlyContain(t => t.Status == MonitoringTaskStatus.Overdue);
        }
    }
}
