using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>
/// Stores the agreement's file as a document of the leader school (a new version when the partnership already has one) and
/// links it to the partnership, in one transaction: a refused file stores neither the document nor the link.
/// </summary>
public sealed class UploadAgreement(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, DocumentLibrary library, TimeProvider clock)
{
    public long MaxUploadBytes => library.MaxUploadBytes;

    public async Task<DocumentVersion> UploadAsync(Guid id, string fileName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
        var leader = await db.Schools.AsNoTracking().Where(s => s.Id == p.LeaderSchoolId).Select(s => new { s.Id, s.MunicipalityId }).FirstAsync(ct);
        // After a change of leader the old file belongs to another school: the new one starts a document of the new leader.
        var existing = p.AgreementDocumentId is { } documentId && await db.Documents.AnyAsync(d => d.Id == documentId && d.SchoolId == leader.Id, ct)
            ? p.AgreementDocumentId : null;
        var upload = new DocumentUpload(leader.MunicipalityId, leader.Id, DocumentKind.Agreement, InfraFormat.Of(InfraText.Partnership_Agreement, p.Title), fileName, content, existing);
        return await library.UploadAsync(db, scope, upload, stored =>
        {
            p.AgreementDocumentId = stored.DocumentId;
            db.Record(scope, "partnership.agreement", "partnership", p.Id, stored.DocumentId.ToString(), clock);
        }, ct).OrRefuseStaleAsync(PartnershipAccess.StaleMessage);
    }
}
