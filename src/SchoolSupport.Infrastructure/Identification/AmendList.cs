using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>Starts an amendment of a published list: a new version in review, a copy of the published entries.</summary>
public sealed class AmendList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> AmendAsync(Guid publishedId, string reason, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var source = await db.Set<SupportList>().Include(l => l.Entries).FirstOrDefaultAsync(l => l.Id == publishedId, ct)
            ?? throw new ScopeException(InfraText.Identification_ListNotFound);
        var amendment = source.Amend(reason, scope.UserName, clock.GetUtcNow());
        if (await db.Set<SupportList>().AnyAsync(l => l.Year == source.Year && l.Version > source.Version, ct))
            throw new DomainException(InfraText.Identification_AmendmentInProgress);
        db.Add(amendment);
        db.Record(scope, "list.amend", "support-list", amendment.Id, InfraFormat.Of(InfraText.Identification_AmendmentLine, source.Year, amendment.Version, amendment.AmendmentReason), clock);
        await db.SaveChangesAsync(ct);
        return amendment.Id;
    }
}
