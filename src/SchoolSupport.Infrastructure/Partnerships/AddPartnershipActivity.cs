using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>Adds an activity to the joint plan; the partnership refuses a deadline outside the agreement's term or an ended agreement.</summary>
public sealed class AddPartnershipActivity(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task AddAsync(Guid id, string title, DateOnly? deadline, string responsible, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException(InfraText.Partnership_ActivityRequired);
        if (title.Length > 2000) throw new DomainException(InfraText.Partnership_ActivityTooLong);
        if (deadline is null) throw new DomainException(InfraText.Partnership_ActivityDueRequired);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
        p.AddActivity(title, deadline.Value, responsible);
        await db.SaveChangesAsync(ct);
    }
}
