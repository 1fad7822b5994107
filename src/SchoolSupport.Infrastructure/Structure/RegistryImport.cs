using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;
using static SchoolSupport.Infrastructure.Structure.RegistryColumns;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>A school of the file with its registry attributes, the codes it refers to, and its rows of yearly context.</summary>
public sealed record RegistrySchool(int Row, School School, string MunicipalityCode, string MergedIntoCode, List<SchoolYearProfile> Profiles);

public sealed record RegistryPreview(string FileName, IReadOnlyList<RegistrySchool> Schools, IReadOnlyList<ImportError> Errors, int New, int Changed, int Unchanged)
{
    public bool CanCommit => Errors.Count == 0 && Schools.Count > 0;
}

public sealed record RegistryOutcome(int Schools, int Inserted, int Updated, int Unchanged, int Profiles);

/// <summary>
/// The school registry from XLSX/CSV, by the regional administrator: every registry attribute and the yearly context. The file
/// is checked whole (every error by row, in Russian), then written all-or-nothing in one transaction, matched by school code
/// (and year for the context), so that a file loaded twice changes nothing. A school absent from the file is left as it is;
/// a closed or merged school keeps its lists, results and plans. Audited.
/// </summary>
public sealed class RegistryImport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, ImportLimits limits)
{
    public static string Title => InfraText.School_RegistryTitle;

    public int MaxYear => clock.GetUtcNow().Year + 1;

    public static void WriteTemplate(bool csv, Stream output) => SmallTable.Write(All, [Example], csv, output, Title);

