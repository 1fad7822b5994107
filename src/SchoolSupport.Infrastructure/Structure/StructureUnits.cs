using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>
/// What saving a municipality and an educational district share: the edit's attributes checked, a code unique in the
/// region, the unit opened or added, the audit record, and (de)activation. <c>kind</c> names the unit in the audit.
/// </summary>
internal static class StructureUnits
{
    public static List<Refusal> Validate(object edit)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(edit, new ValidationContext(edit), results, validateAllProperties: true);
        return results.Select(r => new Refusal(r.ErrorMessage!, r.MemberNames.FirstOrDefault())).ToList();
    }

    /// <summary>Refuses an invalid edit or a code another unit of the region has; then the unit to edit, or a new one added to the region.</summary>
    public static async Task<T> OpenAsync<T>(AppDbContext db, UserScope scope, object edit, Guid? id, string code, string duplicate, string notFound, CancellationToken ct)
        where T : class, IStructureUnit, new()
    {
        var refusals = Validate(edit);
        if (refusals.Count > 0) throw new DomainException(refusals);
        var units = db.Set<T>();
        if (await units.AnyAsync(u => u.Code == code && u.Id != id, ct)) throw new DomainException(duplicate, nameof(IStructureUnit.Code));
        if (id is { } existing) return await units.FirstOrDefaultAsync(u => u.Id == existing, ct) ?? throw new ScopeException(notFound);
        var unit = new T { Id = Guid.NewGuid(), RegionId = scope.RegionId };
        units.Add(unit);
        return unit;
    }

    /// <summary>Audits the creation or the update and saves; a code taken meanwhile by another unit is refused.</summary>
    public static async Task<Guid> SaveAsync(AppDbContext db, UserScope scope, IStructureUnit unit, string kind, bool created, string details, string duplicate,
        TimeProvider clock, CancellationToken ct)
    {
        db.Record(scope, created ? $"{kind}.create" : $"{kind}.update", kind, unit.Id, details, clock);
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(duplicate, nameof(IStructureUnit.Code));
        return unit.Id;
    }

    /// <summary>Deactivates (or reactivates) a unit: what refers to it keeps it in its history; it leaves the choice lists.</summary>
    public static async Task SetActiveAsync<T>(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, string kind, Guid id, bool active,
        string notFound, CancellationToken ct)
        where T : class, IStructureUnit
    {
        var scope = current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await db.Set<T>().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new ScopeException(notFound);
        if (unit.IsActive == active) return;
        unit.IsActive = active;
        db.Record(scope, active ? $"{kind}.reactivate" : $"{kind}.deactivate", kind, unit.Id, $"{unit.Code} {unit.Name}", clock);
        await db.SaveChangesAsync(ct);
    }
}
