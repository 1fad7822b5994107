using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>The users behind a plan: its owners (the team that carries it out) and its reviewers.</summary>
internal static class PlanRecipients
{
    public static Task<List<Guid>> OwnersAsync(AppDbContext db, Plan plan, CancellationToken ct) => plan.Level switch
    {
        PlanLevel.School => UsersAsync(db, plan.RegionId, Roles.School, u => u.SchoolId == plan.SchoolId, ct),
        PlanLevel.Municipality => UsersAsync(db, plan.RegionId, Roles.Municipal, u => u.MunicipalityId == plan.MunicipalityId, ct),
        _ => UsersAsync(db, plan.RegionId, Roles.Operator, _ => true, ct),
    };

    public static Task<List<Guid>> ReviewersAsync(AppDbContext db, Plan plan, CancellationToken ct) => plan.Level switch
    {
        PlanLevel.School => UsersAsync(db, plan.RegionId, Roles.Municipal, u => u.MunicipalityId == plan.MunicipalityId, ct),
        _ => UsersAsync(db, plan.RegionId, Roles.Ministry, _ => true, ct),
    };

    public static Task<List<Guid>> MunicipalCoordinatorsAsync(AppDbContext db, Plan plan, CancellationToken ct) =>
        UsersAsync(db, plan.RegionId, Roles.Municipal, u => u.MunicipalityId == plan.MunicipalityId, ct);

    private static async Task<List<Guid>> UsersAsync(AppDbContext db, Guid regionId, string role, System.Linq.Expressions.Expression<Func<Identity.AppUser, bool>> where,
        CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.Users.Where(u => u.RegionId == regionId).Where(where)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => u.Id).ToListAsync(ct);
    }
}
