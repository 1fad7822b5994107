using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchoolSupport.Benchmarks;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;

// Measures the figures the issues name, on a private PostgreSQL cluster, and prints one Markdown table.
// dotnet run -c Release --project tests/SchoolSupport.Benchmarks -- [--rows 1000000] [--only import,registry,http,identification,monitoring,trial,circuits] [--pages 1000]
// Exit code 0 when every figure was measured, 1 when a figure was refused as implausible ("not measured: …"), 2 when a tool is missing.
var rowsArg = args.SkipWhile(a => a != "--rows").Skip(1).FirstOrDefault();
var importRows = int.Parse(rowsArg ?? "1000000", CultureInfo.InvariantCulture);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? ["import", "registry", "identification", "monitoring", "http", "trial", "circuits"];
var circuitPages = int.Parse(args.SkipWhile(a => a != "--pages").Skip(1).FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (only.Contains("http") && HttpBenchmark.WrkMissing() is { } noWrk)
{
    Console.Error.WriteLine(noWrk);
    return 2;
}

var table = new List<(string Figure, string Value, string Goal)>();
var dir = Path.Combine(Path.GetTempPath(), "schoolsupport-bench", Guid.NewGuid().ToString("N")[..8]);
var cluster = await EmbeddedPostgres.StartAsync(dir);
try
{
    await cluster.CreateDatabaseAsync("bench");
    var cs = cluster.ConnectionString("bench");
    var options = new DbContextOptionsBuilder<AppDbContext>();
    DependencyInjection.ConfigureDb(options, cs);
    var systemDb = new SystemDb(options.Options);
    await using (var db = systemDb.Create()) await DatabaseMigration.MigrateAsync(db);

    // One national-size tenant: 45,000 schools in one region (the worst case for a registry page and an import).
    Console.WriteLine("Generating a region with 45,000 schools…");
    var big = new DemoDataGenerator(seed: 7).Generate("BIG", "Крупный регион", municipalities: 85, schools: 45_000, lastYear: 2025, years: 1);
    big.Results.Clear();
    await using (var db = systemDb.Create())
    {
        await DemoDataWriter.WriteAsync(db, big, CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("analyze"); // as autovacuum would have done on a live database
    }
    var user = new UserScope(Guid.NewGuid(), "bench", big.Region.Id, null, null, new HashSet<string> { Roles.Operator });
    var factory = systemDb.For(new FixedScope(user));

    if (only.Contains("import"))
    {
        var csvPath = Path.Combine(dir, "..", $"results-{importRows}.csv");
        Console.WriteLine($"Writing {importRows:N0} result rows to CSV…");
        WriteCsv(csvPath, big.Schools, importRows);

        // Each timed write starts from a checkpoint, so that none pays for the dirty pages of the one before. The uploaded file
        // is in memory before an import starts (as the upload panel hands it over), and each timed run starts without the
        // garbage of the one before. Times on this shared machine vary by a third from run to run, so the import, the re-import
        // and the floors are measured in three rounds, each ratio within its round, and the medians reported.
        await CheckpointAsync(cs);
        var bare = await BareCopyAsync(cs, csvPath);
        var importer = new ResultsImport(factory, new FixedScope(user), TimeProvider.System, new ImportLimits());
        var upload = await File.ReadAllBytesAsync(csvPath);
        MemoryStream Upload() => new(upload, 0, upload.Length, writable: false, publiclyVisible: true);
        // A running portal has its code compiled: one check of the file and one import and re-import first (the rounds start
        // from an empty table) let the JIT do that.
        await using (var warmUp = Upload()) await importer.PrepareAsync(ImportKind.Results, warmUp, "bench.csv");
        for (var warm = 0; warm < 2; warm++)
        {
            await using var warmUp = Upload();
            await importer.ImportAsync(ImportKind.Results, warmUp, "bench.csv");
        }
        await using (var truncate = systemDb.Create()) await truncate.Database.ExecuteSqlRawAsync("TRUNCATE assessment_results");

        // The two-step import (check everything, keep the rows, then write them), timed once for comparison.
        await CheckpointAsync(cs);
        Settle();
        var twoStep = Stopwatch.StartNew();
        await using (var buffer = Upload())
        {
            var prepared = await importer.PrepareAsync(ImportKind.Results, buffer, "bench.csv");
            if (!prepared.CanCommit) throw new InvalidOperationException(prepared.Errors[0].Message);
            await importer.CommitAsync(prepared);
        }
        twoStep.Stop();

        var rounds = new List<(double Import, double Reimport, double Unindexed, double Keyed, ImportOutcome First, ImportOutcome Again, ImportPipelineStats Stats)>();
        for (var round = 0; round < 3; round++)
        {
            await using (var truncate = systemDb.Create()) await truncate.Database.ExecuteSqlRawAsync("TRUNCATE assessment_results");
            await CheckpointAsync(cs);
            // The one-step import: parsing and checking overlap the binary COPY (a bounded pipeline of row batches), one transaction.
            var stats = new ImportPipelineStats();
            Settle();
            var sw = Stopwatch.StartNew();
            ImportOutcome first;
            await using (var buffer = Upload()) first = await importer.ImportAsync(ImportKind.Results, buffer, "bench.csv", stats: stats);
            var import = sw.Elapsed.TotalSeconds;
            await Task.Delay(500); // the statistics the import gathers after its commit
            await CheckpointAsync(cs);
            Settle();
            sw.Restart();
            ImportOutcome again;
            await using (var buffer = Upload()) again = await importer.ImportAsync(ImportKind.Results, buffer, "bench.csv");
            var reimport = sw.Elapsed.TotalSeconds;
            var (unindexed, keyed) = await FloorAsync(cs);
            rounds.Add((import, reimport, unindexed.TotalSeconds, keyed.TotalSeconds, first, again, stats));
            Console.WriteLine($"  import round {round + 1}: import {import:N2} s, re-import {reimport:N2} s, floor 1 {unindexed.TotalSeconds:N2} s, floor 2 {keyed.TotalSeconds:N2} s");
        }
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted[sorted.Count / 2];
        }
        var last = rounds[^1];
        var importMedian = Median(rounds.Select(r => r.Import));
        var reimportMedian = Median(rounds.Select(r => r.Reimport));
        var keyedMedian = Median(rounds.Select(r => r.Keyed));
        string Each(Func<(double Import, double Reimport, double Unindexed, double Keyed, ImportOutcome, ImportOutcome, ImportPipelineStats), double> ratio) =>
            string.Join(" / ", rounds.Select(r => $"{ratio(r):N2}×"));
        table.Add(("CSV import, 1st run (parse + check pipelined with COPY into new partitions, key built after, one transaction), median of 3",
            $"{importRows / importMedian:N0} rows/s ({importMedian:N1} s; inserted {last.First.Inserted:N0}; {last.Stats.Batches} batches, at most {last.Stats.PeakBatchesInFlight} held)", ""));
        table.Add(("Bare COPY of the same file into an unindexed table", $"{importRows / bare.TotalSeconds:N0} rows/s ({bare.TotalSeconds:N1} s)", ""));
        table.Add(("Import time / bare COPY time", $"{importMedian / bare.TotalSeconds:N2}×", ""));
        table.Add(("CSV re-import of the same file (compared with the loaded rows while parsing; nothing changed, nothing written), median of 3",
            $"{importRows / reimportMedian:N0} rows/s ({reimportMedian:N1} s; unchanged {last.Again.Unchanged:N0})", ""));
        table.Add(("Floor 1: the imported rows, already binary, COPY into a logged table without indexes, median of 3",
            $"{Median(rounds.Select(r => r.Unindexed)):N1} s ({Median(rounds.Select(r => r.Unindexed)) / bare.TotalSeconds:N2}× bare)", ""));
        table.Add(("Floor 2: the same into a table with only the natural primary key (what an idempotent upsert needs), median of 3",
            $"{keyedMedian:N1} s ({keyedMedian / bare.TotalSeconds:N2}× bare)", ""));
        table.Add(("Import time / floor 2 (median of the rounds' ratios; each round)", $"{Median(rounds.Select(r => r.Import / r.Keyed)):N2}× ({Each(r => r.Import / r.Keyed)})", "≤ 1.3×"));
        table.Add(("Two-step import of the same file (check all and keep the rows, then write them), once: time / floor 2 median",
            $"{twoStep.Elapsed.TotalSeconds:N1} s, {twoStep.Elapsed.TotalSeconds / keyedMedian:N2}×", ""));
        table.Add(("Re-import time / floor 2 (median of the rounds' ratios; each round)", $"{Median(rounds.Select(r => r.Reimport / r.Keyed)):N2}× ({Each(r => r.Reimport / r.Keyed)})", "≤ 1.5×"));
        File.Delete(csvPath);
    }

    if (only.Contains("registry"))
    {
        var registry = new SchoolRegistry(factory, new FixedScope(user), TimeProvider.System, SharedReads.None);
        var random = new Random(1);
        var municipalities = big.Municipalities.Select(m => m.Id).ToArray();
        var timings = new List<double>();
        var byShape = new Dictionary<int, List<double>> { [0] = [], [1] = [], [2] = [] };
        for (var i = 0; i < 230; i++)
        {
            var q = (i % 3) switch
            {
                0 => new SchoolQuery(MunicipalityId: municipalities[random.Next(municipalities.Length)], Sort: SchoolSort.Name, Page: random.Next(3)),
                1 => new SchoolQuery(Locality: Locality.Rural, Flag: null, Sort: SchoolSort.Enrolment, Descending: true, Page: random.Next(200)),
                _ => new SchoolQuery(Search: $"№ {random.Next(1, 45000)}", Sort: SchoolSort.Code, Page: 0),
            };
            var sw = Stopwatch.StartNew();
            await registry.SearchAsync(q);
            sw.Stop();
            if (i >= 30)
            {
                timings.Add(sw.Elapsed.TotalMilliseconds); // the first runs warm up the pool and the plan cache
                byShape[i % 3].Add(sw.Elapsed.TotalMilliseconds);
            }
        }
        timings.Sort();
        foreach (var (shape, list) in byShape)
        {
            list.Sort();
            Console.WriteLine($"registry shape {shape}: median {Percentile(list, 0.5):N1} ms, p95 {Percentile(list, 0.95):N1} ms");
        }
        table.Add(("Registry page (45,000 schools; filter + sort + page, count included): median", $"{Percentile(timings, 0.5):N1} ms", ""));
        table.Add(("Registry page: p95", $"{Percentile(timings, 0.95):N1} ms", "≤ 50 ms"));
    }

    if (only.Contains("http"))
    {
        await cluster.CreateDatabaseAsync("portal");
        await HttpBenchmark.RunAsync(cluster.ConnectionString("portal"), table);
        // The portal switched the process to Russian formats; the table stays invariant.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    }

    if (only.Contains("circuits"))
    {
        await cluster.CreateDatabaseAsync("circuits");
        await CircuitBenchmark.RunAsync(cluster.ConnectionString("circuits"), table, circuitPages);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    }

    if (only.Contains("identification"))
    {
        await IdentificationBenchmark.RunAsync(systemDb, cs, table);
    }

    if (only.Contains("monitoring"))
    {
        await MonitoringBenchmark.RunAsync(systemDb, table);
    }

    if (only.Contains("trial"))
    {
        await TrialBenchmark.RunAsync(systemDb, table);
    }
}
finally
{
    await cluster.StopAsync();
    Directory.Delete(dir, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.Now:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| figure | measured | goal |");
Console.WriteLine("|---|---|---|");
foreach (var (figure, value, goal) in table) Console.WriteLine($"| {figure} | {value} | {goal} |");
var refused = table.Where(r => r.Value.StartsWith("not measured", StringComparison.Ordinal)).ToList();
if (refused.Count > 0)
{
    Console.Error.WriteLine($"{refused.Count} figure(s) not measured: see the table.");
    return 1;
}
return 0;

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];

static void WriteCsv(string path, List<School> schools, int rows)
{
    var random = new Random(3);
    string[] subjects = ["Русский язык", "Математика"];
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    writer.WriteLine(string.Join(';', ImportSpec.Results.Columns));
    var written = 0;
    for (var year = 2025; written < rows; year--)
    {
        foreach (var school in schools)
        {
            foreach (var (kind, grade) in new[] { ("ВПР", 4), ("ВПР", 5), ("ВПР", 6), ("ВПР", 7), ("ВПР", 8), ("ОГЭ", 9), ("ЕГЭ", 11) })
            {
                foreach (var subject in subjects)
                {
                    if (written == rows) return;
                    writer.Write(school.Code); writer.Write(';');
                    writer.Write(year); writer.Write(';');
                    writer.Write(kind); writer.Write(';');
                    writer.Write(grade); writer.Write(';');
                    writer.Write(subject); writer.Write(';');
                    writer.Write(10 + random.Next(90)); writer.Write(';');
                    writer.Write((random.NextDouble() * 60 + 5).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')); writer.Write(';');
                    writer.Write((random.NextDouble() * 30).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')); writer.Write(';');
                    writer.WriteLine((random.NextDouble() * 30).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','));
                    written++;
                }
            }
        }
    }
}

// The least the database must do for an import: rows already parsed, checked and in binary, written by COPY in key order
// into a table without indexes, and into one with the natural primary key only. Nothing on the client side is timed.
static async Task<(TimeSpan Unindexed, TimeSpan Keyed)> FloorAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    var rows = new MemoryStream();
    await using (var copyOut = await conn.BeginRawBinaryCopyAsync(
        "COPY (SELECT * FROM assessment_results ORDER BY region_id, school_id, year, kind, grade, subject) TO STDOUT (FORMAT BINARY)"))
    {
        await copyOut.CopyToAsync(rows);
    }
    async Task<TimeSpan> Into(string ddl)
    {
        await using (var create = new NpgsqlCommand(ddl, conn)) await create.ExecuteNonQueryAsync();
        rows.Position = 0;
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", conn)) await checkpoint.ExecuteNonQueryAsync();
        var sw = Stopwatch.StartNew();
        await using (var copyIn = await conn.BeginRawBinaryCopyAsync("COPY floor_copy FROM STDIN (FORMAT BINARY)")) await rows.CopyToAsync(copyIn);
        sw.Stop();
        return sw.Elapsed;
    }
    var unindexed = await Into("DROP TABLE IF EXISTS floor_copy; CREATE TABLE floor_copy (LIKE assessment_results)");
    var keyed = await Into("DROP TABLE IF EXISTS floor_copy; CREATE TABLE floor_copy (LIKE assessment_results INCLUDING INDEXES)");
    await using (var drop = new NpgsqlCommand("DROP TABLE floor_copy", conn)) await drop.ExecuteNonQueryAsync();
    return (unindexed, keyed);
}

static void Settle()
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
}

static async Task CheckpointAsync(string cs)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand("CHECKPOINT", conn);
    await cmd.ExecuteNonQueryAsync();
}

static async Task<TimeSpan> BareCopyAsync(string cs, string csvPath)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using (var create = new NpgsqlCommand("create unlogged table if not exists bare_copy (code text, year text, kind text, grade text, subject text, participants text, mean text, below text, fail text); truncate bare_copy", conn))
    {
        await create.ExecuteNonQueryAsync();
    }
    var sw = Stopwatch.StartNew();
    await using (var writer = await conn.BeginTextImportAsync("COPY bare_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"))
    using (var reader = new StreamReader(csvPath))
    {
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read));
    }
    sw.Stop();
    return sw.Elapsed;
}

