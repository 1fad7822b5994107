using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>An evidence file of an activity as the plan page shows it; <see cref="VersionId"/> is downloaded through the document endpoint.</summary>
public sealed record EvidenceFile(Guid ItemId, Guid VersionId, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedByName);

/// <summary>
/// Evidence files of plan activities. A file is a document version of the plan's school (or, for a municipal roadmap, of the
/// municipality) kept by <see cref="DocumentLibrary"/> with its content checks, and linked to the item. Whoever records the
/// item's progress attaches files; whoever sees the plan sees them.
/// </summary>
public sealed class PlanEvidenceFiles(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, DocumentLibrary library, TimeProvider clock)
{
    public long MaxUploadBytes => library.MaxUploadBytes;

    /// <summary>Evidence files of the plan's items, newest first; empty when the user does not see the plan.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> ListAsync(Guid planId, CancellationToken ct = default)
    {
        var scope = current.Require();
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

    /// <summary>Whether the user may attach files to the plan's items now: the owner while the plan is carried out, as with progress.</summary>
    public static bool CanAttach(Plan plan, PlanRole role) => role == PlanRole.Owner && plan.IsInExecution && plan.MunicipalityId is not null;

    /// <summary>Stores the file as a «Подтверждающий материал» document and links it to the item. Returns Russian errors; a refused file stores nothing.</summary>
    public async Task<(EvidenceFile? File, IReadOnlyList<string> Errors)> AttachAsync(Guid planId, Guid itemId, string fileName, Stream content,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException("План не найден.");
        var item = await db.PlanItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, ct)
            ?? throw new ScopeException("Мероприятие не найдено.");
        if (PlanAccess.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException("Прикладывать подтверждающие материалы может только исполнитель плана.");
        if (plan.MunicipalityId is not { } municipalityId) return (null, ["Подтверждающие материалы прикладываются к программам школ и муниципальным дорожным картам."]);
        if (!plan.IsInExecution) return (null, ["Подтверждающие материалы прикладываются, когда план утверждён и выполняется."]);

        var title = "Подтверждающий материал: " + (item.Activity.Length > 400 ? item.Activity[..400] + "…" : item.Activity);
        var (version, errors) = await library.UploadAsync(new DocumentUpload(municipalityId, plan.SchoolId, DocumentKind.PlanEvidence, title, fileName, content), ct);
        if (version is null) return (null, errors);

        db.PlanItemEvidence.Add(new PlanItemEvidence { ItemId = item.Id, DocumentVersionId = version.Id, RegionId = plan.RegionId, AttachedAt = clock.GetUtcNow() });
        db.Record(scope, "plan-item.evidence", "plan", plan.Id, $"{item.Activity}: {version.FileName}", clock);
        await db.SaveChangesAsync(ct);
        return (new EvidenceFile(item.Id, version.Id, version.FileName, version.Size, version.UploadedAt, version.UploadedByName), []);
    }
}
