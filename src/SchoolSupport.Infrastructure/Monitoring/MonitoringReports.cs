using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>The stage analytical note (аналитическая справка) and the annual monitoring report, as PDF and XLSX, from the data.</summary>
public sealed class MonitoringReports(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, MonitoringTasks tasks,
    MonitoringIndicators indicators, MonitoringDashboard dashboard, TimeProvider clock)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

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
            Title = $"Аналитическая справка по итогам {stage.Number} этапа мониторинга «{stage.Title}» ({year}/{year + 1} учебный год)",
            Body =
            [
                new ReportParagraph($"Сроки этапа: {stage.Opens:dd.MM.yyyy} – {stage.Closes:dd.MM.yyyy}; состояние на {Today:dd.MM.yyyy}: {Titles.Of(stage.Status).ToLower(Ru)}."),
                new ReportParagraph(stage.Description),
                new ReportParagraph($"Задач этапа: {rows.Count}, выполнено: {done}, просрочено: {rows.Count(r => r.Status == MonitoringTaskStatus.Overdue)}."),
                new ReportTable([new("Задача", 4), new("Исполнитель", 1.6f), new("Срок", 1, CellAlign.Center), new("Всего", 0.8f, CellAlign.Right),
                    new("Выполнено", 1, CellAlign.Right), new("Просрочено", 1, CellAlign.Right)], byTemplate) { Caption = "Таблица 1. Исполнение задач этапа" },
                new ReportTable([new("Исполнитель", 2.5f), new("Задача", 4), new("Срок", 1, CellAlign.Center)], overdue) { Caption = "Таблица 2. Просроченные задачи" },
            ],
            Signature = new SignatureBlock("Руководитель регионального оператора", "____________________"),
        };
        return Pdf(document);
    }

    public async Task<byte[]?> StageXlsxAsync(Guid stageId, CancellationToken ct = default)
    {
        var data = await StageDataAsync(stageId, ct);
        if (data is null) return null;
        using var output = new MemoryStream();
        XlsxExport.Write(data.Value.Rows, output, $"Этап {data.Value.Stage.Number}",
        [
            ("Этап", r => r.Stage), ("Исполнитель", r => Titles.Of(r.Actor)), ("Школа / муниципалитет", r => r.Target),
            ("Задача", r => r.Title), ("Срок", r => r.Due), ("Результат (документ)", r => r.OutputDocument),
            ("Статус", r => Titles.Of(r.Status)), ("Выполнена", r => r.CompletedAt?.ToString("dd.MM.yyyy", Ru)),
            ("Отметил", r => r.CompletedBy), ("Примечание", r => r.Note),
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
            Title = $"Отчёт о результатах мониторинга эффективности поддержки школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, за {year}/{year + 1} учебный год",
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph($"Охват мониторинга: {region.Basis}. Данные на {Today:dd.MM.yyyy}."),
                new ReportTable([new("Этап", 3), new("Сроки", 1.6f, CellAlign.Center), new("Состояние", 1.2f)],
                    stages.Select(s => (IReadOnlyList<string>)[$"{s.Number}. {s.Title}", $"{s.Opens:dd.MM.yyyy} – {s.Closes:dd.MM.yyyy}", Titles.Of(s.Status)]).ToList())
                    { Caption = "Таблица 1. Этапы мониторинга" },
                new ReportTable([new("Показатель", 4), new("Значение", 1, CellAlign.Right), new("Цель", 1, CellAlign.Right), new("Оценка", 1.2f), new("Расчёт / источник", 3)],
                    values.Select(v => (IReadOnlyList<string>)[v.Definition.Title, Value(v.Value, v.Definition), Value(v.Target, v.Definition), Verdict(v.Status), v.Details]).ToList())
                    { Caption = "Таблица 2. Показатели и целевые значения" },
                new ReportTable([new("Муниципалитет", 3), new("Школ в охвате", 1, CellAlign.Right), new("С утверждённой программой", 1.4f, CellAlign.Right),
                        new("Муниципальная программа", 1.3f, CellAlign.Center), new("Просрочено мероприятий", 1.3f, CellAlign.Right), new("Просрочено задач", 1.2f, CellAlign.Right)],
                    region.Municipalities.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.CoveredSchools), Count(m.ApprovedProgrammes),
                        m.HasApprovedRoadmap ? "утверждена" : "нет", Count(m.OverduePlanItems), Count(m.OverdueTasks)]).ToList())
                    { Caption = "Таблица 3. Муниципалитеты" },
                new ReportTable([new("Год", 1, CellAlign.Center), new("Школ в перечне", 1, CellAlign.Right)],
                    region.ListTrend.Select(t => (IReadOnlyList<string>)[$"{t.Year}/{t.Year + 1}", Count(t.Schools)]).ToList())
                    { Caption = "Таблица 4. Численность перечня по годам" },
            ],
            Signature = new SignatureBlock("Министр образования", "____________________"),
        };
        return Pdf(document);
    }

    public async Task<byte[]?> AnnualXlsxAsync(int year, CancellationToken ct = default)
    {
        var data = await AnnualDataAsync(year, ct);
        if (data is null) return null;
        using var output = new MemoryStream();
        XlsxExport.Write(data.Value.Values, output, $"Показатели {year}",
        [
            ("Показатель", v => v.Definition.Title), ("Единица", v => v.Definition.UnitText), ("Значение", v => v.Value), ("Цель", v => v.Target),
            ("Оценка", v => Verdict(v.Status)), ("Расчёт / источник", v => v.Details), ("Дата", v => v.AsOf), ("Внёс", v => v.EnteredBy),
        ]);
        return output.ToArray();
    }

    public static string Verdict(TargetStatus status) => status switch
    {
        TargetStatus.Met => "достигнуто",
        TargetStatus.NotMet => "не достигнуто",
        _ => "нет данных",
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
        return (authority, [.. found.Stages.OrderBy(s => s.Number)], await indicators.ComputeAsync(year, ct), await dashboard.RegionAsync(year, ct));
    }
}
