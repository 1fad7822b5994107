using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>A list a trial is compared with: that year's current list or last year's published one.</summary>
public sealed record TrialBaseline(Guid ListId, int Year, int Version, ListStatus Status, int Listed);

/// <summary>One school of a trial: its numbers and evidence, whether the trial lists it and whether the baselines do.</summary>
public sealed record TrialSchool(Guid SchoolId, string Code, string School, string Municipality, double? ResultsIndex, QuartileBand? Band,
    double? SocialIndex, MatrixCell? Cell, bool LowResults, bool Disadvantaged, bool Watch, bool InCurrent, bool InPrevious,
    IReadOnlyList<YearlyResultsIndex> ResultsIndexByYear, IReadOnlyList<RuleEvidence> Evidence)
{
    public bool Listed => LowResults || Disadvantaged;
    public Movement AgainstCurrent => ListDifference.Of(InCurrent, Listed);
    public Movement AgainstPrevious => ListDifference.Of(InPrevious, Listed);
    public string Status => Titles.ListStatus(LowResults, Disadvantaged, Listed, Watch);
}

/// <summary>
/// What a methodology version would give for a year, and how that differs from the year's current list and from last year's
/// published list: entered / left / stayed, and counts by municipality, by status and by 2×2 cell.
/// <see cref="Schools"/> holds the schools in any of the three lists.
/// </summary>
public sealed record TrialOutcome(int Year, Guid MethodologyId, string MethodologyName, int MethodologyVersion, bool MethodologyApproved,
    int SchoolsComputed, int Listed, TrialBaseline? Current, TrialBaseline? Previous, ListDifference? AgainstCurrent, ListDifference? AgainstPrevious,
    IReadOnlyList<BreakdownRow> ByMunicipality, IReadOnlyList<BreakdownRow> ByStatus, IReadOnlyList<BreakdownRow> ByCell,
    IReadOnlyList<TrialSchool> Schools, IReadOnlyList<string> Warnings);

/// <summary>
/// The trial run (what-if): any methodology version of the region — a draft included — for a year, computed in memory from the
/// same inputs as the real run; no list, no methodology and no run row is written.
/// </summary>
public sealed class RunTrial(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, EngineInputs inputs, ILogger<RunTrial> log)
{
    public async Task<TrialOutcome> RunAsync(Guid methodologyId, int year, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ComputeAsync(db, scope.RegionId, methodologyId, year, clock, inputs, log, ct);
    }

    /// <remarks>
    /// The region's inputs and school names come from <see cref="EngineInputs"/> (memory, while no results, profiles or schools
    /// were written since); last year's statuses and both baselines are read each time. The log gives load / compute / compare.
    /// </remarks>
    internal static async Task<TrialOutcome> ComputeAsync(AppDbContext db, Guid regionId, Guid methodologyId, int year, TimeProvider clock,
        EngineInputs cache, ILogger log, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        if (!SchoolYears.IsAllowed(year, clock)) throw new DomainException(InfraFormat.Of(InfraText.Identification_YearOutOfRange, year), "year");
        var row = await db.Set<MethodologyVersion>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == methodologyId && m.RegionId == regionId, ct)
                  ?? throw new ScopeException(InfraText.Trial_MethodologyNotFound);
        var methodology = MethodologyJson.Deserialize(row.Json);
        methodology.EnsureValid();
        var stamp = await EngineInputs.StampAsync(db, ct);
        var (inputs, cached) = await cache.LoadAsync(db, regionId, year, methodology, stamp, ct);
        var (current, currentEntries, previous, previousEntries) = await BaselinesAsync(db, regionId, year, ct);
        var schools = await cache.NamesAsync(db, regionId, stamp, ct);
        var loaded = watch.Elapsed;
        // Evidence text only for the schools the trial shows: the listed ones and those of the two baselines.
        var outcome = IdentificationEngine.Compute(methodology, year, inputs,
            evidenceFor: id => currentEntries.ContainsKey(id) || previousEntries.ContainsKey(id));
        var computed = watch.Elapsed;

        var kept = new List<TrialSchool>();
        foreach (var s in outcome.Schools)
        {
            var inCurrent = currentEntries.ContainsKey(s.SchoolId);
            var inPrevious = previousEntries.ContainsKey(s.SchoolId);
            if (!s.IsListed && !inCurrent && !inPrevious) continue;
            var school = schools[s.SchoolId];
            kept.Add(new TrialSchool(s.SchoolId, school.Code, school.ShortName, school.Municipality, s.ResultsIndex, s.Band, s.SocialIndex, s.Cell,
                s.LowResults, s.Disadvantaged, s.Watch, inCurrent, inPrevious, s.ResultsIndexByYear, s.Evidence));
        }
        kept = [.. kept.OrderByDescending(s => s.Listed).ThenBy(s => s.Municipality).ThenBy(s => s.School)];
        var listed = kept.Where(s => s.Listed).ToList();

