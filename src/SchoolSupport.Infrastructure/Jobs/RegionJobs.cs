using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Monitoring;

namespace SchoolSupport.Infrastructure.Jobs;

/// <summary>
/// The recurring jobs of each region, registered from the database: its identification on the region's own day, its
/// daily monitoring and its daily overdue marks. Each region has its own entries, so one region's failure is its own
/// job's failure and the others run. At start-up every region is registered; a region created while the portal runs is
/// registered by <see cref="RegisterAsync"/> at once, and a region that changes its identification day is registered again.
/// </summary>
public sealed class RegionJobs(IRecurringJobManager recurring, SystemDb systemDb, ILogger<RegionJobs> log)
{
    /// <summary>The entries of the time before jobs were per region; removed at start-up.</summary>
    private static readonly string[] Legacy = [MonitoringJob.RecurringId, OverdueItemsJob.RecurringId];

    public static string MonitoringId(string regionCode) => $"{MonitoringJob.RecurringId}-{regionCode}";

    public static string OverdueId(string regionCode) => $"{OverdueItemsJob.RecurringId}-{regionCode}";

    public static string IdentificationId(string regionCode) => RunIdentification.RecurringId(regionCode);

    /// <summary>Every region of the database; a region that cannot be registered is logged and the others go on. Returns how many were registered.</summary>
    public async Task<int> RegisterAllAsync(CancellationToken ct = default)
    {
        foreach (var id in Legacy) recurring.RemoveIfExists(id);
        List<Guid> regions;
        await using (var db = systemDb.Create()) regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => r.Id).ToListAsync(ct);
        var registered = 0;
        foreach (var regionId in regions)
        {
            try
            {
                await RegisterAsync(regionId, ct);
                registered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Recurring jobs of region {RegionId} were not registered; the other regions go on", regionId);
            }
        }
        return registered;
    }

    /// <summary>
    /// Registers (or updates) the recurring jobs of one region from its row and calendar settings. Call it after creating a
    /// region: its jobs run from then on without a restart. Safe to call any number of times.
    /// </summary>
    public async Task RegisterAsync(Guid regionId, CancellationToken ct = default)
    {
        await using var db = systemDb.Create();
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new { r.Code, r.TimeZone }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Region {regionId} does not exist.");
        var code = region.Code;
        // The jobs run at the region's own hour: 02:00 in Novosibirsk is not 02:00 in Moscow.
        var options = new RecurringJobOptions { TimeZone = TimeZoneOf(region.TimeZone) };
        var calendar = await db.Set<RegionCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.RegionId == regionId, ct)
            ?? RegionCalendar.For(regionId, CalendarTemplate.Saratov, DateTimeOffset.MinValue);
        recurring.AddOrUpdate<YearlyIdentification>(IdentificationId(code), j => j.RunAsync(regionId, CancellationToken.None), calendar.IdentificationCron, options);
        recurring.AddOrUpdate<MonitoringJob>(MonitoringId(code), j => j.RunRegionAsync(regionId, CancellationToken.None), Cron.Daily(5), options);
        recurring.AddOrUpdate<OverdueItemsJob>(OverdueId(code), j => j.RunRegionAsync(regionId, CancellationToken.None), Cron.Daily(4), options);
        log.LogInformation("Recurring jobs of region {Code} registered in {TimeZone}: identification «{Cron}», monitoring and overdue marks daily",
            code, options.TimeZone.Id, calendar.IdentificationCron);
    }

    /// <summary>The region's IANA zone; a zone this machine does not know falls back to Moscow time rather than losing the jobs.</summary>
    public static TimeZoneInfo TimeZoneOf(string? ianaId)
    {
        foreach (var id in new[] { ianaId, "Europe/Moscow" })
        {
            if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return zone;
        }
        return TimeZoneInfo.Utc;
    }

    /// <summary>Removes a region's entries (a region deleted by the platform administrator).</summary>
    public void Remove(string regionCode)
    {
        recurring.RemoveIfExists(IdentificationId(regionCode));
        recurring.RemoveIfExists(MonitoringId(regionCode));
        recurring.RemoveIfExists(OverdueId(regionCode));
    }
}
