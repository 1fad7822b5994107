using Microsoft.Extensions.Logging;
using Npgsql;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Operations;

/// <summary>
/// Restores a backup (see <see cref="BackupManifest"/>) into an empty install: an empty database and an empty files folder.
/// Everything is checked before anything is written: the manifest, every byte against it, the emptiness of the target.
/// The database is restored in one transaction, then the files are put in place.
/// </summary>
public static class RestoreCommand
{
    public static async Task RunAsync(string backupFolder, string connectionString, string filesFolder, ILogger log, CancellationToken ct = default)
    {
        backupFolder = Path.GetFullPath(backupFolder);
        var manifest = await BackupManifest.ReadAsync(backupFolder, ct);
        await manifest.VerifyAsync(backupFolder, ct);
        await RequireEmptyDatabaseAsync(connectionString, ct);
        if (Directory.Exists(filesFolder) && Directory.EnumerateFileSystemEntries(filesFolder).Any())
        {
            throw new DomainException(InfraFormat.Of(InfraText.Backup_FilesFolderNotEmpty, filesFolder));
        }
        var files = manifest.Files.Select(f => (From: BackupManifest.Inside(Path.Combine(backupFolder, BackupManifest.FilesFolderName), f.Path),
            To: BackupManifest.Inside(filesFolder, f.Path))).ToList();

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await PgTools.RunAsync("pg_restore", ["--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--no-password", $"--dbname={database}",
            Path.Combine(backupFolder, BackupManifest.DatabaseFileName)], connectionString, ct);
        foreach (var (from, to) in files)
        {
            await BackupCommand.CopyAsync(from, to + ".part", ct);
            File.Move(to + ".part", to);
        }
        log.LogInformation("Backup of {CreatedAt:u} restored from {Folder}: {Count} files", manifest.CreatedAt, backupFolder, files.Count);
    }

    private static async Task RequireEmptyDatabaseAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var count = new NpgsqlCommand("""
            select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
              and n.nspname not like 'pg\_toast%' and n.nspname not like 'pg\_temp%'
            """, conn);
        if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
        {
            throw new DomainException(InfraFormat.Of(InfraText.Backup_DatabaseNotEmpty, conn.Database));
        }
    }
}
