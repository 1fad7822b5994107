using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;

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
public sealed class MonitoringIndicators(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Ministry, Roles.Operator];

    public async Task<IReadOnlyList<IndicatorRow>> ComputeAsync(int year, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Readers);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var covered = await MonitoringCoverage.CoveredAsync(db, scope.RegionId, year, ct);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.Year == year).ToDictionaryAsync(t => t.Code, t => t.Target, ct);
        var entered = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Year == year).ToDictionaryAsync(v => v.Code, ct);
        var computed = new Dictionary<IndicatorCode, (decimal? Value, string Details)>
        {
            [IndicatorCode.MunicipalitiesWithProgrammes] = await MunicipalCoverageAsync(db, covered, ct),
            [IndicatorCode.ListedSchoolsWithProgrammes] = await SchoolCoverageAsync(db, covered, ct),
            [IndicatorCode.ListReduction] = await ReductionAsync(db, year, ct),
            [IndicatorCode.PositiveDynamics] = await DynamicsAsync(db, covered, year, ct),
            [IndicatorCode.QualityCheckCoverage] = await ChecksAsync(db, covered, year, ct),
        };
        var asOf = clock.Today();
        return TargetIndicator.All.Select(d =>
        {
            var target = targets.TryGetValue(d.Code, out var t) ? t : d.DefaultTarget;
            if (d.Computed)
            {
                var (value, details) = computed[d.Code];
                return new IndicatorRow(d, value, target, details, asOf, "расчёт портала");
            }
            return entered.TryGetValue(d.Code, out var v)
                ? new IndicatorRow(d, v.Value, target, v.Source, v.AsOf, v.EnteredBy)
                : new IndicatorRow(d, null, target, "значение не внесено", null, "");
        }).ToList();
    }

    public async Task SetTargetAsync(int year, IndicatorCode code, decimal target, CancellationToken ct = default)
    {
        var scope = current.RequireRole(MonitoringCalendar.Editors);
        TargetIndicator.Of(code).Validate(target, "Целевое значение");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<IndicatorTarget>().FirstOrDefaultAsync(t => t.Year == year && t.Code == code, ct);
        if (row is null) db.Add(row = new IndicatorTarget { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, Code = code });
        row.Target = target;
        db.Record(scope, "monitoring.target", "indicator", code, $"{TargetIndicator.Of(code).Title}, {year}: цель {target}", clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An operator enters the value of an indicator the portal cannot count, with its source and the date it refers to.</summary>
    public async Task EnterValueAsync(int year, IndicatorCode code, decimal value, string source, DateOnly asOf, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        var definition = TargetIndicator.Of(code);
        if (definition.Computed) throw new DomainException($"Показатель «{definition.Title}» рассчитывается по данным портала и не вводится вручную.");
        definition.Validate(value, "Значение");
        if (string.IsNullOrWhiteSpace(source)) throw new DomainException("Укажите источник значения показателя.");
        if (asOf > clock.Today()) throw new DomainException("Дата значения не может быть в будущем.");
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
        if (input.SatisfactionPercent is < 0 or > 100) throw new DomainException("Удовлетворённость обучающихся и родителей должна быть от 0 до 100 %.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Schools.AnyAsync(s => s.Id == input.SchoolId, ct)) throw new ScopeException("Школа не найдена.");
        var row = await db.Set<SchoolQualityCheck>().FirstOrDefaultAsync(c => c.Year == year && c.SchoolId == input.SchoolId, ct);
        if (row is null) db.Add(row = new SchoolQualityCheck { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, SchoolId = input.SchoolId });
        row.EquipmentAdequate = input.EquipmentAdequate;
        row.CurriculaAdequate = input.CurriculaAdequate;
        row.SatisfactionPercent = input.SatisfactionPercent;
        row.InternalMonitoringEffective = input.InternalMonitoringEffective;
        row.CheckedOn = input.CheckedOn;
        row.CheckedBy = scope.UserName;
        row.Comment = input.Comment.Trim();
        db.Record(scope, "monitoring.check", "school", input.SchoolId, $"Проверка РЦОКО {year}", clock);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<(decimal?, string)> MunicipalCoverageAsync(AppDbContext db, CoveredSchools covered, CancellationToken ct)
    {
        var ids = covered.MunicipalityIds.ToList();
        if (ids.Count == 0) return (null, "нет муниципалитетов");
        var with = await db.Plans.Where(p => p.Level == PlanLevel.Municipality && PlanBoard.ApprovedStatuses.Contains(p.Status) && ids.Contains(p.MunicipalityId!.Value))
            .Select(p => p.MunicipalityId).Distinct().CountAsync(ct);
        return (Percent(with, ids.Count), $"{with} из {ids.Count}");
    }

    private static async Task<(decimal?, string)> SchoolCoverageAsync(AppDbContext db, CoveredSchools covered, CancellationToken ct)
    {
        var ids = covered.SchoolIds.ToList();
        if (ids.Count == 0) return (null, "нет школ");
        var with = await db.Plans.Where(p => p.Level == PlanLevel.School && PlanBoard.ApprovedStatuses.Contains(p.Status) && ids.Contains(p.SchoolId!.Value))
            .Select(p => p.SchoolId).Distinct().CountAsync(ct);
        return (Percent(with, ids.Count), $"{with} из {ids.Count}");
    }

    private static async Task<(decimal?, string)> ReductionAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var sizes = await db.Set<SupportList>().Where(l => l.Status == ListStatus.Published && (l.Year == year || l.Year == year - 1))
            .Select(l => new { l.Year, Count = l.Entries.Count(e => e.Included) }).ToListAsync(ct);
        var now = sizes.FirstOrDefault(s => s.Year == year);
        var before = sizes.FirstOrDefault(s => s.Year == year - 1);
        if (now is null || before is null || before.Count == 0) return (null, "нужны опубликованные перечни двух лет подряд");
        return (Math.Round(100m * (before.Count - now.Count) / before.Count, 1), $"{before.Count} → {now.Count} школ");
    }

    /// <summary>Results of the spring that ends the monitoring year when they are in, else those of the spring before.</summary>
    public static async Task<int> ResultsYearAsync(AppDbContext db, int year, CancellationToken ct) =>
        await db.Results.AnyAsync(r => r.Year == year + 1, ct) ? year + 1 : year;

    private static async Task<(decimal?, string)> DynamicsAsync(AppDbContext db, CoveredSchools covered, int year, CancellationToken ct)
    {
        var resultsYear = await ResultsYearAsync(db, year, ct);
        var ids = covered.SchoolIds.ToList();
        var rows = await db.Results.Where(r => ids.Contains(r.SchoolId) && (r.Year == resultsYear || r.Year == resultsYear - 1))
            .Select(r => new { r.SchoolId, r.Year, r.Participants, r.BelowMinimumShare }).ToListAsync(ct);
        var compared = 0;
        var positive = 0;
        foreach (var school in rows.GroupBy(r => r.SchoolId))
        {
            var before = ResultsDynamics.WeightedBelowMinimum(school.Where(r => r.Year == resultsYear - 1).Select(r => (r.Participants, r.BelowMinimumShare)));
            var now = ResultsDynamics.WeightedBelowMinimum(school.Where(r => r.Year == resultsYear).Select(r => (r.Participants, r.BelowMinimumShare)));
            if (ResultsDynamics.IsPositive(before, now) is not { } up) continue;
            compared++;
            if (up) positive++;
        }
        if (compared == 0) return (null, $"нет результатов {resultsYear - 1} и {resultsYear} годов для сравнения");
        return (Percent(positive, compared), $"{positive} из {compared}: доля ниже минимума {resultsYear} к {resultsYear - 1}");
    }

    private static async Task<(decimal?, string)> ChecksAsync(AppDbContext db, CoveredSchools covered, int year, CancellationToken ct)
    {
        var ids = covered.SchoolIds.ToList();
        if (ids.Count == 0) return (null, "нет школ");
        var checkedCount = await db.Set<SchoolQualityCheck>().CountAsync(c => c.Year == year && ids.Contains(c.SchoolId), ct);
        return (Percent(checkedCount, ids.Count), $"{checkedCount} из {ids.Count}");
    }

    private static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 1);
}
