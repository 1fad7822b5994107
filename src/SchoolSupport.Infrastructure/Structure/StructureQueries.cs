using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Structure;

public sealed record DistrictRow(Guid Id, string Code, string Name, bool IsActive, int Municipalities);

public sealed record MunicipalityRow(Guid Id, string Code, string Name, bool IsActive, Guid? DistrictId, string? District, int Schools);

/// <summary>The region's structure as its administrator keeps it: every district and municipality, the deactivated ones too.</summary>
public sealed class StructureQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<IReadOnlyList<DistrictRow>> DistrictsAsync(CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Districts.AsNoTracking().OrderByDescending(d => d.IsActive).ThenBy(d => d.Name)
            .Select(d => new DistrictRow(d.Id, d.Code, d.Name, d.IsActive, db.Municipalities.Count(m => m.DistrictId == d.Id)))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MunicipalityRow>> MunicipalitiesAsync(CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Municipalities.AsNoTracking().OrderByDescending(m => m.IsActive).ThenBy(m => m.Name)
            .Select(m => new MunicipalityRow(m.Id, m.Code, m.Name, m.IsActive, m.DistrictId,
                db.Districts.Where(d => d.Id == m.DistrictId).Select(d => d.Name).FirstOrDefault(),
                db.Schools.Count(s => s.MunicipalityId == m.Id)))
            .ToListAsync(ct);
    }
}
