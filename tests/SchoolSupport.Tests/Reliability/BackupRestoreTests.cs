using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Operations;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web.Startup;

namespace SchoolSupport.Tests.Reliability;

/// <summary>
/// <c>--backup</c> from the portal's database (a configured server) and <c>--restore</c> into a fresh embedded install,
/// through the same entry point as the command line.
/// </summary>
public sealed class BackupRestoreTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const int Year = 2025;
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "backup-" + Guid.NewGuid().ToString("N")[..8]);

    private TestWorld World => portal.World;
    private string FilesFolder => portal.Services.GetRequiredService<FileStorageOptions>().Folder;

    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n");

    public async Task InitializeAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            await using (var db = portal.System())
            {
                if (await db.DocumentVersions.AnyAsync()) return;
            }
            await SeedAsync();
        }
        finally
        {
            Seeding.Release();
        }
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Scratch, recursive: true); } catch (DirectoryNotFoundException) { }
        return Task.CompletedTask;
    }

    /// <summary>A computed list of region A, a school programme with its activities, a document in two versions.</summary>
    private async Task SeedAsync()
    {
        await using (var db = portal.System())
        {
            foreach (var (school, below) in new[] { (World.SchoolA1, 30m), (World.SchoolA1Second, 3m), (World.SchoolA2, 2m) })
            {
                for (var year = Year - 2; year <= Year; year++)
                {
                    db.Results.Add(new AssessmentResult { RegionId = school.RegionId, SchoolId = school.Id, Year = year, Kind = AssessmentKind.Oge, Grade = 9,
                        Subject = Subject.Russian, Participants = 40, MeanScore = 25 - below / 3, BelowMinimumShare = below, FailShare = below });
                }
            }
            await db.SaveChangesAsync();
        }
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunIdentification>().RunAsync(World.RegionA.Id, Year, "тест", null, CancellationToken.None);
        }
        await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var library = portal.Service<DocumentLibrary>(World.Scope(Roles.School));
        var first = await library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, DocumentKind.SelfAssessmentReport,
            "Отчёт о самообследовании", "отчёт.pdf", new MemoryStream(Pdf("первая версия"))));
        await library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, DocumentKind.SelfAssessmentReport,
            "Отчёт о самообследовании", "отчёт.pdf", new MemoryStream(Pdf("вторая версия, исправленная")), first.DocumentId));
    }

    private Task<int?> BackupAsync(string folder) =>
        BackupCommands.RunIfAskedAsync(["--backup", folder, $"--ConnectionStrings:Default={portal.ConnectionString}", $"--Files:Folder={FilesFolder}"]);

    /// <summary>Everything the test compares, read the same way from either install.</summary>
    private static async Task<object> ContentAsync(AppDbContext db) => new
    {
        Lists = await db.Set<SupportList>().OrderBy(l => l.Id).Select(l => new { l.Id, l.RegionId, l.Year, l.Status }).ToListAsync(),
        Entries = await db.Set<SupportListEntry>().OrderBy(e => e.Id).Select(e => new { e.Id, e.ListId, e.SchoolId, e.ResultsIndex, e.Included }).ToListAsync(),
        Plans = await db.Plans.OrderBy(p => p.Id).Select(p => new { p.Id, p.SchoolId, p.Title, p.Status, p.PeriodFrom, p.PeriodTo }).ToListAsync(),
        Items = await db.PlanItems.OrderBy(i => i.Id).Select(i => new { i.Id, i.PlanId, i.Activity, i.Deadline }).ToListAsync(),
        Documents = await db.Documents.OrderBy(d => d.Id).Select(d => new { d.Id, d.Title, d.SchoolId }).ToListAsync(),
        Versions = await db.DocumentVersions.OrderBy(v => v.Id).Select(v => new { v.Id, v.DocumentId, v.Number, v.Sha256, v.Size, v.StoragePath }).ToListAsync(),
        Users = await db.Users.OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.PasswordHash, u.SecurityStamp }).ToListAsync(),
        UserRoles = await db.UserRoles.OrderBy(r => r.UserId).ThenBy(r => r.RoleId).Select(r => new { r.UserId, r.RoleId }).ToListAsync(),
    };

    [Fact]
    public async Task A_backup_restored_into_a_fresh_embedded_install_has_every_list_plan_document_and_user()
    {
        var backup = Path.Combine(Scratch, "whole");
        (await BackupAsync(backup)).Should().Be(0);
        var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);
        manifest.Files.Should().HaveCount(2);

        var install = Path.Combine(Scratch, "fresh-install");
        (await BackupCommands.RunIfAskedAsync(["--restore", backup, $"--DataFolder={install}", $"--Files:Folder={install}/files"])).Should().Be(0);

        // The command stopped its cluster; start it again to look inside.
        var restored = await EmbeddedPostgres.StartAsync(Path.Combine(install, "pg"));
        try
        {
            await using var source = portal.System();
            await using var copy = TestCluster.CreateContext(restored.ConnectionString("schoolsupport"), SystemScope.Instance);
            var expected = await ContentAsync(source);
            (await ContentAsync(copy)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
            (await copy.Set<SupportList>().CountAsync()).Should().BeGreaterThan(0);
            (await copy.PlanItems.CountAsync()).Should().BeGreaterThan(0);
            (await copy.Users.CountAsync()).Should().Be(await source.Users.CountAsync()).And.BeGreaterThan(0);
            var versions = await copy.DocumentVersions.ToListAsync();
            versions.Should().HaveCount(2);
            foreach (var version in versions)
            {
                (await File.ReadAllBytesAsync(Path.Combine(install, "files", version.StoragePath)))
                    .Should().Equal(await File.ReadAllBytesAsync(Path.Combine(FilesFolder, version.StoragePath)));
            }
            (await copy.Database.GetPendingMigrationsAsync()).Should().BeEmpty();

            // Backed up again beside the running cluster (as by a scheduled job beside the portal): it keeps running.
            var again = Path.Combine(Scratch, "from-embedded");
            (await BackupCommands.RunIfAskedAsync(["--backup", again, $"--DataFolder={install}", $"--Files:Folder={install}/files"])).Should().Be(0);
            (await copy.Users.CountAsync()).Should().Be(await source.Users.CountAsync());
            (await BackupManifest.ReadAsync(again, CancellationToken.None)).Files.Should().BeEquivalentTo(manifest.Files);
        }
        finally
        {
            await restored.StopAsync();
            Directory.Delete(restored.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_backup_with_a_changed_file_or_into_a_database_in_use_is_refused_and_nothing_changes()
    {
        var backup = Path.Combine(Scratch, "tampered");
        (await BackupAsync(backup)).Should().Be(0);
        var cluster = await TestCluster.GetAsync();
        var empty = "t_restore_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.CreateDatabaseAsync(empty);
        var files = Path.Combine(Scratch, "tampered-files");
        string[] Restore(string database) => ["--restore", backup, $"--ConnectionStrings:Default={cluster.ConnectionString(database)}", $"--Files:Folder={files}"];

        // Into the portal's own database: not an empty install.
        (await BackupCommands.RunIfAskedAsync(["--restore", backup, $"--ConnectionStrings:Default={portal.ConnectionString}", $"--Files:Folder={files}"]))
            .Should().Be(2);
        var intoUsed = async () => await RestoreCommand.RunAsync(backup, portal.ConnectionString, files, NullLogger.Instance);
        (await intoUsed.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("не пуста");

        var manifest = await BackupManifest.ReadAsync(backup, CancellationToken.None);
        var stored = Path.Combine(backup, BackupManifest.FilesFolderName, manifest.Files[0].Path);
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[^2] ^= 0x20;
        await File.WriteAllBytesAsync(stored, bytes);
        (await BackupCommands.RunIfAskedAsync(Restore(empty))).Should().Be(2);
        var refusal = async () => await RestoreCommand.RunAsync(backup, cluster.ConnectionString(empty), files, NullLogger.Instance);
        (await refusal.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("не совпадает").And.Contain(manifest.Files[0].Path);

        await using (var db = TestCluster.CreateContext(cluster.ConnectionString(empty), SystemScope.Instance))
        {
            (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty("nothing was restored");
        }
        Directory.Exists(files).Should().BeFalse();

        // A manifest that lists a file the backup does not have is refused the same way.
        bytes[^2] ^= 0x20;
        await File.WriteAllBytesAsync(stored, bytes);
        var json = await File.ReadAllTextAsync(Path.Combine(backup, BackupManifest.ManifestFileName));
        var extra = manifest with { Files = [.. manifest.Files, new BackupFile("missing/file.pdf", 1, new string('0', 64))] };
        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.ManifestFileName), JsonSerializer.Serialize(extra, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        (await BackupCommands.RunIfAskedAsync(Restore(empty))).Should().Be(2);

        // The untouched backup restores.
        await File.WriteAllTextAsync(Path.Combine(backup, BackupManifest.ManifestFileName), json);
        (await BackupCommands.RunIfAskedAsync(Restore(empty))).Should().Be(0);
        Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Should().HaveCount(manifest.Files.Count);
    }
}
