using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The operator submits the reviewed list to the ministry.</summary>
public sealed class SubmitList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    /// <param name="emptyListJustification">Required only when the list has no school: why it is empty.</param>
    public Task SubmitAsync(Guid id, uint rowVersion, CancellationToken ct = default, string emptyListJustification = "") =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.Submit(who, clock.GetUtcNow(), emptyListJustification), "list.submit", ct);
}
