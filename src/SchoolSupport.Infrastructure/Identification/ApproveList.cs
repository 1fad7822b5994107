using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The ministry approves the submitted list by its order (number and date).</summary>
public sealed class ApproveList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task ApproveAsync(Guid id, uint rowVersion, string orderNumber, DateOnly? orderDate, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry, (l, who) => l.Approve(orderNumber, orderDate, who, clock.GetUtcNow()), "list.approve", ct);
}
