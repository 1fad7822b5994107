using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Identification;

public sealed record ListSummary(Guid Id, int Year, int Version, ListStatus Status, int Included, int Computed, DateTimeOffset ComputedAt,
    string OrderNumber, DateOnly? OrderDate);

public sealed record EntryRow(Guid SchoolId, string SchoolCode, string School, string Municipality, double? ResultsIndex, QuartileBand? Band,
    double? SocialIndex, MatrixCell? Cell, bool LowResults, bool Disadvantaged, bool Watch, bool SecondConsecutiveYear, bool Exited,
    bool Computed, bool Included, ManualDecision Decision, string Justification, string EvidenceJson,
    SupportFormat? NewFormat = null, string FormatResponsible = "", string FormatReason = "");

public sealed record ListView(SupportList List, IReadOnlyList<EntryRow> Entries, string MethodologyName, int MethodologyVersion);

public sealed record YearFigures(int Year, int Listed, double? ReductionPercent, int TwoYearsOrMore);

/// <summary>Reading the annual lists: the lists the user may see, one list with its visible entries, and the figures year over year.</summary>
public sealed class ListQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, SharedReads shared)
{
    public const double ReductionTargetPercent = 25;

    public async Task<IReadOnlyList<ListSummary>> AllAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<SupportList>().AsNoTracking().VisibleTo(scope).OrderByDescending(l => l.Year).ThenByDescending(l => l.Version)
            .Select(l => new ListSummary(l.Id, l.Year, l.Version, l.Status, l.Entries.Count(e => e.Included), l.Entries.Count(e => e.Computed),
                l.ComputedAt, l.OrderNumber, l.OrderDate))
            .ToListAsync(ct);
    }

    /// <summary>A list with the entries the user may see: regional roles all, others only their schools, and only once published.
    /// The page asks <paramref name="allEvidence"/> false: it shows reasons only for listed schools and those with a decision, so the
    /// evidence of the others (most of a region's schools, 1–2 KB each) is not read; <see cref="EntryAsync"/> reads one when asked.</summary>
    public Task<ListView?> GetAsync(Guid id, CancellationToken ct = default) => GetAsync(id, allEvidence: true, ct);

    public Task<ListView?> GetAsync(Guid id, bool allEvidence, CancellationToken ct = default)
    {
        var scope = current.Require();
        return shared.GetAsync(scope, nameof(ListView), (id, allEvidence), () => ReadAsync(scope, id, allEvidence, ct));
    }

    private async Task<ListView?> ReadAsync(UserScope scope, Guid id, bool allEvidence, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Set<SupportList>().AsNoTracking().Include(l => l.History.OrderBy(h => h.At)).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return null;
        if (!list.CanSee(scope)) return null;
        var entries = await Entries(db, scope, id, allEvidence).ToListAsync(ct);
        entries = [.. entries.OrderByDescending(e => e.Included).ThenBy(e => e.ResultsIndex)];
        var methodology = await db.Set<MethodologyVersion>().AsNoTracking().FirstAsync(m => m.Id == list.MethodologyId, ct);
        return new ListView(list, entries, methodology.Name, methodology.Version);
    }

    /// <summary>One entry of a list with its whole evidence (the page's evidence dialog), or null when the user may not see it.</summary>
    public async Task<EntryRow?> EntryAsync(Guid listId, Guid schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Set<SupportList>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null || !list.CanSee(scope)) return null;
        return await Entries(db, scope, listId, allEvidence: true, schoolId).FirstOrDefaultAsync(ct);
    }

    private const string NoEvidence = "{}";

    private static IQueryable<EntryRow> Entries(AppDbContext db, UserScope scope, Guid listId, bool allEvidence, Guid? schoolId = null) =>
        db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == listId && (schoolId == null || e.SchoolId == schoolId))
            .Join(db.Schools.VisibleTo(scope, db), e => e.SchoolId, s => s.Id, (e, s) => new EntryRow(e.SchoolId, s.Code, s.ShortName, s.Municipality!.Name,
                e.ResultsIndex, e.Band, e.SocialIndex, e.Cell, e.LowResults, e.Disadvantaged, e.Watch, e.SecondConsecutiveYear, e.Exited,
                e.Computed, e.Included, e.Decision, e.Justification,
                allEvidence || e.Included || e.Decision != ManualDecision.None ? e.EvidenceJson : NoEvidence,
                e.NewFormat, e.FormatResponsible, e.FormatReason));

    /// <summary>Listed schools by year, the reduction against the previous year and schools listed two years or more.</summary>
    public async Task<IReadOnlyList<YearFigures>> YearOverYearAsync(CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var published = await db.Set<SupportList>().AsNoTracking().Where(l => l.Status == ListStatus.Published)
            .Select(l => new { l.Year, Schools = l.Entries.Where(e => e.Included).Select(e => e.SchoolId).ToList() }).ToListAsync(ct);
        var byYear = published.GroupBy(l => l.Year).ToDictionary(g => g.Key, g => g.Last().Schools.ToHashSet());
        return byYear.Keys.Order().Select(year =>
        {
            var schools = byYear[year];
            double? reduction = byYear.TryGetValue(year - 1, out var before) && before.Count > 0 ? 100.0 * (before.Count - schools.Count) / before.Count : null;
            var twoYears = byYear.TryGetValue(year - 1, out var prev) ? schools.Count(prev.Contains) : 0;
            return new YearFigures(year, schools.Count, reduction, twoYears);
        }).ToList();
    }
}
