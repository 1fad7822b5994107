using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Monitoring;

public sealed record MunicipalityFigures(Guid MunicipalityId, string Municipality, int CoveredSchools, int ApprovedProgrammes, bool HasApprovedRoadmap,
    int OverduePlanItems, int OpenTasks, int OverdueTasks)
{
    public decimal? ProgrammeShare => CoveredSchools == 0 ? null : Math.Round(100m * ApprovedProgrammes / CoveredSchools, 1);
}

public sealed record ListSize(int Year, int Schools);

public sealed record RegionDashboard(string Basis, IReadOnlyList<MunicipalityFigures> Municipalities, IReadOnlyList<ListSize> ListTrend);

public sealed record SchoolFigures(Guid SchoolId, string School, Guid MunicipalityId, string Municipality, bool Covered, Guid? PlanId, PlanStatus? PlanStatus,
    int PlanItems, int PlanDone, int OverduePlanItems, int OpenTasks, int OverdueTasks)
{
    public int PercentDone => PlanItems == 0 ? 0 : (int)Math.Round(100.0 * PlanDone / PlanItems);
}

public sealed record ResultPoint(int Year, AssessmentKind Kind, Subject Subject, decimal MeanScore, decimal BelowMinimumShare, int Participants);

/// <summary>The figures of the monitoring dashboards, each counted within the user's scope.</summary>
public sealed class MonitoringDashboard(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, MonitoringIndicators indicators,
    SharedReads shared)
{
    /// <summary>The region's table (of <paramref name="regionYear"/>, by default the year <see cref="IndicatorFigures.DefaultYearAsync"/>
    /// shows) and the indicators of <paramref name="indicatorYear"/>, the figures counted once when both are of the same year: the
    /// ministry's page and the annual report.</summary>
    public Task<(RegionDashboard Region, IReadOnlyList<IndicatorRow> Indicators)> RegionWithIndicatorsAsync(int indicatorYear,
        int? regionYear = null, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringIndicators.Readers);
        return shared.GetAsync(scope, nameof(RegionWithIndicatorsAsync), (indicatorYear, regionYear),
            () => ReadRegionWithIndicatorsAsync(scope, indicatorYear, regionYear, ct));
    }

    private async Task<(RegionDashboard Region, IReadOnlyList<IndicatorRow> Indicators)> ReadRegionWithIndicatorsAsync(UserScope scope,
        int indicatorYear, int? regionYear, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var year = regionYear ?? await IndicatorFigures.DefaultYearAsync(db, clock.Today(), ct);
        var basis = await IndicatorFigures.LoadAsync(db, scope, year, null, clock.Today(), ct);
        var indicatorBasis = indicatorYear == year ? basis : await IndicatorFigures.LoadAsync(db, scope, indicatorYear, null, clock.Today(), ct);
        return (await RegionOfAsync(db, basis, ct), await indicators.RowsAsync(db, indicatorBasis, indicatorYear, ct));
    }

    /// <summary>The ministry's view: every municipality of the region, and the size of the published list by year (figures of <see cref="IndicatorFigures"/>).</summary>
    public async Task<RegionDashboard> RegionAsync(int? year = null, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringIndicators.Readers);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var basis = await IndicatorFigures.LoadAsync(db, scope, year ?? await IndicatorFigures.DefaultYearAsync(db, clock.Today(), ct), null, clock.Today(), ct);
        return await RegionOfAsync(db, basis, ct);
    }

    private async Task<RegionDashboard> RegionOfAsync(AppDbContext db, IndicatorBasis basis, CancellationToken ct)
    {
        var rows = basis.Municipalities.Select(m => new MunicipalityFigures(m.MunicipalityId, m.Municipality, m.ListedSchools, m.WithProgramme,
            m.ApprovedRoadmap, m.OverduePlanItems, m.OpenTasks, m.OverdueTasks)).ToList();
        return new RegionDashboard(basis.Covered.Basis, rows, await ListTrendAsync(db, null, ct));
    }

    /// <summary>The size of the latest published version of each year's list, optionally within one municipality.</summary>
    internal static async Task<IReadOnlyList<ListSize>> ListTrendAsync(AppDbContext db, Guid? municipalityId, CancellationToken ct)
    {
        var latest = await db.Set<SupportList>().AsNoTracking().Where(l => l.Status == ListStatus.Published)
            .Select(l => new { l.Id, l.Year, l.Version }).ToListAsync(ct);
        var ids = latest.GroupBy(l => l.Year).Select(g => g.MaxBy(l => l.Version)!.Id).ToList();
        var sizes = await db.Set<SupportListEntry>().Where(e => ids.Contains(e.ListId) && e.Included
                && (municipalityId == null || db.Schools.Any(s => s.Id == e.SchoolId && s.MunicipalityId == municipalityId)))
            .GroupBy(e => e.ListId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. latest.Where(l => ids.Contains(l.Id)).Select(l => new ListSize(l.Year, sizes.GetValueOrDefault(l.Id))).OrderBy(l => l.Year)];
    }

    /// <summary>The schools the user sees (a coordinator's municipality, a mentor's schools, a school itself), with plan and task figures.</summary>
    public async Task<IReadOnlyList<SchoolFigures>> SchoolsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var covered = await MonitoringCoverage.CoveredAsync(db, scope.RegionId, null, ct);
        var overdue = PlanItem.OverdueOn(clock.Today());
        var rows = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Select(s => new
            {
                s.Id, s.ShortName, s.MunicipalityId, Municipality = s.Municipality!.Name,
                Plan = db.Plans.Where(p => p.Level == PlanLevel.School && p.SchoolId == s.Id).OrderByDescending(p => p.CreatedAt)
                    .Select(p => new
                    {
                        p.Id, p.Status,
                        Items = p.Items.Count(i => i.Status != PlanItemStatus.Cancelled),
                        Done = p.Items.Count(i => i.Status == PlanItemStatus.Done),
                        Overdue = PlanBoard.InExecution.Contains(p.Status) ? p.Items.AsQueryable().Count(overdue) : 0,
                    }).FirstOrDefault(),
                Open = db.Set<MonitoringTask>().Count(t => t.SchoolId == s.Id && t.Status == MonitoringTaskStatus.Open),
                Overdue = db.Set<MonitoringTask>().Count(t => t.SchoolId == s.Id && t.Status == MonitoringTaskStatus.Overdue),
            }).ToListAsync(ct);
        return rows.Select(r => new SchoolFigures(r.Id, r.ShortName, r.MunicipalityId, r.Municipality, covered.SchoolIds.Contains(r.Id), r.Plan?.Id, r.Plan?.Status,
                r.Plan?.Items ?? 0, r.Plan?.Done ?? 0, r.Plan?.Overdue ?? 0, r.Open, r.Overdue))
            .OrderByDescending(r => r.Covered).ThenBy(r => r.Municipality).ThenBy(r => r.School).ToList();
    }

    /// <summary>Results of one visible school by year and subject: participant-weighted mean score and share below minimum.</summary>
    public async Task<IReadOnlyList<ResultPoint>> ResultsAsync(Guid schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Schools.VisibleTo(scope, db).AnyAsync(s => s.Id == schoolId, ct)) return [];
        var rows = await db.Results.AsNoTracking().Where(r => r.SchoolId == schoolId && r.Participants > 0)
            .GroupBy(r => new { r.Year, r.Kind, r.Subject })
            .Select(g => new
            {
                g.Key.Year, g.Key.Kind, g.Key.Subject, Participants = g.Sum(r => r.Participants),
                Mean = g.Sum(r => r.MeanScore * r.Participants), Below = g.Sum(r => r.BelowMinimumShare * r.Participants),
            }).ToListAsync(ct);
        return rows.Select(r => new ResultPoint(r.Year, r.Kind, r.Subject, Math.Round(r.Mean / r.Participants, 2), Math.Round(r.Below / r.Participants, 2), r.Participants))
            .OrderBy(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Subject).ToList();
    }
}
