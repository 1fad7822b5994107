using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Jobs;

/// <summary>Nightly clean-up: read notifications older than half a year are removed. Safe to run any number of times.</summary>
public sealed class HousekeepingJob(SystemDb systemDb, TimeProvider clock, ILogger<HousekeepingJob> log)
{
    public const string RecurringId = "housekeeping";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var cutoff = clock.GetUtcNow().AddDays(-180);
        var removed = await db.Notifications.Where(n => n.ReadAt != null && n.ReadAt < cutoff).ExecuteDeleteAsync(ct);
        log.LogInformation("Housekeeping removed {Count} old notifications", removed);
        return removed;
    }
}
