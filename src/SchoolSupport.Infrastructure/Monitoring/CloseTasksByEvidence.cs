using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>
/// Closes the open monitoring tasks of a school, a municipality or the region whose output the evidence is, within a
/// year either side of the day (a task of an earlier cycle is not closed by this year's evidence). Called by the use
/// cases that produce the evidence before they save, so both go together.
/// </summary>
internal static class CloseTasksByEvidence
{
    public static async Task<int> CloseAsync(AppDbContext db, Guid targetId, string output, string evidence, string link, DateTimeOffset at, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var (from, to) = (day.AddYears(-1), day.AddYears(1));
        var tasks = await db.Set<MonitoringTask>()
            .Where(t => t.TargetId == targetId && t.OutputDocument == output && t.Status != MonitoringTaskStatus.Done && t.Due >= from && t.Due <= to)
            .ToListAsync(ct);
        return tasks.Count(t => t.CloseByEvidence(evidence, link, at));
    }
}
