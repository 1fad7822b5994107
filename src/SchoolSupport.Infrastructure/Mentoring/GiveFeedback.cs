using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

/// <summary>A school team member rates a consultation of their school, once.</summary>
public sealed class GiveFeedback(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task GiveAsync(Guid consultationId, int rating, string? comment, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        if (rating is < 1 or > 5) throw new DomainException(InfraText.Mentoring_RatingRange);
        comment = comment?.Trim() ?? "";
        if (comment.Length > 4000) throw new DomainException(InfraText.Common_CommentTooLong);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null || consultation.SchoolId != scope.SchoolId) throw new ScopeException(InfraText.Mentoring_FeedbackOnlySchoolTeam);
        if (await db.ConsultationFeedback.AnyAsync(f => f.ConsultationId == consultationId && f.UserId == scope.UserId, ct))
        {
            throw new DomainException(InfraText.Mentoring_FeedbackAlreadyGiven);
        }
        db.ConsultationFeedback.Add(new ConsultationFeedback
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, ConsultationId = consultationId, SchoolId = consultation.SchoolId, UserId = scope.UserId,
            UserName = scope.UserName, Rating = rating, Comment = comment, At = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(InfraText.Mentoring_FeedbackAlreadyGiven);
        }
    }
}
