using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

public sealed record PlanRow(Guid Id, string Title, PlanKind Kind, PlanLevel Level, string Owner, Guid? MunicipalityId, string Municipality,
    PlanStatus Status, int Items, int Done, int Overdue, DateTimeOffset? LastReportAt)
{
    /// <summary>Share of activities done, %, cancelled ones not counted.</summary>
    public int PercentDone => Items == 0 ? 0 : (int)Math.Round(100.0 * Done / Items);
}

public sealed record MunicipalityCoverage(Guid MunicipalityId, string Municipality, int Schools, int SchoolsWithApprovedProgramme, bool HasApprovedRoadmap)
{
    public decimal SchoolShare => Schools == 0 ? 0 : Math.Round(100m * SchoolsWithApprovedProgramme / Schools, 1);
}

/// <summary>Coverage indicators of the regional model: targets are 100 % of schools and of municipalities.</summary>
/// <param name="Basis">Which schools are counted: those of the list in force, or every school while no list is published.</param>
public sealed record CoverageReport(IReadOnlyList<MunicipalityCoverage> Municipalities, string Basis = "")
{
    public const decimal Target = 100m;
    public int Schools => Municipalities.Sum(m => m.Schools);
    public int SchoolsWithApprovedProgramme => Municipalities.Sum(m => m.SchoolsWithApprovedProgramme);
    public decimal SchoolShare => Schools == 0 ? 0 : Math.Round(100m * SchoolsWithApprovedProgramme / Schools, 1);
    public decimal MunicipalityShare => Municipalities.Count == 0 ? 0 : Math.Round(100m * Municipalities.Count(m => m.HasApprovedRoadmap) / Municipalities.Count, 1);
}

/// <summary>The plans a user sees, with progress, and the coverage indicators for regional staff.</summary>
public sealed class PlanBoard(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static readonly PlanStatus[] ApprovedStatuses = [PlanStatus.Approved, PlanStatus.InProgress, PlanStatus.Reported, PlanStatus.Assessed];

    /// <summary>The statuses in which activities are carried out and can be overdue.</summary>
    public static readonly PlanStatus[] InExecution = [PlanStatus.Approved, PlanStatus.InProgress, PlanStatus.Reported];

    public async Task<IReadOnlyList<PlanRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var overdue = PlanItem.OverdueOn(clock.Today());
        var rows = await db.Plans.AsNoTracking().VisibleTo(scope, db)
            .Select(p => new
            {
                p.Id, p.Title, p.Kind, p.Level, p.MunicipalityId, p.SchoolId, p.Status, p.LastReportAt,
                School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.ShortName).FirstOrDefault(),
                Municipality = db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                Items = p.Items.Count(i => i.Status != PlanItemStatus.Cancelled),
                Done = p.Items.Count(i => i.Status == PlanItemStatus.Done),
                // One overdue rule (PlanItem.OverdueOn), for plans being carried out: the same figure the same day everywhere.
                Overdue = InExecution.Contains(p.Status) ? p.Items.AsQueryable().Count(overdue) : 0,
            })
            .ToListAsync(ct);
        return rows
            .Select(p => new PlanRow(p.Id, p.Title, p.Kind, p.Level,
                p.Level switch { PlanLevel.School => p.School ?? "", PlanLevel.Municipality => p.Municipality ?? "", _ => InfraText.Common_Region },
                p.MunicipalityId, p.Municipality ?? "", p.Status, p.Items, p.Done, p.Overdue, p.LastReportAt))
            .OrderBy(p => p.Level).ThenBy(p => p.Municipality).ThenBy(p => p.Owner).ThenBy(p => p.Title)
            .ToList();
    }

    /// <summary>
    /// Share of covered schools (the list in force) with an approved programme and of their municipalities with an approved roadmap:
    /// the region for regional staff, the own municipality for a coordinator. Counted by <see cref="IndicatorFigures"/>, the same
    /// figures as the monitoring indicators and the dashboards.
    /// </summary>
    public async Task<CoverageReport> CoverageAsync(CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Ministry, Roles.Operator, Roles.Admin, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var basis = await IndicatorFigures.LoadAsync(db, scope, await IndicatorFigures.DefaultYearAsync(db, clock.Today(), ct), null, clock.Today(), ct);
        var rows = basis.CoveredMunicipalities
            .Select(m => new MunicipalityCoverage(m.MunicipalityId, m.Municipality, m.ListedSchools, m.WithProgramme, m.ApprovedRoadmap)).ToList();
        return new CoverageReport(rows, basis.Covered.Basis);
    }
}
