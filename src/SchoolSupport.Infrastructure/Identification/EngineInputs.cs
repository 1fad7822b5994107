using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>A school as a trial shows it.</summary>
public sealed record SchoolName(string Code, string ShortName, string Municipality);

/// <summary>
/// The engine's inputs of a region — its schools with their result rows and profiles for a span of years — kept in memory
/// between trial runs and sensitivity runs, so that a what-if does not read and group a region's raw result rows every time.
/// <para>
/// An entry is valid for one input version of the database: every statement that writes results, profiles, schools or
/// municipalities adds a row to <c>engine_input_changes</c> (statement triggers, migration <c>TrialEngineInputStamp</c>), and
/// the version is the count of those rows. The version is read before the data, so an entry can only be older than its data,
/// never newer: a write committed meanwhile changes the count and the next run loads again. Last year's list is not cached.
/// </para>
/// Only a few entries are kept (a 45,000-school region holds about 2 M rows); the least recently used goes first.
/// </summary>
public sealed class EngineInputs
{
    internal const int MaxEntries = 6; // inputs and names of three regions

    private sealed class Entry(long stamp, object value)
    {
        public long Stamp { get; } = stamp;
        public object Value { get; } = value;
        public long LastUsed = Environment.TickCount64;
    }

    private readonly ConcurrentDictionary<(Guid Region, int FromYear, int Year, string What), Entry> _entries = new();

    /// <summary>The database's current input version (see the class summary).</summary>
    internal static async Task<long> StampAsync(AppDbContext db, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("select count(*) from engine_input_changes", conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Everything the engine needs for the region and year under the methodology's look-back, last year's list status included.
    /// Refuses a year without results, like the real run. <c>Cached</c> says whether the rows came from memory.
    /// </summary>
    internal async Task<(List<SchoolInput> Inputs, bool Cached)> LoadAsync(AppDbContext db, Guid regionId, int year, Methodology methodology, long stamp, CancellationToken ct)
    {
        await RunIdentification.EnsureResultsAsync(db, regionId, year, ct);
        var fromYear = year - methodology.YearsOfResults + 1;
        var (schools, cached) = await GetAsync(regionId, fromYear, year, "inputs", stamp,
            () => RunIdentification.LoadSchoolsAsync(db, regionId, fromYear, year, ct));
        var previous = await RunIdentification.PreviousStatusesAsync(db, regionId, year, ct);
        return (RunIdentification.WithPrevious(schools, previous), cached);
    }

    /// <summary>The region's schools by id: code, short name and municipality.</summary>
    internal async Task<IReadOnlyDictionary<Guid, SchoolName>> NamesAsync(AppDbContext db, Guid regionId, long stamp, CancellationToken ct)
    {
        var (names, _) = await GetAsync(regionId, 0, 0, "names", stamp, async () =>
            await db.Schools.AsNoTracking().Where(s => s.RegionId == regionId)
                .Select(s => new { s.Id, s.Code, s.ShortName, Municipality = s.Municipality!.Name })
                .ToDictionaryAsync(s => s.Id, s => new SchoolName(s.Code, s.ShortName, s.Municipality), ct));
        return names;
    }

    /// <summary>Forgets everything (tests).</summary>
    internal void Clear() => _entries.Clear();

    internal int Count => _entries.Count;

    private async Task<(T Value, bool Cached)> GetAsync<T>(Guid regionId, int fromYear, int year, string what, long stamp, Func<Task<T>> load)
        where T : class
    {
        var key = (regionId, fromYear, year, what);
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == stamp)
        {
            entry.LastUsed = Environment.TickCount64;
            return ((T)entry.Value, true);
        }
        var value = await load();
        _entries[key] = new Entry(stamp, value);
        while (_entries.Count > MaxEntries)
        {
            var oldest = _entries.MinBy(e => e.Value.LastUsed);
            _entries.TryRemove(oldest.Key, out _);
        }
        return (value, false);
    }
}
