using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Everything the plan page shows: the plan with items, comments and history, and what this user may do with it.</summary>
public sealed record PlanView(Plan Plan, string OwnerName, IReadOnlyList<PlanSection> Sections, PlanRole Role, bool CanComment,
    IReadOnlyList<PlanSection> MissingSections, IReadOnlyList<PlanStatus> NextSteps)
{
    public bool CanEditContent => Role == PlanRole.Owner && Plan.IsEditable;
    public bool CanRecordProgress => Role == PlanRole.Owner && Plan.IsInExecution;
}

/// <summary>Reading a plan: the plan page with what this user may do with it.</summary>
public sealed class PlanQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, SharedReads shared)
{
    public Task<PlanView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(PlanView), id, () => ReadAsync(scope, id, ct));
    }

    private async Task<PlanView?> ReadAsync(UserScope scope, Guid id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db)
            .Include(p => p.Items).Include(p => p.Comments).Include(p => p.Transitions.OrderBy(t => t.At))
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        plan.Items = plan.Items.OrderBy(i => i.Deadline).ThenBy(i => i.Activity).ToList();
        plan.Comments = plan.Comments.OrderBy(c => c.At).ToList();
        var sections = await PlanSections.EnsureAsync(db, scope, ct);
        var role = PlanRoles.RoleOf(plan, scope);
        return new PlanView(plan, await PlanLookups.OwnerNameAsync(db, plan, ct), sections, role, PlanRoles.CanComment(plan, scope),
            plan.MissingSections(sections), Plan.NextFor(plan.Status, role).ToList());
    }
}
