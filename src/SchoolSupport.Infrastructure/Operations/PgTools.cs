using System.Diagnostics;
using Npgsql;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Operations;

/// <summary>
/// Runs PostgreSQL's client tools (pg_dump, pg_restore) against the database of a connection string. The connection goes
/// through the PG* environment variables, so the password never shows in the process list.
/// </summary>
internal static class PgTools
{
    public static async Task RunAsync(string tool, IEnumerable<string> args, string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Locate(tool), args)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username ?? "";
        start.Environment["PGDATABASE"] = connection.Database ?? "";
        if (connection.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException(InfraFormat.Of(InfraText.Backup_CannotStart, tool));
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(InfraFormat.Of(InfraText.Backup_ExitCode, tool, process.ExitCode, await stderr, await stdout));
        }
    }

    /// <summary>From the folder of the server binaries the embedded cluster uses, so that the client matches it; else from PATH.</summary>
    private static string Locate(string tool)
    {
        var initdb = EmbeddedPostgres.Locate("initdb");
        var beside = Path.Combine(Path.GetDirectoryName(initdb) ?? "", tool);
        return Path.IsPathRooted(beside) && File.Exists(beside) ? beside : EmbeddedPostgres.Locate(tool);
    }
}
