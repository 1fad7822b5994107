using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Schools;

/// <summary>A recorded decision on a school's support format in its second consecutive year on the list.</summary>
public sealed record FormatDecision(Guid SchoolId, string School, int Year, SupportFormat Format, string Responsible, string Reason, string DecidedBy);

/// <summary>
/// The second-year support-format decisions where the work happens (the school's programme, the municipal roadmap): for each
/// school its latest decision, from the newest list of the latest year that records one (a published version first).
/// Only lists and schools the user sees (<see cref="Visibility"/>); a shared read (#18: every view of a programme shows them).
/// </summary>
public sealed class SupportFormatDecisions(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, SharedReads shared)
{
    /// <summary>The decisions of one school, of one municipality's schools, or — with neither — of every school the user sees.</summary>
    public Task<IReadOnlyList<FormatDecision>> ForAsync(Guid? schoolId = null, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(FormatDecision), (schoolId, municipalityId), () => ReadAsync(scope, schoolId, municipalityId, ct));
    }

    private async Task<IReadOnlyList<FormatDecision>> ReadAsync(UserScope scope, Guid? schoolId, Guid? municipalityId, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entries = db.Set<SupportListEntry>().AsNoTracking().VisibleTo(scope, db).Where(e => e.Included && e.NewFormat != null);
        if (schoolId is { } s) entries = entries.Where(e => e.SchoolId == s);
        var rows = await entries
            .Join(db.Set<SupportList>().VisibleTo(scope), e => e.ListId, l => l.Id, (e, l) => new { e, l.Year, l.Status, l.Version })
            .Join(db.Schools.VisibleTo(scope, db), x => x.e.SchoolId, school => school.Id, (x, school) => new { x.e, x.Year, x.Status, x.Version, school.ShortName, school.MunicipalityId })
            .Where(x => municipalityId == null || x.MunicipalityId == municipalityId)
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.e.SchoolId)
            .Select(g => g.OrderByDescending(r => r.Year).ThenByDescending(r => r.Status == ListStatus.Published).ThenByDescending(r => r.Version).First())
            .OrderBy(r => r.ShortName)
            .Select(r => new FormatDecision(r.e.SchoolId, r.ShortName, r.Year, r.e.NewFormat!.Value, r.e.FormatResponsible, r.e.FormatReason, r.e.FormatDecidedBy))
            .ToList();
    }
}
