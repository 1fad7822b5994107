using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>Moves the agreement along proposed → signed → active → ended; the domain refuses other steps and signing without number and date.</summary>
public sealed class MovePartnership(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    /// <returns>The partnership's new row version, for the next step from the same page.</returns>
    public async Task<uint> MoveAsync(Guid id, uint version, PartnershipStatus to, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
        db.Entry(p).Property(x => x.Version).OriginalValue = version;
        var from = p.Status;
        p.MoveTo(to);
        db.Record(scope, "partnership.status", "partnership", p.Id, $"{PartnershipLabels.Of(from)} → {PartnershipLabels.Of(to)}", clock);
        await db.SaveOrRefuseStaleAsync(PartnershipAccess.StaleMessage, ct);
        return p.Version;
    }
}
