using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>The owner removes an activity from a draft or returned plan.</summary>
public sealed class DeletePlanItem(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task DeleteItemAsync(Guid planId, Guid itemId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await PlanLookups.PlanWithOwnItemsAsync(db, scope, planId, ct);
        plan.EnsureEditable();
        var item = await db.PlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, ct) ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
        db.PlanItems.Remove(item);
        db.Record(scope, "plan-item.delete", "plan", plan.Id, item.Activity, clock);
        await db.SaveChangesAsync(ct);
    }
}
