using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The operator submits the reviewed list to the ministry, which hears about it.</summary>
public sealed class SubmitList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    /// <param name="emptyListJustification">Required only when the list has no school: why it is empty.</param>
    public Task SubmitAsync(Guid id, uint rowVersion, CancellationToken ct = default, string emptyListJustification = "") =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.Submit(who, clock.GetUtcNow(), emptyListJustification), "list.submit", ct,
            after: async (db, list, scope, c) => await notices.AddAsync(db, scope, list.RegionId, await Notices.InRoleAsync(db, list.RegionId, Roles.Ministry, null, c),
                ListChange.Subject(list), "Направлен на утверждение", $"/lists/{list.Id}", null, c),
            notices: notices);
}
