using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

public sealed record MatrixPoint(Guid SchoolId, string School, string Municipality, double ResultsIndex, double SocialIndex, MatrixCell Cell, bool Listed);

public sealed record MatrixMunicipality(Guid Id, string Name);

/// <summary>
/// The 2×2 matrix of a year's list: each school with both indices as a point, the cuts drawn where the methodology puts them
/// (percentiles of the whole region's values, whatever the municipality filter), the count per cell of the points shown.
/// </summary>
public sealed record MatrixView(int Year, Guid ListId, ListStatus Status, double? ResultsCut, double? SocialCut, double ResultsPercentile, double SocialPercentile,
    IReadOnlyList<MatrixPoint> Points, IReadOnlyDictionary<MatrixCell, int> Counts, IReadOnlyList<MatrixMunicipality> Municipalities, IReadOnlyList<int> Years);

/// <summary>Reads the ИОР × ИСБ matrix from the newest list of a year (regional staff only: a draft's numbers are not public).</summary>
public sealed class MatrixQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    /// <summary>The matrix of the year (the newest year with a list when null); null when the region has no list yet.</summary>
    public async Task<MatrixView?> GetAsync(int? year, Guid? municipalityId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lists = db.Set<SupportList>().AsNoTracking().VisibleTo(scope).Where(l => l.Status != ListStatus.Superseded);
        var years = await lists.Select(l => l.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (years.Count == 0) return null;
        var chosen = year is { } y && years.Contains(y) ? y : years[0];
        var list = await lists.Where(l => l.Year == chosen).OrderByDescending(l => l.Version).FirstAsync(ct);
        var json = await db.Set<MethodologyVersion>().Where(m => m.Id == list.MethodologyId).Select(m => m.Json).FirstAsync(ct);
        var matrix = TryMatrix(json);

        var schools = db.Schools.VisibleTo(scope, db);
        var entries = await db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == list.Id)
            .Join(schools, e => e.SchoolId, s => s.Id, (e, s) => new { e.SchoolId, s.ShortName, s.MunicipalityId, Municipality = s.Municipality!.Name, e.ResultsIndex, e.SocialIndex, e.Cell, e.Included })
            .ToListAsync(ct);
        var resultsSorted = Percentiles.SortedFinite(entries.Where(e => e.ResultsIndex is not null).Select(e => e.ResultsIndex!.Value));
        var socialSorted = Percentiles.SortedFinite(entries.Where(e => e.SocialIndex is not null).Select(e => e.SocialIndex!.Value));
        double? resultsCut = resultsSorted.Length > 0 ? Percentiles.Inclusive(resultsSorted, matrix.ResultsPercentile / 100) : null;
        double? socialCut = socialSorted.Length > 0 ? Percentiles.Inclusive(socialSorted, matrix.SocialPercentile / 100) : null;

        var points = entries.Where(e => municipalityId is null || e.MunicipalityId == municipalityId)
            .Where(e => e.ResultsIndex is not null && e.SocialIndex is not null && e.Cell is not null)
            .Select(e => new MatrixPoint(e.SchoolId, e.ShortName, e.Municipality, e.ResultsIndex!.Value, e.SocialIndex!.Value, e.Cell!.Value, e.Included))
            .OrderBy(p => p.School).ToList();
        var counts = Enum.GetValues<MatrixCell>().ToDictionary(c => c, c => points.Count(p => p.Cell == c));
        var municipalities = entries.Select(e => new MatrixMunicipality(e.MunicipalityId, e.Municipality)).Distinct().OrderBy(m => m.Name).ToList();
        return new MatrixView(chosen, list.Id, list.Status, resultsCut, socialCut, matrix.ResultsPercentile, matrix.SocialPercentile, points, counts, municipalities, years);
    }

    private static MatrixThresholds TryMatrix(string json)
    {
        try
        {
            return MethodologyJson.Deserialize(json).Rules.Matrix;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return new MatrixThresholds();
        }
    }
}
