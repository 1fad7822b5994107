using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>What one pipelined import did, for tests and the benchmark.</summary>
public sealed class ImportPipelineStats
{
    private int _inFlight;
    private int _peak;

    /// <summary>Batches sent from the parser to the COPY.</summary>
    public int Batches { get; internal set; }

    /// <summary>The most batches held at once (being filled, waiting in the channel, being written).</summary>
    public int PeakBatchesInFlight => Volatile.Read(ref _peak);

    /// <summary>True when the rows went through a staging table and a merge (some of the file's years were loaded already).</summary>
    public bool Staged { get; internal set; }

    internal void Started()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak) { }
    }

    internal void Written() => Interlocked.Decrement(ref _inFlight);

    internal void Reset()
    {
        _inFlight = 0;
        Batches = 0;
        Staged = false;
    }
}

/// <summary>
/// The file has row errors: nothing was written. The errors are the ones the preview shows (the first 500 by row).
/// </summary>
public sealed class ImportRowsException(IReadOnlyList<ImportError> errors)
    : DomainException(errors.Select(e => e.Row > 0 ? InfraFormat.Of(InfraText.Import_RowError, e.Row, e.Message) : e.Message))
{
    public IReadOnlyList<ImportError> Errors => errors;
}

/// <summary>
/// The one-step import of results: a producer parses and checks the file in row batches and hands them through a bounded
/// channel to the consumer, which writes them by one binary COPY in the caller's transaction while later rows are still being
/// parsed. Memory holds at most <see cref="ImportLimits.BatchesInFlight"/> + 2 batches of rows, plus one key per row (8 bytes)
/// to find repeated rows. The first bad or repeated row stops both sides; the caller rolls back and checks the file again for
/// the preview's list of errors.
/// </summary>
internal sealed class ImportPipeline(
    NpgsqlConnection conn, Guid regionId, Dictionary<string, RegisteredSchool> schools, int maxYear, ImportLimits limits, ImportPipelineStats stats)
{
    internal const string StagingTable = "import_results";

    private sealed class Batch(int capacity)
    {
        public readonly AssessmentResult[] Rows = new AssessmentResult[capacity];
        public readonly long[] Keys = new long[capacity];
        public int Count;
    }

    /// <summary>The file had a bad or repeated row: the import stops and the file is checked again for the list of errors.</summary>
    internal sealed class RowErrorsFound : Exception;

    /// <summary>A year of the file turned out to be loaded already while the rows went straight into the table.</summary>
    internal sealed class YearAlreadyLoaded : Exception;

    private readonly HashSet<Guid> _schoolIds = [];
    private readonly HashSet<int> _years = [];
    private volatile bool _stopped;

    public IReadOnlyCollection<Guid> SchoolIds => _schoolIds;
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Parses <paramref name="content"/> and writes its rows; returns the rows written and whether they went to the staging table.</summary>
    public async Task<(long Rows, bool Staged)> RunAsync(Stream content, string fileName, bool staged, Action<double>? progress, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Math.Max(1, limits.BatchesInFlight))
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(() => Produce(content, fileName, channel.Writer, progress, stop.Token), stop.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var written = await ConsumeAsync(channel.Reader, staged, ct);
            await producer;
            return written;
        }
        catch
        {
            _stopped = true;
            await stop.CancelAsync();
            try { await producer; } catch (Exception) { /* the consumer's failure is the one reported */ }
            throw;
        }
    }

    private void Produce(Stream content, string fileName, ChannelWriter<Batch> output, Action<double>? progress, CancellationToken ct)
    {
        try
        {
            var table = TabularFile.Read(content, fileName, limits);
            var columns = ImportSpec.Results.Locate(table.Header);
            var parser = new RowParser(new PreparedImport(ImportKind.Results, fileName, regionId), schools, maxYear);
            var errors = new List<ImportError>();
            var keys = new HashSet<long>();
            var size = Math.Max(1, limits.BatchRows);
            Batch? batch = null;

            void Take(bool ok, long key, object? item)
            {
                if (!ok || !keys.Add(key)) throw new RowErrorsFound();
                if (batch is null)
                {
                    stats.Started();
                    batch = new Batch(size);
                }
                var row = (AssessmentResult)item!;
                _schoolIds.Add(row.SchoolId);
                _years.Add(row.Year);
                batch.Keys[batch.Count] = key;
                batch.Rows[batch.Count++] = row;
                if (batch.Count == size) Send();
            }

            void Send()
            {
                if (batch is null || _stopped) return;
                ct.ThrowIfCancellationRequested();
                // In the order of the primary key within the batch, so that the index is written in runs.
                Array.Sort(batch.Keys, batch.Rows, 0, batch.Count);
                stats.Batches++;
                if (!output.TryWrite(batch)) output.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                batch = null;
            }

            if (table.Text is { } text)
            {
                Span<Range> ranges = stackalloc Range[64];
                var lines = table.Lines;
                for (var i = 0; i < lines.Length && !_stopped; i++)
                {
                    var line = text.AsSpan(lines[i]);
                    if (line.IsWhiteSpace()) continue;
                    var count = line.Split(ranges, table.Delimiter);
                    var ok = parser.TryParse(new Cells(line, ranges[..count], columns), i + 2, errors, out var key, out var item);
                    Take(ok, key, item);
                    if ((i & 0xFFFF) == 0xFFFF) progress?.Invoke(0.9 * i / lines.Length);
                }
            }
            else
            {
                foreach (var (rowNumber, cells) in table.Rows!)
                {
                    if (_stopped) break;
                    var ok = parser.TryParse(new Cells(cells, columns), rowNumber, errors, out var key, out var item);
                    Take(ok, key, item);
                }
            }
            Send();
            output.TryComplete();
        }
        catch (Exception e)
        {
            _stopped = true;
            output.TryComplete(e);
        }
    }

    private async Task<(long, bool)> ConsumeAsync(ChannelReader<Batch> input, bool staged, CancellationToken ct)
    {
        NpgsqlBinaryImporter? writer = null;
        var completed = false;
        long rows = 0;
        try
        {
            await foreach (var batch in input.ReadAllAsync(ct))
            {
                if (_stopped) break;
                if (writer is null)
                {
                    // The usual case is a new year: straight into the table. When the first batch's years are loaded already, the
                    // rows go to a staging table and are merged at the end; a year found loaded later makes the caller start again staged.
                    staged = staged || await LoadedAsync(batch.Rows.Take(batch.Count).Select(r => r.Year).Distinct().ToArray(), ct);
                    if (staged)
                    {
                        await using var create = new NpgsqlCommand($"""
                            CREATE TEMP TABLE {StagingTable} (region_id uuid, school_id uuid, year int, kind int, grade int, subject int,
                              participants int, mean_score numeric(6,2), below_minimum_share numeric(5,2), fail_share numeric(5,2)) ON COMMIT DROP
                            """, conn);
                        await create.ExecuteNonQueryAsync(ct);
                    }
                    writer = await conn.BeginBinaryImportAsync(
                        $"COPY {(staged ? StagingTable : "assessment_results")} ({BulkCopy.ResultColumns}) FROM STDIN (FORMAT BINARY)", ct);
                }
                // Synchronous writes into the importer's buffer, as in BulkCopy: it blocks only when PostgreSQL is behind.
                for (var i = 0; i < batch.Count; i++) BulkCopy.WriteRow(writer, batch.Rows[i]);
                rows += batch.Count;
                stats.Written();
            }
            if (_stopped) throw new RowErrorsFound();
            if (writer is null) return (0, staged);
            completed = true;
            await writer.CompleteAsync(ct);
            stats.Staged = staged;
            return (rows, staged);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && !staged)
        {
            throw new YearAlreadyLoaded();
        }
        finally
        {
            // Disposing an importer that was not completed cancels the COPY; the caller's transaction is then rolled back.
            if (writer is not null && !completed)
            {
                try { await writer.DisposeAsync(); } catch (Exception) { /* the failure that stopped the COPY is the one reported */ }
            }
            else if (writer is not null) await writer.DisposeAsync();
        }
    }

    private async Task<bool> LoadedAsync(int[] years, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM assessment_results WHERE region_id = $1 AND year = ANY($2))", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = years });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
