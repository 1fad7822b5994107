using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The list as documents — the PDF appendix to the ministry's order and the XLSX table — and how an entry's status and reasons read.</summary>
public sealed class ListExports(ListQueries lists, IDbContextFactory<AppDbContext> dbs)
{
    public async Task<byte[]> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var view = await lists.GetAsync(id, ct) ?? throw new ScopeException(InfraText.Identification_ListNotFound);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == view.List.RegionId, ct);
        var rows = view.Entries.Where(e => e.Included).OrderBy(e => e.Municipality).ThenBy(e => e.School).Select((e, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Municipality, e.School, StatusOf(e), Reasons(e),
            e.SecondConsecutiveYear ? InfraText.ListExport_SecondYearFormatChange : "",
        ]).ToList();
        var document = new ReportDocument
        {
            HeaderLines = [region.AuthorityName],
            Approval = view.List.OrderDate is { } date ? ApprovalBlock.AppendixToOrder(region.AuthorityName, date, view.List.OrderNumber) : null,
            Title = InfraFormat.Of(InfraText.ListExport_Title, view.List.Year, view.List.Year + 1)
                + (view.List.Version > 1 ? InfraFormat.Of(InfraText.ListExport_AmendmentSuffix, view.List.Version - 1) : ""),
            Orientation = PageOrientation.Landscape,
            // Until the ministry approves it, every page says the list is a draft.
            Stamp = view.List.Status is ListStatus.Approved or ListStatus.Published or ListStatus.Superseded ? "" : InfraText.Common_Draft,
            Body =
            [
                new ReportParagraph(InfraFormat.Of(InfraText.ListExport_MethodologyLine, view.MethodologyName, view.MethodologyVersion, rows.Count)),
                new ReportTable([new(InfraText.ListExport_Number, 0.5f, CellAlign.Center), new(InfraText.ListExport_Municipality, 2), new(InfraText.TrialExport_SchoolName, 3),
                    new(InfraText.Common_Status, 1.2f), new(InfraText.TrialExport_Reasons, 3), new(InfraText.Common_Note, 1.6f)], rows),
            ],
            Signature = new SignatureBlock(InfraText.Common_Minister, "____________________", view.List.OrderDate),
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await lists.GetAsync(id, ct) ?? throw new ScopeException(InfraText.Identification_ListNotFound);
        var years = view.Entries.Select(IndexByYearOf).FirstOrDefault(y => y.Count > 0)?.Select(y => y.Year).ToList() ?? [];
        var methodology = InfraFormat.Of(InfraText.Common_TitleVersion, view.MethodologyName, view.MethodologyVersion);
        var perYear = years.SelectMany(year => new (string, Func<EntryRow, object?>)[]
        {
            (InfraFormat.Of(InfraText.TrialExport_IorOfYear, year), e => IndexByYearOf(e).FirstOrDefault(y => y.Year == year)?.Value is { } v ? Math.Round(v, 3) : null),
            (InfraFormat.Of(InfraText.TrialExport_IorQuartileOfYear, year), e => IndexByYearOf(e).FirstOrDefault(y => y.Year == year)?.Band is { } b ? Titles.Of(b) : ""),
        }).ToList();
        using var output = new MemoryStream();
        XlsxExport.Write(view.Entries, output, InfraFormat.Of(InfraText.ListExport_FileName, view.List.Year),
        [
            (InfraText.Import_ColumnCode, e => e.SchoolCode), (InfraText.TrialExport_SchoolName, e => e.School), (InfraText.Common_Municipality, e => e.Municipality),
            (InfraText.ListExport_Included, e => e.Included ? InfraText.Common_Yes : InfraText.Common_No), (InfraText.Common_Status, e => StatusOf(e)),
            (InfraText.ListExport_Ior, e => e.ResultsIndex is { } v ? Math.Round(v, 3) : null), (InfraText.ListExport_IorQuartile, e => e.Band is { } b ? Titles.Of(b) : ""),
            (InfraText.TrialExport_Isb, e => e.SocialIndex is { } s ? Math.Round(s, 3) : null), (InfraText.Common_MatrixCell, e => e.Cell is { } c ? Titles.Of(c) : ""),
            (InfraText.ListExport_SecondYear, e => e.SecondConsecutiveYear ? InfraText.Common_Yes : ""), (InfraText.ListExport_LeftList, e => e.Exited ? InfraText.Common_Yes : ""),
            (InfraText.ListExport_OperatorDecision, e => e.Decision switch { ManualDecision.Added => InfraText.ListExport_IncludedLower, ManualDecision.Removed => InfraText.ListExport_Excluded, _ => "" }),
            (InfraText.ListExport_Reasons, e => e.Justification), (InfraText.TrialExport_Reasons, e => Reasons(e)),
            .. perYear,
            (InfraText.TrialExport_ByRules, e => string.Join("\n", EvidenceOf(e).Select(r => $"{r.Description}: {(r.Fired ? InfraText.Common_Yes : InfraText.Common_No)}. {r.Details}"))),
            (InfraText.Common_Methodology, _ => methodology),
        ]);
        return output.ToArray();
    }

    public static string StatusOf(EntryRow e) => Titles.ListStatus(e.LowResults, e.Disadvantaged, e.Included, e.Watch);

    public static string Reasons(EntryRow e)
    {
        var evidence = EvidenceOf(e);
        var fired = evidence.Where(x => x.Fired).Select(x => x.Description).ToList();
        if (e.Decision == ManualDecision.Added) fired.Add(InfraFormat.Of(InfraText.ListExport_OperatorDecisionLine, e.Justification));
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

    /// <summary>The rules' evidence of an entry, read from its JSON once per row object (a shared view's rows are rendered by many pages).</summary>
    public static IReadOnlyList<RuleEvidence> EvidenceOf(EntryRow e) => Evidence.GetValue(e, ReadEvidence);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<EntryRow, IReadOnlyList<RuleEvidence>> Evidence = new();

    private static IReadOnlyList<RuleEvidence> ReadEvidence(EntryRow e)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.EvidenceJson);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("Evidence", out var list)
            ? System.Text.Json.JsonSerializer.Deserialize<List<RuleEvidence>>(list.GetRawText()) ?? []
            : [];
    }
}
