using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The list as documents — the PDF appendix to the ministry's order and the XLSX table — and how an entry's status and reasons read.</summary>
public sealed class ListExports(ListQueries lists, IDbContextFactory<AppDbContext> dbs)
{
    public async Task<byte[]> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var view = await lists.GetAsync(id, ct) ?? throw new ScopeException("Перечень не найден.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == view.List.RegionId, ct);
        var rows = view.Entries.Where(e => e.Included).OrderBy(e => e.Municipality).ThenBy(e => e.School).Select((e, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Municipality, e.School, StatusOf(e), Reasons(e),
            e.SecondConsecutiveYear ? "второй год подряд: смена формата поддержки" : "",
        ]).ToList();
        var document = new ReportDocument
        {
            HeaderLines = [region.AuthorityName],
            Approval = view.List.OrderDate is { } date ? ApprovalBlock.AppendixToOrder(region.AuthorityName, date, view.List.OrderNumber) : null,
            Title = $"Перечень общеобразовательных организаций с низкими образовательными результатами и (или) функционирующих в неблагоприятных социальных условиях на {view.List.Year}/{view.List.Year + 1} учебный год"
                + (view.List.Version > 1 ? $" (изменение № {view.List.Version - 1})" : ""),
            Orientation = PageOrientation.Landscape,
            // Until the ministry approves it, every page says the list is a draft.
            Stamp = view.List.Status is ListStatus.Approved or ListStatus.Published or ListStatus.Superseded ? "" : "ПРОЕКТ",
            Body =
            [
                new ReportParagraph($"Методика выявления: {view.MethodologyName}, версия {view.MethodologyVersion}. Всего включено организаций: {rows.Count}."),
                new ReportTable([new("№ п/п", 0.5f, CellAlign.Center), new("Муниципальное образование", 2), new("Наименование ОО", 3),
                    new("Статус", 1.2f), new("Основания", 3), new("Примечание", 1.6f)], rows),
            ],
            Signature = new SignatureBlock("Министр образования", "____________________", view.List.OrderDate),
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await lists.GetAsync(id, ct) ?? throw new ScopeException("Перечень не найден.");
        var years = view.Entries.Select(IndexByYearOf).FirstOrDefault(y => y.Count > 0)?.Select(y => y.Year).ToList() ?? [];
        var methodology = $"{view.MethodologyName}, версия {view.MethodologyVersion}";
        var perYear = years.SelectMany(year => new (string, Func<EntryRow, object?>)[]
        {
            ($"ИОР {year}", e => IndexByYearOf(e).FirstOrDefault(y => y.Year == year)?.Value is { } v ? Math.Round(v, 3) : null),
            ($"Квартиль ИОР {year}", e => IndexByYearOf(e).FirstOrDefault(y => y.Year == year)?.Band is { } b ? Titles.Of(b) : ""),
        }).ToList();
        using var output = new MemoryStream();
        XlsxExport.Write(view.Entries, output, $"Перечень {view.List.Year}",
        [
            ("Код ОО", e => e.SchoolCode), ("Наименование ОО", e => e.School), ("Муниципалитет", e => e.Municipality),
            ("Включена в перечень", e => e.Included ? "да" : "нет"), ("Статус", e => StatusOf(e)),
            ("ИОР", e => e.ResultsIndex is { } v ? Math.Round(v, 3) : null), ("Квартиль ИОР", e => e.Band is { } b ? Titles.Of(b) : ""),
            ("ИСБ", e => e.SocialIndex is { } s ? Math.Round(s, 3) : null), ("Ячейка матрицы", e => e.Cell is { } c ? Titles.Of(c) : ""),
            ("Второй год подряд", e => e.SecondConsecutiveYear ? "да" : ""), ("Вышла из перечня", e => e.Exited ? "да" : ""),
            ("Решение оператора", e => e.Decision switch { ManualDecision.Added => "включена", ManualDecision.Removed => "исключена", _ => "" }),
            ("Обоснование", e => e.Justification), ("Основания", e => Reasons(e)),
            .. perYear,
            ("Расчёт по правилам", e => string.Join("\n", EvidenceOf(e).Select(r => $"{r.Description}: {(r.Fired ? "да" : "нет")}. {r.Details}"))),
            ("Методика", _ => methodology),
        ]);
        return output.ToArray();
    }

    public static string StatusOf(EntryRow e) => Titles.ListStatus(e.LowResults, e.Disadvantaged, e.Included, e.Watch);

    public static string Reasons(EntryRow e)
    {
        var evidence = EvidenceOf(e);
        var fired = evidence.Where(x => x.Fired).Select(x => x.Description).ToList();
        if (e.Decision == ManualDecision.Added) fired.Add($"решение оператора: {e.Justification}");
        return string.Join("; ", fired);
    }

    /// <summary>The school's ИОР and band in each year the computation read, oldest first (empty for entries computed before it was kept).</summary>
    public static IReadOnlyList<YearlyResultsIndex> IndexByYearOf(EntryRow e)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.EvidenceJson);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("ResultsIndexByYear", out var list)
            ? System.Text.Json.JsonSerializer.Deserialize<List<YearlyResultsIndex>>(list.GetRawText()) ?? []
            : [];
    }

    public static IReadOnlyList<RuleEvidence> EvidenceOf(EntryRow e)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.EvidenceJson);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("Evidence", out var list)
            ? System.Text.Json.JsonSerializer.Deserialize<List<RuleEvidence>>(list.GetRawText()) ?? []
            : [];
    }
}
