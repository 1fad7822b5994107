using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Documents;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>A document's file as a link shows it: its version's id and file name.</summary>
public sealed record DocumentFile(Guid DocumentId, Guid VersionId, int Number, string FileName, DateTimeOffset UploadedAt);

/// <summary>"The latest version of a document", asked one way everywhere (journals, partnerships, the practice bank, the inbox, the school story).</summary>
public static class LatestVersions
{
    /// <summary>Every version of the documents, newest first per document.</summary>
    public static async Task<ILookup<Guid, DocumentFile>> AllOfAsync(this IQueryable<DocumentVersion> versions, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        var rows = await versions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId))
            .OrderByDescending(v => v.Number)
            .Select(v => new DocumentFile(v.DocumentId, v.Id, v.Number, v.FileName, v.UploadedAt)).ToListAsync(ct);
        return rows.ToLookup(v => v.DocumentId);
    }

    /// <summary>Only the latest version of each document, as a query to join or filter in the database (no later version of the same document exists).</summary>
    public static IQueryable<DocumentVersion> Latest(this IQueryable<DocumentVersion> versions) =>
        versions.Where(v => !versions.Any(later => later.DocumentId == v.DocumentId && later.Number > v.Number));

    /// <summary>The latest version of each document.</summary>
    public static async Task<IReadOnlyDictionary<Guid, DocumentFile>> LatestOfAsync(this IQueryable<DocumentVersion> versions, IReadOnlyCollection<Guid> documentIds, CancellationToken ct) =>
        (await versions.AllOfAsync(documentIds, ct)).ToDictionary(g => g.Key, g => g.First());
}
