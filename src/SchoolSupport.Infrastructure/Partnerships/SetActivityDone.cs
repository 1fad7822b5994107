using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>Marks an activity of the joint plan done or not done.</summary>
public sealed class SetActivityDone(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task SetAsync(Guid id, Guid activityId, bool done, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
        var activity = await db.PartnershipActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.PartnershipId == p.Id, ct)
            ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
        activity.Done = done;
        await db.SaveChangesAsync(ct);
    }
}
