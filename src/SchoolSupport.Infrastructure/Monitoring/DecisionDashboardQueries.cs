using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

public enum RankingSort
{
    Municipality = 0,
    Listed = 1,
    Coverage = 2,
    Overdue = 3,
    Dynamics = 4,
}

/// <summary>What the dashboard shows: the monitoring year, one municipality (regional staff only) and the ranking order.</summary>
public sealed record DashboardFilter(int? Year = null, Guid? MunicipalityId = null, RankingSort Sort = RankingSort.Listed, bool Ascending = false)
{
    /// <summary>The query string of this filter, for links to drill-down lists and exports.</summary>
    public string Query(int year) =>
        $"year={year}" + (MunicipalityId is { } m ? $"&municipality={m}" : "") + $"&sort={Sort}&asc={(Ascending ? "true" : "false")}";
}

/// <summary>A traffic light of an indicator against its target: a colour and the text that says the same.</summary>
public enum Light
{
    Grey = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <param name="DrillDown">The page listing the schools or municipalities behind the figure.</param>
public sealed record KpiCard(IndicatorRow Row, Light Light, string DrillDown)
{
    public string LightText => Light switch
    {
        Light.Green => InfraText.Dashboard_TargetReached,
        Light.Amber => InfraText.Dashboard_NearTarget,
        Light.Red => InfraText.Dashboard_TargetMissed,
        _ => InfraText.MonitoringReport_NoData,
    };

    /// <summary>Green at or above the target; amber within a quarter of the target below it; red further; grey without value or target.</summary>
    public static Light Of(decimal? value, decimal? target) => (value, target) switch
    {
        (null, _) or (_, null) => Light.Grey,
        var (v, t) when v >= t => Light.Green,
        var (v, t) when t > 0 && v >= t * 0.75m => Light.Amber,
        _ => Light.Red,
    };
}

public sealed record SchoolMovement(Guid SchoolId, string School, string Municipality);

public sealed record MatrixCount(MatrixCell Cell, int Schools, int Listed);

/// <summary>Participant-weighted results of a group of schools (listed or the rest of the scope) in one year, assessment and subject.</summary>
public sealed record GroupResult(int Year, AssessmentKind Kind, Subject Subject, bool Listed, decimal MeanScore, decimal BelowMinimumShare, int Participants);

public sealed record MunicipalityChoice(Guid Id, string Name);

public sealed record DecisionDashboard(int Year, Guid? MunicipalityId, string ScopeTitle, string Basis, int? ListYear, IReadOnlyList<KpiCard> Kpis,
    IReadOnlyList<MunicipalityFacts> Ranking, IReadOnlyList<ListSize> ListTrend, IReadOnlyList<SchoolMovement> LeftTheList,
    IReadOnlyList<SchoolMovement> ListedAgain, IReadOnlyList<MatrixCount> Matrix, IReadOnlyList<GroupResult> Results,
    IReadOnlyList<MunicipalityChoice> Municipalities, IReadOnlyList<int> Years, bool Regional);

/// <summary>One row of a drill-down list: a school or a municipality behind a figure, and whether it counts in it.</summary>
public sealed record DrillRow(Guid Id, string Name, string Municipality, bool Counted, string State, string Link);

public sealed record DrillDown(string Title, string Figure, string Basis, IReadOnlyList<DrillRow> Rows);

/// <summary>
/// The decision dashboard of the ministry (the region, or one municipality of it) and of a municipal coordinator (its
/// municipality): KPI cards against targets, the municipal ranking, results dynamics of listed schools against the rest,
/// list movements and the 2×2 counts. Every figure comes from <see cref="IndicatorFigures"/> through <see cref="MonitoringIndicators"/>.
/// </summary>
public sealed class DecisionDashboardQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, MonitoringIndicators indicators)
{
    public static readonly IndicatorCode[] Cards =
    [
        IndicatorCode.MunicipalitiesWithProgrammes, IndicatorCode.ListedSchoolsWithProgrammes, IndicatorCode.Agreements,
        IndicatorCode.ListReduction, IndicatorCode.PositiveDynamics, IndicatorCode.Consultations,
    ];

    /// <summary>The dashboard, or null when the chosen municipality is not one the user sees (pages answer 404).</summary>
    public async Task<DecisionDashboard?> FindAsync(DashboardFilter filter, CancellationToken ct = default) =>
        await CanSeeAsync(filter, ct) ? await GetAsync(filter, ct) : null;

