using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>An evidence file of an activity as the plan page shows it; <see cref="VersionId"/> is downloaded through the document endpoint.</summary>
public sealed record EvidenceFile(Guid ItemId, Guid VersionId, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedByName);

/// <summary>
/// Evidence files of plan activities. A file is a document version of the plan's school (or, for a municipal roadmap, of the
/// municipality) kept by <see cref="DocumentLibrary"/> with its content checks, and linked to the item. Whoever records the
/// item's progress attaches files; whoever sees the plan sees them.
/// </summary>
public sealed class PlanEvidenceFiles(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, DocumentLibrary library, TimeProvider clock,
    SharedReads shared)
{
    public long MaxUploadBytes => library.MaxUploadBytes;

    /// <summary>Evidence files of the plan's items, newest first; empty when the user does not see the plan.</summary>
    public Task<IReadOnlyList<EvidenceFile>> ListAsync(Guid planId, CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(EvidenceFile), planId, () => ReadAsync(scope, planId, ct));
    }

    private async Task<IReadOnlyList<EvidenceFile>> ReadAsync(UserScope scope, Guid planId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Plans.VisibleTo(scope, db).AnyAsync(p => p.Id == planId, ct)) return [];
        return await (
                from e in db.PlanItemEvidence
                join i in db.PlanItems on e.ItemId equals i.Id
                join v in db.DocumentVersions on e.DocumentVersionId equals v.Id
                where i.PlanId == planId
                orderby v.UploadedAt descending
                select new EvidenceFile(e.ItemId, v.Id, v.FileName, v.Size, v.UploadedAt, v.UploadedByName))
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Whether the user may attach, replace and remove files of the plan's items now: the owner while the plan is carried out, as with progress.</summary>
    public static bool CanAttach(Plan plan, PlanRole role) => role == PlanRole.Owner && plan.IsInExecution && plan.MunicipalityId is not null;

    /// <summary>
    /// Stores the file as a «Подтверждающий материал» document and links it to the item, in one transaction.
    /// A refused file stores nothing.
    /// </summary>
    public async Task<EvidenceFile> AttachAsync(Guid planId, Guid itemId, string fileName, Stream content,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (plan, item) = await OwnItemAsync(db, scope, planId, itemId, InfraText.Evidence_OnlyExecutorAttaches, ct);
        if (StateError(plan) is { } refused) throw new DomainException(refused);

        var title = InfraText.Evidence_Prefix + (item.Activity.Length > 400 ? item.Activity[..400] + "…" : item.Activity);
        var upload = new DocumentUpload(plan.MunicipalityId!.Value, plan.SchoolId, DocumentKind.PlanEvidence, title, fileName, content);
        var version = await library.UploadAsync(db, scope, upload, stored =>
        {
            db.PlanItemEvidence.Add(new PlanItemEvidence { ItemId = item.Id, DocumentVersionId = stored.Id, RegionId = plan.RegionId, AttachedAt = clock.GetUtcNow() });
            db.Record(scope, "plan-item.evidence", "plan", plan.Id, $"{item.Activity}: {stored.FileName}", clock);
        }, ct);
        return Describe(item.Id, version);
    }

    /// <summary>
    /// Puts a new file in place of one linked to the item: the upload becomes the next version of the same document and takes
    /// over the link, in one transaction. The old version stays in the document library for the record.
    /// </summary>
    public async Task<EvidenceFile> ReplaceAsync(Guid planId, Guid itemId, Guid versionId, string fileName,
        Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (plan, item) = await OwnItemAsync(db, scope, planId, itemId, InfraText.Evidence_OnlyExecutorReplaces, ct);
        if (StateError(plan) is { } refused) throw new DomainException(refused);
        if (await LinkAsync(db, itemId, versionId, ct) is not { } linked) throw new DomainException(NotLinked);

        var upload = new DocumentUpload(plan.MunicipalityId!.Value, plan.SchoolId, DocumentKind.PlanEvidence, "", fileName, content, linked.Version.DocumentId);
        var version = await library.UploadAsync(db, scope, upload, stored =>
        {
            db.PlanItemEvidence.Remove(linked.Link);
            db.PlanItemEvidence.Add(new PlanItemEvidence { ItemId = item.Id, DocumentVersionId = stored.Id, RegionId = plan.RegionId, AttachedAt = clock.GetUtcNow() });
            db.Record(scope, "plan-item.evidence-replace", "plan", plan.Id, $"{item.Activity}: {linked.Version.FileName} → {stored.FileName}", clock);
        }, ct).OrRefuseStaleAsync(StaleMessage);
        return Describe(item.Id, version);
    }

    /// <summary>Unlinks a file from the item; the document version itself stays in the library for the record.</summary>
    public async Task RemoveAsync(Guid planId, Guid itemId, Guid versionId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (plan, item) = await OwnItemAsync(db, scope, planId, itemId, InfraText.Evidence_OnlyExecutorRemoves, ct);
        if (StateError(plan) is { } refused) throw new DomainException(refused);
        if (await LinkAsync(db, itemId, versionId, ct) is not { } linked) throw new DomainException(NotLinked);

        db.PlanItemEvidence.Remove(linked.Link);
        db.Record(scope, "plan-item.evidence-remove", "plan", plan.Id, $"{item.Activity}: {linked.Version.FileName}", clock);
        await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
    }

    private static string NotLinked => InfraText.Evidence_NotLinked;

    private static string StaleMessage => InfraText.Evidence_Stale;

    /// <summary>The plan the user sees and the item of it; refuses anyone but the plan's owner.</summary>
    private static async Task<(Plan Plan, PlanItem Item)> OwnItemAsync(AppDbContext db, UserScope scope, Guid planId, Guid itemId, string notOwner,
        CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException(InfraText.Plan_NotFound);
        var item = await db.PlanItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, ct)
            ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException(notOwner);
        return (plan, item);
    }

    /// <summary>Why evidence of the plan cannot change now, or null when it can.</summary>
    private static string? StateError(Plan plan) =>
        plan.MunicipalityId is null ? InfraText.Evidence_OnlyProgrammesAndRoadmaps
        : !plan.IsInExecution ? InfraText.Evidence_OnlyWhenApproved
        : null;

    /// <summary>The item's link to the version (tracked, to be removed) and the version it points to; null when they are not linked.</summary>
    private static async Task<Linked?> LinkAsync(AppDbContext db, Guid itemId, Guid versionId, CancellationToken ct)
    {
        var link = await db.PlanItemEvidence.FirstOrDefaultAsync(e => e.ItemId == itemId && e.DocumentVersionId == versionId, ct);
        return link is null ? null : new Linked(link, await db.DocumentVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, ct));
    }

    private sealed record Linked(PlanItemEvidence Link, DocumentVersion Version);

    private static EvidenceFile Describe(Guid itemId, DocumentVersion version) =>
        new(itemId, version.Id, version.FileName, version.Size, version.UploadedAt, version.UploadedByName);
}
