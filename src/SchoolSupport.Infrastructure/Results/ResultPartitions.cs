using System.Buffers;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// Results are partitioned by region and year (migration <c>ResultPartitions</c>): one table per region's year, attached to
/// <c>assessment_results</c>, and a default partition for rows written any other way. A region's new year is loaded as
/// PostgreSQL loads fastest: into a new table without an index (while the file is still being parsed), then its primary key
/// is built once from sorted rows and the table attached, all in the import's transaction. Writing the same rows into a
/// table that already has the key costs twice as long: every row goes into the index one by one.
/// </summary>
internal static class ResultPartitions
{
    public static string Name(Guid regionId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"assessment_results_{regionId:N}_{year}");

    /// <summary>Attached partitions for these regions' years, so that rows written by an ordinary COPY (demo data) land there.</summary>
    public static async Task EnsureAsync(NpgsqlConnection conn, IEnumerable<(Guid RegionId, int Year)> pairs, CancellationToken ct)
    {
        foreach (var (regionId, year) in pairs.Distinct())
        {
            await ExecuteAsync(conn, $"CREATE TABLE IF NOT EXISTS {Name(regionId, year)} PARTITION OF assessment_results " +
                                     $"FOR VALUES FROM ({Bound(regionId, year)}) TO ({Bound(regionId, year + 1)})", ct);
        }
    }

