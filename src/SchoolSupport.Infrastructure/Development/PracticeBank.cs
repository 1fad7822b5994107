using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Development;

public sealed class PracticeEdit
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Practice_TitleRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Common_TitleTooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Practice_DescriptionRequired))]
    [StringLength(8000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Practice_DescriptionTooLong))]
    public string Description { get; set; } = "";

    public Guid? DocumentId { get; set; }
}

public sealed record PracticeRow(PracticeCard Card, string School, string Municipality, bool CanEdit, bool CanReview, PracticeFile? File = null);

/// <summary>The latest version of a card's files document, offered for download.</summary>
public sealed record PracticeFile(Guid VersionId, string FileName);

/// <summary>
/// The best-practice bank: a school submits a card, an operator publishes it or returns it with a comment; published
/// cards are seen by everyone in the region, others by the school, its coordinator and regional staff.
/// </summary>
public sealed class PracticeBank(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<IReadOnlyList<PracticeRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var visible = db.Schools.VisibleTo(scope, db).Select(s => s.Id);
        var rows = await db.PracticeCards.AsNoTracking().VisibleTo(scope, db)
            .Join(db.Schools, p => p.SchoolId, s => s.Id, (p, s) => new
            {
                p, School = s.ShortName, Municipality = s.Municipality!.Name, Visible = visible.Contains(p.SchoolId),
            })
            .OrderBy(x => x.p.Status).ThenByDescending(x => x.p.SubmittedAt).ToListAsync(ct);
        var documentIds = rows.Where(x => x.p.DocumentId is not null).Select(x => x.p.DocumentId!.Value).Distinct().ToList();
        var versions = await db.DocumentVersions.AllOfAsync(documentIds, ct);
        return rows.Select(x => new PracticeRow(x.p, x.School, x.Municipality,
            scope.IsIn(Roles.School) && scope.SchoolId == x.p.SchoolId && x.p.Status != PracticeStatus.Published,
            scope.IsIn(Roles.Operator) && x.p.Status == PracticeStatus.Submitted,
            FileFor(x.p, x.Visible))).ToList();

        // Those who see the school's documents get its latest file; the rest of the region, once the practice is published,
        // the file as it was when it was published (the document library lets them download exactly that one).
        PracticeFile? FileFor(PracticeCard card, bool visible)
        {
            if (card.DocumentId is not { } d) return null;
            var file = visible ? versions[d].FirstOrDefault()
                : card.Status == PracticeStatus.Published ? versions[d].FirstOrDefault(v => v.UploadedAt <= card.ReviewedAt)
                : null;
            return file is null ? null : new PracticeFile(file.VersionId, file.FileName);
        }
    }

    public async Task<Guid> SubmitAsync(PracticeEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (edit.DocumentId is { } docId && !await db.Documents.AnyAsync(d => d.Id == docId && d.SchoolId == scope.SchoolId, ct))
        {
            throw new DomainException(InfraText.Practice_FilesOwnSchool);
        }
        PracticeCard card;
        if (edit.Id is { } id)
        {
            card = await db.PracticeCards.FirstOrDefaultAsync(p => p.Id == id && p.SchoolId == scope.SchoolId, ct) ?? throw new ScopeException(InfraText.Practice_CardNotFound);
            if (card.Status == PracticeStatus.Published) throw new DomainException(DomainText.Practice_Published);
            db.Entry(card).Property(p => p.Version).OriginalValue = edit.Version;
        }
        else
        {
            card = new PracticeCard { Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = scope.SchoolId!.Value };
            db.PracticeCards.Add(card);
        }
        card.Title = edit.Title.Trim();
        card.Description = edit.Description.Trim();
        card.DocumentId = edit.DocumentId;
        card.Submit(clock.GetUtcNow());
        db.Record(scope, "practice.submit", "practice", card.Id, card.Title, clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Practice_Stale, ct);
        return card.Id;
    }

    /// <summary>An operator publishes a submitted card or returns it with a comment.</summary>
    public async Task ReviewAsync(Guid id, uint version, bool publish, string? comment, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        if (!publish && string.IsNullOrWhiteSpace(comment)) throw new DomainException(DomainText.Practice_CommentRequired);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var card = await db.PracticeCards.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new ScopeException(InfraText.Practice_CardNotFound);
        if (card.Status != PracticeStatus.Submitted) throw new DomainException(DomainText.Practice_OnlySubmitted);
        db.Entry(card).Property(p => p.Version).OriginalValue = version;
        card.Review(publish, comment, scope.UserName, clock.GetUtcNow());
        db.Record(scope, publish ? "practice.publish" : "practice.return", "practice", card.Id, card.Title, clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Practice_Stale, ct);
    }
}
