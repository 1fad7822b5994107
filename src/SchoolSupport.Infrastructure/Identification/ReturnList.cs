using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The ministry returns the submitted list to the operator with a comment.</summary>
public sealed class ReturnList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task ReturnAsync(Guid id, uint rowVersion, string comment, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry, (l, who) => l.Return(comment, who, clock.GetUtcNow()), "list.return", ct);
}
