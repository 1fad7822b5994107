using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>The decision dashboard as it is filtered, as XLSX (a sheet per block) and PDF: the same figures as on the page.</summary>
public sealed class DecisionDashboardExports(DecisionDashboardQueries queries, TimeProvider clock)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> XlsxAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var d = await queries.GetAsync(filter, ct);
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(d.Kpis, "Показатели",
            [
                ("Показатель", k => k.Row.Definition.Title), ("Значение", k => k.Row.Value), ("Единица", k => k.Row.Definition.UnitText),
                ("Цель", k => k.Row.Target), ("Оценка", k => k.LightText), ("Расчёт / источник", k => k.Row.Details),
            ]),
            XlsxExport.Sheet(d.Ranking, "Муниципалитеты",
            [
                ("Муниципалитет", m => m.Municipality), ("Школ в перечне", m => m.ListedSchools), ("С утверждённой программой", m => m.WithProgramme),
                ("Охват программами, %", m => m.ProgrammeShare), ("Дорожная карта", m => m.ApprovedRoadmap ? "утверждена" : "нет"),
                ("Просрочено мероприятий", m => m.OverduePlanItems), ("Просрочено задач", m => m.OverdueTasks),
                ("Положительная динамика, %", m => m.DynamicsShare),
            ]),
            XlsxExport.Sheet(d.Results, "Результаты",
            [
                ("Год", r => r.Year), ("Процедура", r => Titles.Of(r.Kind)), ("Предмет", r => Titles.Of(r.Subject)),
                ("Группа", r => r.Listed ? "школы перечня" : "остальные школы"), ("Средний балл", r => r.MeanScore),
                ("Доля ниже минимума, %", r => r.BelowMinimumShare), ("Участников", r => r.Participants),
            ]),
            XlsxExport.Sheet(d.LeftTheList.Select(s => (s, "вышла из перечня")).Concat(d.ListedAgain.Select(s => (s, "вновь в перечне"))), "Движение перечня",
            [
                ("Школа", x => x.s.School), ("Муниципалитет", x => x.s.Municipality), ("Изменение", x => x.Item2),
            ]),
            XlsxExport.Sheet(d.Matrix, "Матрица 2×2",
            [
                ("Ячейка", m => Titles.Of(m.Cell)), ("Школ", m => m.Schools), ("Из них в перечне", m => m.Listed),
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
            Title = $"Сводная панель мониторинга поддержки школ: {d.ScopeTitle}, {d.Year}/{d.Year + 1} учебный год",
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph($"Охват: {d.Basis}. Данные на {clock.Today():dd.MM.yyyy}."),
                new ReportTable([new("Показатель", 4), new("Значение", 1.2f, CellAlign.Right), new("Цель", 1.2f, CellAlign.Right), new("Оценка", 1.6f), new("Расчёт / источник", 3)],
                    d.Kpis.Select(k => (IReadOnlyList<string>)[k.Row.Definition.Title, MonitoringReports.Value(k.Row.Value, k.Row.Definition),
                        k.Row.Target is { } t ? $"≥ {MonitoringReports.Value(t, k.Row.Definition)}" : "не задана", k.LightText, k.Row.Details]).ToList())
                    { Caption = "Таблица 1. Показатели и целевые значения" },
                new ReportTable([new("Муниципалитет", 3), new("Школ в перечне", 1, CellAlign.Right), new("Охват программами", 1.2f, CellAlign.Right),
                        new("Дорожная карта", 1.2f, CellAlign.Center), new("Просрочено", 1, CellAlign.Right), new("Положительная динамика", 1.3f, CellAlign.Right)],
                    d.Ranking.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.ListedSchools), Share(m.ProgrammeShare),
                        m.ApprovedRoadmap ? "утверждена" : "нет", Count(m.OverduePlanItems + m.OverdueTasks), Share(m.DynamicsShare)]).ToList())
                    { Caption = "Таблица 2. Рейтинг муниципалитетов" },
                new ReportTable([new("Процедура", 1.2f), new("Предмет", 2), new("Год", 0.8f, CellAlign.Center), new("Группа", 1.6f),
                        new("Средний балл", 1, CellAlign.Right), new("Ниже минимума, %", 1.2f, CellAlign.Right)],
                    d.Results.Where(r => latest is { } y && r.Year >= y - 3).Select(r => (IReadOnlyList<string>)[Titles.Of(r.Kind), Titles.Of(r.Subject),
                        r.Year.ToString(CultureInfo.InvariantCulture), r.Listed ? "школы перечня" : "остальные", r.MeanScore.ToString("0.00", Ru), r.BelowMinimumShare.ToString("0.0", Ru)]).ToList())
                    { Caption = "Таблица 3. Результаты школ перечня и остальных школ" },
                new ReportTable([new("Школа", 3), new("Муниципалитет", 2), new("Изменение", 1.5f)],
                    d.LeftTheList.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, "вышла из перечня"])
                        .Concat(d.ListedAgain.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, "вновь в перечне"])).ToList())
                    { Caption = "Таблица 4. Вышли из перечня и вновь включены" },
                new ReportTable([new("Ячейка матрицы", 4), new("Школ", 1, CellAlign.Right), new("Из них в перечне", 1.2f, CellAlign.Right)],
                    d.Matrix.Select(m => (IReadOnlyList<string>)[Titles.Of(m.Cell), Count(m.Schools), Count(m.Listed)]).ToList())
                    { Caption = "Таблица 5. Матрица 2×2" },
            ],
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    private static string Count(int n) => n.ToString(Ru);

    private static string Share(decimal? share) => share is { } s ? $"{s.ToString("0.#", Ru)} %" : "—";
}