    /// <summary>
    /// Drops the region's partitions that hold no rows (left by a deletion), each in its own short transaction before an
    /// import, so that its years can be loaded as new. A partition another session is reading is left as it is.
    /// </summary>
    public static async Task DropEmptyAsync(NpgsqlConnection conn, Guid regionId, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'assessment_results'::regclass AND c.relname LIKE $1
            """, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"assessment_results_{regionId:N}_%" });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            try
            {
                await ExecuteAsync(conn, "SET LOCAL lock_timeout = '2s'", ct);
                await using var empty = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {name})", conn, tx);
                if ((bool)(await empty.ExecuteScalarAsync(ct))!) await ExecuteAsync(conn, $"DROP TABLE {name}", ct);
                await tx.CommitAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await tx.RollbackAsync(ct);
            }
        }
    }

    /// <summary>
    /// Whether any of these years of the region is loaded: rows of them in the table (the default partition included), or a
    /// partition of one of them (even an empty one that could not be dropped). Only years for which this is false are loaded
    /// as new partitions.
    /// </summary>
    public static async Task<bool> LoadedAsync(NpgsqlConnection conn, Guid regionId, int[] years, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM assessment_results WHERE region_id = $1 AND year = ANY($2))
              OR EXISTS (SELECT 1 FROM unnest($3::text[]) n WHERE to_regclass(n) IS NOT NULL)
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = years });
        cmd.Parameters.Add(new NpgsqlParameter { Value = years.Select(year => Name(regionId, year)).ToArray() });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Fresh statistics for the partitions of these years after a large merge (the default partition's rows are few).</summary>
    public static async Task AnalyzeAsync(NpgsqlConnection conn, Guid regionId, IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years.ToList())
        {
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{Name(regionId, year)}') IS NOT NULL", conn);
            if ((bool)(await exists.ExecuteScalarAsync(ct))!) await ExecuteAsync(conn, $"ANALYZE {Name(regionId, year)}", ct);
        }
    }

    /// <summary>
    /// Statistics for freshly loaded partitions, gathered right after the import's commit on a connection of their own, without
    /// holding the import up: building the key has already told the planner their row counts, and autovacuum would analyze them
    /// within a minute anyway. Only the columns that queries filter, join and group on; the four figures are only read.
    /// </summary>
    public static void AnalyzeSoon(IDbContextFactory<AppDbContext> dbs, IReadOnlyList<string> tables)
    {
        if (tables.Count == 0) return;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var db = await dbs.CreateDbContextAsync();
                var conn = (NpgsqlConnection)db.Database.GetDbConnection();
                await conn.OpenAsync();
                foreach (var table in tables) await ExecuteAsync(conn, $"ANALYZE {table} ({PartitionLoad.KeyColumns})", CancellationToken.None);
            }
            catch (Exception)
            {
                // Autovacuum analyzes a partition with this many new rows within a minute anyway.
            }
        });
    }

    internal static string Bound(Guid regionId, int year) => string.Create(CultureInfo.InvariantCulture, $"'{regionId}', {year}");

    internal static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Loads a region's new years into new partitions in the caller's transaction: rows go by binary COPY into one unindexed
/// table per year (its range checked row by row), then <see cref="FinishAsync"/> builds each table's primary key, attaches it
/// and refreshes its statistics. A year that turns out to be loaded already (rows in the table or a partition of its own)
/// stops the load with <see cref="ImportPipeline.YearAlreadyLoaded"/>: the caller starts again through the staging merge.
/// Repeated rows never reach this far: the parser refuses them.
/// </summary>
internal sealed class PartitionLoad(NpgsqlConnection conn, Guid regionId) : IAsyncDisposable
{
    internal const string KeyColumns = "region_id, school_id, year, kind, grade, subject";

    private readonly HashSet<int> _years = [];
    private NpgsqlRawCopyStream? _copy;
    private int _copyYear;

    public long Rows { get; private set; }

    /// <summary>Writes the rows <paramref name="start"/>..<paramref name="start"/>+<paramref name="count"/>, year by year.</summary>
    public async Task WriteAsync(AssessmentResult[] rows, int start, int count, CancellationToken ct)
    {
        foreach (var (year, encoded, encodedRows) in EncodedRows.Of(rows, start, count)) await WriteAsync(year, encoded.WrittenMemory, encodedRows, ct);
    }

    /// <summary>Rows of one year, already in binary COPY format (<see cref="ResultRowEncoder"/>).</summary>
    public async Task WriteAsync(int year, ReadOnlyMemory<byte> encoded, int rows, CancellationToken ct)
    {
        if (_copy is null || _copyYear != year) await OpenAsync(year, ct);
        await _copy!.WriteAsync(encoded, ct);
        Rows += rows;
    }

    private async Task OpenAsync(int year, CancellationToken ct)
    {
        await CloseAsync(ct);
        var name = ResultPartitions.Name(regionId, year);
        if (_years.Add(year))
        {
            if (await ResultPartitions.LoadedAsync(conn, regionId, [year], ct)) throw new ImportPipeline.YearAlreadyLoaded();
            // The range as a check, so that attaching proves it instead of reading the table again.
            await ResultPartitions.ExecuteAsync(conn, $"""
                CREATE TABLE {name} (LIKE assessment_results INCLUDING DEFAULTS,
                  CONSTRAINT {name}_range CHECK (region_id = '{regionId}' AND year = {year.ToString(CultureInfo.InvariantCulture)}))
                """, ct);
        }
        // FREEZE: the table is new in this transaction, so its rows are written frozen and need no hint bits or vacuum later
        // (the first read of a freshly copied table would otherwise rewrite every page).
        _copy = await conn.BeginRawBinaryCopyAsync($"COPY {name} ({BulkCopy.ResultColumns}) FROM STDIN (FORMAT BINARY, FREEZE)", ct);
        await _copy.WriteAsync(ResultRowEncoder.Header.ToArray(), ct);
        _copyYear = year;
    }

    private async Task CloseAsync(CancellationToken ct)
    {
        if (_copy is null) return;
        await _copy.WriteAsync(ResultRowEncoder.Trailer.ToArray(), ct);
        await _copy.DisposeAsync();
        _copy = null;
    }

    /// <summary>The partitions this load created (their statistics are gathered after the commit: <see cref="ResultPartitions.AnalyzeSoon"/>).</summary>
    public IEnumerable<string> Tables => _years.Select(year => ResultPartitions.Name(regionId, year));

    /// <summary>Builds the loaded tables' keys, attaches them and notes the change for the cached identification inputs.</summary>
    public async Task FinishAsync(CancellationToken ct)
    {
        await CloseAsync(ct);
        if (_years.Count == 0) return;
        foreach (var year in _years)
        {
            var name = ResultPartitions.Name(regionId, year);
            await ResultPartitions.ExecuteAsync(conn, $"ALTER TABLE {name} ADD PRIMARY KEY ({KeyColumns})", ct);
            await ResultPartitions.ExecuteAsync(conn, $"""
                ALTER TABLE assessment_results ATTACH PARTITION {name}
                  FOR VALUES FROM ({ResultPartitions.Bound(regionId, year)}) TO ({ResultPartitions.Bound(regionId, year + 1)})
                """, ct);
        }
        // Attaching fires no trigger: the stamp that the identification's cached inputs compare with is written here.
        await ResultPartitions.ExecuteAsync(conn, "INSERT INTO engine_input_changes DEFAULT VALUES", ct);
    }

    /// <summary>A load that did not finish cancels its COPY; the caller's transaction is rolled back with the tables.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_copy is null) return;
        try
        {
            await _copy.CancelAsync();
            await _copy.DisposeAsync();
        }
        catch (Exception)
        {
            // The failure that stopped the load is the one reported.
        }
        _copy = null;
    }
}

/// <summary>Rows encoded for a binary COPY, one buffer per year.</summary>
internal static class EncodedRows
{
    public static List<(int Year, ArrayBufferWriter<byte> Bytes, int Rows)> Of(AssessmentResult[] rows, int start, int count)
    {
        var years = new List<int>(1);
        var buffers = new List<ArrayBufferWriter<byte>>(1);
        var counts = new List<int>(1);
        for (var i = start; i < start + count; i++)
        {
            var row = rows[i];
            var at = years.IndexOf(row.Year);
            if (at < 0)
            {
                years.Add(row.Year);
                buffers.Add(new ArrayBufferWriter<byte>(Math.Max(256, count * 100)));
                counts.Add(0);
                at = years.Count - 1;
            }
            ResultRowEncoder.Write(buffers[at], row);
            counts[at]++;
        }
        return [.. years.Select((year, i) => (year, buffers[i], counts[i]))];
    }
}
