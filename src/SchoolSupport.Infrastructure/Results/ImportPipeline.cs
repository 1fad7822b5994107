using System.Buffers;
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
/// channel to the consumer, which writes them by binary COPY in the caller's transaction while later rows are still being
/// parsed: a region's new years into new partitions without an index (<see cref="PartitionLoad"/>), rows of loaded years into
/// a staging table for the merge. Memory holds at most <see cref="ImportLimits.BatchesInFlight"/> + <see cref="Parsers"/> + 1
/// batches of rows (in the channel, being filled, being written), plus one key per row (8 bytes)
/// to find repeated rows. The first bad or repeated row stops both sides; the caller rolls back and checks the file again for
/// the preview's list of errors.
/// </summary>
internal sealed class ImportPipeline(
    NpgsqlConnection conn, Guid regionId, Dictionary<string, RegisteredSchool> schools, int maxYear, ImportLimits limits, ImportPipelineStats stats)
{
    internal const string StagingTable = "import_results";

    /// <summary>The staging table of a merge: the rows of a file whose years are loaded already, dropped at the commit.</summary>
    internal const string CreateStagingTable = $"""
        CREATE TEMP TABLE {StagingTable} (region_id uuid, school_id uuid, year int, kind int, grade int, subject int,
          participants int, mean_score numeric(6,2), below_minimum_share numeric(5,2), fail_share numeric(5,2)) ON COMMIT DROP
        """;

    private sealed class Batch(int capacity)
    {
        public readonly AssessmentResult[] Rows = new AssessmentResult[capacity];
        public int Count;

        /// <summary>The rows in binary COPY format, one buffer per year, encoded by the parser that filled the batch.</summary>
        public List<(int Year, ArrayBufferWriter<byte> Bytes, int Rows)>? Encoded;
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
            SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait,
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
                batch.Rows[batch.Count++] = row;
                if (batch.Count == size) Send();
            }

            void Send()
            {
                if (batch is null || _stopped) return;
                ct.ThrowIfCancellationRequested();
                stats.Batches++;
                batch.Encoded = EncodedRows.Of(batch.Rows, 0, batch.Count);
                if (!output.TryWrite(batch)) output.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                batch = null;
            }

            if (table.Text is { } text) ParseInParallel(text, table.Lines, table.Delimiter, columns, parser, keys, size, output, progress, ct);
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
            output.TryComplete(e is AggregateException many
                ? many.Flatten().InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException and not ChannelClosedException) ?? many.InnerExceptions[0]
                : e);
        }
    }

    /// <summary>Threads that parse a plain CSV: one per core (the COPY's work is PostgreSQL's, in its own process).</summary>
    internal static int Parsers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// A plain CSV is parsed by <see cref="Parsers"/> threads, each taking the next chunk of lines as one batch. The batches'
    /// order does not matter: a new year's partition gets its key after the load, staged rows are merged by key.
    /// </summary>
    private void ParseInParallel(string text, Range[] lines, char delimiter, int[] columns, RowParser parser, HashSet<long> keys, int size,
        ChannelWriter<Batch> output, Action<double>? progress, CancellationToken ct)
    {
        var next = -1;
        var chunks = (lines.Length + size - 1) / size;

        void Work()
        {
            try
            {
                var errors = new List<ImportError>();
                var batchKeys = new long[size];
                Span<Range> ranges = stackalloc Range[64];
                int chunk;
                while (!_stopped && (chunk = Interlocked.Increment(ref next)) < chunks)
                {
                    stats.Started();
                    var batch = new Batch(size);
                    for (var i = chunk * size; i < Math.Min(lines.Length, (chunk + 1) * size); i++)
                    {
                        var line = text.AsSpan(lines[i]);
                        if (line.IsWhiteSpace()) continue;
                        var count = line.Split(ranges, delimiter);
                        if (!parser.TryParse(new Cells(line, ranges[..count], columns), i + 2, errors, out var key, out var item)) throw new RowErrorsFound();
                        batchKeys[batch.Count] = key;
                        batch.Rows[batch.Count++] = (AssessmentResult)item!;
                    }
                    lock (keys)
                    {
                        for (var k = 0; k < batch.Count; k++)
                        {
                            if (!keys.Add(batchKeys[k])) throw new RowErrorsFound();
                            _schoolIds.Add(batch.Rows[k].SchoolId);
                            _years.Add(batch.Rows[k].Year);
                        }
                        if (batch.Count > 0) stats.Batches++;
                    }
                    if (batch.Count == 0)
                    {
                        stats.Written();
                        continue;
                    }
                    batch.Encoded = EncodedRows.Of(batch.Rows, 0, batch.Count);
                    if (!output.TryWrite(batch)) output.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                    progress?.Invoke(0.9 * Math.Min(chunks, chunk + 1) / chunks);
                }
            }
            catch
            {
                _stopped = true;
                throw;
            }
        }

        // Dedicated threads: a parser blocked on a full channel must not hold a pool thread that the COPY needs.
        var others = Enumerable.Range(0, Parsers - 1)
            .Select(_ => Task.Factory.StartNew(Work, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Exception? mine = null;
        try { Work(); }
        catch (Exception e) { mine = e; }
        try { Task.WaitAll(others); }
        catch (AggregateException) when (mine is not null) { /* this thread's error is the one reported */ }
        if (mine is not null) throw mine;
    }

    /// <summary>Set when the file's years were loaded already: the rows to merge, found by comparing the file with the table.</summary>
    public LoadedComparison? Comparison { get; private set; }

    /// <summary>The new partitions a load of new years created.</summary>
    public IReadOnlyList<string> Tables { get; private set; } = [];

    private async Task<(long, bool)> ConsumeAsync(ChannelReader<Batch> input, bool staged, CancellationToken ct)
    {
        await using var load = new PartitionLoad(conn, regionId);
        var started = false;
        long rows = 0;
        await foreach (var batch in input.ReadAllAsync(ct))
        {
            if (_stopped) break;
            if (!started)
            {
                // The usual case is a new year: into new partitions of their own (PartitionLoad). When the first batch's years are
                // loaded already, the file is compared with the table and only what differs is merged at the end; a year found
                // loaded later makes the caller start again that way.
                started = true;
                staged = staged || await ResultPartitions.LoadedAsync(conn, regionId, [.. batch.Rows.Take(batch.Count).Select(r => r.Year).Distinct()], ct);
                if (staged) Comparison = new LoadedComparison(conn, regionId, schools);
            }
            if (Comparison is not null) await Comparison.CompareAsync(batch.Rows, batch.Count, ct);
            else
            {
                foreach (var (year, bytes, count) in batch.Encoded!) await load.WriteAsync(year, bytes.WrittenMemory, count, ct);
            }
            rows += batch.Count;
            stats.Written();
        }
        if (_stopped) throw new RowErrorsFound();
        if (!started) return (0, staged);
        if (Comparison is null)
        {
            await load.FinishAsync(ct);
            Tables = [.. load.Tables];
        }
        stats.Staged = staged;
        return (rows, staged);
    }
}
