using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Platform;

public sealed record RegionRow(Guid Id, string Code, string Name, string TimeZone, int Administrators);

/// <summary>A region's administrator, by full name (the platform administrator sees nobody else of the region).</summary>
public sealed record RegionAdministrator(Guid Id, string FullName, bool LockedOut);

public sealed record RegionCard(Region Region, IReadOnlyList<RegionAdministrator> Administrators);

/// <summary>
/// What the platform administrator reads: the regions and, of each, only its administrators. Nothing here reads a tenant's
/// data (schools, results, lists, plans); the query filter would show the platform administrator none anyway.
/// </summary>
public sealed class RegionQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<IReadOnlyList<RegionRow>> ListAsync(CancellationToken ct = default)
    {
        current.RequireRole(Roles.PlatformAdmin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var admins = Administrators(db);
        return await db.Regions.AsNoTracking().OrderBy(r => r.Name)
            .Select(r => new RegionRow(r.Id, r.Code, r.Name, r.TimeZone, admins.Count(u => u.RegionId == r.Id)))
            .ToListAsync(ct);
    }

    public async Task<RegionCard?> CardAsync(Guid id, CancellationToken ct = default)
    {
        current.RequireRole(Roles.PlatformAdmin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (region is null) return null;
        var now = clock.GetUtcNow();
        var admins = await Administrators(db).Where(u => u.RegionId == id).OrderBy(u => u.FullName)
            .Select(u => new RegionAdministrator(u.Id, u.FullName, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
        return new RegionCard(region, admins);
    }

    private static IQueryable<Identity.AppUser> Administrators(AppDbContext db)
    {
        var adminRole = db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id);
        var adminIds = db.UserRoles.Where(ur => adminRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => adminIds.Contains(u.Id));
    }
}
