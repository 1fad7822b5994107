using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The operator submits the reviewed list to the ministry, which hears about it.</summary>
public sealed class SubmitList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    /// <param name="emptyListJustification">Required only when the list has no school: why it is empty.</param>
    public async Task SubmitAsync(Guid id, uint rowVersion, CancellationToken ct = default, string emptyListJustification = "")
    {
        var names = await SecondYearSchoolNamesAsync(id, ct);
        await ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Operator, (l, who) => l.Submit(who, clock.GetUtcNow(), emptyListJustification, names), "list.submit", ct,
            after: async (db, list, scope, c) => await notices.AddAsync(db, scope, list.RegionId, await Notices.InRoleAsync(db, list.RegionId, Roles.Ministry, null, c),
                ListChange.Subject(list), InfraText.Identification_Submitted, $"/lists/{list.Id}", null, c),
            notices: notices);
    }

    /// <summary>The names of the list's schools in their second year, for a refusal that says which ones lack a decision.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> SecondYearSchoolNamesAsync(Guid listId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == listId && e.SecondConsecutiveYear && e.Included)
            .Join(db.Set<School>(), e => e.SchoolId, s => s.Id, (e, s) => new { s.Id, s.ShortName })
            .ToDictionaryAsync(x => x.Id, x => x.ShortName, ct);
    }
}
