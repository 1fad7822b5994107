using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>The stage analytical note (аналитическая справка) and the annual monitoring report, as PDF and XLSX, from the data.</summary>
public sealed class MonitoringReports(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, MonitoringTasks tasks,
    MonitoringDashboard dashboard, TimeProvider clock)
{
    private static readonly CultureInfo Ru = InfraFormat.Russian;

    public async Task<byte[]?> StagePdfAsync(Guid stageId, CancellationToken ct = default)
    {
        var data = await StageDataAsync(stageId, ct);
        if (data is null) return null;
        var (authority, year, stage, rows) = data.Value;
        var byTemplate = rows.GroupBy(r => (r.Title, r.Actor, r.Due)).OrderBy(g => g.Key.Due).Select(g => (IReadOnlyList<string>)
        [
            g.Key.Title, Titles.Of(g.Key.Actor), g.Key.Due.ToString("dd.MM.yyyy", Ru), Count(g.Count()),
            Count(g.Count(r => r.Status == MonitoringTaskStatus.Done)), Count(g.Count(r => r.Status == MonitoringTaskStatus.Overdue)),
        ]).ToList();
        var overdue = rows.Where(r => r.Status == MonitoringTaskStatus.Overdue).OrderBy(r => r.Due).ThenBy(r => r.Target)
            .Select(r => (IReadOnlyList<string>)[r.Target, r.Title, r.Due.ToString("dd.MM.yyyy", Ru)]).ToList();
        var done = rows.Count(r => r.Status == MonitoringTaskStatus.Done);
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = InfraFormat.Of(InfraText.MonitoringReport_StageTitle, stage.Number, stage.Title, year, year + 1),
            Body =
            [
                new ReportParagraph(InfraFormat.Of(InfraText.MonitoringReport_StageDates, stage.Opens, stage.Closes, Today, Titles.Of(stage.Status).ToLower(Ru))),
                new ReportParagraph(stage.Description),
                new ReportParagraph(InfraFormat.Of(InfraText.MonitoringReport_StageTasks, rows.Count, done, rows.Count(r => r.Status == MonitoringTaskStatus.Overdue))),
                new ReportTable([new(InfraText.MonitoringReport_Task, 4), new(InfraText.MonitoringReport_Executor, 1.6f), new(InfraText.Common_Due, 1, CellAlign.Center), new(InfraText.Common_Total, 0.8f, CellAlign.Right),
                    new(InfraText.Common_Done, 1, CellAlign.Right), new(InfraText.Common_Overdue, 1, CellAlign.Right)], byTemplate) { Caption = InfraText.MonitoringReport_Table1Tasks },
                new ReportTable([new(InfraText.MonitoringReport_Executor, 2.5f), new(InfraText.MonitoringReport_Task, 4), new(InfraText.Common_Due, 1, CellAlign.Center)], overdue) { Caption = InfraText.MonitoringReport_Table2Overdue },
            ],
            Signature = new SignatureBlock(InfraText.MonitoringReport_OperatorHead, "____________________"),
        };
        return Pdf(document);
    }

    public async Task<byte[]?> StageXlsxAsync(Guid stageId, CancellationToken ct = default)
    {
        var data = await StageDataAsync(stageId, ct);
        if (data is null) return null;
        using var output = new MemoryStream();
        XlsxExport.Write(data.Value.Rows, output, InfraFormat.Of(InfraText.MonitoringReport_StageFile, data.Value.Stage.Number),
        [
            (InfraText.MonitoringReport_Stage, r => r.Stage), (InfraText.MonitoringReport_Executor, r => Titles.Of(r.Actor)), (InfraText.MonitoringReport_SchoolOrMunicipality, r => r.Target),
            (InfraText.MonitoringReport_Task, r => r.Title), (InfraText.Common_Due, r => r.Due), (InfraText.MonitoringReport_ResultDocument, r => r.OutputDocument),
            (InfraText.Common_Status, r => Titles.Of(r.Status)), (InfraText.MonitoringReport_DoneFemale, r => r.CompletedAt?.ToString("dd.MM.yyyy", Ru)),
            (InfraText.MonitoringReport_MarkedBy, r => r.CompletedBy), (InfraText.Common_Note, r => r.Note),
        ]);
        return output.ToArray();
    }

    public async Task<byte[]?> AnnualPdfAsync(int year, CancellationToken ct = default)
    {
        var data = await AnnualDataAsync(year, ct);
        if (data is null) return null;
        var (authority, stages, values, region) = data.Value;
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = InfraFormat.Of(InfraText.MonitoringReport_Title, year, year + 1),
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph(InfraFormat.Of(InfraText.MonitoringReport_Coverage, region.Basis, Today)),
                new ReportTable([new(InfraText.MonitoringReport_Stage, 3), new(InfraText.MonitoringReport_Dates, 1.6f, CellAlign.Center), new(InfraText.MonitoringReport_State, 1.2f)],
                    stages.Select(s => (IReadOnlyList<string>)[$"{s.Number}. {s.Title}", $"{s.Opens:dd.MM.yyyy} – {s.Closes:dd.MM.yyyy}", Titles.Of(s.Status)]).ToList())
                    { Caption = InfraText.MonitoringReport_Table1Stages },
                new ReportTable([new(InfraText.Common_Indicator, 4), new(InfraText.Common_Value, 1, CellAlign.Right), new(InfraText.Dashboard_Target, 1, CellAlign.Right), new(InfraText.Common_Rating, 1.2f), new(InfraText.Dashboard_Source, 3)],
                    values.Select(v => (IReadOnlyList<string>)[v.Definition.Title, Value(v.Value, v.Definition), Value(v.Target, v.Definition), Verdict(v.Status), v.Details]).ToList())
                    { Caption = InfraText.MonitoringReport_Table2Indicators },
                new ReportTable([new(InfraText.Common_Municipality, 3), new(InfraText.MonitoringReport_SchoolsCovered, 1, CellAlign.Right), new(InfraText.Dashboard_WithApprovedProgramme, 1.4f, CellAlign.Right),
                        new(InfraText.MonitoringReport_MunicipalProgramme, 1.3f, CellAlign.Center), new(InfraText.Dashboard_OverdueItems, 1.3f, CellAlign.Right), new(InfraText.Dashboard_OverdueTasks, 1.2f, CellAlign.Right)],
                    region.Municipalities.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.CoveredSchools), Count(m.ApprovedProgrammes),
                        m.HasApprovedRoadmap ? InfraText.Dashboard_Approved : InfraText.Common_No, Count(m.OverduePlanItems), Count(m.OverdueTasks)]).ToList())
                    { Caption = InfraText.MonitoringReport_Table3Municipalities },
                new ReportTable([new(InfraText.Import_ColumnYear, 1, CellAlign.Center), new(InfraText.Dashboard_SchoolsInList, 1, CellAlign.Right)],
                    region.ListTrend.Select(t => (IReadOnlyList<string>)[$"{t.Year}/{t.Year + 1}", Count(t.Schools)]).ToList())
                    { Caption = InfraText.MonitoringReport_Table4ListByYear },
            ],
            Signature = new SignatureBlock(InfraText.Common_Minister, "____________________"),
        };
        return Pdf(document);
    }

    public async Task<byte[]?> AnnualXlsxAsync(int year, CancellationToken ct = default)
    {
        var data = await AnnualDataAsync(year, ct);
        if (data is null) return null;
        using var output = new MemoryStream();
        XlsxExport.Write(data.Value.Values, output, InfraFormat.Of(InfraText.MonitoringReport_IndicatorsFile, year),
        [
            (InfraText.Common_Indicator, v => v.Definition.Title), (InfraText.Dashboard_Unit, v => v.Definition.UnitText), (InfraText.Common_Value, v => v.Value), (InfraText.Dashboard_Target, v => v.Target),
            (InfraText.Common_Rating, v => Verdict(v.Status)), (InfraText.Dashboard_Source, v => v.Details), (InfraText.Common_Date, v => v.AsOf), (InfraText.MonitoringReport_EnteredBy, v => v.EnteredBy),
        ]);
        return output.ToArray();
    }

    public static string Verdict(TargetStatus status) => status switch
    {
        TargetStatus.Met => InfraText.MonitoringReport_Achieved,
        TargetStatus.NotMet => InfraText.MonitoringReport_NotAchieved,
        _ => InfraText.MonitoringReport_NoData,
    };

    public static string Value(decimal? value, TargetIndicator definition) =>
        value is { } v ? $"{v.ToString("0.#", Ru)} {definition.UnitText}" : "—";

    private DateOnly Today => clock.Today();

    private static string Count(int n) => n.ToString(Ru);

    private static byte[] Pdf(ReportDocument document)
    {
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    private async Task<(string Authority, int Year, MonitoringStage Stage, IReadOnlyList<TaskRow> Rows)?> StageDataAsync(Guid stageId, CancellationToken ct)
    {
        var scope = current.RequireRole(MonitoringIndicators.Readers);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stage = await db.Set<MonitoringStage>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return null;
        var year = await db.Set<MonitoringYear>().Where(y => y.Id == stage.YearId).Select(y => y.Year).FirstAsync(ct);
        var authority = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var rows = await tasks.ListAsync(new TaskFilter(Year: year, Stage: stage.Number), ct);
        return (authority, year, stage, rows);
    }

    private async Task<(string Authority, IReadOnlyList<MonitoringStage> Stages, IReadOnlyList<IndicatorRow> Values, RegionDashboard Region)?> AnnualDataAsync(
        int year, CancellationToken ct)
    {
        var scope = current.RequireRole(MonitoringIndicators.Readers);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Set<MonitoringYear>().AsNoTracking().Include(y => y.Stages).FirstOrDefaultAsync(y => y.Year == year, ct);
        if (found is null) return null;
        var authority = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var (region, values) = await dashboard.RegionWithIndicatorsAsync(year, year, ct);
        return (authority, [.. found.Stages.OrderBy(s => s.Number)], values, region);
    }
}
