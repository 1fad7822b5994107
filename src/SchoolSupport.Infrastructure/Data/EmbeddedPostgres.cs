using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>
/// A private PostgreSQL cluster under a data folder, made and run with the machine's <c>initdb</c> and <c>pg_ctl</c>.
/// Used when no connection string is configured, and by the tests (one cluster per test run).
/// Runs the binaries as the <c>postgres</c> user when the process is root, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _dataDir;
    private bool _started;

    private EmbeddedPostgres(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => _dataDir;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates the cluster if the folder has none, then starts it on a free loopback port.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDir, CancellationToken ct = default)
    {
        dataDir = UsableDataDirectory(Path.GetFullPath(dataDir));
        var pg = new EmbeddedPostgres(dataDir, FreePort());
        await pg.InitIfMissingAsync(ct);
        await pg.StartServerAsync(ct);
        return pg;
    }

    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        var sql = $"create database \"{name}\"" + (template is null ? "" : $" template \"{template}\"");
        await using var create = new NpgsqlCommand(sql, conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    public async Task StopAsync()
    {
        if (!_started) return;
        _started = false;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None, throwOnError: false);
    }

    /// <summary>Stops the server the hard way and starts it again on the same port (reliability tests).</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "immediate", "-w", "stop"], ct, throwOnError: false);
        _started = false;
        await StartServerAsync(ct);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task InitIfMissingAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(_dataDir, "PG_VERSION"))) return;
        Directory.CreateDirectory(_dataDir);
        GiveToPostgresUser(_dataDir);
        await RunAsync("initdb", ["-D", _dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        // A cluster left running by a killed process keeps its port and pid file: stop it before starting anew.
        await RunAsync("pg_ctl", ["-D", _dataDir, "-m", "fast", "-w", "stop"], ct, throwOnError: false);
        var log = Path.Combine(_dataDir, "server.log");
        var options = $"-p {Port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c shared_buffers=256MB";
        await RunAsync("pg_ctl", ["-D", _dataDir, "-l", log, "-o", options, "-w", "-t", "60", "start"], ct);
        _started = true;
    }

    private static string UsableDataDirectory(string dataDir)
    {
        if (!IsRoot()) return dataDir;
        // As root the cluster runs as 'postgres', which must be able to reach the folder; a checkout under /root is not.
        var parent = Path.GetDirectoryName(dataDir)!;
        Directory.CreateDirectory(parent);
        var check = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", parent]) { UseShellExecute = false })!;
        check.WaitForExit();
        if (check.ExitCode == 0) return dataDir;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDir)))[..12];
        return Path.Combine("/var/tmp/schoolsupport-pg", hash);
    }

    private static void GiveToPostgresUser(string dir)
    {
        if (!IsRoot()) return;
        Process.Start(new ProcessStartInfo("chown", ["-R", "postgres:postgres", dir]) { UseShellExecute = false })!.WaitForExit();
    }

    private static bool IsRoot() => Environment.UserName == "root";

    /// <summary>The tool on PATH, else from Debian's versioned folder (the postgresql package does not put initdb on PATH).</summary>
    private static string Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists) ?? tool
            : tool;
    }

    private static async Task RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
    {
        tool = Locate(tool);
        var start = IsRoot()
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", tool, .. args])
            : new ProcessStartInfo(tool, args);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
