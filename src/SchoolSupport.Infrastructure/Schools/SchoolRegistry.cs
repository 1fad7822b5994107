using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Infrastructure.Structure;

namespace SchoolSupport.Infrastructure.Schools;

public enum SchoolSort { Code, Name, Municipality, Enrolment, Locality }

public enum SchoolFlag { InnovationSite, Leader, ConsultingCentre, Participant500Plus, AdvancedStudy }

public sealed record SchoolQuery(
    string? Search = null, Guid? MunicipalityId = null, Locality? Locality = null, SchoolFlag? Flag = null,
    SchoolSort Sort = SchoolSort.Name, bool Descending = false, int Page = 0, int PageSize = 25);

public sealed record SchoolRow(Guid Id, string Code, string ShortName, string Municipality, Locality Locality, EducationLevels Levels,
    int Enrolment, bool IsInnovationSite, LeaderKind Leader, bool IsConsultingCentre, bool Is500Plus);

public sealed record SchoolCard(School School, string Municipality, IReadOnlyList<SchoolYearProfile> Profiles,
    IReadOnlyList<AssessmentResult> Results, bool CanEdit);

/// <summary>The editable fields of a school, with their validation.</summary>
public sealed class SchoolEdit
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_CodeRequired))]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_CodeFormat))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_FullNameRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_FullNameTooLong))]
    public string FullName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_ShortNameRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_ShortNameTooLong))]
    public string ShortName { get; set; } = "";

    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_AddressTooLong))]
    public string Address { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_MunicipalityRequired))]
    public Guid? MunicipalityId { get; set; }

    public Locality Locality { get; set; }
    public EducationLevels Levels { get; set; } = EducationLevels.Primary | EducationLevels.Basic | EducationLevels.Secondary;
    public bool AdvancedStudy { get; set; }

    [Range(0, 10000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.School_StudentsRange))]
    public int Enrolment { get; set; }

    public bool IsInnovationSite { get; set; }
    public LeaderKind Leader { get; set; }
    public bool IsConsultingCentre { get; set; }
    public bool Is500Plus { get; set; }

    public static SchoolEdit From(School s) => new()
    {
        Id = s.Id, Version = s.Version, Code = s.Code, FullName = s.FullName, ShortName = s.ShortName, Address = s.Address,
        MunicipalityId = s.MunicipalityId, Locality = s.Locality, Levels = s.Levels, AdvancedStudy = s.AdvancedStudy,
        Enrolment = s.Enrolment, IsInnovationSite = s.IsInnovationSite, Leader = s.Leader, IsConsultingCentre = s.IsConsultingCentre,
        Is500Plus = s.Is500Plus,
    };
}

