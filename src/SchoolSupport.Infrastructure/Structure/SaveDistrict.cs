using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Structure;

public sealed class DistrictEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Укажите код округа.")]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessage = "Код округа: до 20 букв, цифр или дефисов.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Укажите наименование округа.")]
    [StringLength(300, ErrorMessage = "Наименование округа не длиннее 300 символов.")]
    public string Name { get; set; } = "";

    /// <summary>The municipalities the district groups (a municipality belongs to one district at most).</summary>
    public HashSet<Guid> MunicipalityIds { get; set; } = [];
}

/// <summary>The regional administrator creates, renames, deactivates an educational district and assigns municipalities to it. Audited.</summary>
public sealed class SaveDistrict(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> SaveAsync(DistrictEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        var refusals = StructureValidation.Validate(edit);
        if (refusals.Count > 0) throw new DomainException(refusals);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        if (await db.Districts.AnyAsync(d => d.Code == code && d.Id != edit.Id, ct))
        {
            throw new DomainException($"Округ с кодом {code} уже есть.", nameof(DistrictEdit.Code));
        }
        EducationalDistrict district;
        if (edit.Id is { } id)
        {
            district = await db.Districts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new ScopeException("Округ не найден.");
        }
        else
        {
            district = new EducationalDistrict { Id = Guid.NewGuid(), RegionId = scope.RegionId };
            db.Districts.Add(district);
        }
        district.Code = code;
        district.Name = edit.Name.Trim();
        var municipalities = await db.Municipalities.Where(m => edit.MunicipalityIds.Contains(m.Id) || m.DistrictId == district.Id).ToListAsync(ct);
        if (municipalities.Count(m => edit.MunicipalityIds.Contains(m.Id)) != edit.MunicipalityIds.Count) throw new ScopeException("Муниципалитет не найден.");
        foreach (var m in municipalities) m.DistrictId = edit.MunicipalityIds.Contains(m.Id) ? district.Id : null;
        db.Record(scope, edit.Id is null ? "district.create" : "district.update", "district", district.Id,
            $"{district.Code} {district.Name}; муниципалитетов: {edit.MunicipalityIds.Count}", clock);
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException($"Округ с кодом {code} уже есть.", nameof(DistrictEdit.Code));
        edit.Id = district.Id;
        return district.Id;
    }

    /// <summary>Deactivates (or reactivates) a district: its municipalities keep it in their history; it leaves the choice lists.</summary>
    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new ScopeException("Округ не найден.");
        if (district.IsActive == active) return;
        district.IsActive = active;
        db.Record(scope, active ? "district.reactivate" : "district.deactivate", "district", district.Id, $"{district.Code} {district.Name}", clock);
        await db.SaveChangesAsync(ct);
    }
}

internal static class StructureValidation
{
    public static List<Refusal> Validate(object edit)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(edit, new ValidationContext(edit), results, validateAllProperties: true);
        return results.Select(r => new Refusal(r.ErrorMessage!, r.MemberNames.FirstOrDefault())).ToList();
    }
}
