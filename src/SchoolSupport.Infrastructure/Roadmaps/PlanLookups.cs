using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Lookups the plan use cases share: the plan the user owns, the plan's owner name, the stale-page message.</summary>
internal static class PlanLookups
{
    public static string StaleMessage => InfraText.Plan_Stale;

    public static async Task<string> OwnerNameAsync(AppDbContext db, Plan plan, CancellationToken ct) => plan.Level switch
    {
        PlanLevel.School => await db.Schools.Where(s => s.Id == plan.SchoolId).Select(s => s.ShortName).FirstOrDefaultAsync(ct) ?? "",
        PlanLevel.Municipality => await db.Municipalities.Where(m => m.Id == plan.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "",
        _ => await db.Regions.Where(r => r.Id == plan.RegionId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "",
    };

    /// <summary>The plan whose activities the user changes: visible and the user's own.</summary>
    public static async Task<Plan> PlanWithOwnItemsAsync(AppDbContext db, UserScope scope, Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException(InfraText.Plan_NotFound);
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException(InfraText.Plan_OnlyDeveloperEditsItems);
        return plan;
    }

    public static async Task<Plan> OwnPlanAsync(AppDbContext db, UserScope scope, Guid id, uint version, CancellationToken ct)
    {
        var plan = await db.Plans.VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new ScopeException(InfraText.Plan_NotFound);
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException(InfraText.Plan_OnlyDeveloperEdits);
        StaleEdits.RefuseIfStale(plan.Version, version, StaleMessage);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        return plan;
    }
}
