using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Schools;

/// <summary>One year of a school's story in the annual lists, as the list in force that year says it.</summary>
public sealed record ListYear(int Year, Guid ListId, ListStatus ListStatus, int ListVersion, bool Included, bool LowResults, bool Disadvantaged,
    double? ResultsIndex, QuartileBand? Band, double? SocialIndex, QuartileBand? SocialBand, MatrixCell? Cell, bool SecondConsecutiveYear,
    bool Exited, ManualDecision Decision, string Justification, string OrderNumber, DateOnly? OrderDate, SupportFormat? NewFormat,
    string FormatResponsible, string FormatReason);

/// <summary>
/// The school's history across the annual lists, newest year first: for each year the list in force (the published version,
/// else — for regional staff — the latest version in work), and only years where the school was listed, left the list or
/// was decided on by the operator. Lists and schools the user may not see are left out (<see cref="Visibility"/>).
/// </summary>
public sealed class SchoolListHistory(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<IReadOnlyList<ListYear>> ForAsync(Guid schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Set<SupportListEntry>().AsNoTracking().VisibleTo(scope, db)
            .Where(e => e.SchoolId == schoolId)
            .Join(db.Set<SupportList>().VisibleTo(scope), e => e.ListId, l => l.Id, (e, l) => new { e, l.Year, l.Status, l.Version, l.OrderNumber, l.OrderDate })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Year)
            .Select(g => g.OrderByDescending(r => r.Status == ListStatus.Published).ThenByDescending(r => r.Version).First())
            .Where(r => r.e.Included || r.e.Exited || r.e.Decision != ManualDecision.None)
            .OrderByDescending(r => r.Year)
            .Select(r => new ListYear(r.Year, r.e.ListId, r.Status, r.Version, r.e.Included, r.e.LowResults, r.e.Disadvantaged, r.e.ResultsIndex, r.e.Band,
                r.e.SocialIndex, r.e.SocialBand, r.e.Cell, r.e.SecondConsecutiveYear, r.e.Exited, r.e.Decision, r.e.Justification, r.OrderNumber,
                r.OrderDate, r.e.NewFormat, r.e.FormatResponsible, r.e.FormatReason))
            .ToList();
    }
}
