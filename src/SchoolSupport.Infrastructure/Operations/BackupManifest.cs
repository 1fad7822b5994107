using System.Security.Cryptography;
using System.Text.Json;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Operations;

/// <summary>
/// What a backup folder holds: <c>database.dump</c> (pg_dump custom format), the uploaded files under <c>files/</c> at their
/// storage paths, and <c>manifest.json</c> with the size and SHA-256 of each. The manifest is written last, so a folder
/// without one is an unfinished backup.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, BackupFile Database, IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string ManifestFileName = "manifest.json";
    public const string DatabaseFileName = "database.dump";
    public const string FilesFolderName = "files";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string backupFolder, CancellationToken ct)
    {
        var path = Path.Combine(backupFolder, ManifestFileName);
        await File.WriteAllTextAsync(path + ".part", JsonSerializer.Serialize(this, Json), ct);
        File.Move(path + ".part", path);
    }

    public static async Task<BackupManifest> ReadAsync(string backupFolder, CancellationToken ct)
    {
        var path = Path.Combine(backupFolder, ManifestFileName);
        if (!File.Exists(path)) throw new DomainException(InfraFormat.Of(InfraText.Backup_NoManifest, backupFolder, ManifestFileName));
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, ct), Json);
        }
        catch (JsonException)
        {
            manifest = null;
        }
        if (manifest?.Database is null || manifest.Files is null) throw new DomainException(InfraFormat.Of(InfraText.Backup_ManifestBroken, path));
        if (manifest.Format != CurrentFormat)
        {
            throw new DomainException(InfraFormat.Of(InfraText.Backup_FormatVersion, manifest.Format, CurrentFormat));
        }
        return manifest;
    }

    /// <summary>Refuses the backup unless the dump and every listed file are there with the size and SHA-256 the manifest gives.</summary>
    public async Task VerifyAsync(string backupFolder, CancellationToken ct)
    {
        var problems = new List<string>();
        await CheckAsync(Path.Combine(backupFolder, DatabaseFileName), Database, problems, ct);
        var files = Path.Combine(backupFolder, FilesFolderName);
        foreach (var file in Files) await CheckAsync(Inside(files, file.Path), file, problems, ct);
        if (problems.Count == 0) return;
        throw new DomainException(InfraText.Backup_ManifestMismatch
            + InfraFormat.Of(InfraText.Backup_Differences, problems.Count) + string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? "; …" : "."));
    }

    private static async Task CheckAsync(string path, BackupFile expected, List<string> problems, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            problems.Add(InfraFormat.Of(InfraText.Backup_FileMissing, expected.Path));
            return;
        }
        var (size, sha256) = await HashAsync(path, ct);
        if (size != expected.Size || sha256 != expected.Sha256) problems.Add(InfraFormat.Of(InfraText.Backup_FileChanged, expected.Path));
    }

    public static async Task<(long Size, string Sha256)> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return (stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>The full path of a stored file under a folder; a path that would lead out of it (a forged manifest) is refused.</summary>
    public static string Inside(string folder, string relativePath)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (Path.IsPathRooted(relativePath) || !full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new DomainException(InfraFormat.Of(InfraText.Backup_PathOutside, relativePath));
        }
        return full;
    }
}

/// <summary>A file of a backup: its path (relative, with '/'), size in bytes and SHA-256 in lower-case hex.</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);
