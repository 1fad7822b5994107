using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>What the indicators know of one covered school (a school of the list in force, or every school while none is published).</summary>
public sealed record SchoolFacts(Guid SchoolId, string School, Guid MunicipalityId, string Municipality, bool ApprovedProgramme,
    bool? PositiveDynamics, bool Consulted, bool QualityChecked, int OverduePlanItems, int OverdueTasks);

/// <summary>What the indicators know of one municipality in scope.</summary>
public sealed record MunicipalityFacts(Guid MunicipalityId, string Municipality, int ListedSchools, int WithProgramme, bool ApprovedRoadmap,
    int OverduePlanItems, int OpenTasks, int OverdueTasks, int Compared, int Positive)
{
    public decimal? ProgrammeShare => ListedSchools == 0 ? null : IndicatorFigures.Percent(WithProgramme, ListedSchools);
    public decimal? DynamicsShare => Compared == 0 ? null : IndicatorFigures.Percent(Positive, Compared);
}

/// <summary>The value of a computed indicator and how it was counted («12 из 15»).</summary>
public sealed record Figure(decimal? Value, string Details);

/// <summary>
/// Everything the computed indicators are counted from, for one monitoring year and one scope (the region, or one municipality).
/// Every page, report and export takes its figures from here, so the same indicator shows the same number everywhere.
/// </summary>
public sealed record IndicatorBasis(int Year, Guid? MunicipalityId, CoveredSchools Covered, IReadOnlyList<SchoolFacts> Schools,
    IReadOnlyList<MunicipalityFacts> Municipalities, int? PreviousListSize, int? ListSize, int ResultsYear, int AgreementsSigned)
{
    /// <summary>Municipalities with at least one covered school: those the municipal indicator counts.</summary>
    public IReadOnlyList<MunicipalityFacts> CoveredMunicipalities => [.. Municipalities.Where(m => m.ListedSchools > 0)];

    public Figure Of(IndicatorCode code) => code switch
    {
        IndicatorCode.MunicipalitiesWithProgrammes => Share(CoveredMunicipalities.Count(m => m.ApprovedRoadmap), CoveredMunicipalities.Count, InfraText.Monitoring_NoMunicipalities),
        IndicatorCode.ListedSchoolsWithProgrammes => Share(Schools.Count(s => s.ApprovedProgramme), Schools.Count, InfraText.Monitoring_NoSchools),
        IndicatorCode.QualityCheckCoverage => Share(Schools.Count(s => s.QualityChecked), Schools.Count, InfraText.Monitoring_NoSchools),
        IndicatorCode.Consultations => Share(Schools.Count(s => s.Consulted), Schools.Count, InfraText.Monitoring_NoSchools),
        IndicatorCode.Agreements => new(AgreementsSigned, InfraFormat.Of(InfraText.Monitoring_SignedInYear, Year, AgreementsSigned)),
        IndicatorCode.ListReduction => PreviousListSize is { } before and > 0 && ListSize is { } now
            ? new(Math.Round(100m * (before - now) / before, 1), InfraFormat.Of(InfraText.Monitoring_SchoolsArrow, before, now))
            : new(null, InfraText.Monitoring_NeedTwoLists),
        IndicatorCode.PositiveDynamics => Schools.Count(s => s.PositiveDynamics is not null) is var compared and > 0
            ? new(IndicatorFigures.Percent(Schools.Count(s => s.PositiveDynamics == true), compared),
                InfraFormat.Of(InfraText.Monitoring_BelowMinimumChange, Schools.Count(s => s.PositiveDynamics == true), compared, ResultsYear, ResultsYear - 1))
            : new(null, InfraFormat.Of(InfraText.Monitoring_NoResultsToCompare, ResultsYear - 1, ResultsYear)),
        _ => new(null, InfraText.Monitoring_NotCalculated),
    };

    /// <summary>The covered schools behind a school indicator; <paramref name="counted"/> keeps those counted in it (true) or missing (false).</summary>
    public IReadOnlyList<SchoolFacts> SchoolsBehind(IndicatorCode code, bool? counted)
    {
        Func<SchoolFacts, bool?> test = code switch
        {
            IndicatorCode.ListedSchoolsWithProgrammes => s => s.ApprovedProgramme,
            IndicatorCode.QualityCheckCoverage => s => s.QualityChecked,
            IndicatorCode.Consultations => s => s.Consulted,
            IndicatorCode.PositiveDynamics => s => s.PositiveDynamics,
            _ => _ => null,
        };
        return [.. Schools.Where(s => counted is null || test(s) == counted)];
    }

    private static Figure Share(int part, int whole, string none) =>
        whole == 0 ? new(null, none) : new(IndicatorFigures.Percent(part, whole), InfraFormat.Of(InfraText.Monitoring_XOfY, part, whole));
}

