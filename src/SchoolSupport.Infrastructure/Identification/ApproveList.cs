using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The ministry approves the submitted list by its order (number and date); the operators hear about it.</summary>
public sealed class ApproveList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    /// <param name="emptyListJustification">Required only when the list has no school: why it is empty.</param>
    public Task ApproveAsync(Guid id, uint rowVersion, string orderNumber, DateOnly? orderDate, CancellationToken ct = default, string emptyListJustification = "") =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry,
            (l, who) => l.Approve(orderNumber, orderDate, who, clock.GetUtcNow(), emptyListJustification), "list.approve", ct,
            after: async (db, list, scope, c) => await notices.AddAsync(db, scope, list.RegionId, await Notices.InRoleAsync(db, list.RegionId, Roles.Operator, null, c),
                ListChange.Subject(list), InfraFormat.Of(InfraText.Identification_ApprovedByOrder, list.OrderNumber, list.OrderDate), $"/lists/{list.Id}", null, c),
            notices: notices);
}
