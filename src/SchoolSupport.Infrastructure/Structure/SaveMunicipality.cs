using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

public sealed class MunicipalityEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_MunicipalityCodeRequired))]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_MunicipalityCodeFormat))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_MunicipalityNameRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_MunicipalityNameTooLong))]
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
        var duplicate = InfraFormat.Of(InfraText.Structure_MunicipalityCodeTaken, code);
        var municipality = await StructureUnits.OpenAsync<Municipality>(db, scope, edit, edit.Id, code, duplicate, InfraText.Common_MunicipalityNotFound, ct);
        if (edit.DistrictId is { } districtId && districtId != municipality.DistrictId)
        {
            var district = await db.Districts.FirstOrDefaultAsync(d => d.Id == districtId, ct) ?? throw new ScopeException(InfraText.Structure_DistrictNotFound);
            if (!district.IsActive) throw new DomainException(InfraFormat.Of(InfraText.StructureImport_DistrictInactive, district.Name), nameof(MunicipalityEdit.DistrictId));
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
        StructureUnits.SetActiveAsync<Municipality>(dbs, current, clock, "municipality", id, active, InfraText.Common_MunicipalityNotFound, ct);
}
