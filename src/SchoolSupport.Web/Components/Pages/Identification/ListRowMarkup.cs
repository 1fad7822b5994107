using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Web.Components.Layout;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Components.Pages.Identification;

/// <summary>
/// What a list's row shows, as markup written once per row object (#18): a list's entries are a shared read, so everyone who opens
/// the same list in the same 30 seconds gets the same rows, and each row's cells, marks and reasons are written once for all of
/// them instead of rendered element by element on every request. The buttons of a row stay in the page (they act).
/// </summary>
public sealed record ListRowMarkup(MarkupString Cells, MarkupString Marks, MarkupString Reasons, string EvidenceLabel)
{
    private static readonly ConditionalWeakTable<EntryRow, ListRowMarkup> Written = new();

    public static readonly MarkupString EvidenceIcon = IconMarkup.SmallButtonLabel(Icons.Material.Filled.Info);

    public static ListRowMarkup Of(EntryRow row) => Written.GetValue(row, Write);

    private static ListRowMarkup Write(EntryRow row)
    {
        var cells = new StringBuilder();
        Html.Append(cells, $"""<td class="mud-table-cell"><a href="/schools/{row.SchoolId}" class="{Html.Link}">{row.School}</a></td><td class="mud-table-cell">{row.Municipality}</td>""");
        Html.Append(cells, $"""<td class="mud-table-cell">{row.ResultsIndex:0.000}</td><td class="mud-table-cell">{(row.Band is { } band ? Titles.Of(band) : "")}</td><td class="mud-table-cell">{row.SocialIndex:0.00}</td>""");
        Html.Append(cells, $"""<td class="mud-table-cell">{(row.Cell is { } cell ? Html.Of($"""<span title="{Titles.Of(cell)}">{Titles.Of(cell).Split(':')[0]}</span>""") : default)}</td>""");
        Html.Append(cells, $"""<td class="mud-table-cell">{(row.Included ? ListExports.StatusOf(row) : row.Watch ? Ui.Identification_Watch : "—")}</td>""");

        var marks = new StringBuilder();
        if (row.SecondConsecutiveYear && row.Included)
        {
            if (row.NewFormat is { } format)
                Chip(marks, "mud-chip-filled", "info", string.Format(Ui.Format_SecondYearChip, SupportFormats.Title(format)), $"{row.FormatResponsible}: {row.FormatReason}", "format-chip");
            else
                Chip(marks, "mud-chip-filled", "warning", Ui.Format_Undecided, null, "format-chip");
        }
        if (row.Exited) Chip(marks, "mud-chip-filled", "success", Ui.Identification_Exited, null);
        if (row.Decision != ManualDecision.None)
            Chip(marks, "mud-chip-filled", "info", row.Decision == ManualDecision.Added ? Ui.Identification_AddedByOperator : Ui.Identification_RemovedByOperator, row.Justification);

        var reasons = new StringBuilder();
        foreach (var rule in ListExports.EvidenceOf(row).Where(r => r.Fired)) Chip(reasons, "mud-chip-outlined", "default", Short(rule.Description), $"{rule.Description}. {rule.Details}");

        return new(new(cells.ToString()), new(marks.ToString()), new(reasons.ToString()), string.Format(Ui.List_EvidenceOpen, row.School));
    }

    /// <summary>A small MudChip's markup.</summary>
    private static void Chip(StringBuilder html, string variant, string colour, string text, string? title, string? testId = null) =>
        Html.Append(html, $"""<span class="mud-chip {variant} mud-chip-size-small mud-chip-color-{colour}"{(testId is null ? default : Html.Of($" data-testid=\"{testId}\""))}{(title is null ? default : Html.Of($" title=\"{title}\""))}><span class="mud-chip-content">{text}</span></span>""");

    private static string Short(string description)
    {
        var text = description.Split('(', ';')[0].Trim();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
