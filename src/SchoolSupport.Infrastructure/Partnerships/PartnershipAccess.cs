using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>
/// Who manages and who reports on a partnership, shared by its use cases. Who sees it at all is decided in
/// Access/Visibility.cs; here only the rules on top: the operator manages all, a municipal coordinator the partnerships
/// whose schools are all in the municipality, a school team of a participating school reports while the agreement is in force.
/// </summary>
internal static class PartnershipAccess
{
    public static string StaleMessage => InfraText.Partnership_Stale;

    public static IQueryable<Partnership> Visible(AppDbContext db, UserScope scope) => db.Partnerships.VisibleTo(scope, db);

    public static bool CanManage(UserScope scope, IEnumerable<Guid> municipalities) =>
        scope.IsIn(Roles.Operator) || (scope.IsIn(Roles.Municipal) && scope.MunicipalityId is { } own && municipalities.All(m => m == own));

    /// <summary>Managers, or the team of the leader or a supported school, while the agreement is signed or in force.</summary>
    public static bool CanReport(UserScope scope, Partnership p, bool canManage) =>
        (canManage || (scope.IsIn(Roles.School) && scope.SchoolId is { } own && (own == p.LeaderSchoolId || p.Schools.Any(s => s.SchoolId == own))))
        && p.Status is PartnershipStatus.Signed or PartnershipStatus.Active;

    /// <summary>The partnership (tracked, with its schools) when the user sees it and may manage it; refuses otherwise.</summary>
    public static async Task<Partnership> ManagedAsync(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        var p = await Visible(db, scope).Include(x => x.Schools).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(InfraText.Partnership_NotFound);
        if (!CanManage(scope, await MunicipalitiesAsync(db, p, ct))) throw new ScopeException(InfraText.Partnership_NoRight);
        return p;
    }

    /// <summary>The municipalities of the leader and the supported schools.</summary>
    public static async Task<List<Guid>> MunicipalitiesAsync(AppDbContext db, Partnership p, CancellationToken ct)
    {
        var ids = p.Schools.Select(x => x.SchoolId).Append(p.LeaderSchoolId).ToList();
        return await db.Schools.Where(s => ids.Contains(s.Id)).Select(s => s.MunicipalityId).ToListAsync(ct);
    }
}
