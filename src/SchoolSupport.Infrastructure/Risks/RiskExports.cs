using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Risks;

/// <summary>The risk profiles of the schools the user sees, for a year, as XLSX and PDF; both read through <see cref="RiskQueries"/>.</summary>
public sealed class RiskExports(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, RiskQueries queries)
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public async Task<byte[]> XlsxAsync(int year, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var overview = await queries.OverviewAsync(year, municipalityId, ct);
        var levels = overview.Factors.Select(f => (f.Title, (Func<SchoolRiskRow, object?>)(r => Titles.Of(r.Levels[f.Code])))).ToList();
        var changes = overview.Factors.Select(f => (f.Title, (Func<SchoolRiskRow, object?>)(r => Change(r, f.Code)))).ToList();
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(overview.Schools, "Профили", [("Школа", r => r.School), ("Муниципалитет", r => r.Municipality),
                ("Профиль заполнен", r => r.Filled ? "да" : "нет"), ("Ключевые риски", r => string.Join("; ", r.KeyRisks)), .. levels]),
            XlsxExport.Sheet(overview.ByFactor, "Распределение", [("Фактор риска", d => d.Title), ("Низкий", d => d.Low), ("Средний", d => d.Medium),
                ("Высокий", d => d.High), ("Нет данных", d => d.NoData)]),
            XlsxExport.Sheet(overview.ByMunicipality, "Муниципалитеты", [("Муниципалитет", m => m.Municipality), ("Школ", m => m.Schools),
                ("Заполнили профиль", m => m.Filled), .. overview.Factors.Select(f => ($"Высокий: {f.Title}", (Func<MunicipalityDistribution, object?>)(m => m.High[f.Code])))]),
            XlsxExport.Sheet(overview.Schools, "Изменение к прошлому году", [("Школа", r => r.School), ("Муниципалитет", r => r.Municipality), .. changes]));
        return output.ToArray();
    }

    public async Task<byte[]> PdfAsync(int year, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        var overview = await queries.OverviewAsync(year, municipalityId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var authority = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var numbered = overview.Factors.Select((f, i) => (Number: (i + 1).ToString(Ru), f.Code, f.Title)).ToList();
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = $"Рисковые профили школ на {RiskCalendar.YearTitle(year)} учебный год",
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph($"Охват: {overview.Basis}. Школ в отчёте: {overview.Schools.Count}, заполнили профиль: {overview.Schools.Count(s => s.Filled)}."),
                new ReportTable([new("Фактор риска", 5), new("Низкий", 1, CellAlign.Right), new("Средний", 1, CellAlign.Right), new("Высокий", 1, CellAlign.Right), new("Нет данных", 1, CellAlign.Right)],
                    overview.ByFactor.Select((d, i) => (IReadOnlyList<string>)[$"{i + 1}. {d.Title}", Count(d.Low), Count(d.Medium), Count(d.High), Count(d.NoData)]).ToList())
                    { Caption = "Таблица 1. Распределение уровней риска по факторам (число школ)" },
                new ReportTable([new("Муниципалитет", 3), new("Школ", 0.7f, CellAlign.Right), new("Заполнили", 0.9f, CellAlign.Right),
                        .. numbered.Select(n => new ReportColumn(n.Number, 0.5f, CellAlign.Right))],
                    overview.ByMunicipality.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.Schools), Count(m.Filled), .. numbered.Select(n => Count(m.High[n.Code]))]).ToList())
                    { Caption = "Таблица 2. Школы с высоким уровнем риска по муниципалитетам (столбцы — номера факторов из таблицы 1)" },
                new ReportTable([new("Школа", 3), new("Муниципалитет", 2.2f), .. numbered.Select(n => new ReportColumn(n.Number, 0.5f, CellAlign.Center))],
                    overview.Schools.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, .. numbered.Select(n => Letter(s.Levels[n.Code]) + Arrow(s.Change(n.Code)))]).ToList())
                    { Caption = "Таблица 3. Уровни риска школ: в — высокий, с — средний, н — низкий, «—» — нет данных; ↑ хуже, ↓ лучше, чем в прошлом году" },
            ],
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    private static string Change(SchoolRiskRow row, string code) =>
        $"{Titles.Of(row.Previous.GetValueOrDefault(code))} → {Titles.Of(row.Levels.GetValueOrDefault(code))}";

    private static string Letter(RiskLevel? level) => level switch
    {
        RiskLevel.High => "в",
        RiskLevel.Medium => "с",
        RiskLevel.Low => "н",
        _ => "—",
    };

    private static string Arrow(int? change) => change switch
    {
        > 0 => "↑",
        < 0 => "↓",
        _ => "",
    };

    private static string Count(int n) => n.ToString(Ru);
}
