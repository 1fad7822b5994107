using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

/// <summary>The author deletes a journal record, unless the school has already given feedback on it.</summary>
public sealed class DeleteConsultation(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Mentor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new ScopeException(InfraText.Common_RecordNotFound);
        if (consultation.MentorId != scope.UserId) throw new ScopeException(InfraText.Mentoring_OnlyAuthorDeletes);
        if (await db.ConsultationFeedback.AnyAsync(f => f.ConsultationId == id, ct)) throw new DomainException(InfraText.Mentoring_HasFeedback);
        db.Consultations.Remove(consultation);
        db.Record(scope, "consultation.delete", "consultation", id, consultation.Topic, clock);
        await db.SaveChangesAsync(ct);
    }
}
