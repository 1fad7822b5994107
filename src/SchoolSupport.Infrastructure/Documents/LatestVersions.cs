using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Documents;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>A document's file as a link shows it: its version's id and file name.</summary>
public sealed record DocumentFile(Guid DocumentId, Guid VersionId, int Number, string FileName, DateTimeOffset UploadedAt);

/// <summary>"The latest version of a document", asked one way everywhere (journals, partnerships, the practice bank).</summary>
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

    /// <summary>The latest version of each document.</summary>
    public static async Task<IReadOnlyDictionary<Guid, DocumentFile>> LatestOfAsync(this IQueryable<DocumentVersion> versions, IReadOnlyCollection<Guid> documentIds, CancellationToken ct) =>
        (await versions.AllOfAsync(documentIds, ct)).ToDictionary(g => g.Key, g => g.First());
}