    /// <summary>The drill-down list, or null when the chosen municipality is not one the user sees.</summary>
    public async Task<DrillDown?> FindDrillDownAsync(IndicatorCode code, DashboardFilter filter, bool? counted, CancellationToken ct = default) =>
        await CanSeeAsync(filter, ct) ? await DrillDownAsync(code, filter, counted, ct) : null;

    private async Task<bool> CanSeeAsync(DashboardFilter filter, CancellationToken ct)
    {
        var scope = current.RequireRole(MonitoringIndicators.DashboardReaders);
        if (filter.MunicipalityId is not { } m) return true;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return Visibility.CanSeeMunicipality(scope, m) && await db.Municipalities.AnyAsync(x => x.Id == m, ct);
    }

    public async Task<DecisionDashboard> GetAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringIndicators.DashboardReaders);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (year, municipalityId) = await ResolveAsync(db, scope, filter, ct);
        var (rows, basis) = await indicators.ComputeWithBasisAsync(year, municipalityId, ct);
        var query = (filter with { MunicipalityId = municipalityId }).Query(year);
        var kpis = Cards.Select(code => rows.Single(r => r.Definition.Code == code))
            .Select(r => new KpiCard(r, KpiCard.Of(r.Value, r.Target), DrillLink(r.Definition.Code, query))).ToList();

        var visible = db.Schools.AsNoTracking().VisibleTo(scope, db).Where(s => municipalityId == null || s.MunicipalityId == municipalityId);
        var listedIds = basis.Covered.ListYear is null ? [] : basis.Covered.SchoolIds.ToList();
        var listYear = basis.Covered.ListYear ?? 0;
        var inForce = basis.Covered.ListYear is null ? null : await IndicatorFigures.PublishedListIdAsync(db, listYear, ct);
        var previous = basis.Covered.ListYear is null ? null : await IndicatorFigures.PublishedListIdAsync(db, listYear - 1, ct);
        var left = new List<SchoolMovement>();
        var again = new List<SchoolMovement>();
        if (inForce is not null && previous is not null)
        {
            var before = db.Set<SupportListEntry>().Where(e => e.ListId == previous && e.Included).Select(e => e.SchoolId);
            var now = db.Set<SupportListEntry>().Where(e => e.ListId == inForce && e.Included).Select(e => e.SchoolId);
            var earlierLists = db.Set<SupportList>().Where(l => l.Status == ListStatus.Published && l.Year < listYear - 1).Select(l => l.Id);
            var earlier = db.Set<SupportListEntry>().Where(e => earlierLists.Contains(e.ListId) && e.Included).Select(e => e.SchoolId);
            left = await visible.Where(s => before.Contains(s.Id) && !now.Contains(s.Id))
                .Select(s => new SchoolMovement(s.Id, s.ShortName, s.Municipality!.Name)).ToListAsync(ct);
            again = await visible.Where(s => now.Contains(s.Id) && !before.Contains(s.Id) && earlier.Contains(s.Id))
                .Select(s => new SchoolMovement(s.Id, s.ShortName, s.Municipality!.Name)).ToListAsync(ct);
        }
        var matrix = new List<MatrixCount>();
        if (inForce is not null)
        {
            var ids = visible.Select(s => s.Id);
            var cells = await db.Set<SupportListEntry>().Where(e => e.ListId == inForce && e.Cell != null && ids.Contains(e.SchoolId))
                .GroupBy(e => e.Cell!.Value).Select(g => new { g.Key, Schools = g.Count(), Listed = g.Count(e => e.Included) }).ToListAsync(ct);
            matrix = [.. Enum.GetValues<MatrixCell>().Select(c => cells.FirstOrDefault(x => x.Key == c) is { } x ? new MatrixCount(c, x.Schools, x.Listed) : new MatrixCount(c, 0, 0))];
        }

        var results = await db.Results.AsNoTracking().Where(r => visible.Any(s => s.Id == r.SchoolId) && r.Participants > 0)
            .GroupBy(r => new { r.Year, r.Kind, r.Subject, Listed = listedIds.Contains(r.SchoolId) })
            .Select(g => new
            {
                g.Key.Year, g.Key.Kind, g.Key.Subject, g.Key.Listed, Participants = g.Sum(r => r.Participants),
                Mean = g.Sum(r => r.MeanScore * r.Participants), Below = g.Sum(r => r.BelowMinimumShare * r.Participants),
            }).ToListAsync(ct);
        var groups = results.Select(r => new GroupResult(r.Year, r.Kind, r.Subject, r.Listed, Math.Round(r.Mean / r.Participants, 2),
                Math.Round(r.Below / r.Participants, 1), r.Participants))
            .OrderBy(r => r.Kind).ThenBy(r => r.Subject).ThenBy(r => r.Year).ThenByDescending(r => r.Listed).ToList();

        var choices = scope.IsRegional
            ? await db.Municipalities.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name).Select(m => new MunicipalityChoice(m.Id, m.Name)).ToListAsync(ct)
            : [];
        var title = municipalityId is { } mid
            ? await db.Municipalities.Where(m => m.Id == mid).Select(m => m.Name).FirstAsync(ct)
            : await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.Name).FirstAsync(ct);
        var years = await db.Set<MonitoringYear>().Select(y => y.Year).ToListAsync(ct);
        years = [.. years.Append(year).Distinct().OrderDescending()];
        return new DecisionDashboard(year, municipalityId, title, basis.Covered.Basis, basis.Covered.ListYear, kpis, Rank(basis.Municipalities, filter),
            await MonitoringDashboard.ListTrendAsync(db, municipalityId, ct), [.. left.OrderBy(s => s.Municipality).ThenBy(s => s.School)],
            [.. again.OrderBy(s => s.Municipality).ThenBy(s => s.School)], matrix, groups, choices, years, scope.IsRegional);
    }

    /// <summary>The schools (or municipalities) behind one KPI figure, within the same filter.</summary>
    public async Task<DrillDown> DrillDownAsync(IndicatorCode code, DashboardFilter filter, bool? counted, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringIndicators.DashboardReaders);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (year, municipalityId) = await ResolveAsync(db, scope, filter, ct);
        var (rows, basis) = await indicators.ComputeWithBasisAsync(year, municipalityId, ct);
        var row = rows.Single(r => r.Definition.Code == code);
        var figure = $"{MonitoringReports.Value(row.Value, row.Definition)} ({row.Details})";
        IReadOnlyList<DrillRow> list = code switch
        {
            IndicatorCode.MunicipalitiesWithProgrammes => [.. basis.CoveredMunicipalities.Select(m => new DrillRow(m.MunicipalityId, m.Municipality, m.Municipality,
                m.ApprovedRoadmap, m.ApprovedRoadmap ? InfraText.Dashboard_RoadmapApproved : InfraText.Dashboard_NoRoadmap, $"/monitoring/overview?{(filter with { MunicipalityId = m.MunicipalityId }).Query(year)}"))],
            IndicatorCode.ListReduction => await ListChangesAsync(db, scope, year, municipalityId, ct),
            _ => [.. basis.SchoolsBehind(code, null).Select(s => new DrillRow(s.SchoolId, s.School, s.Municipality, State(code, s) == true, StateText(code, s), $"/schools/{s.SchoolId}"))],
        };
        if (counted is { } c) list = [.. list.Where(r => r.Counted == c)];
        return new DrillDown(row.Definition.Title, figure, basis.Covered.Basis, list);
    }

    private async Task<(int Year, Guid? MunicipalityId)> ResolveAsync(AppDbContext db, UserScope scope, DashboardFilter filter, CancellationToken ct)
    {
        var year = filter.Year ?? await IndicatorFigures.DefaultYearAsync(db, clock.Today(), ct);
        if (year < SchoolYears.First || year > clock.Today().Year + 1) throw new DomainException(InfraFormat.Of(InfraText.Monitoring_YearOutOfRange, year), "year");
        if (!scope.IsRegional)
        {
            if (filter.MunicipalityId is { } asked && asked != scope.MunicipalityId) throw new ScopeException(InfraText.Dashboard_MunicipalityUnavailable);
            return (year, scope.MunicipalityId);
        }
        if (filter.MunicipalityId is { } m && !await db.Municipalities.AnyAsync(x => x.Id == m, ct)) throw new ScopeException(InfraText.Common_MunicipalityNotFound);
        return (year, filter.MunicipalityId);
    }

    /// <summary>Schools of the previous year's list that left it and those that entered it this year: the change behind the reduction.</summary>
    private static async Task<IReadOnlyList<DrillRow>> ListChangesAsync(AppDbContext db, UserScope scope, int year, Guid? municipalityId, CancellationToken ct)
    {
        var now = await IndicatorFigures.PublishedListIdAsync(db, year, ct);
        var before = await IndicatorFigures.PublishedListIdAsync(db, year - 1, ct);
        var nowIds = db.Set<SupportListEntry>().Where(e => e.ListId == now && e.Included).Select(e => e.SchoolId);
        var beforeIds = db.Set<SupportListEntry>().Where(e => e.ListId == before && e.Included).Select(e => e.SchoolId);
        var rows = await db.Schools.AsNoTracking().VisibleTo(scope, db).Where(s => municipalityId == null || s.MunicipalityId == municipalityId)
            .Where(s => nowIds.Contains(s.Id) != beforeIds.Contains(s.Id))
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name, Left = beforeIds.Contains(s.Id) }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Municipality).ThenBy(r => r.ShortName).Select(r => new DrillRow(r.Id, r.ShortName, r.Municipality, r.Left,
            r.Left ? InfraFormat.Of(InfraText.Dashboard_LeftListYear, year, year + 1) : InfraFormat.Of(InfraText.Dashboard_EnteredListYear, year, year + 1), $"/schools/{r.Id}"))];
    }

    private static string DrillLink(IndicatorCode code, string query) => code == IndicatorCode.Agreements
        ? "/partnerships"
        : $"/monitoring/overview/drill?indicator={code}&{query}";

    private static bool? State(IndicatorCode code, SchoolFacts s) => code switch
    {
        IndicatorCode.ListedSchoolsWithProgrammes => s.ApprovedProgramme,
        IndicatorCode.QualityCheckCoverage => s.QualityChecked,
        IndicatorCode.Consultations => s.Consulted,
        IndicatorCode.PositiveDynamics => s.PositiveDynamics,
        _ => null,
    };

    private static string StateText(IndicatorCode code, SchoolFacts s) => (code, State(code, s)) switch
    {
        (IndicatorCode.ListedSchoolsWithProgrammes, true) => InfraText.Dashboard_ProgrammeApproved,
        (IndicatorCode.ListedSchoolsWithProgrammes, _) => InfraText.Dashboard_NoApprovedProgramme,
        (IndicatorCode.Consultations, true) => InfraText.Dashboard_HadConsultations,
        (IndicatorCode.Consultations, _) => InfraText.Dashboard_NoConsultations,
        (IndicatorCode.QualityCheckCoverage, true) => InfraText.Dashboard_Checked,
        (IndicatorCode.QualityCheckCoverage, _) => InfraText.Dashboard_NotChecked,
        (IndicatorCode.PositiveDynamics, true) => InfraText.Dashboard_PositiveTrendLower,
        (IndicatorCode.PositiveDynamics, false) => InfraText.Dashboard_NoPositiveTrend,
        _ => InfraText.Dashboard_NoTwoYears,
    };

    public static IReadOnlyList<MunicipalityFacts> Rank(IReadOnlyList<MunicipalityFacts> rows, DashboardFilter filter)
    {
        IOrderedEnumerable<MunicipalityFacts> ordered = (filter.Sort, filter.Ascending) switch
        {
            (RankingSort.Municipality, false) => rows.OrderByDescending(m => m.Municipality),
            (RankingSort.Municipality, true) => rows.OrderBy(m => m.Municipality),
            (RankingSort.Coverage, false) => rows.OrderByDescending(m => m.ProgrammeShare ?? -1),
            (RankingSort.Coverage, true) => rows.OrderBy(m => m.ProgrammeShare ?? 101),
            (RankingSort.Overdue, false) => rows.OrderByDescending(m => m.OverduePlanItems + m.OverdueTasks),
            (RankingSort.Overdue, true) => rows.OrderBy(m => m.OverduePlanItems + m.OverdueTasks),
            (RankingSort.Dynamics, false) => rows.OrderByDescending(m => m.DynamicsShare ?? -1),
            (RankingSort.Dynamics, true) => rows.OrderBy(m => m.DynamicsShare ?? 101),
            (_, true) => rows.OrderBy(m => m.ListedSchools),
            _ => rows.OrderByDescending(m => m.ListedSchools),
        };
        return [.. ordered.ThenBy(m => m.Municipality)];
    }
}
