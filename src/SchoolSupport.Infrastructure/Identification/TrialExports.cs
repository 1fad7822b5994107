using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>A saved trial run as documents for the ministry's meeting: the PDF (summary, comparison, the would-be list) and the XLSX.</summary>
public sealed class TrialExports(TrialQueries trials, IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var view = await trials.GetAsync(id, ct) ?? throw new ScopeException("Пробный расчёт не найден.");
        var o = view.Outcome;
        var regionId = current.Require().RegionId;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var authority = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var listed = o.Schools.Where(s => s.Listed).ToList();
        var body = new List<ReportBlock>
        {
            new ReportParagraph($"Пробный расчёт «{view.Summary.Name}» ({view.Summary.CreatedBy}, {view.Summary.CreatedAt.ToLocalTime().ToString("dd.MM.yyyy HH:mm", Ru)}). " +
                                $"{MethodologyLine(o)}. Школ в расчёте: {o.SchoolsComputed}, в перечне по расчёту: {o.Listed}."),
            new ReportParagraph(ComparisonLine("с перечнем этого года", o.Current, o.AgainstCurrent) + " " + ComparisonLine("с перечнем прошлого года", o.Previous, o.AgainstPrevious)),
            Breakdown("Муниципалитет", o.ByMunicipality, "По муниципалитетам"),
            Breakdown("Статус", o.ByStatus, "По статусу"),
            Breakdown("Ячейка матрицы 2×2", o.ByCell, "По ячейкам матрицы «результаты × социальные условия»"),
            new ReportTable([new("№", 0.5f, CellAlign.Center), new("Муниципалитет", 2), new("Наименование ОО", 3), new("Статус", 1.2f),
                    new("К перечню года", 1.1f), new("К прошлому году", 1.1f), new("ИОР по годам", 2), new("Основания", 4)],
                listed.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(Ru), s.Municipality, s.School, s.Status,
                    MovementTitle(s.AgainstCurrent), MovementTitle(s.AgainstPrevious), IndexByYear(s), Reasons(s)]).ToList())
            { Caption = "Перечень по пробному расчёту" },
        };
        var leaving = o.Schools.Where(s => !s.Listed).ToList();
        if (leaving.Count > 0)
        {
            body.Add(new ReportTable([new("Муниципалитет", 2), new("Наименование ОО", 3), new("Был в перечне", 2), new("ИОР по годам", 2)],
                leaving.Select(s => (IReadOnlyList<string>)[s.Municipality, s.School,
                    string.Join(", ", new[] { s.InCurrent ? "этого года" : "", s.InPrevious ? "прошлого года" : "" }.Where(x => x != "")), IndexByYear(s)]).ToList())
            { Caption = "Школы, которые по пробному расчёту в перечень не входят" });
        }
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = $"Пробный расчёт перечня на {o.Year}/{o.Year + 1} учебный год",
            Orientation = PageOrientation.Landscape,
            Stamp = "ПРОБНЫЙ РАСЧЁТ",
            Body = body,
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await trials.GetAsync(id, ct) ?? throw new ScopeException("Пробный расчёт не найден.");
        var o = view.Outcome;
        var years = o.Schools.FirstOrDefault()?.ResultsIndexByYear.Select(y => y.Year).ToList() ?? [o.Year];
        var columns = new List<(string Title, Func<TrialSchool, object?> Value)>
        {
            ("Код ОО", s => s.Code), ("Наименование ОО", s => s.School), ("Муниципалитет", s => s.Municipality),
            ("В перечне по расчёту", s => s.Listed ? "да" : "нет"), ("Статус", s => s.Status),
            ("К перечню этого года", s => MovementTitle(s.AgainstCurrent)), ("К перечню прошлого года", s => MovementTitle(s.AgainstPrevious)),
        };
        foreach (var year in years)
        {
            columns.Add(($"ИОР {year}", s => s.ResultsIndexByYear.FirstOrDefault(y => y.Year == year)?.Value is { } v ? Math.Round(v, 3) : null));
            columns.Add(($"Квартиль ИОР {year}", s => s.ResultsIndexByYear.FirstOrDefault(y => y.Year == year)?.Band is { } b ? Titles.Of(b) : ""));
        }
        columns.AddRange([
            ("ИСБ", s => s.SocialIndex is { } v ? Math.Round(v, 3) : null), ("Ячейка матрицы", s => s.Cell is { } c ? Titles.Of(c) : ""),
            ("Основания", s => Reasons(s)), ("Расчёт по правилам", s => string.Join("\n", s.Evidence.Select(e => $"{e.Description}: {(e.Fired ? "да" : "нет")}. {e.Details}"))),
        ]);
        var summary = new List<(string Key, string Value)>
        {
            ("Пробный расчёт", view.Summary.Name), ("Год перечня", $"{o.Year}/{o.Year + 1}"), ("Методика", MethodologyLine(o)),
            ("Школ в расчёте", o.SchoolsComputed.ToString(Ru)), ("В перечне по расчёту", o.Listed.ToString(Ru)),
            ("Сравнение с перечнем этого года", ComparisonLine("", o.Current, o.AgainstCurrent)),
            ("Сравнение с перечнем прошлого года", ComparisonLine("", o.Previous, o.AgainstPrevious)),
        };
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(summary, "Итоги", [("Показатель", r => r.Key), ("Значение", r => r.Value)]),
            BreakdownSheet(o.ByMunicipality, "По муниципалитетам"),
            BreakdownSheet(o.ByStatus, "По статусу"),
            BreakdownSheet(o.ByCell, "По ячейкам матрицы"),
            XlsxExport.Sheet(o.Schools, "Школы", columns));
        return output.ToArray();
    }

    public static string MovementTitle(Movement movement) => movement switch
    {
        Movement.Entered => "вошла бы",
        Movement.Left => "вышла бы",
        Movement.Stayed => "осталась бы",
        _ => "",
    };

    public static string MethodologyLine(TrialOutcome o) =>
        $"Методика: {o.MethodologyName}, версия {o.MethodologyVersion} ({(o.MethodologyApproved ? "утверждена" : "проект")})";

    public static string ComparisonLine(string what, TrialBaseline? baseline, ListDifference? difference)
    {
        var prefix = what.Length > 0 ? $"Сравнение {what}" : "";
        if (baseline is null || difference is null) return prefix.Length > 0 ? $"{prefix}: перечня нет." : "перечня нет";
        var text = $"{SupportList.StatusTitle(baseline.Status).ToLower(Ru)} перечень {baseline.Year}, в нём {baseline.Listed}: " +
                   $"вошли бы {difference.Entered}, вышли бы {difference.Left}, остались бы {difference.Stayed}";
        return prefix.Length > 0 ? $"{prefix} ({text})." : text;
    }

    public static string IndexByYear(TrialSchool s) =>
        string.Join("; ", s.ResultsIndexByYear.Select(y => y.Value is { } v ? $"{y.Year}: {v.ToString("0.000", Ru)} ({Titles.Of(y.Band!.Value).ToLower(Ru)})" : $"{y.Year}: нет данных"));

    public static string Reasons(TrialSchool s) => string.Join("; ", s.Evidence.Where(e => e.Fired).Select(e => $"{e.Description} ({e.Details})"));

    private static ReportTable Breakdown(string key, IReadOnlyList<BreakdownRow> rows, string caption) =>
        new([new(key, 3), new("Пробный расчёт", 1, CellAlign.Right), new("Перечень года", 1, CellAlign.Right), new("Прошлый год", 1, CellAlign.Right)],
            rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Trial.ToString(Ru), r.Current?.ToString(Ru) ?? "—", r.Previous?.ToString(Ru) ?? "—"]).ToList())
        { Caption = caption };

    private static XlsxSheet BreakdownSheet(IReadOnlyList<BreakdownRow> rows, string name) =>
        XlsxExport.Sheet(rows, name, [("Группа", r => r.Key), ("Пробный расчёт", r => r.Trial), ("Перечень этого года", r => r.Current), ("Перечень прошлого года", r => r.Previous)]);
}
