using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>A checked file waiting for the user's confirmation. Nothing is written until <see cref="ResultsImport.CommitAsync"/>.</summary>
public sealed class PreparedImport
{
    internal PreparedImport(ImportKind kind, string fileName, Guid regionId)
    {
        Kind = kind;
        FileName = fileName;
        RegionId = regionId;
    }

    public ImportKind Kind { get; }
    public string FileName { get; }
    internal Guid RegionId { get; }
    public int RowCount => _released ?? (Kind == ImportKind.Results ? ResultRows.Count : ProfileRows.Count);
    public List<ImportError> Errors { get; } = [];

    /// <summary>True when only the check was kept (<see cref="ResultsImport.PrepareAsync"/> with <c>keepRows: false</c>).</summary>
    public bool RowsReleased => _released is not null;

    private int? _released;

    /// <summary>Keeps the count and lets the rows go: the file itself is written later by <see cref="ResultsImport.ImportAsync"/>.</summary>
    internal void ReleaseRows()
    {
        _released = RowCount;
        ResultRows.Clear();
        ResultRows.TrimExcess();
        ProfileRows.Clear();
        ProfileRows.TrimExcess();
    }
    public bool CanCommit => Errors.Count == 0 && RowCount > 0;
    internal List<AssessmentResult> ResultRows { get; } = [];
    internal List<SchoolYearProfile> ProfileRows { get; } = [];
}

public sealed record ImportOutcome(int Rows, int Inserted, int Updated, int Unchanged);

/// <summary>
/// Import of results and school context from XLSX/CSV: check every row first (preview with Russian messages),
/// then write all-or-nothing in one transaction through COPY into a staging table and one upsert by natural key,
/// so a re-import of the same file changes nothing.
/// </summary>
public sealed class ResultsImport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, ImportLimits limits)
{
    public ImportLimits Limits => limits;

    public const int MinYear = SchoolYears.First;

    public int MaxYear => clock.GetUtcNow().Year + 1;

    public static UserScope RequireImporter(ICurrentScope current) => current.RequireRole(Roles.Operator, Roles.Admin);

