using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Documents;

public sealed record DocumentUpload(Guid MunicipalityId, Guid? SchoolId, DocumentKind Kind, string Title, string FileName, Stream Content, Guid? DocumentId = null);

public sealed record StoredFile(string FullPath, string FileName, string ContentType);

/// <summary>
/// Typed documents of schools and municipalities with versions. A new upload adds a version, never overwrites one;
/// the file goes to disk only after its size, type (by content) and virus check pass, and the row is saved with it.
/// </summary>
public sealed class DocumentLibrary(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, FileStorageOptions options,
    IVirusScanner scanner, ImportLimits limits, ILogger<DocumentLibrary> log, Notices notices)
{
    /// <summary>The length of <see cref="Document.Title"/> in the database.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>The length of a stored file name before its extension; the column holds 255.</summary>
    private const int MaxFileNameLength = 150;

    public long MaxUploadBytes => options.MaxUploadBytes;

    /// <summary>Documents of one school, or the municipality's own documents when <paramref name="schoolId"/> is null.</summary>
    public async Task<IReadOnlyList<Document>> ListAsync(Guid municipalityId, Guid? schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await CanSeeAsync(db, scope, municipalityId, schoolId, ct)) return [];
        var docs = await db.Documents.AsNoTracking().Include(d => d.Versions)
            .Where(d => d.MunicipalityId == municipalityId && d.SchoolId == schoolId)
            .OrderBy(d => d.Kind).ThenBy(d => d.Title).ToListAsync(ct);
        foreach (var d in docs) d.Versions = d.Versions.OrderByDescending(v => v.Number).ToList();
        return docs;
    }

    /// <summary>Stores an upload as a new document or a new version of <see cref="DocumentUpload.DocumentId"/>.</summary>
    public async Task<DocumentVersion> UploadAsync(DocumentUpload upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await UploadAsync(db, scope, upload, alongside: null, ct);
    }

    /// <summary>
    /// Stores an upload through the caller's context, so that what the caller changes there, and what <paramref name="alongside"/>
    /// adds once the new version is known (a link to it, say), is saved with the document in one transaction: either all of it
    /// is saved with the file on disk, or nothing is and the file is removed. A refused file saves nothing and leaves the context as it was.
    /// </summary>
    internal async Task<DocumentVersion> UploadAsync(AppDbContext db, UserScope scope, DocumentUpload upload,
        Action<DocumentVersion>? alongside, CancellationToken ct)
    {
        if (!await CanUploadAsync(db, scope, upload.Kind, upload.MunicipalityId, upload.SchoolId, ct)) throw new ScopeException(InfraText.Document_NoRightToUpload);

        Document? document = null;
        if (upload.DocumentId is { } documentId)
        {
            document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.MunicipalityId == upload.MunicipalityId && d.SchoolId == upload.SchoolId, ct)
                ?? throw new ScopeException(InfraText.Document_NotFound);
            // A new version is of the document's own kind: a mentor's materials upload cannot become the school's programme.
            if (document.Kind != upload.Kind && !await CanUploadAsync(db, scope, document.Kind, upload.MunicipalityId, upload.SchoolId, ct)) throw new ScopeException(InfraText.Document_NoRightToUpload);
        }
        var title = TextElements.Clean(upload.Title ?? "").Trim();
        if (document is null && title.Length == 0) throw new DomainException(InfraText.Document_TitleRequired);
        if (document is null && title.Length > MaxTitleLength)
        {
            throw new DomainException(InfraFormat.Of(InfraText.Document_TitleTooLong, MaxTitleLength, title.Length));
        }

        var content = await ReadLimitedAsync(upload.Content, ct);
        if (content is null) throw new DomainException(InfraFormat.Of(InfraText.Document_FileTooLarge, options.MaxUploadBytes / (1024 * 1024)));
        if (content.Length == 0) throw new DomainException(InfraText.Document_FileEmpty);
        FileType? detected;
        try { detected = FileInspector.Detect(content, limits); }
        catch (BadFileException e) { throw new DomainException(e.Message); }
        if (detected is not { } type)
        {
            throw new DomainException(InfraText.Document_BadFileType);
        }
        if (await scanner.ScanAsync(content, upload.FileName, ct) is { } threat) throw new DomainException(InfraText.Document_VirusRejected + threat);

        if (document is null)
        {
            document = new Document
            {
                Id = Guid.NewGuid(), RegionId = scope.RegionId, MunicipalityId = upload.MunicipalityId, SchoolId = upload.SchoolId, Kind = upload.Kind,
                Title = title, CreatedAt = clock.GetUtcNow(),
            };
            db.Documents.Add(document);
        }
        var number = await db.DocumentVersions.Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = new DocumentVersion
        {
            Id = Guid.NewGuid(), RegionId = document.RegionId, DocumentId = document.Id, Number = number + 1,
            FileName = SafeName(upload.FileName, type), Type = type, Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), UploadedAt = clock.GetUtcNow(), UploadedById = scope.UserId,
            UploadedByName = scope.UserName,
        };
        version.StoragePath = Path.Combine(document.RegionId.ToString("N"), document.Id.ToString("N"), version.Id.ToString("N") + FileInspector.Extension(type));
        db.DocumentVersions.Add(version);
        db.Record(scope, "document.upload", "document", document.Id, InfraFormat.Of(InfraText.Common_TitleVersion, document.Title, version.Number), clock);
        alongside?.Invoke(version);
        if (TaskEvidence.OutputOf(document.Kind) is { } output)
        {
            await Monitoring.CloseTasksByEvidence.CloseAsync(db, document.SchoolId ?? document.MunicipalityId, output,
                InfraFormat.Of(InfraText.Document_Uploaded, document.Title, version.Number), DocumentsLink(document), version.UploadedAt, ct);
        }
        if (Document.IsReviewed(document.Kind))
        {
            var reviewers = document.SchoolId is null
                ? await Notices.InRoleAsync(db, document.RegionId, Roles.Operator, null, ct)
                : await Notices.InRoleAsync(db, document.RegionId, Roles.Municipal, u => u.MunicipalityId == document.MunicipalityId && u.SchoolId == null, ct);
            await notices.AddAsync(db, scope, document.RegionId, reviewers, InfraFormat.Of(InfraText.Document_NoticeTitle, document.Title, version.Number),
                InfraText.Document_UploadedAwaitingReview, DocumentsLink(document), null, ct);
        }

        var path = Path.Combine(options.Folder, version.StoragePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, ct);
        try
        {
            File.Move(temporary, path);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row and the file go together: no file without its metadata.
            File.Delete(temporary);
            File.Delete(path);
            throw;
        }
        await notices.MailAsync(db, ct);
        log.LogInformation("Document {Document} version {Number} stored ({Size} bytes)", document.Id, version.Number, version.Size);
        return version;
    }

    /// <summary>The stored file of a version, or null when the user does not see it.</summary>
    public async Task<StoredFile?> OpenAsync(Guid versionId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { Version = v, d.MunicipalityId, d.SchoolId })
            .FirstOrDefaultAsync(ct);
        if (found is null) return null;
        if (!await CanSeeAsync(db, scope, found.MunicipalityId, found.SchoolId, ct) && !await IsPublishedPracticeAsync(db, found.Version, ct)) return null;
        var path = Path.Combine(options.Folder, found.Version.StoragePath);
        return File.Exists(path) ? new StoredFile(path, found.Version.FileName, FileInspector.ContentType(found.Version.Type)) : null;
    }

    /// <summary>
    /// A file of a published best practice is for the whole region, as its card is: the versions uploaded up to the
    /// publication, not a later one that nobody has reviewed. (The tenant filter keeps other regions out.)
    /// </summary>
    private static Task<bool> IsPublishedPracticeAsync(AppDbContext db, DocumentVersion version, CancellationToken ct) =>
        db.PracticeCards.AnyAsync(p => p.DocumentId == version.DocumentId && p.Status == PracticeStatus.Published
            && p.ReviewedAt != null && version.UploadedAt <= p.ReviewedAt, ct);

    /// <summary>
    /// Accepts or returns a version: the municipal coordinator reviews its schools' documents, the operator or the ministry
    /// a municipality's own documents.
    /// </summary>
    public async Task ReviewAsync(Guid versionId, bool accept, string? comment, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var version = await db.DocumentVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new ScopeException(InfraText.Document_NotFound);
        var document = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == version.DocumentId, ct);
        if (!await CanSeeAsync(db, scope, document.MunicipalityId, document.SchoolId, ct)) throw new ScopeException(InfraText.Document_NotFound);
        if (!CanReview(scope, document.MunicipalityId, document.SchoolId)) throw new ScopeException(InfraText.Document_OnlyReviewer);
        version.Decide(accept, comment, scope.UserName, clock.GetUtcNow());
        db.Record(scope, accept ? "document.accept" : "document.return", "document", document.Id, InfraFormat.Of(InfraText.Common_TitleVersion, document.Title, version.Number), clock);
        await notices.AddAsync(db, scope, document.RegionId, [version.UploadedById], InfraFormat.Of(InfraText.Document_NoticeTitle, document.Title, version.Number),
            accept ? InfraText.Document_Accepted : InfraText.Common_ReturnedForRework, DocumentsLink(document), comment, ct);
        await db.SaveChangesAsync(ct);
        await notices.MailAsync(db, ct);
    }

    private static string DocumentsLink(Document document) => document.SchoolId is { } s ? $"/documents?school={s}" : "/documents";

    public static bool CanReview(UserScope scope, Guid municipalityId, Guid? schoolId) =>
        schoolId is not null
            ? scope.IsIn(Roles.Municipal) && scope.MunicipalityId == municipalityId
            : scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Ministry);

    public static bool CanUpload(UserScope scope, Guid municipalityId, Guid? schoolId) =>
        schoolId is not null
            ? (scope.IsIn(Roles.School) && scope.SchoolId == schoolId) || (scope.IsIn(Roles.Municipal) && scope.MunicipalityId == municipalityId)
              || scope.IsIn(Roles.Operator)
            : (scope.IsIn(Roles.Municipal) && scope.MunicipalityId == municipalityId) || scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Ministry);

    /// <summary>A mentor adds consultation materials to the schools assigned to them.</summary>
    /// <summary>Staff upload by their scope; an assigned mentor uploads only consultation materials of the school.</summary>
    private static async Task<bool> CanUploadAsync(AppDbContext db, UserScope scope, DocumentKind kind, Guid municipalityId, Guid? schoolId, CancellationToken ct) =>
        (CanUpload(scope, municipalityId, schoolId)
         || kind == DocumentKind.ConsultationMaterials && await IsAssignedMentorAsync(db, scope, schoolId, ct))
        && await ExistsAsync(db, municipalityId, schoolId, ct);

    private static Task<bool> IsAssignedMentorAsync(AppDbContext db, UserScope scope, Guid? schoolId, CancellationToken ct) =>
        Visibility.IsAssignedMentorAsync(db, scope, schoolId, ct);

    private static Task<bool> CanSeeAsync(AppDbContext db, UserScope scope, Guid municipalityId, Guid? schoolId, CancellationToken ct) =>
        Visibility.CanSeeDocumentsOfAsync(db, scope, municipalityId, schoolId, ct);

    /// <summary>The school belongs to the municipality, and both to the caller's region (the query filter).</summary>
    private static async Task<bool> ExistsAsync(AppDbContext db, Guid municipalityId, Guid? schoolId, CancellationToken ct) => schoolId is { } s
        ? await db.Schools.AnyAsync(x => x.Id == s && x.MunicipalityId == municipalityId, ct)
        : await db.Municipalities.AnyAsync(m => m.Id == municipalityId, ct);

    /// <summary>The whole content, or null as soon as it passes the limit (the rest is not read).</summary>
    private async Task<byte[]?> ReadLimitedAsync(Stream input, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxUploadBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The name shown and offered on download: no folders, control or bidi characters, cut between text elements (an emoji at
    /// the cut stays whole or goes whole), with the extension of the real type.
    /// </summary>
    internal static string SafeName(string fileName, FileType type)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(TextElements.Clean(fileName ?? "").Replace('\\', '/')));
        name = string.Concat(name.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && c is not ('"' or ';')));
        name = TextElements.Cut(name, MaxFileNameLength).Trim();
        if (name.Length == 0) name = InfraText.Document_Fallback;
        return name + FileInspector.Extension(type);
    }
}
