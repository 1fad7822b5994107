using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

public enum StructureKind { Districts, Municipalities }

/// <summary>One row of a structure file, checked: a code, a name and (for a municipality) the code of its district.</summary>
public sealed record StructureRow(int Row, string Code, string Name, string DistrictCode);

/// <summary>A checked file: the rows, every error by row, and what the import would do.</summary>
public sealed record StructurePreview(StructureKind Kind, string FileName, IReadOnlyList<StructureRow> Rows, IReadOnlyList<ImportError> Errors,
    int New, int Changed, int Unchanged)
{
    public bool CanCommit => Errors.Count == 0 && Rows.Count > 0;
}

public sealed record StructureOutcome(int Rows, int Inserted, int Updated, int Unchanged);

/// <summary>
/// Municipalities and educational districts from XLSX/CSV: the file is checked whole first (preview of row errors in Russian),
/// then written all-or-nothing in one transaction, matched by code, so that the same file loaded twice changes nothing.
/// Rows absent from the file are left as they are (deactivation is a decision, taken on the page).
/// </summary>
public sealed class StructureImport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, ImportLimits limits)
{
    public static string DistrictCode => InfraText.StructureImport_ColumnDistrictCode;
    public static string DistrictName => InfraText.StructureImport_ColumnDistrictName;
    public static string MunicipalityCode => InfraText.Common_MunicipalityCode;
    public static string MunicipalityName => InfraText.StructureImport_ColumnMunicipalityName;

    public static IReadOnlyList<string> Columns(StructureKind kind) => kind == StructureKind.Districts
        ? [DistrictCode, DistrictName]
        : [MunicipalityCode, MunicipalityName, DistrictCode];

    public static string Title(StructureKind kind) => kind == StructureKind.Districts ? InfraText.StructureImport_DistrictsTitle : InfraText.Common_Municipalities;

    public static void WriteTemplate(StructureKind kind, bool csv, Stream output) =>
        SmallTable.Write(Columns(kind), kind == StructureKind.Districts
            ? [["OK-1", InfraText.StructureImport_ExampleDistrict]]
            : [["MO-01", InfraText.StructureImport_ExampleMunicipality1, ""], ["MO-02", InfraText.StructureImport_ExampleMunicipality2, "OK-1"]], csv, output, Title(kind));

    public async Task<StructurePreview> PrepareAsync(StructureKind kind, Stream content, string fileName, CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        var table = SmallTable.Read(content, fileName, limits, Columns(kind), Title(kind));
        var errors = new List<ImportError>();
        var rows = new List<StructureRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, ct);
        var what = kind == StructureKind.Districts ? InfraText.StructureImport_OfDistrict : InfraText.StructureImport_OfMunicipality;
        foreach (var (row, cells) in table)
        {
            var (code, name) = (cells[0], cells[1]);
            var district = kind == StructureKind.Municipalities ? cells[2] : "";
            var before = errors.Count;
            if (code.Length == 0) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_CodeMissing, what)));
            else if (!SmallTable.IsCode(code)) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_CodeFormat, what, Echo(code))));
            else if (seen.TryGetValue(code, out var first)) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_CodeRepeated, code, first)));
            if (name.Length == 0) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_NameMissing, what)));
            else if (name.Length > 300) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_NameTooLong, what)));
            if (district.Length > 0)
            {
                if (!districts.TryGetValue(district, out var d)) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_DistrictNotInRegion, Echo(district))));
                else if (!d.IsActive) errors.Add(new ImportError(row, InfraFormat.Of(InfraText.StructureImport_DistrictInactive, d.Name)));
            }
            if (code.Length > 0) seen.TryAdd(code, row);
            if (errors.Count == before) rows.Add(new StructureRow(row, code, name, district));
        }
        if (table.Count == 0) errors.Add(new ImportError(0, InfraText.Import_NoRows));
        var (added, changed, unchanged) = await CountAsync(db, kind, rows, districts, ct);
        return new StructurePreview(kind, fileName, rows, errors, added, changed, unchanged);
    }

    public async Task<StructureOutcome> CommitAsync(StructurePreview preview, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        if (!preview.CanCommit) throw new DomainException(InfraText.Import_ErrorsFixAndReupload);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, ct);
        int inserted = 0, updated = 0, unchanged = 0;
        if (preview.Kind == StructureKind.Districts)
        {
            foreach (var r in preview.Rows)
            {
                if (districts.TryGetValue(r.Code, out var d))
                {
                    if (d.Name == r.Name) { unchanged++; continue; }
                    d.Name = r.Name;
                    updated++;
                }
                else
                {
                    db.Districts.Add(new EducationalDistrict { Id = Guid.NewGuid(), RegionId = scope.RegionId, Code = r.Code, Name = r.Name });
                    inserted++;
                }
            }
        }
        else
        {
            var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, ct);
            foreach (var r in preview.Rows)
            {
                Guid? districtId = null;
                if (r.DistrictCode.Length > 0)
                {
                    if (!districts.TryGetValue(r.DistrictCode, out var d) || !d.IsActive)
                        throw new DomainException(InfraFormat.Of(InfraText.StructureImport_DistrictGone, r.Row, r.DistrictCode));
                    districtId = d.Id;
                }
                if (municipalities.TryGetValue(r.Code, out var m))
                {
                    if (m.Name == r.Name && m.DistrictId == districtId) { unchanged++; continue; }
                    m.Name = r.Name;
                    m.DistrictId = districtId;
                    updated++;
                }
                else
                {
                    db.Municipalities.Add(new Municipality { Id = Guid.NewGuid(), RegionId = scope.RegionId, Code = r.Code, Name = r.Name, DistrictId = districtId });
                    inserted++;
                }
            }
        }
        var outcome = new StructureOutcome(preview.Rows.Count, inserted, updated, unchanged);
        db.Record(scope, preview.Kind == StructureKind.Districts ? "import.districts" : "import.municipalities", "import", preview.FileName,
            InfraFormat.Of(InfraText.StructureImport_Summary, preview.FileName, outcome.Rows, inserted, updated, unchanged), clock);
        // One SaveChanges is one transaction: the whole file or nothing.
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraText.StructureImport_Stale);
        return outcome;
    }

    private static async Task<(int, int, int)> CountAsync(AppDbContext db, StructureKind kind, List<StructureRow> rows,
        Dictionary<string, EducationalDistrict> districts, CancellationToken ct)
    {
        int added = 0, changed = 0, same = 0;
        if (kind == StructureKind.Districts)
        {
            foreach (var r in rows)
            {
                if (!districts.TryGetValue(r.Code, out var d)) added++;
                else if (d.Name == r.Name) same++;
                else changed++;
            }
            return (added, changed, same);
        }
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, ct);
        foreach (var r in rows)
        {
            Guid? districtId = r.DistrictCode.Length > 0 ? districts[r.DistrictCode].Id : null;
            if (!municipalities.TryGetValue(r.Code, out var m)) added++;
            else if (m.Name == r.Name && m.DistrictId == districtId) same++;
            else changed++;
        }
        return (added, changed, same);
    }

    private static string Echo(string text) => text.Length > ImportLimits.EchoChars ? text[..ImportLimits.EchoChars] + "…" : text;
}
