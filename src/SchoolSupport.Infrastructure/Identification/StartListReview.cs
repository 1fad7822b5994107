using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The operator takes the computed draft into review.</summary>
public sealed class StartListReview(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task StartReviewAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.StartReview(who, clock.GetUtcNow()), "list.review", ct);
}
