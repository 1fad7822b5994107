using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The ministry approves the submitted list by its order (number and date).</summary>
public sealed class ApproveList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    /// <param name="emptyListJustification">Required only when the list has no school: why it is empty.</param>
    public Task ApproveAsync(Guid id, uint rowVersion, string orderNumber, DateOnly? orderDate, CancellationToken ct = default, string emptyListJustification = "") =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry,
            (l, who) => l.Approve(orderNumber, orderDate, who, clock.GetUtcNow(), emptyListJustification), "list.approve", ct);
}
