using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>An operator adds or removes a school with a written justification; a stale page is refused.</summary>
public sealed class DecideOnSchool(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task DecideAsync(Guid id, uint rowVersion, Guid schoolId, bool include, string justification, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.Decide(schoolId, include, justification, who),
            include ? "list.add-school" : "list.remove-school", ct, details: InfraFormat.Of(InfraText.Identification_SchoolDecision, schoolId, justification));
}
