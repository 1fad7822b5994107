using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The list size over a range of one parameter's values, for the chart of the trial page.</summary>
public sealed record SensitivityOutcome(int Year, string MethodologyName, int MethodologyVersion, TunableParameter Parameter, IReadOnlyList<SensitivityPoint> Points);

/// <summary>
/// The sensitivity view of the workbench: one rule parameter of a methodology version (a draft included) varied over a range;
/// the inputs are read once and the engine runs once per value (at most <see cref="Sensitivity.MaxPoints"/>). Nothing is written.
/// </summary>
public sealed class RunSensitivity(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, EngineInputs cache)
{
    /// <summary>The parameters of the version's rules that can be varied; none for a draft that is not valid yet.</summary>
    public async Task<IReadOnlyList<TunableParameter>> ParametersAsync(Guid methodologyId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Set<MethodologyVersion>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == methodologyId && m.RegionId == scope.RegionId, ct)
                  ?? throw new ScopeException(InfraText.Trial_MethodologyNotFound);
        var methodology = MethodologyJson.Deserialize(row.Json);
        return methodology.Validate().Count > 0 ? [] : Sensitivity.ParametersOf(methodology);
    }

    public async Task<SensitivityOutcome> RunAsync(Guid methodologyId, int year, string parameterKey, double from, double to, double step, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        if (!SchoolYears.IsAllowed(year, clock)) throw new DomainException(InfraFormat.Of(InfraText.Identification_YearOutOfRange, year), "year");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (row, methodology) = await LoadAsync(db, scope.RegionId, methodologyId, ct);
        var parameter = Sensitivity.ParametersOf(methodology).FirstOrDefault(p => p.Key == parameterKey)
                        ?? throw new DomainException(InfraText.Trial_ParameterRequired, "parameter");
        var values = Sensitivity.Values(parameter, from, to, step);
        // The widest look-back among the variants decides which years of results are read.
        var widest = values.Select(v => Sensitivity.With(methodology, parameterKey, v)).MaxBy(m => m.YearsOfResults) ?? methodology;
        var (inputs, _) = await cache.LoadAsync(db, scope.RegionId, year, widest, await EngineInputs.StampAsync(db, ct), ct);
        var points = Sensitivity.Compute(methodology, year, inputs, parameterKey, values);
        return new SensitivityOutcome(year, row.Name, row.Version, parameter, points);
    }

    private static async Task<(MethodologyVersion, Methodology)> LoadAsync(AppDbContext db, Guid regionId, Guid methodologyId, CancellationToken ct)
    {
        var row = await db.Set<MethodologyVersion>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == methodologyId && m.RegionId == regionId, ct)
                  ?? throw new ScopeException(InfraText.Trial_MethodologyNotFound);
        var methodology = MethodologyJson.Deserialize(row.Json);
        methodology.EnsureValid();
        return (row, methodology);
    }
}