    /// <summary>The region's last 20 imports of results and context data, from the audit trail.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Audit.Where(a => a.RegionId == scope.RegionId && (a.Action == "results.import" || a.Action == "context.import"))
            .OrderByDescending(a => a.At).Take(20).AsNoTracking().ToListAsync(ct);
    }

    /// <param name="keepRows">False when the file will be written by <see cref="ImportAsync"/> after the user's confirmation: the
    /// preview then holds its counts and errors, not a million parsed rows.</param>
    public async Task<PreparedImport> PrepareAsync(ImportKind kind, Stream content, string fileName, IProgress<double>? progress = null,
        CancellationToken ct = default, bool keepRows = true)
    {
        var scope = RequireImporter(current);
        var prepared = new PreparedImport(kind, fileName, scope.RegionId);
        var schools = await SchoolsAsync(scope.RegionId, ct);
        try
        {
            var table = TabularFile.Read(content, fileName, limits);
            var columns = ImportSpec.For(kind).Locate(table.Header);
            var parser = new RowParser(prepared, schools, MaxYear);
            if (table.Text is { } text) ParsePlain(parser, text, table.Delimiter, table.Lines, columns, progress, ct);
            else
            {
                var count = 0;
                foreach (var (rowNumber, cells) in table.Rows!)
                {
                    ct.ThrowIfCancellationRequested();
                    parser.Parse(new Cells(cells, columns), rowNumber, parser.Errors);
                    if (++count % 20_000 == 0 && content.Length > 0) progress?.Report(0.5 * content.Position / content.Length);
                }
            }
            parser.Finish();
        }
        catch (BadFileException e)
        {
            prepared.Errors.Insert(0, new ImportError(0, e.Message));
        }
        if (prepared.RowCount == 0 && prepared.Errors.Count == 0) prepared.Errors.Add(new ImportError(0, InfraText.Import_NoRows));
        if (!keepRows) prepared.ReleaseRows();
        progress?.Report(0.5);
        return prepared;
    }

    /// <summary>The region's schools by code, ranked in the order of PostgreSQL's uuid comparison (rows sort as the primary key sorts them).</summary>
    private async Task<Dictionary<string, RegisteredSchool>> SchoolsAsync(Guid regionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT code, id FROM schools WHERE region_id = $1 ORDER BY id", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var schools = new Dictionary<string, RegisteredSchool>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(ct)) schools.TryAdd(reader.GetString(0), new RegisteredSchool(reader.GetGuid(1), schools.Count));
        return schools;
    }

    /// <summary>
    /// Checks and writes a file in one step, all or nothing: a pipeline of row batches (<see cref="ImportPipeline"/>) parses and
    /// checks the file while earlier batches go by binary COPY into the table, in one transaction. A bad row, even the last,
    /// rolls everything back and is reported as <see cref="ImportRowsException"/> with the preview's list of errors. When some
    /// of the file's years are loaded already, the rows go to a staging table and only the new and changed rows are written.
    /// </summary>
    public async Task<ImportOutcome> ImportAsync(ImportKind kind, Stream content, string fileName, IProgress<double>? progress = null,
        ImportPipelineStats? stats = null, CancellationToken ct = default)
    {
        var scope = RequireImporter(current);
        if (kind != ImportKind.Results)
        {
            // Context files are one row per school and year: small enough for the two steps.
            var checkedFile = await PrepareAsync(kind, content, fileName, null, ct);
            if (!checkedFile.CanCommit) throw new ImportRowsException(checkedFile.Errors);
            return await CommitAsync(checkedFile, progress, ct);
        }
        stats ??= new ImportPipelineStats();
        var schools = await SchoolsAsync(scope.RegionId, ct);
        await DropEmptyPartitionsAsync(scope.RegionId, ct);
        try
        {
            try
            {
                return await WriteAsync(scope, content, fileName, schools, staged: false, progress, stats, ct);
            }
            catch (ImportPipeline.YearAlreadyLoaded)
            {
                return await WriteAsync(scope, content, fileName, schools, staged: true, progress, stats, ct);
            }
        }
        catch (Exception e) when (e is ImportPipeline.RowErrorsFound or BadFileException)
        {
            // Nothing was written. The file is checked again as the preview checks it, for every error with its row.
            content.Position = 0;
            var checkedFile = await PrepareAsync(kind, content, fileName, null, ct);
            throw new ImportRowsException(checkedFile.Errors.Count > 0 ? checkedFile.Errors
                : [new ImportError(0, InfraText.Import_FileHasErrors)]);
        }
    }

    private async Task DropEmptyPartitionsAsync(Guid regionId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        await ResultPartitions.DropEmptyAsync(conn, regionId, ct);
    }

    private async Task<ImportOutcome> WriteAsync(UserScope scope, Stream content, string fileName, Dictionary<string, RegisteredSchool> schools,
        bool staged, IProgress<double>? progress, ImportPipelineStats stats, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            content.Position = 0;
            stats.Reset();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            // One import at a time per region, so that "nothing of these years is loaded yet" stays true until the commit.
            await ExecuteAsync(conn, "SELECT pg_advisory_xact_lock(7402, hashtext($1::text))", ct, scope.RegionId);
            var pipeline = new ImportPipeline(conn, scope.RegionId, schools, MaxYear, limits, stats);
            var (rows, wasStaged) = await pipeline.RunAsync(content, fileName, staged, p => progress?.Report(p), ct);
            if (rows == 0) throw new ImportPipeline.RowErrorsFound();
            // What a foreign key would check row by row, checked once for the file: every school is in the region's registry.
            var schoolIds = pipeline.SchoolIds.ToArray();
            var present = await ScalarAsync(conn, "SELECT count(*) FROM schools WHERE region_id = $1 AND id = ANY($2)", ct, scope.RegionId, schoolIds);
            if (present != schoolIds.Length) throw new DomainException(InfraText.Import_SchoolsRemoved);
            var outcome = wasStaged
                ? await MergeChangesAsync(conn, scope.RegionId, pipeline.Comparison!, (int)rows, ct)
                : new ImportOutcome((int)rows, (int)rows, 0, 0);
            if (wasStaged && outcome.Inserted > 50_000) await ResultPartitions.AnalyzeAsync(conn, scope.RegionId, pipeline.Years, ct);
            progress?.Report(0.95);
            db.Record(scope, "results.import", "file", fileName,
                InfraFormat.Of(InfraText.Import_Summary, fileName, outcome.Rows, outcome.Inserted, outcome.Updated, outcome.Unchanged),
                clock);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            ResultPartitions.AnalyzeSoon(dbs, pipeline.Tables);
            progress?.Report(1.0);
            return outcome;
        });
    }

    /// <summary>The rows the comparison found new or changed, merged through a staging table; an unchanged file writes nothing.</summary>
    private static async Task<ImportOutcome> MergeChangesAsync(NpgsqlConnection conn, Guid regionId, LoadedComparison comparison, int rows,
        CancellationToken ct)
    {
        if (comparison.ToWrite.Count == 0) return new ImportOutcome(rows, 0, 0, rows);
        // A year without any rows yet (a file with a loaded year and a new one) gets its partition first.
        await ResultPartitions.EnsureAsync(conn, comparison.NewYears.Select(year => (regionId, year)), ct);
        await ExecuteAsync(conn, ImportPipeline.CreateStagingTable, ct);
        await BulkCopy.ResultsAsync(conn, comparison.ToWrite, ct, table: ImportPipeline.StagingTable);
        var merged = await MergeAsync(conn, regionId, [.. comparison.ToWrite.Select(r => r.Year).Distinct()], comparison.ToWrite.Count, ct);
        return new ImportOutcome(rows, merged.Inserted, merged.Updated, rows - merged.Inserted - merged.Updated);
    }

    /// <summary>
    /// The staged rows against the table: one join counts the new and the changed rows, and only those are written, so that
    /// re-importing an unchanged file reads the table once and writes nothing.
    /// </summary>
    private static async Task<ImportOutcome> MergeAsync(NpgsqlConnection conn, Guid regionId, int[] years, int rows, CancellationToken ct)
    {
        const string key = "t.region_id = $1 AND t.year = ANY($2) AND t.school_id = s.school_id AND t.year = s.year AND t.kind = s.kind " +
            "AND t.grade = s.grade AND t.subject = s.subject";
        const string changed = "(t.participants, t.mean_score, t.below_minimum_share, t.fail_share) " +
            "IS DISTINCT FROM (s.participants, s.mean_score, s.below_minimum_share, s.fail_share)";
        // Many rows: one pass over each side; probing the key index once per staged row (a nested loop over the partitions) costs
        // several times more. A few rows: the planner's probes.
        await ExecuteAsync(conn, rows > 100_000 ? "SET LOCAL work_mem = '256MB'; SET LOCAL enable_nestloop = off; SET LOCAL jit = off" : "SET LOCAL jit = off", ct);
        await ExecuteAsync(conn, $"ANALYZE {ImportPipeline.StagingTable}", ct);
        long missing, different;
        await using (var cmd = new NpgsqlCommand($"""
            SELECT count(*) FILTER (WHERE t.region_id IS NULL), count(*) FILTER (WHERE t.region_id IS NOT NULL AND {changed})
            FROM {ImportPipeline.StagingTable} s LEFT JOIN assessment_results t ON {key}
            """, conn) { CommandTimeout = 600 })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = years });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            missing = reader.GetInt64(0);
            different = reader.GetInt64(1);
        }
        var updated = different == 0 ? 0 : await AffectedAsync(conn, $"""
            UPDATE assessment_results t SET participants = s.participants, mean_score = s.mean_score,
              below_minimum_share = s.below_minimum_share, fail_share = s.fail_share
            FROM {ImportPipeline.StagingTable} s WHERE {key} AND {changed}
            """, ct, regionId, years);
        var inserted = missing == 0 ? 0 : await AffectedAsync(conn, $"""
            INSERT INTO assessment_results ({BulkCopy.ResultColumns})
            SELECT {BulkCopy.ResultColumns} FROM {ImportPipeline.StagingTable} s
            WHERE NOT EXISTS (SELECT 1 FROM assessment_results t WHERE {key})
            """, ct, regionId, years);
        return new ImportOutcome(rows, inserted, updated, rows - inserted - updated);
    }

    private static async Task<int> AffectedAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        foreach (var value in values) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A plain CSV is checked in parallel chunks of lines, each cell a slice of the text.</summary>
    private static void ParsePlain(RowParser parser, string text, char delimiter, Range[] lines, int[] columns, IProgress<double>? progress,
        CancellationToken ct)
    {
        const int chunk = 4_096;
        var done = 0;
        var chunks = (lines.Length + chunk - 1) / chunk;
        var errors = new List<ImportError>[chunks];
        parser.ReserveSlots(lines.Length);
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = ct }, c =>
        {
            var local = errors[c] = [];
            Span<Range> ranges = stackalloc Range[64];
            for (var i = c * chunk; i < Math.Min(lines.Length, (c + 1) * chunk); i++)
            {
                var line = text.AsSpan(lines[i]);
                if (line.IsWhiteSpace()) continue;
                var count = line.Split(ranges, delimiter);
                parser.Parse(new Cells(line, ranges[..count], columns), i + 2, local, slot: i);
            }
            progress?.Report(Math.Min(0.5, 0.5 * Interlocked.Add(ref done, chunk) / lines.Length));
        });
        foreach (var list in errors) parser.Errors.AddRange(list);
    }

    public async Task<ImportOutcome> CommitAsync(PreparedImport prepared, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var scope = RequireImporter(current);
        if (scope.RegionId != prepared.RegionId) throw new ScopeException(InfraText.Import_OtherRegion);
        if (!prepared.CanCommit) throw new DomainException(InfraText.Import_FileHasErrors);
        if (prepared.RowsReleased) throw new InvalidOperationException("The rows of this check were released: write the file with ImportAsync.");

        if (prepared.Kind == ImportKind.Results) await DropEmptyPartitionsAsync(prepared.RegionId, ct);
        var loaded = new List<string>();
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            loaded.Clear();
            var outcome = prepared.Kind == ImportKind.Results
                ? await UpsertResultsAsync(db, prepared.RegionId, prepared.ResultRows, n => progress?.Report(0.5 + 0.4 * n / prepared.RowCount), loaded, ct)
                : await UpsertProfilesAsync(db, prepared.ProfileRows, ct);
            // Fresh statistics after a large load, so that the next queries (registry, identification) plan well. A new year's
            // partitions get theirs right after the commit, merged results from UpsertResultsAsync.
            if (prepared.Kind == ImportKind.Context && outcome.Inserted > 50_000) await db.Database.ExecuteSqlRawAsync("analyze school_year_profiles", ct);
            progress?.Report(0.95);
            db.Record(scope, prepared.Kind == ImportKind.Results ? "results.import" : "context.import", "file", prepared.FileName,
                InfraFormat.Of(InfraText.Import_Summary, prepared.FileName, outcome.Rows, outcome.Inserted, outcome.Updated, outcome.Unchanged),
                clock);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            ResultPartitions.AnalyzeSoon(dbs, loaded);
            progress?.Report(1.0);
            return outcome;
        });
    }

    private static async Task<ImportOutcome> UpsertResultsAsync(AppDbContext db, Guid regionId, List<AssessmentResult> rows, Action<int> written,
        List<string> loaded, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        // One import at a time per region, so that "nothing of these years is loaded yet" stays true until the commit.
        await ExecuteAsync(conn, "SELECT pg_advisory_xact_lock(7402, hashtext($1::text))", ct, regionId);
        // What a foreign key would check row by row, checked once for the file: every school is in the region's registry.
        // (Schools are never deleted, so there is nothing to lock them against.)
        var schoolIds = rows.Select(r => r.SchoolId).Distinct().ToArray();
        var present = await ScalarAsync(conn, "SELECT count(*) FROM schools WHERE region_id = $1 AND id = ANY($2)", ct, regionId, schoolIds);
        if (present != schoolIds.Length) throw new DomainException(InfraText.Import_SchoolsRemoved);

        var years = rows.Select(r => r.Year).Distinct().ToArray();
        if (!await ResultPartitions.LoadedAsync(conn, regionId, years, ct))
        {
            // The usual case: the results of a new year, into new partitions of their own.
            await using var load = new PartitionLoad(conn, regionId);
            const int chunk = 65_536;
            var array = rows.ToArray();
            for (var start = 0; start < array.Length; start += chunk)
            {
                await load.WriteAsync(array, start, Math.Min(chunk, array.Length - start), ct);
                written(Math.Min(array.Length, start + chunk));
            }
            await load.FinishAsync(ct);
            loaded.AddRange(load.Tables);
            return new ImportOutcome(rows.Count, (int)load.Rows, 0, 0);
        }

        await ExecuteAsync(conn, ImportPipeline.CreateStagingTable, ct);
        await BulkCopy.ResultsAsync(db, rows, ct, table: ImportPipeline.StagingTable, written: written);
        // The same merge as the one-step import's: only the new and the changed rows are written.
        var merged = await MergeAsync(conn, regionId, years, rows.Count, ct);
        if (merged.Inserted > 50_000) await ResultPartitions.AnalyzeAsync(conn, regionId, years, ct);
        return merged;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var value in values) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] values)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var value in values) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<ImportOutcome> UpsertProfilesAsync(AppDbContext db, List<SchoolYearProfile> rows, CancellationToken ct)
    {
        const string columns = "region_id, school_id, year, staffing_percent, vacancies, teachers_average_age, disabled_students_share, " +
            "non_native_speakers_share, parents_higher_education_share, unemployed_parents_share, registered_students_share, has_internet, " +
            "olympiad_share, continuing_to_grade10share";
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TEMP TABLE import_profiles (region_id uuid, school_id uuid, year int, staffing_percent numeric(6,2), vacancies int,
              teachers_average_age numeric(6,2), disabled_students_share numeric(6,2), non_native_speakers_share numeric(6,2),
              parents_higher_education_share numeric(6,2), unemployed_parents_share numeric(6,2), registered_students_share numeric(6,2),
              has_internet boolean, olympiad_share numeric(6,2), continuing_to_grade10share numeric(6,2)) ON COMMIT DROP
            """, ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await conn.BeginBinaryImportAsync($"COPY import_profiles ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(p.RegionId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(p.SchoolId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(p.Year, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(p.StaffingPercent, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.Vacancies, NpgsqlDbType.Integer, ct);
                foreach (var value in new[] { p.TeachersAverageAge, p.DisabledStudentsShare, p.NonNativeSpeakersShare, p.ParentsHigherEducationShare,
                             p.UnemployedParentsShare, p.RegisteredStudentsShare })
                {
                    await writer.WriteAsync(value, NpgsqlDbType.Numeric, ct);
                }
                await writer.WriteAsync(p.HasInternet, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(p.OlympiadShare, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.ContinuingToGrade10Share, NpgsqlDbType.Numeric, ct);
            }
            await writer.CompleteAsync(ct);
        }
        var values = columns.Replace("region_id, school_id, year, ", "", StringComparison.Ordinal);
        var updates = string.Join(", ", values.Split(", ").Select(c => $"{c} = excluded.{c}"));
        var current = string.Join(", ", values.Split(", ").Select(c => $"school_year_profiles.{c}"));
        var incoming = string.Join(", ", values.Split(", ").Select(c => $"excluded.{c}"));
        return await CountAsync(db, $"""
            WITH up AS (
              INSERT INTO school_year_profiles (id, {columns})
              SELECT gen_random_uuid(), {columns} FROM import_profiles
              ON CONFLICT (school_id, year) DO UPDATE SET {updates}
              WHERE ({current}) IS DISTINCT FROM ({incoming})
              RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """, rows.Count, ct);
    }

    private static async Task<ImportOutcome> CountAsync(AppDbContext db, string sql, int rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var inserted = (int)reader.GetInt64(0);
        var updated = (int)reader.GetInt64(1);
        return new ImportOutcome(rows, inserted, updated, rows - inserted - updated);
    }
}