public static class IndicatorFigures
{
    /// <summary>
    /// The basis of the indicators of a monitoring year within what the user sees: regional staff the region (or one municipality
    /// of it), a municipal coordinator its own municipality.
    /// </summary>
    public static async Task<IndicatorBasis> LoadAsync(AppDbContext db, UserScope scope, int year, Guid? municipalityId, DateOnly today, CancellationToken ct)
    {
        if (!scope.IsRegional) municipalityId = scope.MunicipalityId ?? throw new ScopeException(InfraText.Monitoring_IndicatorsScope);
        var region = await MonitoringCoverage.CoveredAsync(db, scope.RegionId, year, ct);
        var covered = municipalityId is { } only
            ? new CoveredSchools(region.ListYear, [.. region.Schools.Where(s => s.MunicipalityId == only)])
            : region;
        var ids = covered.SchoolIds.ToList();
        var approved = db.Plans.Where(p => PlanBoard.ApprovedStatuses.Contains(p.Status));
        var executing = db.Plans.Where(p => PlanBoard.InExecution.Contains(p.Status));
        var overdue = PlanItem.OverdueOn(today);
        var from = SchoolYears.StartOf(year);
        var to = SchoolYears.StartOf(year + 1).AddDays(-1);
        var resultsYear = await MonitoringIndicators.ResultsYearAsync(db, year, ct);

        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db).Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.ShortName, s.MunicipalityId, Municipality = s.Municipality!.Name,
                Approved = approved.Any(p => p.Level == PlanLevel.School && p.SchoolId == s.Id),
                Consulted = db.Consultations.Any(c => c.SchoolId == s.Id && c.Date >= from && c.Date <= to),
                Checked = db.Set<SchoolQualityCheck>().Any(c => c.SchoolId == s.Id && c.Year == year),
                OverdueItems = db.PlanItems.Where(overdue).Count(i => executing.Any(p => p.Id == i.PlanId && p.Level == PlanLevel.School && p.SchoolId == s.Id)),
                OverdueTasks = db.Set<MonitoringTask>().Count(t => t.SchoolId == s.Id && t.Status == MonitoringTaskStatus.Overdue),
            }).ToListAsync(ct);
        var results = await db.Results.AsNoTracking().Where(r => ids.Contains(r.SchoolId) && (r.Year == resultsYear || r.Year == resultsYear - 1))
            .Select(r => new { r.SchoolId, r.Year, r.Participants, r.BelowMinimumShare }).ToListAsync(ct);
        var dynamics = results.GroupBy(r => r.SchoolId).ToDictionary(g => g.Key, g => ResultsDynamics.IsPositive(
            ResultsDynamics.WeightedBelowMinimum(g.Where(r => r.Year == resultsYear - 1).Select(r => (r.Participants, r.BelowMinimumShare))),
            ResultsDynamics.WeightedBelowMinimum(g.Where(r => r.Year == resultsYear).Select(r => (r.Participants, r.BelowMinimumShare)))));
        var facts = schools.Select(s => new SchoolFacts(s.Id, s.ShortName, s.MunicipalityId, s.Municipality, s.Approved,
                dynamics.GetValueOrDefault(s.Id), s.Consulted, s.Checked, s.OverdueItems, s.OverdueTasks))
            .OrderBy(s => s.Municipality).ThenBy(s => s.School).ToList();

        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => municipalityId == null || m.Id == municipalityId)
            .Where(m => m.IsActive || ids.Count == 0 || db.Schools.Any(s => s.MunicipalityId == m.Id && ids.Contains(s.Id)))
            .Select(m => new
            {
                m.Id, m.Name,
                Roadmap = approved.Any(p => p.Level == PlanLevel.Municipality && p.MunicipalityId == m.Id),
                OverdueRoadmap = db.PlanItems.Where(overdue).Count(i => executing.Any(p => p.Id == i.PlanId && p.Level == PlanLevel.Municipality && p.MunicipalityId == m.Id)),
                Open = db.Set<MonitoringTask>().Count(t => t.MunicipalityId == m.Id && t.Status == MonitoringTaskStatus.Open),
                Overdue = db.Set<MonitoringTask>().Count(t => t.MunicipalityId == m.Id && t.Status == MonitoringTaskStatus.Overdue),
            }).ToListAsync(ct);
        var rows = municipalities.Select(m =>
        {
            var own = facts.Where(s => s.MunicipalityId == m.Id).ToList();
            return new MunicipalityFacts(m.Id, m.Name, own.Count, own.Count(s => s.ApprovedProgramme), m.Roadmap,
                m.OverdueRoadmap + own.Sum(s => s.OverduePlanItems), m.Open, m.Overdue,
                own.Count(s => s.PositiveDynamics is not null), own.Count(s => s.PositiveDynamics == true));
        }).OrderBy(m => m.Municipality).ToList();

        var previous = await ListSizeAsync(db, year - 1, municipalityId, ct);
        var current = await ListSizeAsync(db, year, municipalityId, ct);
        var agreements = await AgreementsSignedAsync(db, scope, year, municipalityId, ct);
        return new IndicatorBasis(year, municipalityId, covered, facts, rows, previous, current, resultsYear, agreements);
    }

    /// <summary>The monitoring year shown by default: the current one, or the year of a later published list.</summary>
    public static async Task<int> DefaultYearAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var listed = await db.Set<SupportList>().Where(l => l.Status == ListStatus.Published).MaxAsync(l => (int?)l.Year, ct);
        return Math.Max(MonitoringYear.YearOf(today), listed ?? 0);
    }

    /// <summary>The latest published version of the list of a year, or null.</summary>
    public static Task<Guid?> PublishedListIdAsync(AppDbContext db, int year, CancellationToken ct) =>
        db.Set<SupportList>().Where(l => l.Status == ListStatus.Published && l.Year == year)
            .OrderByDescending(l => l.Version).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);

    private static async Task<int?> ListSizeAsync(AppDbContext db, int year, Guid? municipalityId, CancellationToken ct)
    {
        if (await PublishedListIdAsync(db, year, ct) is not { } listId) return null;
        return await db.Set<SupportListEntry>().CountAsync(e => e.ListId == listId && e.Included
            && (municipalityId == null || db.Schools.Any(s => s.Id == e.SchoolId && s.MunicipalityId == municipalityId)), ct);
    }

    /// <summary>
    /// Partnership agreements signed in a calendar year among the partnerships the user sees (narrowed to those with a school of the
    /// municipality when one is chosen). The partnerships page and the indicator count with this one method.
    /// </summary>
    public static Task<int> AgreementsSignedAsync(AppDbContext db, UserScope scope, int calendarYear, Guid? municipalityId, CancellationToken ct)
    {
        var from = new DateOnly(calendarYear, 1, 1);
        var to = new DateOnly(calendarYear, 12, 31);
        var partnerships = db.Partnerships.VisibleTo(scope, db);
        if (municipalityId is { } only)
        {
            var schools = db.Schools.Where(s => s.MunicipalityId == only).Select(s => s.Id);
            partnerships = partnerships.Where(p => schools.Contains(p.LeaderSchoolId) || p.Schools.Any(s => schools.Contains(s.SchoolId)));
        }
        return partnerships.CountAsync(p => p.SignedOn >= from && p.SignedOn <= to && p.Status != Domain.Partnerships.PartnershipStatus.Proposed, ct);
    }

    public static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 1);
}
