using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>The daily job runs every region in its own transaction: one region that fails does not stop the others.</summary>
public sealed class MonitoringJobPerRegionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    [Fact]
    public async Task A_region_whose_run_fails_is_rolled_back_and_the_next_region_still_gets_its_tasks()
    {
        // Region A (the first by code) cannot save a monitoring task, as if its data broke a constraint.
        var refuse = $"""
                CREATE FUNCTION refuse_region_a_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'region A refused'; END $$;
                CREATE TRIGGER refuse_region_a_tasks BEFORE INSERT ON monitoring_tasks
                FOR EACH ROW WHEN (NEW.region_id = '{World.RegionA.Id}') EXECUTE FUNCTION refuse_region_a_tasks();
                """;
        await using (var db = portal.System()) await db.Database.ExecuteSqlRawAsync(refuse);
        var job = MonitoringJobTests.Job(portal, MonitoringJobTests.At(2030, 10, 1));

        var failed = await job.RunAsync(CancellationToken.None);

        failed.FailedRegions.Should().Be(1);
        failed.TasksCreated.Should().Be(3, "region B's three operator tasks of stage 1");
        await using (var db = portal.System())
        {
            (await db.Set<MonitoringTask>().CountAsync(t => t.RegionId == World.RegionB.Id)).Should().Be(3);
            (await db.Set<MonitoringTask>().CountAsync(t => t.RegionId == World.RegionA.Id)).Should().Be(0);
            (await db.Set<MonitoringYear>().CountAsync(y => y.RegionId == World.RegionA.Id)).Should().Be(0, "region A's calendar went with its failed transaction");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_region_a_tasks ON monitoring_tasks; DROP FUNCTION refuse_region_a_tasks()");
        }

        // The next day's run catches region A up and adds nothing to region B.
        var next = await job.RunAsync(CancellationToken.None);

        next.FailedRegions.Should().Be(0);
        next.TasksCreated.Should().Be(3);
        await using (var db = portal.System())
        {
            (await db.Set<MonitoringTask>().CountAsync(t => t.RegionId == World.RegionA.Id)).Should().Be(3);
            (await db.Set<MonitoringTask>().CountAsync(t => t.RegionId == World.RegionB.Id)).Should().Be(3);
        }
    }
}
