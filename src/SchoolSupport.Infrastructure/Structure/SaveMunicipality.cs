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
        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        var duplicate = $"Муниципалитет с кодом {code} уже есть.";
        var municipality = await StructureUnits.OpenAsync<Municipality>(db, scope, edit, edit.Id, code, duplicate, "Муниципалитет не найден.", ct);
        if (edit.DistrictId is { } districtId && districtId != municipality.DistrictId)
        {
            var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == districtId, ct) ?? throw new ScopeException("Округ не найден.");
            if (!district.IsActive) throw new DomainException($"Округ «{district.Name}» не действует.", nameof(MunicipalityEdit.DistrictId));
        }
        municipality.Code = code;
        municipality.Name = edit.Name.Trim();
        municipality.DistrictId = edit.DistrictId;
        edit.Id = await StructureUnits.SaveAsync(db, scope, municipality, "municipality", edit.Id is null,
            $"{municipality.Code} {municipality.Name}", duplicate, clock, ct);
        return municipality.Id;
    }

    /// <summary>Deactivates (or reactivates) a municipality: its schools and history stay; it leaves the choice lists.</summary>
    public Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default) =>
        StructureUnits.SetActiveAsync<Municipality>(dbs, current, clock, "municipality", id, active, "Муниципалитет не найден.", ct);
}
