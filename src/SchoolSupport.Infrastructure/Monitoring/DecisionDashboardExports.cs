using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>The decision dashboard as it is filtered, as XLSX (a sheet per block) and PDF: the same figures as on the page.</summary>
public sealed class DecisionDashboardExports(DecisionDashboardQueries queries, TimeProvider clock)
{
    private static readonly CultureInfo Ru = InfraFormat.Russian;

    public async Task<byte[]> XlsxAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var d = await queries.GetAsync(filter, ct);
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(d.Kpis, InfraText.Dashboard_IndicatorsSheet,
            [
                (InfraText.Common_Indicator, k => k.Row.Definition.Title), (InfraText.Common_Value, k => k.Row.Value), (InfraText.Dashboard_Unit, k => k.Row.Definition.UnitText),
                (InfraText.Dashboard_Target, k => k.Row.Target), (InfraText.Common_Rating, k => k.LightText), (InfraText.Dashboard_Source, k => k.Row.Details),
            ]),
            XlsxExport.Sheet(d.Ranking, InfraText.Common_Municipalities,
            [
                (InfraText.Common_Municipality, m => m.Municipality), (InfraText.Dashboard_SchoolsInList, m => m.ListedSchools), (InfraText.Dashboard_WithApprovedProgramme, m => m.WithProgramme),
                (InfraText.Dashboard_ProgrammeCoveragePercent, m => m.ProgrammeShare), (InfraText.Dashboard_Roadmap, m => m.ApprovedRoadmap ? InfraText.Dashboard_Approved : InfraText.Common_No),
                (InfraText.Dashboard_OverdueItems, m => m.OverduePlanItems), (InfraText.Dashboard_OverdueTasks, m => m.OverdueTasks),
                (InfraText.Dashboard_PositiveTrendPercent, m => m.DynamicsShare),
            ]),
            XlsxExport.Sheet(d.Results, InfraText.Common_Results,
            [
                (InfraText.Import_ColumnYear, r => r.Year), (InfraText.Import_ColumnAssessment, r => Titles.Of(r.Kind)), (InfraText.Import_ColumnSubject, r => Titles.Of(r.Subject)),
                (InfraText.Common_Group, r => r.Listed ? InfraText.Dashboard_ListSchools : InfraText.Dashboard_OtherSchools), (InfraText.Import_AverageScore, r => r.MeanScore),
                (InfraText.Dashboard_BelowMinimumPercent, r => r.BelowMinimumShare), (InfraText.Import_ColumnParticipants, r => r.Participants),
            ]),
            XlsxExport.Sheet(d.LeftTheList.Select(s => (s, InfraText.Dashboard_LeftList)).Concat(d.ListedAgain.Select(s => (s, InfraText.Dashboard_ReenteredList))), InfraText.Dashboard_ListMovement,
            [
                (InfraText.Common_School, x => x.s.School), (InfraText.Common_Municipality, x => x.s.Municipality), (InfraText.Dashboard_Change, x => x.Item2),
            ]),
            XlsxExport.Sheet(d.Matrix, InfraText.Dashboard_Matrix,
            [
                (InfraText.Dashboard_Cell, m => Titles.Of(m.Cell)), (InfraText.Common_Schools, m => m.Schools), (InfraText.Dashboard_OfThemInList, m => m.Listed),
            ]));
        return output.ToArray();
    }

    public async Task<byte[]> PdfAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var d = await queries.GetAsync(filter, ct);
        var latest = d.Results.Count == 0 ? (int?)null : d.Results.Max(r => r.Year);
        var document = new ReportDocument
        {
            HeaderLines = [d.ScopeTitle],
            Title = InfraFormat.Of(InfraText.Dashboard_ReportTitle, d.ScopeTitle, d.Year, d.Year + 1),
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph(InfraFormat.Of(InfraText.Dashboard_Coverage, d.Basis, clock.Today())),
                new ReportTable([new(InfraText.Common_Indicator, 4), new(InfraText.Common_Value, 1.2f, CellAlign.Right), new(InfraText.Dashboard_Target, 1.2f, CellAlign.Right), new(InfraText.Common_Rating, 1.6f), new(InfraText.Dashboard_Source, 3)],
                    d.Kpis.Select(k => (IReadOnlyList<string>)[k.Row.Definition.Title, MonitoringReports.Value(k.Row.Value, k.Row.Definition),
                        k.Row.Target is { } t ? $"≥ {MonitoringReports.Value(t, k.Row.Definition)}" : InfraText.Dashboard_NotSet, k.LightText, k.Row.Details]).ToList())
                    { Caption = InfraText.Dashboard_Table1 },
                new ReportTable([new(InfraText.Common_Municipality, 3), new(InfraText.Dashboard_SchoolsInList, 1, CellAlign.Right), new(InfraText.Dashboard_ProgrammeCoverage, 1.2f, CellAlign.Right),
                        new(InfraText.Dashboard_Roadmap, 1.2f, CellAlign.Center), new(InfraText.Common_Overdue, 1, CellAlign.Right), new(InfraText.Dashboard_PositiveTrend, 1.3f, CellAlign.Right)],
                    d.Ranking.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.ListedSchools), Share(m.ProgrammeShare),
                        m.ApprovedRoadmap ? InfraText.Dashboard_Approved : InfraText.Common_No, Count(m.OverduePlanItems + m.OverdueTasks), Share(m.DynamicsShare)]).ToList())
                    { Caption = InfraText.Dashboard_Table2 },
                new ReportTable([new(InfraText.Import_ColumnAssessment, 1.2f), new(InfraText.Import_ColumnSubject, 2), new(InfraText.Import_ColumnYear, 0.8f, CellAlign.Center), new(InfraText.Common_Group, 1.6f),
                        new(InfraText.Import_AverageScore, 1, CellAlign.Right), new(InfraText.Dashboard_BelowMinimumShort, 1.2f, CellAlign.Right)],
                    d.Results.Where(r => latest is { } y && r.Year >= y - 3).Select(r => (IReadOnlyList<string>)[Titles.Of(r.Kind), Titles.Of(r.Subject),
                        r.Year.ToString(CultureInfo.InvariantCulture), r.Listed ? InfraText.Dashboard_ListSchools : InfraText.Dashboard_Others, r.MeanScore.ToString("0.00", Ru), r.BelowMinimumShare.ToString("0.0", Ru)]).ToList())
                    { Caption = InfraText.Dashboard_Table3 },
                new ReportTable([new(InfraText.Common_School, 3), new(InfraText.Common_Municipality, 2), new(InfraText.Dashboard_Change, 1.5f)],
                    d.LeftTheList.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, InfraText.Dashboard_LeftList])
                        .Concat(d.ListedAgain.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, InfraText.Dashboard_ReenteredList])).ToList())
                    { Caption = InfraText.Dashboard_Table4 },
                new ReportTable([new(InfraText.Common_MatrixCell, 4), new(InfraText.Common_Schools, 1, CellAlign.Right), new(InfraText.Dashboard_OfThemInList, 1.2f, CellAlign.Right)],
                    d.Matrix.Select(m => (IReadOnlyList<string>)[Titles.Of(m.Cell), Count(m.Schools), Count(m.Listed)]).ToList())
                    { Caption = InfraText.Dashboard_Table5 },
            ],
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    private static string Count(int n) => n.ToString(Ru);

    private static string Share(decimal? share) => share is { } s ? $"{s.ToString("0.#", Ru)} %" : "—";
}
