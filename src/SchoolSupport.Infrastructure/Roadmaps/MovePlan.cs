using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Moves the plan along the workflow — the domain refuses wrong steps, the user's scope decides the role — and tells the other side.</summary>
public sealed class MovePlan(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<uint> MoveAsync(Guid planId, uint version, PlanStatus to, string? comment, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.VisibleTo(scope, db).Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ScopeException("План не найден.");
        StaleEdits.RefuseIfStale(plan.Version, version, PlanLookups.StaleMessage);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var sections = await PlanSections.EnsureAsync(db, scope, ct);
        var transition = plan.MoveTo(to, PlanRoles.RoleOf(plan, scope), comment, sections, scope.UserId, scope.UserName, clock.GetUtcNow());
        await NotifyAsync(db, plan, transition, ct);
        db.Record(scope, "plan.status", "plan", plan.Id, $"{PlanLabels.Of(transition.From)} → {PlanLabels.Of(transition.To)}", clock);
        await db.SaveOrRefuseStaleAsync(PlanLookups.StaleMessage, ct);
        return plan.Version;
    }

    /// <summary>The other side of the workflow hears about a step: the reviewers when a plan is submitted or reported, the owners otherwise.</summary>
    private async Task NotifyAsync(AppDbContext db, Plan plan, PlanTransition transition, CancellationToken ct)
    {
        var toReviewers = transition.To is PlanStatus.Submitted or PlanStatus.Reported;
        var users = toReviewers ? await PlanRecipients.ReviewersAsync(db, plan, ct) : await PlanRecipients.OwnersAsync(db, plan, ct);
        var title = $"«{plan.Title}»: {PlanLabels.Of(transition.To).ToLowerInvariant()}";
        foreach (var userId in users.Where(u => u != transition.UserId))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), RegionId = plan.RegionId, UserId = userId, CreatedAt = transition.At, Title = title,
                Body = transition.Comment ?? "", Link = $"/roadmaps/{plan.Id}",
            });
        }
    }
}
