using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>
/// The operator records, for a school listed the second year running, the new support format, who is responsible and why;
/// the list cannot be submitted until every such school has one.
/// </summary>
public sealed class DecideSupportFormat(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task DecideAsync(Guid listId, uint rowVersion, Guid schoolId, SupportFormat format, string responsible, string reason, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, listId, rowVersion, Roles.Operator,
            (l, who) => l.DecideSupportFormat(schoolId, format, responsible, reason, who, clock.GetUtcNow()),
            "list.support-format", ct, details: InfraFormat.Of(InfraText.Identification_SupportFormatDecision, schoolId, SupportFormats.Title(format), responsible?.Trim(), reason?.Trim()));
}
