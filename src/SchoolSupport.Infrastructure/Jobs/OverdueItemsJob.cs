using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Jobs;

/// <summary>
/// Daily: open activities of plans being carried out whose deadline has passed become overdue, and the people behind the
/// plan (the school team and the municipal coordinator) hear about it once. Items already overdue are not touched again,
/// so a second run adds nothing.
/// </summary>
public sealed class OverdueItemsJob(SystemDb systemDb, TimeProvider clock, IEmailSender email, ILogger<OverdueItemsJob> log)
{
    public const string RecurringId = "plan-items-overdue";

    private static readonly PlanStatus[] Active = [PlanStatus.Approved, PlanStatus.InProgress, PlanStatus.Reported];

    /// <summary>Every region at once.</summary>
    public Task<int> RunAsync(CancellationToken ct) => RunAsync(null, ct);

    /// <summary>One region: the entry of the region's own recurring job.</summary>
    public Task<int> RunRegionAsync(Guid regionId, CancellationToken ct) => RunAsync(regionId, ct);

    private async Task<int> RunAsync(Guid? regionId, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = await db.PlanItems
            .Where(i => regionId == null || i.RegionId == regionId)
            .Where(i => (i.Status == PlanItemStatus.Planned || i.Status == PlanItemStatus.InProgress) && i.Deadline < today)
            .Where(i => db.Plans.Any(p => p.Id == i.PlanId && Active.Contains(p.Status)))
            .ToListAsync(ct);
        if (items.Count == 0) return 0;

        var planIds = items.Select(i => i.PlanId).Distinct().ToList();
        var plans = await db.Plans.Where(p => planIds.Contains(p.Id)).AsNoTracking().ToListAsync(ct);
        var mails = new List<(string To, string Subject, string Body)>();
        foreach (var plan in plans)
        {
            var overdue = items.Where(i => i.PlanId == plan.Id).ToList();
            foreach (var item in overdue) item.MarkOverdue(today);

            var recipients = (await PlanRecipients.OwnersAsync(db, plan, ct))
                .Concat(plan.MunicipalityId is null ? [] : await PlanRecipients.MunicipalCoordinatorsAsync(db, plan, ct))
                .Distinct().ToList();
            var title = InfraFormat.Of(InfraText.Job_OverdueTitle, plan.Title);
            var body = string.Join("\n", overdue.OrderBy(i => i.Deadline).Select(i => InfraFormat.Of(InfraText.Job_OverdueLine, i.Deadline, i.Activity, i.Responsible)));
            foreach (var userId in recipients)
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(), RegionId = plan.RegionId, UserId = userId, CreatedAt = now, Title = title, Body = body,
                    Link = $"/roadmaps/{plan.Id}",
                });
            }
            var addresses = await db.Users.Where(u => recipients.Contains(u.Id) && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
            mails.AddRange(addresses.Select(a => (a, title, body)));
            db.Record(null, "plan-item.overdue", "plan", plan.Id, InfraFormat.Of(InfraText.Job_OverdueCount, overdue.Count), clock);
        }
        // Each item changes status at most once; a concurrent run that got there first makes this save fail, not notify twice.
        await db.SaveChangesAsync(ct);
        foreach (var (to, subject, body) in mails)
        {
            try
            {
                await email.SendAsync(to, subject, body, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Reminder to {To} was not sent", to);
            }
        }
        log.LogInformation("Marked {Count} plan items overdue", items.Count);
        return items.Count;
    }
}
