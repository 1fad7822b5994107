using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>A saved trial run as documents for the ministry's meeting: the PDF (summary, comparison, the would-be list) and the XLSX.</summary>
public sealed class TrialExports(TrialQueries trials, IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    private static readonly CultureInfo Ru = InfraFormat.Russian;

    public async Task<byte[]> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var view = await trials.GetAsync(id, ct) ?? throw new ScopeException(InfraText.TrialExport_NotFound);
        var o = view.Outcome;
        var regionId = current.Require().RegionId;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var authority = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var listed = o.Schools.Where(s => s.Listed).ToList();
        var body = new List<ReportBlock>
        {
            new ReportParagraph(InfraFormat.Of(InfraText.TrialExport_Heading, view.Summary.Name, view.Summary.CreatedBy, view.Summary.CreatedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm", Ru)) +
                                InfraFormat.Of(InfraText.TrialExport_Summary, MethodologyLine(o), o.SchoolsComputed, o.Listed)),
            new ReportParagraph(ComparisonLine(InfraText.TrialExport_WithThisYear, o.Current, o.AgainstCurrent) + " " + ComparisonLine(InfraText.TrialExport_WithLastYear, o.Previous, o.AgainstPrevious)),
            Breakdown(InfraText.Common_Municipality, o.ByMunicipality, InfraText.TrialExport_ByMunicipality),
            Breakdown(InfraText.Common_Status, o.ByStatus, InfraText.TrialExport_ByStatus),
            Breakdown(InfraText.TrialExport_MatrixCell, o.ByCell, InfraText.TrialExport_ByMatrixCell),
            new ReportTable([new("№", 0.5f, CellAlign.Center), new(InfraText.Common_Municipality, 2), new(InfraText.TrialExport_SchoolName, 3), new(InfraText.Common_Status, 1.2f),
                    new(InfraText.TrialExport_ToYearList, 1.1f), new(InfraText.TrialExport_ToLastYear, 1.1f), new(InfraText.TrialExport_IorByYear, 2), new(InfraText.TrialExport_Reasons, 4)],
                listed.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(Ru), s.Municipality, s.School, s.Status,
                    MovementTitle(s.AgainstCurrent), MovementTitle(s.AgainstPrevious), IndexByYear(s), Reasons(s)]).ToList())
            { Caption = InfraText.TrialExport_ListByTrial },
        };
        var leaving = o.Schools.Where(s => !s.Listed).ToList();
        if (leaving.Count > 0)
        {
            body.Add(new ReportTable([new(InfraText.Common_Municipality, 2), new(InfraText.TrialExport_SchoolName, 3), new(InfraText.TrialExport_WasInList, 2), new(InfraText.TrialExport_IorByYear, 2)],
                leaving.Select(s => (IReadOnlyList<string>)[s.Municipality, s.School,
                    string.Join(", ", new[] { s.InCurrent ? InfraText.TrialExport_ThisYear : "", s.InPrevious ? InfraText.TrialExport_LastYear : "" }.Where(x => x != "")), IndexByYear(s)]).ToList())
            { Caption = InfraText.TrialExport_SchoolsOutside });
        }
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = InfraFormat.Of(InfraText.TrialExport_Title, o.Year, o.Year + 1),
            Orientation = PageOrientation.Landscape,
            Stamp = InfraText.TrialExport_Watermark,
            Body = body,
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await trials.GetAsync(id, ct) ?? throw new ScopeException(InfraText.TrialExport_NotFound);
        var o = view.Outcome;
        var years = o.Schools.FirstOrDefault()?.ResultsIndexByYear.Select(y => y.Year).ToList() ?? [o.Year];
        var columns = new List<(string Title, Func<TrialSchool, object?> Value)>
        {
            (InfraText.Import_ColumnCode, s => s.Code), (InfraText.TrialExport_SchoolName, s => s.School), (InfraText.Common_Municipality, s => s.Municipality),
            (InfraText.TrialExport_InTrialList, s => s.Listed ? InfraText.Common_Yes : InfraText.Common_No), (InfraText.Common_Status, s => s.Status),
            (InfraText.TrialExport_ToThisYearList, s => MovementTitle(s.AgainstCurrent)), (InfraText.TrialExport_ToLastYearList, s => MovementTitle(s.AgainstPrevious)),
        };
        foreach (var year in years)
        {
            columns.Add((InfraFormat.Of(InfraText.TrialExport_IorOfYear, year), s => s.ResultsIndexByYear.FirstOrDefault(y => y.Year == year)?.Value is { } v ? Math.Round(v, 3) : null));
            columns.Add((InfraFormat.Of(InfraText.TrialExport_IorQuartileOfYear, year), s => s.ResultsIndexByYear.FirstOrDefault(y => y.Year == year)?.Band is { } b ? Titles.Of(b) : ""));
        }
        columns.AddRange([
            (InfraText.TrialExport_Isb, s => s.SocialIndex is { } v ? Math.Round(v, 3) : null), (InfraText.Common_MatrixCell, s => s.Cell is { } c ? Titles.Of(c) : ""),
            (InfraText.TrialExport_Reasons, s => Reasons(s)), (InfraText.TrialExport_ByRules, s => string.Join("\n", s.Evidence.Select(e => $"{e.Description}: {(e.Fired ? InfraText.Common_Yes : InfraText.Common_No)}. {e.Details}"))),
        ]);
        var summary = new List<(string Key, string Value)>
        {
            (InfraText.Common_Trial, view.Summary.Name), (InfraText.TrialExport_ListYear, $"{o.Year}/{o.Year + 1}"), (InfraText.Common_Methodology, MethodologyLine(o)),
            (InfraText.TrialExport_SchoolsInTrial, o.SchoolsComputed.ToString(Ru)), (InfraText.TrialExport_InTrialList, o.Listed.ToString(Ru)),
            (InfraText.TrialExport_CompareThisYear, ComparisonLine("", o.Current, o.AgainstCurrent)),
            (InfraText.TrialExport_CompareLastYear, ComparisonLine("", o.Previous, o.AgainstPrevious)),
        };
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(summary, InfraText.TrialExport_Totals, [(InfraText.Common_Indicator, r => r.Key), (InfraText.Common_Value, r => r.Value)]),
            BreakdownSheet(o.ByMunicipality, InfraText.TrialExport_ByMunicipality),
            BreakdownSheet(o.ByStatus, InfraText.TrialExport_ByStatus),
            BreakdownSheet(o.ByCell, InfraText.TrialExport_ByMatrixCells),
            XlsxExport.Sheet(o.Schools, InfraText.TrialExport_Schools, columns));
        return output.ToArray();
    }

    public static string MovementTitle(Movement movement) => movement switch
    {
        Movement.Entered => InfraText.TrialExport_WouldEnter,
        Movement.Left => InfraText.TrialExport_WouldLeave,
        Movement.Stayed => InfraText.TrialExport_WouldStay,
        _ => "",
    };

    public static string MethodologyLine(TrialOutcome o) =>
        InfraFormat.Of(InfraText.TrialExport_Methodology, o.MethodologyName, o.MethodologyVersion, (o.MethodologyApproved ? InfraText.TrialExport_MethodologyApproved : InfraText.TrialExport_MethodologyDraft));

    public static string ComparisonLine(string what, TrialBaseline? baseline, ListDifference? difference)
    {
        var prefix = what.Length > 0 ? InfraFormat.Of(InfraText.TrialExport_Comparison, what) : "";
        if (baseline is null || difference is null) return prefix.Length > 0 ? InfraFormat.Of(InfraText.TrialExport_NoListOf, prefix) : InfraText.TrialExport_NoList;
        var text = InfraFormat.Of(InfraText.TrialExport_ListHas, SupportList.StatusTitle(baseline.Status).ToLower(Ru), baseline.Year, baseline.Listed) +
                   InfraFormat.Of(InfraText.TrialExport_Movement, difference.Entered, difference.Left, difference.Stayed);
        return prefix.Length > 0 ? $"{prefix} ({text})." : text;
    }

    public static string IndexByYear(TrialSchool s) =>
        string.Join("; ", s.ResultsIndexByYear.Select(y => y.Value is { } v ? $"{y.Year}: {v.ToString("0.000", Ru)} ({Titles.Of(y.Band!.Value).ToLower(Ru)})" : InfraFormat.Of(InfraText.TrialExport_NoDataOf, y.Year)));

    public static string Reasons(TrialSchool s) => string.Join("; ", s.Evidence.Where(e => e.Fired).Select(e => $"{e.Description} ({e.Details})"));

    private static ReportTable Breakdown(string key, IReadOnlyList<BreakdownRow> rows, string caption) =>
        new([new(key, 3), new(InfraText.Common_Trial, 1, CellAlign.Right), new(InfraText.TrialExport_YearList, 1, CellAlign.Right), new(InfraText.TrialExport_PreviousYear, 1, CellAlign.Right)],
            rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Trial.ToString(Ru), r.Current?.ToString(Ru) ?? "—", r.Previous?.ToString(Ru) ?? "—"]).ToList())
        { Caption = caption };

    private static XlsxSheet BreakdownSheet(IReadOnlyList<BreakdownRow> rows, string name) =>
        XlsxExport.Sheet(rows, name, [(InfraText.Common_Group, r => r.Key), (InfraText.Common_Trial, r => r.Trial), (InfraText.TrialExport_ThisYearList, r => r.Current), (InfraText.TrialExport_LastYearList, r => r.Previous)]);
}
