using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

public sealed class DistrictEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_DistrictCodeRequired))]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_DistrictCodeFormat))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_DistrictNameRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Structure_DistrictNameTooLong))]
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
        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        var duplicate = InfraFormat.Of(InfraText.Structure_DistrictCodeTaken, code);
        var district = await StructureUnits.OpenAsync<EducationalDistrict>(db, scope, edit, edit.Id, code, duplicate, InfraText.Structure_DistrictNotFound, ct);
        district.Code = code;
        district.Name = edit.Name.Trim();
        var municipalities = await db.Municipalities.Where(m => edit.MunicipalityIds.Contains(m.Id) || m.DistrictId == district.Id).ToListAsync(ct);
        if (municipalities.Count(m => edit.MunicipalityIds.Contains(m.Id)) != edit.MunicipalityIds.Count) throw new ScopeException(InfraText.Common_MunicipalityNotFound);
        foreach (var m in municipalities) m.DistrictId = edit.MunicipalityIds.Contains(m.Id) ? district.Id : null;
        edit.Id = await StructureUnits.SaveAsync(db, scope, district, "district", edit.Id is null,
            InfraFormat.Of(InfraText.Structure_DistrictSummary, district.Code, district.Name, edit.MunicipalityIds.Count), duplicate, clock, ct);
        return district.Id;
    }

    /// <summary>Deactivates (or reactivates) a district: its municipalities keep it in their history; it leaves the choice lists.</summary>
    public Task SetActiveAsync(Guid id, bool active, CancellationToken ct = default) =>
        StructureUnits.SetActiveAsync<EducationalDistrict>(dbs, current, clock, "district", id, active, InfraText.Structure_DistrictNotFound, ct);
}