    public async Task<RegistryPreview> PrepareAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        var table = SmallTable.Read(content, fileName, limits, All, Title);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, ct);
        var existing = await db.Schools.AsNoTracking().Include(s => s.Profiles).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        var schools = new Dictionary<string, RegistrySchool>(StringComparer.OrdinalIgnoreCase);
        var firstRowOf = new Dictionary<(string, int?), int>();
        var signatureOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, c) in table)
        {
            var before = errors.Count;
            void Error(string message) => errors.Add(new ImportError(row, message));
            var code = c[0];
            if (code.Length == 0) Error(InfraText.Import_CodeMissing);
            else if (!SmallTable.IsCode(code)) Error(InfraFormat.Of(InfraText.Registry_CodeFormat, Echo(code)));
            int? year = null;
            if (c[YearAt].Length > 0)
            {
                if (ImportSpec.TryInt(c[YearAt], out var y) && y >= ResultsImport.MinYear && y <= MaxYear) year = y;
                else Error(InfraFormat.Of(InfraText.Import_YearOutOfRange, Echo(c[YearAt]), ResultsImport.MinYear, MaxYear));
            }
            if (code.Length > 0 && firstRowOf.TryGetValue((code.ToUpperInvariant(), year), out var first))
            {
                Error(year is null ? InfraFormat.Of(InfraText.Registry_CodeRepeated, code, first)
                    : InfraFormat.Of(InfraText.Registry_CodeYearRepeated, code, year, first));
            }
            var school = ParseSchool(c, municipalities, existing.GetValueOrDefault(code), Error);
            var profile = year is { } py ? ParseProfile(c, py, Error) : null;
            var signature = string.Join('\u001F', c.Take(YearAt));
            if (code.Length > 0 && signatureOf.TryGetValue(code, out var known) && known != signature)
            {
                Error(InfraFormat.Of(InfraText.Registry_DetailsDiffer, code, schools[code].Row));
            }
            if (code.Length > 0)
            {
                firstRowOf.TryAdd((code.ToUpperInvariant(), year), row);
                signatureOf.TryAdd(code, signature);
            }
            if (errors.Count > before || school is null) continue;
            if (!schools.TryGetValue(code, out var entry))
            {
                entry = new RegistrySchool(row, school, c[3], c[14], []);
                schools[code] = entry;
            }
            if (profile is not null) entry.Profiles.Add(profile);
        }
        foreach (var s in schools.Values.Where(s => s.MergedIntoCode.Length > 0))
        {
            if (string.Equals(s.MergedIntoCode, s.School.Code, StringComparison.OrdinalIgnoreCase))
                errors.Add(new ImportError(s.Row, InfraFormat.Of(InfraText.Registry_JoinedToItself, s.School.Code)));
            else if (!schools.ContainsKey(s.MergedIntoCode) && !existing.ContainsKey(s.MergedIntoCode))
                errors.Add(new ImportError(s.Row, InfraFormat.Of(InfraText.Registry_JoinTargetMissing, Echo(s.MergedIntoCode), s.School.Code)));
        }
        if (table.Count == 0) errors.Add(new ImportError(0, InfraText.Import_NoRows));
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        int added = 0, changed = 0, same = 0;
        foreach (var s in schools.Values)
        {
            if (!existing.TryGetValue(s.School.Code, out var old)) added++;
            else if (SameSchool(old, s, municipalities[s.MunicipalityCode].Id, existing) && s.Profiles.All(p => old.Profiles.Any(o => o.Year == p.Year && SameProfile(o, p)))) same++;
            else changed++;
        }
        return new RegistryPreview(fileName, schools.Values.ToList(), errors, added, changed, same);
    }

    public async Task<RegistryOutcome> CommitAsync(RegistryPreview preview, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        if (!preview.CanCommit) throw new DomainException(InfraText.Import_ErrorsFixAndReupload);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, ct);
        var schools = await db.Schools.Include(s => s.Profiles).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);
        int inserted = 0, updated = 0, unchanged = 0, profiles = 0;
        foreach (var r in preview.Schools)
        {
            if (!municipalities.TryGetValue(r.MunicipalityCode, out var municipality))
                throw new DomainException(InfraFormat.Of(InfraText.Registry_MunicipalityGone, r.Row, r.MunicipalityCode));
            if (!schools.TryGetValue(r.School.Code, out var school))
            {
                school = new School { Id = Guid.NewGuid(), RegionId = scope.RegionId, Code = r.School.Code };
                db.Schools.Add(school);
                schools[school.Code] = school;
                inserted++;
            }
            else if (SameSchool(school, r, municipality.Id, schools) && r.Profiles.All(p => school.Profiles.Any(o => o.Year == p.Year && SameProfile(o, p))))
            {
                unchanged++;
            }
            else
            {
                updated++;
            }
            Copy(r.School, school);
            school.MunicipalityId = municipality.Id;
            foreach (var p in r.Profiles)
            {
                var profile = school.Profiles.FirstOrDefault(o => o.Year == p.Year);
                if (profile is null)
                {
                    profile = new SchoolYearProfile { Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = school.Id, Year = p.Year };
                    school.Profiles.Add(profile);
                    db.SchoolProfiles.Add(profile);
                }
                if (!SameProfile(profile, p)) profiles++;
                CopyProfile(p, profile);
            }
        }
        // Mergers last: the school merged into may be a new one of the same file.
        foreach (var r in preview.Schools)
        {
            var school = schools[r.School.Code];
            school.MergedIntoId = r.MergedIntoCode.Length > 0 ? schools[r.MergedIntoCode].Id : null;
        }
        var outcome = new RegistryOutcome(preview.Schools.Count, inserted, updated, unchanged, profiles);
        db.Record(scope, "import.registry", "import", preview.FileName,
            InfraFormat.Of(InfraText.Registry_Summary, preview.FileName, outcome.Schools, inserted, updated, unchanged, profiles), clock);
        // One SaveChanges is one transaction: the whole file or nothing.
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraText.Registry_Stale);
        return outcome;
    }

    private static School? ParseSchool(string[] c, Dictionary<string, Municipality> municipalities, School? existing, Action<string> error)
    {
        var ok = true;
        void Fail(string message) { ok = false; error(message); }
        if (c[1].Length == 0) Fail(InfraText.Registry_FullNameMissing);
        else if (c[1].Length > 500) Fail(InfraText.Registry_FullNameTooLong);
        if (c[2].Length == 0) Fail(InfraText.Registry_ShortNameMissing);
        else if (c[2].Length > 200) Fail(InfraText.Registry_ShortNameTooLong);
        if (c[4].Length > 500) Fail(InfraText.Registry_AddressTooLong);
        if (c[3].Length == 0) Fail(InfraText.Registry_MunicipalityCodeMissing);
        else if (!municipalities.TryGetValue(c[3], out var m)) Fail(InfraFormat.Of(InfraText.Registry_MunicipalityNotInRegion, Echo(c[3])));
        else if (!m.IsActive && existing?.MunicipalityId != m.Id) Fail(InfraFormat.Of(InfraText.Common_MunicipalityInactive, m.Name));
        var locality = ParseLocality(c[5]);
        if (locality is null) Fail(InfraFormat.Of(InfraText.Registry_BadLocality, Echo(c[5])));
        var levels = ParseLevels(c[6]);
        if (levels == EducationLevels.None) Fail(InfraFormat.Of(InfraText.Registry_BadLevels, Echo(c[6])));
        var flags = new bool[5];
        foreach (var (at, i) in new[] { (7, 0), (9, 1), (11, 2), (12, 3) })
        {
            if (ParseYesNo(c[at]) is { } b) flags[i] = b;
            else Fail(InfraFormat.Of(InfraText.Registry_BadYesNo, All[at], Echo(c[at])));
        }
        if (!ImportSpec.TryInt(c[8], out var enrolment) || enrolment < 0 || enrolment > 10_000)
            Fail(InfraFormat.Of(InfraText.Registry_BadStudents, Echo(c[8])));
        var leader = ParseLeader(c[10]);
        if (leader is null) Fail(InfraFormat.Of(InfraText.Registry_BadLeaderKind, Echo(c[10])));
        DateOnly? closed = null;
        if (c[13].Length > 0)
        {
            if (DateOnly.TryParseExact(c[13], ["dd.MM.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) closed = d;
            else Fail(InfraFormat.Of(InfraText.Registry_BadClosedDate, Echo(c[13])));
        }
        if (c[14].Length > 0 && closed is null) Fail(InfraText.Registry_JoinedWithoutClosedDate);
        if (!ok) return null;
        return new School
        {
            Code = c[0], FullName = c[1], ShortName = c[2], Address = c[4], Locality = locality!.Value, Levels = levels,
            AdvancedStudy = flags[0], Enrolment = enrolment, IsInnovationSite = flags[1], Leader = leader!.Value,
            IsConsultingCentre = flags[2], Is500Plus = flags[3], ClosedOn = closed,
        };
    }

    private static SchoolYearProfile? ParseProfile(string[] c, int year, Action<string> error)
    {
        var ok = true;
        decimal Number(int at, decimal min, decimal max)
        {
            if (ImportSpec.TryDecimal(c[at], out var value) && value >= min && value <= max) return Math.Round(value, 2);
            ok = false;
            error(InfraFormat.Of(InfraText.Import_ValueOutOfRange, All[at].TrimEnd(',', ' ', '%').TrimEnd(','), Echo(c[at]), min, max));
            return 0;
        }
        var staffing = Number(16, 0, 100);
        if (!ImportSpec.TryInt(c[17], out var vacancies) || vacancies < 0 || vacancies > 1000)
        {
            ok = false;
            error(InfraFormat.Of(InfraText.Import_BadVacancies, Echo(c[17])));
        }
        var age = Number(18, 18, 80);
        var disabled = Number(19, 0, 100);
        var nonNative = Number(20, 0, 100);
        var higher = Number(21, 0, 100);
        var unemployed = Number(22, 0, 100);
        var registered = Number(23, 0, 100);
        bool? internet = c[24].Length == 0 ? null : ParseYesNo(c[24]);
        if (internet is null)
        {
            ok = false;
            error(InfraFormat.Of(InfraText.Import_BadInternet, Echo(c[24])));
        }
        var olympiads = Number(25, 0, 100);
        var grade10 = Number(26, 0, 100);
        if (!ok) return null;
        return new SchoolYearProfile
        {
            Year = year, StaffingPercent = staffing, Vacancies = vacancies, TeachersAverageAge = age, DisabledStudentsShare = disabled,
            NonNativeSpeakersShare = nonNative, ParentsHigherEducationShare = higher, UnemployedParentsShare = unemployed,
            RegisteredStudentsShare = registered, HasInternet = internet!.Value, OlympiadShare = olympiads, ContinuingToGrade10Share = grade10,
        };
    }

    private static void Copy(School from, School to)
    {
        to.FullName = from.FullName;
        to.ShortName = from.ShortName;
        to.Address = from.Address;
        to.Locality = from.Locality;
        to.Levels = from.Levels;
        to.AdvancedStudy = from.AdvancedStudy;
        to.Enrolment = from.Enrolment;
        to.IsInnovationSite = from.IsInnovationSite;
        to.Leader = from.Leader;
        to.IsConsultingCentre = from.IsConsultingCentre;
        to.Is500Plus = from.Is500Plus;
        to.ClosedOn = from.ClosedOn;
    }

    private static void CopyProfile(SchoolYearProfile from, SchoolYearProfile to)
    {
        to.StaffingPercent = from.StaffingPercent;
        to.Vacancies = from.Vacancies;
        to.TeachersAverageAge = from.TeachersAverageAge;
        to.DisabledStudentsShare = from.DisabledStudentsShare;
        to.NonNativeSpeakersShare = from.NonNativeSpeakersShare;
        to.ParentsHigherEducationShare = from.ParentsHigherEducationShare;
        to.UnemployedParentsShare = from.UnemployedParentsShare;
        to.RegisteredStudentsShare = from.RegisteredStudentsShare;
        to.HasInternet = from.HasInternet;
        to.OlympiadShare = from.OlympiadShare;
        to.ContinuingToGrade10Share = from.ContinuingToGrade10Share;
    }

    /// <summary>Registry attributes as the file gives them (the municipality and merger compared by code where known).</summary>
    private static bool SameSchool(School old, RegistrySchool r, Guid municipalityId, Dictionary<string, School> byCode)
    {
        var s = r.School;
        var mergedSame = r.MergedIntoCode.Length == 0 ? old.MergedIntoId is null
            : byCode.TryGetValue(r.MergedIntoCode, out var target) && old.MergedIntoId == target.Id;
        return old.MunicipalityId == municipalityId && old.FullName == s.FullName && old.ShortName == s.ShortName && old.Address == s.Address && old.Locality == s.Locality
            && old.Levels == s.Levels && old.AdvancedStudy == s.AdvancedStudy && old.Enrolment == s.Enrolment
            && old.IsInnovationSite == s.IsInnovationSite && old.Leader == s.Leader && old.IsConsultingCentre == s.IsConsultingCentre
            && old.Is500Plus == s.Is500Plus && old.ClosedOn == s.ClosedOn && mergedSame;
    }

    private static bool SameProfile(SchoolYearProfile a, SchoolYearProfile b) =>
        a.StaffingPercent == b.StaffingPercent && a.Vacancies == b.Vacancies && a.TeachersAverageAge == b.TeachersAverageAge
        && a.DisabledStudentsShare == b.DisabledStudentsShare && a.NonNativeSpeakersShare == b.NonNativeSpeakersShare
        && a.ParentsHigherEducationShare == b.ParentsHigherEducationShare && a.UnemployedParentsShare == b.UnemployedParentsShare
        && a.RegisteredStudentsShare == b.RegisteredStudentsShare && a.HasInternet == b.HasInternet && a.OlympiadShare == b.OlympiadShare
        && a.ContinuingToGrade10Share == b.ContinuingToGrade10Share;

    private static string Echo(string text) => text.Length > ImportLimits.EchoChars ? text[..ImportLimits.EchoChars] + "…" : text;
}
