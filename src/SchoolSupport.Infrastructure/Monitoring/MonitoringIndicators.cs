using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <param name="Details">How the value was counted («12 из 15»), or the entered value's source.</param>
public sealed record IndicatorRow(TargetIndicator Definition, decimal? Value, decimal? Target, string Details, DateOnly? AsOf, string EnteredBy)
{
    public TargetStatus Status => TargetIndicator.StatusOf(Value, Target);
}

public sealed record QualityCheckInput(Guid SchoolId, bool EquipmentAdequate, bool CurriculaAdequate, decimal SatisfactionPercent,
    bool InternalMonitoringEffective, DateOnly CheckedOn, string Comment);

/// <summary>
/// Indicators of a monitoring year against their targets: counted from plans, lists, results and РЦОКО checks where the
/// portal has the data, entered by an operator (with source and date) where it has not.
/// </summary>
public sealed class MonitoringIndicators(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets supportTargets)
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Ministry, Roles.Operator];

    /// <summary>Who reads the decision dashboards and their indicators: regional staff, and a municipal coordinator for its municipality.</summary>
    public static readonly string[] DashboardReaders = [Roles.Admin, Roles.Ministry, Roles.Operator, Roles.Municipal];

    /// <summary>The indicators of the region for regional staff, or of one municipality (a coordinator always its own).</summary>
    public async Task<IReadOnlyList<IndicatorRow>> ComputeAsync(int year, CancellationToken ct = default) =>
        (await ComputeWithBasisAsync(year, null, ct)).Rows;

    /// <summary>The indicator rows and the basis they were counted from (for drill-down lists and the dashboards).</summary>
    public async Task<(IReadOnlyList<IndicatorRow> Rows, IndicatorBasis Basis)> ComputeWithBasisAsync(int year, Guid? municipalityId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(DashboardReaders);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var basis = await IndicatorFigures.LoadAsync(db, scope, year, municipalityId, clock.Today(), ct);
        return (await RowsAsync(db, basis, year, ct), basis);
    }

    /// <summary>The indicator rows of a basis already counted (the ministry's dashboard counts it once for its table and its indicators).</summary>
    internal async Task<IReadOnlyList<IndicatorRow>> RowsAsync(AppDbContext db, IndicatorBasis basis, int year, CancellationToken ct)
    {
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.Code, t => t.Target, ct);
        var entered = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Year == year).ToDictionaryAsync(v => v.Code, ct);
        var asOf = clock.Today();
        return TargetIndicator.All.Select(d =>
        {
            var target = targets.TryGetValue(d.Code, out var t) ? t
                : d.Code == IndicatorCode.Agreements ? supportTargets.AgreementsPerYear : d.DefaultTarget;
            if (d.Computed)
            {
                var figure = basis.Of(d.Code);
                return new IndicatorRow(d, figure.Value, target, figure.Details, asOf, InfraText.Monitoring_PortalCalculation);
            }
            return entered.TryGetValue(d.Code, out var v) && basis.MunicipalityId is null
                ? new IndicatorRow(d, v.Value, target, v.Source, v.AsOf, v.EnteredBy)
                : new IndicatorRow(d, null, target, basis.MunicipalityId is null ? InfraText.Monitoring_ValueNotEntered : InfraText.Monitoring_EnteredForRegion, null, "");
        }).ToList();
    }

    public async Task SetTargetAsync(int year, IndicatorCode code, decimal target, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringCalendar.Editors);
        TargetIndicator.Of(code).Validate(target, InfraText.Common_TargetValue);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<IndicatorTarget>().FirstOrDefaultAsync(t => t.Year == year && t.Code == code, ct);
        if (row is null) db.Add(row = new IndicatorTarget { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, Code = code });
        row.Target = target;
        db.Record(scope, "monitoring.target", "indicator", code, InfraFormat.Of(InfraText.Monitoring_TargetLine, TargetIndicator.Of(code).Title, year, target), clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An operator enters the value of an indicator the portal cannot count, with its source and the date it refers to.</summary>
    public async Task EnterValueAsync(int year, IndicatorCode code, decimal value, string source, DateOnly asOf, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        var definition = TargetIndicator.Of(code);
        if (definition.Computed) throw new DomainException(InfraFormat.Of(InfraText.Monitoring_CalculatedIndicator, definition.Title));
        definition.Validate(value, InfraText.Common_Value);
        if (string.IsNullOrWhiteSpace(source)) throw new DomainException(InfraText.Monitoring_SourceRequired);
        if (asOf > clock.Today()) throw new DomainException(InfraText.Monitoring_ValueDateInFuture);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<IndicatorValue>().FirstOrDefaultAsync(v => v.Year == year && v.Code == code, ct);
        if (row is null) db.Add(row = new IndicatorValue { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, Code = code });
        row.Value = value;
        row.Source = source.Trim();
        row.AsOf = asOf;
        row.EnteredBy = scope.UserName;
        row.EnteredAt = clock.GetUtcNow();
        db.Record(scope, "monitoring.value", "indicator", code, $"{definition.Title}, {year}: {value} ({source.Trim()})", clock);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordCheckAsync(int year, QualityCheckInput input, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        if (input.SatisfactionPercent is < 0 or > 100) throw new DomainException(InfraText.Monitoring_SatisfactionRange);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Schools.AnyAsync(s => s.Id == input.SchoolId, ct)) throw new ScopeException(InfraText.Common_SchoolNotFound);
        var row = await db.Set<SchoolQualityCheck>().FirstOrDefaultAsync(c => c.Year == year && c.SchoolId == input.SchoolId, ct);
        if (row is null) db.Add(row = new SchoolQualityCheck { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, SchoolId = input.SchoolId });
        row.EquipmentAdequate = input.EquipmentAdequate;
        row.CurriculaAdequate = input.CurriculaAdequate;
        row.SatisfactionPercent = input.SatisfactionPercent;
        row.InternalMonitoringEffective = input.InternalMonitoringEffective;
        row.CheckedOn = input.CheckedOn;
        row.CheckedBy = scope.UserName;
        row.Comment = input.Comment.Trim();
        db.Record(scope, "monitoring.check", "school", input.SchoolId, InfraFormat.Of(InfraText.Monitoring_RcokoCheck, year), clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Results of the spring that ends the monitoring year when they are in, else those of the spring before.</summary>
    public static async Task<int> ResultsYearAsync(AppDbContext db, int year, CancellationToken ct) =>
        await db.Results.AnyAsync(r => r.Year == year + 1, ct) ? year + 1 : year;

}
