using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>
/// A private PostgreSQL cluster under a data folder, made and run with the machine's <c>initdb</c> and <c>pg_ctl</c>.
/// Used when no connection string is configured, and by the tests (one cluster per test run).
/// Runs the binaries as the <c>postgres</c> user when the process is root, because PostgreSQL refuses to run as root.
/// Every connection, even from this machine, signs in with scram-sha-256: the superuser's password is generated at the first
/// start and kept in <see cref="PasswordFileName"/> in the data folder, readable by its owner only.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    public const string PasswordFileName = "superuser.password";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _dataDir;
    private bool _started;
    private string _password = "";

    private EmbeddedPostgres(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string PasswordFile => Path.Combine(_dataDir, PasswordFileName);

    public string DataDirectory => _dataDir;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = _password,
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
        pg._password = pg.ReadOrCreatePassword();
        await pg.StartServerAsync(ct);
        await pg.RequirePasswordAsync(ct);
        return pg;
    }

    /// <summary>
    /// The cluster of the folder as it runs now (under a running portal: its port is in postmaster.pid), to be used and left
    /// running; when none runs, a started one as <see cref="StartAsync"/> gives. For commands beside a running portal (a backup),
    /// which must not stop its database, as a start would.
    /// </summary>
    public static async Task<EmbeddedPostgres> AttachOrStartAsync(string dataDir, CancellationToken ct = default)
    {
        var dir = UsableDataDirectory(Path.GetFullPath(dataDir));
        var pid = Path.Combine(dir, "postmaster.pid");
        if (File.Exists(pid) && await RunAsync("pg_ctl", ["-D", dir, "status"], ct, throwOnError: false) == 0
            && (await File.ReadAllLinesAsync(pid, ct)) is { Length: > 3 } lines && int.TryParse(lines[3], out var port))
        {
            var running = new EmbeddedPostgres(dir, port);
            running._password = running.ReadOrCreatePassword();
            return running;
        }
        return await StartAsync(dataDir, ct);
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
        // initdb wants an empty folder, so the password waits beside it and moves in afterwards.
        var pending = Path.Combine(Path.GetDirectoryName(_dataDir)!, $".{Path.GetFileName(_dataDir)}.{Guid.NewGuid():N}.password");
        WriteOwnerOnly(pending, NewPassword());
        GiveToPostgresUser(pending);
        try
        {
            await RunAsync("initdb", ["-D", _dataDir, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={pending}", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
            File.Move(pending, PasswordFile);
        }
        finally
        {
            File.Delete(pending);
        }
    }

    /// <summary>The kept password; a cluster made by an earlier version (trusting local connections) gets one now.</summary>
    private string ReadOrCreatePassword()
    {
        if (File.Exists(PasswordFile)) return File.ReadAllText(PasswordFile).Trim();
        var password = NewPassword();
        WriteOwnerOnly(PasswordFile, password);
        return password;
    }

    /// <summary>
    /// A cluster from an earlier version trusted every local connection: while it still does, give the superuser the kept
    /// password and switch every rule to scram-sha-256. Also repairs a half-done switch, since it runs while any trust rule is left.
    /// </summary>
    private async Task RequirePasswordAsync(CancellationToken ct)
    {
        var hba = Path.Combine(_dataDir, "pg_hba.conf");
        var rules = await File.ReadAllTextAsync(hba, ct);
        if (!TrustRule().IsMatch(rules)) return;
        await using (var conn = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await conn.OpenAsync(ct);
            // The password is hex, so it is safe inline; DDL takes no parameters.
            await using var alter = new NpgsqlCommand($"alter role postgres with password '{_password}'", conn);
            await alter.ExecuteNonQueryAsync(ct);
            await File.WriteAllTextAsync(hba, TrustRule().Replace(rules, "${rule}scram-sha-256${tail}"), ct);
            await using var reload = new NpgsqlCommand("select pg_reload_conf()", conn);
            await reload.ExecuteScalarAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
    }

    [GeneratedRegex(@"^(?<rule>[ \t]*(?:local|host\w*)[ \t].*?[ \t])trust(?<tail>[ \t]*(?:#.*)?)$", RegexOptions.Multiline)]
    private static partial Regex TrustRule();

    private static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
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

    private static void GiveToPostgresUser(string path)
    {
        if (!IsRoot()) return;
        Process.Start(new ProcessStartInfo("chown", ["-R", "postgres:postgres", path]) { UseShellExecute = false })!.WaitForExit();
    }

    private static bool IsRoot() => Environment.UserName == "root";

    /// <summary>The tool on PATH, else from Debian's versioned folder (the postgresql package does not put initdb on PATH).</summary>
    internal static string Locate(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists) ?? tool
            : tool;
    }

    private static async Task<int> RunAsync(string tool, string[] args, CancellationToken ct, bool throwOnError = true)
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
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
