using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>Recurring jobs are registered per region from the database; a region created while the portal runs gets them at once.</summary>
public sealed class RegionJobsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private List<RecurringJobDto> Recurring()
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private async Task<Region> NewRegionAsync(CalendarTemplate? template = null, string? rawCalendar = null)
    {
        var region = new Region { Id = Guid.NewGuid(), Code = "N" + Random.Shared.Next(1_000_000), Name = "Новая область", AuthorityName = "Министерство" };
        await using var db = portal.System();
        db.Regions.Add(region);
        if (template is { } t) db.Add(RegionCalendar.For(region.Id, t, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        if (rawCalendar is not null)
            await db.Database.ExecuteSqlRawAsync(rawCalendar.Replace("{region}", region.Id.ToString()));
        return region;
    }

    [Fact]
    public async Task Every_region_has_its_own_identification_monitoring_and_overdue_jobs_from_start_up_and_no_global_ones()
    {
        // What start-up does (the test world's regions are made after the portal started).
        await portal.Services.GetRequiredService<RegionJobs>().RegisterAllAsync();

        var ids = Recurring().Select(j => j.Id).ToList();

        foreach (var code in new[] { portal.World.RegionA.Code, portal.World.RegionB.Code })
        {
            ids.Should().Contain([RegionJobs.IdentificationId(code), RegionJobs.MonitoringId(code), RegionJobs.OverdueId(code)]);
        }
        ids.Should().NotContain([MonitoringJob.RecurringId, OverdueItemsJob.RecurringId]);
    }

    [Fact]
    public async Task A_region_created_while_the_portal_runs_gets_its_jobs_at_once_and_its_monitoring_runs_on_its_template()
    {
        var region = await NewRegionAsync(CalendarTemplate.Kirov);
        Recurring().Should().NotContain(j => j.Id == RegionJobs.MonitoringId(region.Code));

        await portal.Services.GetRequiredService<RegionJobs>().RegisterAsync(region.Id);

        var jobs = Recurring();
        jobs.Single(j => j.Id == RegionJobs.IdentificationId(region.Code)).Cron.Should().Be("0 2 1 11 *");
        jobs.Single(j => j.Id == RegionJobs.MonitoringId(region.Code)).Cron.Should().Be(Cron.Daily(5));
        jobs.Single(j => j.Id == RegionJobs.OverdueId(region.Code)).Cron.Should().Be(Cron.Daily(4));
        // What the job runs: the region's own monitoring, its year built on its own template.
        var run = await MonitoringJobTests.Job(portal, MonitoringJobTests.At(2030, 9, 5)).RunRegionAsync(region.Id, CancellationToken.None);
        run.FailedRegions.Should().Be(0);
        await using var db = portal.System();
        var year = await db.Set<MonitoringYear>().Include(y => y.Stages).SingleAsync(y => y.RegionId == region.Id);
        year.Stages.Should().HaveCount(3);
        (await db.Set<MonitoringYear>().AnyAsync(y => y.RegionId == portal.World.RegionA.Id && y.Year == 2030)).Should().BeFalse("one region's job runs that region only");
    }

    [Fact]
    public async Task A_region_that_cannot_be_registered_is_logged_and_the_other_regions_are_registered()
    {
        // A broken row (a month that does not exist) makes an invalid schedule for that region only.
        var broken = await NewRegionAsync(CalendarTemplate.Saratov, "UPDATE region_calendars SET identification_month = 13 WHERE region_id = '{region}'");
        var fine = await NewRegionAsync();

        var registered = await portal.Services.GetRequiredService<RegionJobs>().RegisterAllAsync();

        await using var db = portal.System();
        registered.Should().Be(await db.Regions.CountAsync() - 1);
        var ids = Recurring().Select(j => j.Id).ToList();
        ids.Should().Contain(RegionJobs.MonitoringId(fine.Code));
        ids.Should().Contain(RegionJobs.IdentificationId(fine.Code));
        ids.Should().NotContain(RegionJobs.IdentificationId(broken.Code));
        await db.Database.ExecuteSqlAsync($"DELETE FROM region_calendars WHERE region_id = {broken.Id}");
    }

    [Fact]
    public async Task Registering_a_region_that_does_not_exist_is_refused()
    {
        var register = () => portal.Services.GetRequiredService<RegionJobs>().RegisterAsync(Guid.NewGuid());

        await register.Should().ThrowAsync<InvalidOperationException>();
    }
}