namespace SchoolSupport.Benchmarks
{
    internal static class IdentificationBenchmark
    {
        /// <summary>The national demo (85 regions, 45,000 schools, 3 years): every region identified, against one plain SQL aggregate over the same rows.</summary>
        public static async Task RunAsync(SystemDb systemDb, string connectionString, List<(string, string, string)> table)
        {
            await NationalDemo.EnsureAsync(systemDb);
            long schools, rows;
            await using (var db = systemDb.Create())
            {
                schools = await db.Schools.CountAsync(s => !s.Code.StartsWith("BIG"));
                var national = db.Regions.Where(r => r.Code.StartsWith("R")).Select(r => r.Id);
                rows = await db.Results.LongCountAsync(r => r.Year >= 2023 && national.Contains(r.RegionId));
            }
            var aggregate = Stopwatch.StartNew();
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("select school_id, year, kind, subject, sum(participants), sum(mean_score * participants) / nullif(sum(participants), 0), " +
                    "sum(below_minimum_share * participants) / nullif(sum(participants), 0) from assessment_results where year between 2023 and 2025 " +
                    "and region_id in (select id from regions where code like 'R%') group by school_id, year, kind, subject", conn) { CommandTimeout = 600 };
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) { }
            }
            aggregate.Stop();
            var regions = new List<Guid>();
            await using (var db = systemDb.Create()) regions = await db.Regions.Where(r => r.Code.StartsWith("R")).Select(r => r.Id).ToListAsync();
            using var logs = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            var run = new RunIdentification(systemDb, TimeProvider.System, logs.CreateLogger<RunIdentification>());
            var sw = Stopwatch.StartNew();
            // Regions are independent: two per core, so that one waits on PostgreSQL while the other computes.
            await Parallel.ForEachAsync(regions, new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount },
                async (region, ct) => await run.RunAsync(region, 2025, "benchmark", null, ct));
            sw.Stop();
            table.Add(($"Identification, all 85 regions ({schools:N0} schools, {rows:N0} result rows, 3 years; load + compute + write draft lists)", $"{sw.Elapsed.TotalSeconds:N1} s", "≤ 10 s"));
            table.Add(("Plain SQL aggregate over the same result rows", $"{aggregate.Elapsed.TotalSeconds:N1} s", ""));
            table.Add(("Identification / plain aggregate", $"{sw.Elapsed.TotalSeconds / aggregate.Elapsed.TotalSeconds:N2}×", "≤ 3×"));
        }
    }

    internal static class TrialBenchmark
    {
        /// <summary>
        /// The workbench's trial run (what-if) of the region's methodology for 2025, comparison with the year's draft list included:
        /// a 45,000-school region and the 600-school demo region, 3 years of results each. Median of repeated runs after a warm-up.
        /// </summary>
        public static async Task RunAsync(SystemDb systemDb, List<(string, string, string)> table)
        {
            foreach (var (code, name, municipalities, schools, runs, goal, seed) in new[]
            {
                ("TRB", "Регион пробного расчёта", 85, 45_000, 3, "≤ 2 s", 45),
                ("TRD", "Демонстрационная область (пробный расчёт)", 40, 600, 21, "≤ 200 ms", 2026),
            })
            {
                Console.WriteLine($"Trial benchmark: generating {schools:N0} schools with 3 years of results…");
                var region = new DemoDataGenerator(seed).Generate(code, name, municipalities, schools, lastYear: 2025, years: 3);
                await using (var db = systemDb.Create())
                {
                    await DemoDataWriter.WriteAsync(db, region, CancellationToken.None);
                    await db.Database.ExecuteSqlRawAsync("analyze");
                }
                using var logs = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
                // The year's draft list, which the trial is compared with; it also writes the region's methodology (Kirov by default).
                await new RunIdentification(systemDb, TimeProvider.System, logs.CreateLogger<RunIdentification>())
                    .RunAsync(region.Region.Id, 2025, "benchmark", null, CancellationToken.None);
                Guid methodologyId;
                await using (var db = systemDb.Create())
                {
                    methodologyId = await db.Set<MethodologyVersion>().Where(m => m.RegionId == region.Region.Id).Select(m => m.Id).SingleAsync();
                }
                var user = new UserScope(Guid.NewGuid(), "bench", region.Region.Id, null, null, new HashSet<string> { Roles.Operator });
                var trial = new RunTrial(systemDb.For(new FixedScope(user)), new FixedScope(user), TimeProvider.System, new EngineInputs(), logs.CreateLogger<RunTrial>());
                // The floor: a bare read of the rows the trial needs (3 years of the region's results through a data reader), best of 3.
                var floor = double.MaxValue;
                long floorRows = 0;
                for (var i = 0; i < 3; i++)
                {
                    await using var db = systemDb.Create();
                    await db.Database.OpenConnectionAsync();
                    var read = Stopwatch.StartNew();
                    await using var cmd = new NpgsqlCommand(
                        "select school_id, year, kind, grade, subject, participants, mean_score::float8, below_minimum_share::float8, fail_share::float8 " +
                        "from assessment_results where region_id = $1 and year between 2023 and 2025", (NpgsqlConnection)db.Database.GetDbConnection());
                    cmd.Parameters.Add(new NpgsqlParameter { Value = region.Region.Id });
                    await using var reader = await cmd.ExecuteReaderAsync();
                    floorRows = 0;
                    while (await reader.ReadAsync()) floorRows++;
                    floor = Math.Min(floor, read.Elapsed.TotalMilliseconds);
                }
                var first = Stopwatch.StartNew();
                var outcome = await trial.RunAsync(methodologyId, 2025); // warm-up: the inputs are read from the database
                first.Stop();
                if (outcome.AgainstCurrent is null)
                {
                    table.Add(($"Trial run, {schools:N0} schools", "not measured: the comparison with the year's list was not computed", goal));
                    continue;
                }
                var timings = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var sw = Stopwatch.StartNew();
                    outcome = await trial.RunAsync(methodologyId, 2025);
                    sw.Stop();
                    timings.Add(sw.Elapsed.TotalMilliseconds);
                }
                timings.Sort();
                var median = timings[timings.Count / 2];
                static string Ms(double ms) => ms >= 1000 ? $"{ms / 1000:N2} s" : $"{ms:N0} ms";
                table.Add(($"Trial run (what-if), {schools:N0}-school region, 3 years, comparison with the year's list computed ({outcome.Listed:N0} listed): median of {runs}, inputs in memory",
                    Ms(median), goal));
                table.Add(($"  same, first run after an import (inputs read from the database)", Ms(first.Elapsed.TotalMilliseconds), ""));
                table.Add(($"  floor: bare read of the region's {floorRows:N0} result rows of 3 years (best of 3)", Ms(floor),
                    median <= floor ? "the median is below the floor: the trial does not re-read raw rows" : "the median is above the floor"));
            }
        }
    }

    internal static class NationalDemo
    {
        /// <summary>The national demo (85 regions, 45,000 schools, 3 years up to 2025), written once for every row that needs it.</summary>
        public static async Task EnsureAsync(SystemDb systemDb)
        {
            await using (var db = systemDb.Create())
            {
                if (await db.Regions.AnyAsync(r => r.Code == "R01")) return;
            }
            Console.WriteLine("Generating the national demo: 85 regions, 45,000 schools, 3 years…");
            foreach (var region in DemoDataGenerator.National(lastYear: 2025))
            {
                await using var db = systemDb.Create();
                await DemoDataWriter.WriteAsync(db, region, CancellationToken.None);
            }
            // As autovacuum would have done on a live database, and before the timing starts: otherwise its workers vacuum the
            // 255 new partitions while the aggregate and the identification run.
            await using (var vacuum = systemDb.Create())
            {
                vacuum.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                await vacuum.Database.ExecuteSqlRawAsync("vacuum analyze");
            }
        }
    }

    internal static class MonitoringBenchmark
    {
        private sealed class FixedClock(DateTimeOffset now) : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => now;
        }

        /// <summary>
        /// The daily monitoring job over the 85 regions of the national demo, each region in its own transaction: on 1 November, when the
        /// calendar is made, stages 1 and 2 open and every school gets its stage tasks (no list is published there, so all 45,000 are
        /// covered), and on the day after, an ordinary day (reminders only). Bounded by 10 minutes.
        /// </summary>
        public static async Task RunAsync(SystemDb systemDb, List<(string, string, string)> table)
        {
            await NationalDemo.EnsureAsync(systemDb);
            List<Guid> regions;
            await using (var db = systemDb.Create()) regions = await db.Regions.Where(r => r.Code.StartsWith("R")).OrderBy(r => r.Code).Select(r => r.Id).ToListAsync();
            using var logs = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            async Task<(MonitoringRunResult Result, TimeSpan Took)> Day(int month, int day)
            {
                var job = new MonitoringJob(systemDb, new FixedClock(new DateTimeOffset(2025, month, day, 5, 0, 0, TimeSpan.Zero)), new NoEmailSender(),
                    logs.CreateLogger<MonitoringJob>());
                var sw = Stopwatch.StartNew();
                var result = await job.RunAsync(regions, bound.Token);
                return (result, sw.Elapsed);
            }
            var (first, firstTook) = await Day(11, 1);
            var (next, nextTook) = await Day(11, 2);
            string Failed(MonitoringRunResult r) => r.FailedRegions > 0 ? $"not measured: {r.FailedRegions} regions failed (see the log)" : "";
            table.Add(($"Daily monitoring run, national demo ({regions.Count} regions), the day stages open: calendars, stages, {first.TasksCreated:N0} tasks",
                Failed(first) is { Length: > 0 } f1 ? f1 : $"{firstTook.TotalSeconds:N1} s ({firstTook.TotalMilliseconds / regions.Count:N0} ms per region)", ""));
            table.Add(($"Daily monitoring run, national demo, the day after ({next.TasksCreated:N0} tasks, {next.Reminders:N0} reminders)",
                Failed(next) is { Length: > 0 } f2 ? f2 : $"{nextTook.TotalSeconds:N1} s ({nextTook.TotalMilliseconds / regions.Count:N0} ms per region)", ""));
        }
    }
}
