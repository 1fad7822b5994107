using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>The owner changes the heading of a draft or returned plan: kind, title, period and goals.</summary>
public sealed class SavePlanHeader(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task SaveHeaderAsync(PlanHeaderEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await PlanLookups.OwnPlanAsync(db, scope, edit.Id ?? Guid.Empty, edit.Version, ct);
        plan.EnsureEditable();
        plan.Kind = edit.Kind;
        plan.Title = edit.Title.Trim();
        plan.PeriodFrom = edit.PeriodFrom;
        plan.PeriodTo = edit.PeriodTo;
        plan.Goals = edit.Goals.Trim();
        db.Record(scope, "plan.update", "plan", plan.Id, plan.Title, clock);
        await db.SaveOrRefuseStaleAsync(PlanLookups.StaleMessage, ct);
        edit.Version = plan.Version;
    }
}
