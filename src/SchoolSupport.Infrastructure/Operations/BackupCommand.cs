using System.Data;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Operations;

/// <summary>
/// Writes a consistent backup of the whole install into a new folder (see <see cref="BackupManifest"/>). The dump and the list
/// of files come from one exported snapshot, so every document version in the dump has its file in the backup: a file is written
/// before its row is committed, and files are never deleted.
/// Hangfire's schema is left out: the queue is rebuilt at start and a restored lock or server record would only get in the way.
/// </summary>
public static class BackupCommand
{
    public static async Task<BackupManifest> RunAsync(string connectionString, string filesFolder, string backupFolder, ILogger log, TimeProvider clock, CancellationToken ct = default)
    {
        backupFolder = Path.GetFullPath(backupFolder);
        if (Directory.Exists(backupFolder) && Directory.EnumerateFileSystemEntries(backupFolder).Any())
        {
            throw new DomainException(InfraFormat.Of(InfraText.Backup_FolderNotEmpty, backupFolder));
        }
        var created = !Directory.Exists(backupFolder);
        Directory.CreateDirectory(backupFolder);
        try
        {
            var manifest = await WriteAsync(connectionString, filesFolder, backupFolder, clock, ct);
            log.LogInformation("Backup written to {Folder}: database {Size} bytes, {Count} files", backupFolder, manifest.Database.Size, manifest.Files.Count);
            return manifest;
        }
        catch
        {
            // No half backup left to be taken for a whole one.
            if (created) Directory.Delete(backupFolder, recursive: true);
            else foreach (var entry in new DirectoryInfo(backupFolder).EnumerateFileSystemInfos()) Delete(entry);
            throw;
        }
    }

    private static void Delete(FileSystemInfo entry)
    {
        if (entry is DirectoryInfo folder) folder.Delete(recursive: true);
        else entry.Delete();
    }

    private static async Task<BackupManifest> WriteAsync(string connectionString, string filesFolder, string backupFolder, TimeProvider clock, CancellationToken ct)
    {
        var dump = Path.Combine(backupFolder, BackupManifest.DatabaseFileName);
        List<BackupFile> stored = [];
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync(ct);
            await using var snapshot = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var export = new NpgsqlCommand("select pg_export_snapshot()", conn, snapshot))
            {
                var snapshotId = (string)(await export.ExecuteScalarAsync(ct))!;
                await using var versions = new NpgsqlCommand("select storage_path, size, sha256 from document_versions order by storage_path", conn, snapshot);
                await using (var reader = await versions.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct)) stored.Add(new BackupFile(reader.GetString(0).Replace('\\', '/'), reader.GetInt64(1), reader.GetString(2)));
                }
                // The snapshot lives as long as this transaction, so pg_dump runs while it is open.
                await PgTools.RunAsync("pg_dump", ["--format=custom", "--no-password", $"--snapshot={snapshotId}", "--exclude-schema=hangfire", $"--file={dump}"],
                    connectionString, ct);
            }
            await snapshot.CommitAsync(ct);
        }

        var target = Path.Combine(backupFolder, BackupManifest.FilesFolderName);
        var problems = new List<string>();
        foreach (var file in stored)
        {
            var source = BackupManifest.Inside(filesFolder, file.Path);
            if (!File.Exists(source))
            {
                problems.Add(InfraFormat.Of(InfraText.Backup_FileMissing, file.Path));
                continue;
            }
            var (size, sha256) = await CopyAsync(source, BackupManifest.Inside(target, file.Path), ct);
            if (size != file.Size || sha256 != file.Sha256) problems.Add(InfraFormat.Of(InfraText.Backup_FileMismatch, file.Path));
        }
        if (problems.Count > 0)
        {
            throw new DomainException(InfraText.Backup_StoreDiffers
                + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? InfraFormat.Of(InfraText.Backup_TotalSuffix, problems.Count) : "."));
        }

        var (dumpSize, dumpSha) = await BackupManifest.HashAsync(dump, ct);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, clock.GetUtcNow(), new BackupFile(BackupManifest.DatabaseFileName, dumpSize, dumpSha), stored);
        await manifest.WriteAsync(backupFolder, ct);
        return manifest;
    }

    /// <summary>Copies a file and hashes the bytes on the way, so that what is checked is what was written.</summary>
    internal static async Task<(long Size, string Sha256)> CopyAsync(string source, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var from = File.OpenRead(source))
        await using (var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await from.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await to.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