/// <summary>The school registry: search within scope, the school card, and create/edit by operators.</summary>
public sealed class SchoolRegistry(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SharedReads shared)
{
    public static bool CanEdit(UserScope scope) => scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Admin);

    /// <summary>A page of the registry and the number of schools found; the same search of the same part of the region is read
    /// once (<see cref="SharedReads"/>; the registry benchmark passes <see cref="SharedReads.None"/> and measures the queries).</summary>
    public Task<(IReadOnlyList<SchoolRow> Rows, int Total)> SearchAsync(SchoolQuery q, CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(SchoolQuery), q, () => ReadAsync(scope, q, ct));
    }

    private async Task<(IReadOnlyList<SchoolRow> Rows, int Total)> ReadAsync(UserScope scope, SchoolQuery q, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = Filter(db.Schools.AsNoTracking().VisibleTo(scope, db), q);
        var total = await query.CountAsync(ct);
        var rows = await Sort(query, q).Skip(q.Page * q.PageSize).Take(q.PageSize)
            .Select(s => new SchoolRow(s.Id, s.Code, s.ShortName, s.Municipality!.Name, s.Locality, s.Levels, s.Enrolment,
                s.IsInnovationSite, s.Leader, s.IsConsultingCentre, s.Is500Plus))
            .ToListAsync(ct);
        return (rows, total);
    }

    public async Task WriteXlsxAsync(SchoolQuery q, Stream output, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Sort(Filter(db.Schools.AsNoTracking().VisibleTo(scope, db), q), q)
            .Select(s => new { s.Code, s.ShortName, s.FullName, Municipality = s.Municipality!.Name, s.Address, s.Locality, s.Levels,
                s.AdvancedStudy, s.Enrolment, s.IsInnovationSite, s.Leader, s.IsConsultingCentre, s.Is500Plus })
            .ToListAsync(ct);
        // The headers are read from the resources once, not for each of up to 45,000 rows.
        string[] h = [InfraText.Import_ColumnCode, InfraText.School_ShortName, InfraText.School_FullName, InfraText.Common_Municipality,
            InfraText.School_Address, InfraText.School_Locality, InfraText.School_Levels, InfraText.School_Advanced, InfraText.School_Students,
            InfraText.School_Innovation, InfraText.School_Leader, InfraText.School_ConsultingCentre, InfraText.School_Project500];
        var sheet = rows.Select(s => new Dictionary<string, object>
        {
            [h[0]] = s.Code, [h[1]] = s.ShortName, [h[2]] = s.FullName, [h[3]] = s.Municipality, [h[4]] = s.Address,
            [h[5]] = Titles.Of(s.Locality), [h[6]] = Titles.Of(s.Levels), [h[7]] = RegistryColumns.YesNo(s.AdvancedStudy), [h[8]] = s.Enrolment,
            [h[9]] = RegistryColumns.YesNo(s.IsInnovationSite), [h[10]] = Titles.Of(s.Leader), [h[11]] = RegistryColumns.YesNo(s.IsConsultingCentre), [h[12]] = RegistryColumns.YesNo(s.Is500Plus),
        });
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, sheet, sheetName: InfraText.School_RegistryTitle, cancellationToken: ct);
    }

    public async Task<SchoolCard?> CardAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().VisibleTo(scope, db).Include(s => s.Municipality).Include(s => s.Profiles)
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (school is null) return null;
        var results = await db.Results.AsNoTracking().Where(r => r.SchoolId == id)
            .OrderByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Grade).ThenBy(r => r.Subject).ToListAsync(ct);
        return new SchoolCard(school, school.Municipality!.Name, school.Profiles.OrderByDescending(p => p.Year).ToList(), results, CanEdit(scope));
    }

    public Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(Municipality), "", () => ReadMunicipalitiesAsync(scope, ct));
    }

    private async Task<IReadOnlyList<Municipality>> ReadMunicipalitiesAsync(UserScope scope, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // A deactivated municipality keeps its schools but is no longer offered.
        return await db.Municipalities.AsNoTracking().Where(m => m.IsActive)
            .Where(m => scope.IsRegional || scope.MunicipalityId == null || m.Id == scope.MunicipalityId)
            .OrderBy(m => m.Name).ToListAsync(ct);
    }

    /// <summary>Creates or updates a school. Refuses with every validation message at once; a stale edit throws <see cref="StaleEditException"/>.</summary>
    public async Task SaveAsync(SchoolEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Admin);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(edit, new ValidationContext(edit), results, validateAllProperties: true);
        var refusals = results.Select(r => new Refusal(r.ErrorMessage!, r.MemberNames.FirstOrDefault())).ToList();
        if (edit.Levels == EducationLevels.None) refusals.Add(new Refusal(InfraText.School_LevelRequired, nameof(SchoolEdit.Levels)));
        if (edit.Leader != LeaderKind.None && edit.Locality == Locality.RuralSmall && edit.Enrolment < 10)
            refusals.Add(new Refusal(InfraText.School_LeaderNeedsStudents, nameof(SchoolEdit.Enrolment)));
        if (refusals.Count > 0) throw new DomainException(refusals);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == edit.MunicipalityId, ct)
            ?? throw new DomainException(InfraText.School_MunicipalityNotInRegion, nameof(SchoolEdit.MunicipalityId));
        if (!municipality.IsActive && !await db.Schools.AnyAsync(s => s.Id == edit.Id && s.MunicipalityId == municipality.Id, ct))
        {
            throw new DomainException(InfraFormat.Of(InfraText.Common_MunicipalityInactive, municipality.Name), nameof(SchoolEdit.MunicipalityId));
        }
        var code = edit.Code.Trim();
        if (await db.Schools.AnyAsync(s => s.Code == code && s.Id != edit.Id, ct)) throw new DomainException(InfraFormat.Of(InfraText.School_CodeTaken, code), nameof(SchoolEdit.Code));

        School school;
        if (edit.Id is { } id)
        {
            school = await db.Schools.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new ScopeException(InfraText.Common_SchoolNotFound);
            db.Entry(school).Property(s => s.Version).OriginalValue = edit.Version;
        }
        else
        {
            school = new School { Id = Guid.NewGuid(), RegionId = scope.RegionId };
            db.Schools.Add(school);
        }
        school.Code = code;
        school.FullName = edit.FullName.Trim();
        school.ShortName = edit.ShortName.Trim();
        school.Address = edit.Address.Trim();
        school.MunicipalityId = edit.MunicipalityId!.Value;
        school.Locality = edit.Locality;
        school.Levels = edit.Levels;
        school.AdvancedStudy = edit.AdvancedStudy;
        school.Enrolment = edit.Enrolment;
        school.IsInnovationSite = edit.IsInnovationSite;
        school.Leader = edit.Leader;
        school.IsConsultingCentre = edit.IsConsultingCentre;
        school.Is500Plus = edit.Is500Plus;
        db.Record(scope, edit.Id is null ? "school.create" : "school.update", "school", school.Id, $"{school.Code} {school.ShortName}", clock);
        await db.SaveOrRefuseStaleAsync(InfraText.School_Stale, ct);
        edit.Id = school.Id;
        edit.Version = school.Version;
    }

    private static IQueryable<School> Filter(IQueryable<School> query, SchoolQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = $"%{q.Search.Trim().Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            // The pattern goes in as a literal (safely quoted by EF): with a bound parameter PostgreSQL plans generically and
            // walks the sort index past 45,000 rows instead of using the trigram index.
            query = query.Where(s => EF.Functions.ILike(EF.Property<string>(s, SchoolConfiguration.SearchText), EF.Constant(pattern)));
        }
        if (q.MunicipalityId is { } m) query = query.Where(s => s.MunicipalityId == m);
        if (q.Locality is { } l) query = query.Where(s => s.Locality == l);
        query = q.Flag switch
        {
            SchoolFlag.InnovationSite => query.Where(s => s.IsInnovationSite),
            SchoolFlag.Leader => query.Where(s => s.Leader != LeaderKind.None),
            SchoolFlag.ConsultingCentre => query.Where(s => s.IsConsultingCentre),
            SchoolFlag.Participant500Plus => query.Where(s => s.Is500Plus),
            SchoolFlag.AdvancedStudy => query.Where(s => s.AdvancedStudy),
            _ => query,
        };
        return query;
    }

    private static IQueryable<School> Sort(IQueryable<School> query, SchoolQuery q) => (q.Sort, q.Descending) switch
    {
        (SchoolSort.Code, false) => query.OrderBy(s => s.Code),
        (SchoolSort.Code, true) => query.OrderByDescending(s => s.Code),
        (SchoolSort.Municipality, false) => query.OrderBy(s => s.Municipality!.Name).ThenBy(s => s.ShortName),
        (SchoolSort.Municipality, true) => query.OrderByDescending(s => s.Municipality!.Name).ThenBy(s => s.ShortName),
        (SchoolSort.Enrolment, false) => query.OrderBy(s => s.Enrolment).ThenBy(s => s.Code),
        (SchoolSort.Enrolment, true) => query.OrderByDescending(s => s.Enrolment).ThenBy(s => s.Code),
        (SchoolSort.Locality, false) => query.OrderBy(s => s.Locality).ThenBy(s => s.ShortName),
        (SchoolSort.Locality, true) => query.OrderByDescending(s => s.Locality).ThenBy(s => s.ShortName),
        (_, false) => query.OrderBy(s => s.ShortName).ThenBy(s => s.Code),
        (_, true) => query.OrderByDescending(s => s.ShortName).ThenBy(s => s.Code),
    };
}
