using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Structure;

public sealed class MunicipalityEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Укажите код муниципалитета.")]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessage = "Код муниципалитета: до 20 букв, цифр или дефисов.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Укажите наименование муниципалитета.")]
    [StringLength(300, ErrorMessage = "Наименование муниципалитета не длиннее 300 символов.")]
    public string Name { get; set; } = "";

    public Guid? DistrictId { get; set; }
}

/// <summary>The regional administrator creates, renames, re-assigns to a district and deactivates a municipality. Audited.</summary>
public sealed class SaveMunicipality(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> SaveAsync(MunicipalityEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        var refusals = StructureValidation.Validate(edit);
        if (refusals.Count > 0) throw new DomainException(refusals);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        if (await db.Municipalities.AnyAsync(m => m.Code == code && m.Id != edit.Id, ct))
        {
            throw new DomainException($"Муниципалитет с кодом {code} уже есть.", nameof(MunicipalityEdit.Code));
        }
        Municipality municipality;
        if (edit.Id is { } id)
        {
            municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ScopeException("Муниципалитет не найден.");
        }
        else
        {
            municipality = new Municipality { Id = Guid.NewGuid(), RegionId = scope.RegionId };
            db.Municipalities.Add(municipality);
        }
        if (edit.DistrictId is { } districtId && districtId != municipality.DistrictId)
        {
            var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == districtId, ct) ?? throw new ScopeException("Округ не найден.");
            if (!district.IsActive) throw new DomainException($"Округ «{district.Name}» не действует.", nameof(MunicipalityEdit.DistrictId));
        }
        municipality.Code = code;
        municipality.Name = edit.Name.Trim();
        municipality.DistrictId = edit.DistrictId;
        db.Record(scope, edit.Id is null ? "municipality.create" : "municipality.update", "municipality", municipality.Id,
            $"{municipality.Code} {municipality.Name}", clock);
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException($"Муниципалитет с кодом {code} уже есть.", nameof(MunicipalityEdit.Code));
        edit.Id = municipality.Id;
        return municipality.Id;
    }

    /// <summary>Deactivates (or reactivates) a municipality: its schools and history stay; it leaves the choice lists.</summary>
    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var municipality = await db.Municipalities.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ScopeException("Муниципалитет не найден.");
        if (municipality.IsActive == active) return;
        municipality.IsActive = active;
        db.Record(scope, active ? "municipality.reactivate" : "municipality.deactivate", "municipality", municipality.Id,
            $"{municipality.Code} {municipality.Name}", clock);
        await db.SaveChangesAsync(ct);
    }
}
