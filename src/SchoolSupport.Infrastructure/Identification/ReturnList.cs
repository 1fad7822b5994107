using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The ministry returns the submitted list to the operator with a comment; the operators hear about it.</summary>
public sealed class ReturnList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    public Task ReturnAsync(Guid id, uint rowVersion, string comment, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry, (l, who) => l.Return(comment, who, clock.GetUtcNow()), "list.return", ct,
            after: async (db, list, scope, c) => await notices.AddAsync(db, scope, list.RegionId, await Notices.InRoleAsync(db, list.RegionId, Roles.Operator, null, c),
                ListChange.Subject(list), InfraText.Common_ReturnedForRework, $"/lists/{list.Id}", list.ReturnComment, c),
            notices: notices);
}