        string MunicipalityOf(Guid id) => schools.TryGetValue(id, out var s) ? s.Municipality : "";
        var byMunicipality = Breakdown(
            listed.Select(s => s.Municipality),
            current is null ? null : currentEntries.Keys.Select(MunicipalityOf),
            previous is null ? null : previousEntries.Keys.Select(MunicipalityOf));
        var byStatus = Breakdown(
            listed.Select(s => s.Status),
            current is null ? null : currentEntries.Values.Select(e => e.Status),
            previous is null ? null : previousEntries.Values.Select(e => e.Status));
        var byCell = Breakdown(
            listed.Select(s => CellTitle(s.Cell)),
            current is null ? null : currentEntries.Values.Select(e => CellTitle(e.Cell)),
            previous is null ? null : previousEntries.Values.Select(e => CellTitle(e.Cell)));

        log.LogInformation("Trial {Year} for region {Region}: {Schools} schools, {Listed} listed; inputs and baselines {Load} ms ({Source}), compute {Compute} ms, compare {Compare} ms",
            year, regionId, outcome.Schools.Count, listed.Count, (int)loaded.TotalMilliseconds, cached ? "memory" : "database",
            (int)(computed - loaded).TotalMilliseconds, (int)(watch.Elapsed - computed).TotalMilliseconds);
        return new TrialOutcome(year, row.Id, row.Name, row.Version, row.Status == MethodologyStatus.Approved, outcome.Schools.Count, listed.Count,
            current, previous,
            current is null ? null : ListDifference.Of(kept.Select(s => (s.InCurrent, s.Listed))),
            previous is null ? null : ListDifference.Of(kept.Select(s => (s.InPrevious, s.Listed))),
            byMunicipality, byStatus, byCell, kept, outcome.Warnings);
    }

    public static string CellTitle(MatrixCell? cell) => cell is { } c ? Titles.Of(c) : InfraText.Trial_NoMatrixData;

    private sealed record BaselineEntry(string Status, MatrixCell? Cell);

    /// <summary>
    /// The lists a trial is compared with: for the year itself the newest version that is not superseded (a draft as well as a
    /// published one); for last year only a published one. The schools each includes, with their statuses. Two queries in all.
    /// </summary>
    private static async Task<(TrialBaseline?, Dictionary<Guid, BaselineEntry>, TrialBaseline?, Dictionary<Guid, BaselineEntry>)> BaselinesAsync(
        AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        var candidates = await db.Set<SupportList>().AsNoTracking()
            .Where(l => l.RegionId == regionId && l.Status != ListStatus.Superseded
                        && (l.Year == year || (l.Year == year - 1 && l.Status == ListStatus.Published)))
            .Select(l => new { l.Id, l.Year, l.Version, l.Status })
            .ToListAsync(ct);
        var current = candidates.Where(l => l.Year == year).MaxBy(l => l.Version);
        var previous = candidates.Where(l => l.Year == year - 1).MaxBy(l => l.Version);
        var ids = new[] { current?.Id, previous?.Id }.OfType<Guid>().ToArray();
        var entries = await db.Set<SupportListEntry>().AsNoTracking().Where(e => ids.Contains(e.ListId) && e.Included)
            .Select(e => new { e.ListId, e.SchoolId, e.LowResults, e.Disadvantaged, e.Cell }).ToListAsync(ct);
        Dictionary<Guid, BaselineEntry> Of(Guid? listId) => entries.Where(e => e.ListId == listId)
            .ToDictionary(e => e.SchoolId, e => new BaselineEntry(Titles.ListStatus(e.LowResults, e.Disadvantaged, true, false), e.Cell));
        var currentEntries = Of(current?.Id);
        var previousEntries = Of(previous?.Id);
        return (current is null ? null : new TrialBaseline(current.Id, current.Year, current.Version, current.Status, currentEntries.Count), currentEntries,
            previous is null ? null : new TrialBaseline(previous.Id, previous.Year, previous.Version, previous.Status, previousEntries.Count), previousEntries);
    }

    private static List<BreakdownRow> Breakdown(IEnumerable<string> trial, IEnumerable<string>? current, IEnumerable<string>? previous)
    {
        var t = trial.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var c = current?.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var p = previous?.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var keys = t.Keys.Concat(c?.Keys ?? Enumerable.Empty<string>()).Concat(p?.Keys ?? Enumerable.Empty<string>()).Distinct().Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), false));
        return [.. keys.Select(k => new BreakdownRow(k, t.GetValueOrDefault(k), c is null ? null : c.GetValueOrDefault(k), p is null ? null : p.GetValueOrDefault(k)))];
    }
}
