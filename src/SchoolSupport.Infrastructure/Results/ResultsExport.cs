using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

public sealed record ResultQuery(int? Year = null, Guid? SchoolId = null, Guid? MunicipalityId = null, AssessmentKind? Kind = null,
    Subject? Subject = null, int Page = 0, int PageSize = 50);

/// <summary>A result with its school; init-only properties so that queries can sort on them.</summary>
public sealed record ResultRow
{
    public string SchoolCode { get; init; } = "";
    public string School { get; init; } = "";
    public string Municipality { get; init; } = "";
    public int Year { get; init; }
    public AssessmentKind Kind { get; init; }
    public int Grade { get; init; }
    public Subject Subject { get; init; }
    public int Participants { get; init; }
    public decimal MeanScore { get; init; }
    public decimal BelowMinimumShare { get; init; }
    public decimal FailShare { get; init; }
}

/// <summary>Browsing and export of results in the scope of the user; templates of the import files.</summary>
public sealed class ResultsBrowser(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<(IReadOnlyList<ResultRow> Rows, int Total)> SearchAsync(ResultQuery q, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = Filter(db, q);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.School).ThenByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Grade).ThenBy(r => r.Subject)
            .Skip(q.Page * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return (rows, total);
    }

    public async Task WriteXlsxAsync(ResultQuery q, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Filter(db, q).OrderBy(r => r.SchoolCode).ThenBy(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.Grade).ThenBy(r => r.Subject)
            .ToListAsync(ct);
        var c = ImportSpec.Results.Columns;
        var (school, municipality) = (InfraText.Common_School, InfraText.Common_Municipality);
        var sheet = rows.Select(r => new Dictionary<string, object>
        {
            [c[0]] = r.SchoolCode, [c[1]] = r.Year, [c[2]] = Titles.Of(r.Kind), [c[3]] = r.Grade, [c[4]] = Titles.Of(r.Subject),
            [c[5]] = r.Participants, [c[6]] = r.MeanScore, [c[7]] = r.BelowMinimumShare, [c[8]] = r.FailShare,
            [school] = r.School, [municipality] = r.Municipality,
        });
        await output.SaveAsAsync(sheet, sheetName: InfraText.Common_Results, cancellationToken: ct);
    }

    private IQueryable<ResultRow> Filter(AppDbContext db, ResultQuery q)
    {
        var scope = current.Require();
        var schools = db.Schools.AsNoTracking().VisibleTo(scope, db);
        if (q.SchoolId is { } sid) schools = schools.Where(s => s.Id == sid);
        if (q.MunicipalityId is { } mid) schools = schools.Where(s => s.MunicipalityId == mid);
        var results = db.Results.AsNoTracking();
        if (q.Year is { } year) results = results.Where(r => r.Year == year);
        if (q.Kind is { } kind) results = results.Where(r => r.Kind == kind);
        if (q.Subject is { } subject) results = results.Where(r => r.Subject == subject);
        return results.Join(schools, r => r.SchoolId, s => s.Id, (r, s) => new ResultRow
        {
            SchoolCode = s.Code, School = s.ShortName, Municipality = s.Municipality!.Name, Year = r.Year, Kind = r.Kind,
            Grade = r.Grade, Subject = r.Subject, Participants = r.Participants, MeanScore = r.MeanScore,
            BelowMinimumShare = r.BelowMinimumShare, FailShare = r.FailShare,
        });
    }

    /// <summary>An empty import file with the right headers and one example row.</summary>
    public static void WriteTemplate(ImportKind kind, bool csv, Stream output)
    {
        var spec = ImportSpec.For(kind);
        if (csv)
        {
            using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
            writer.WriteLine(string.Join(';', spec.Columns));
            writer.WriteLine(string.Join(';', spec.Example));
            return;
        }
        var row = new Dictionary<string, object>();
        for (var i = 0; i < spec.Columns.Count; i++) row[spec.Columns[i]] = spec.Example[i];
        output.SaveAs(new[] { row }, sheetName: spec.Title.Length > 31 ? spec.Title[..31] : spec.Title);
    }
}
