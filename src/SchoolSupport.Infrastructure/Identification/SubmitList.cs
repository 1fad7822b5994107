using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The operator submits the reviewed list to the ministry.</summary>
public sealed class SubmitList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task SubmitAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.Submit(who, clock.GetUtcNow()), "list.submit", ct);
}
