using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>A reviewer, mentor or owner comments on a plan or one of its activities.</summary>
public sealed class CommentOnPlan(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task CommentAsync(Guid planId, Guid? itemId, string text, CancellationToken ct = default)
    {
        var scope = current.Require();
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException(InfraText.Plan_CommentRequired);
        if (text.Length > 4000) throw new DomainException(InfraText.Common_CommentTooLong);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException(InfraText.Plan_NotFound);
        if (!PlanRoles.CanComment(plan, scope)) throw new ScopeException(InfraText.Plan_NoRightToComment);
        if (itemId is { } id && !await db.PlanItems.AnyAsync(i => i.Id == id && i.PlanId == planId, ct)) throw new DomainException(InfraText.Common_ActivityNotFound);
        db.PlanComments.Add(new PlanComment
        {
            Id = Guid.NewGuid(), RegionId = plan.RegionId, PlanId = planId, ItemId = itemId, AuthorId = scope.UserId, AuthorName = scope.UserName,
            At = clock.GetUtcNow(), Text = text.Trim(),
        });
        await db.SaveChangesAsync(ct);
    }
}
