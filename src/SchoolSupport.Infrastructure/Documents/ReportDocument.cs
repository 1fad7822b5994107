using System.Globalization;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>
/// One official document of the portal (list, report, appendix to an order) described as data;
/// <see cref="PdfReportWriter"/> lays it out on A4 pages.
/// </summary>
public sealed record ReportDocument
{
    public required string Title { get; init; }

    /// <summary>Centred lines above the title: the authority, e.g. «Министерство образования Саратовской области».</summary>
    public IReadOnlyList<string> HeaderLines { get; init; } = [];

    /// <summary>The block at the top right of the first page («Приложение к приказу … от … № …»).</summary>
    public ApprovalBlock? Approval { get; init; }

    /// <summary>Paragraphs and tables in reading order.</summary>
    public IReadOnlyList<ReportBlock> Body { get; init; } = [];

    public SignatureBlock? Signature { get; init; }

    public PageOrientation Orientation { get; init; } = PageOrientation.Portrait;

    /// <summary>A mark printed at the top right of every page, e.g. «ПРОЕКТ» on a list that is not approved yet; none when empty.</summary>
    public string Stamp { get; init; } = "";
}

public enum PageOrientation
{
    Portrait,
    Landscape,
}

/// <summary>A part of the document body: <see cref="ReportParagraph"/> or <see cref="ReportTable"/>.</summary>
public abstract record ReportBlock
{
    private protected ReportBlock()
    {
    }
}

/// <summary>Body text; the first line is indented, a line break in <paramref name="Text"/> starts a new line.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A table whose header row is repeated on every page it spans. Each row has one cell per column.</summary>
public sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    /// <summary>A line above the table, e.g. «Таблица 1. Результаты ВПР».</summary>
    public string? Caption { get; init; }
}

/// <param name="Title">Header cell text.</param>
/// <param name="Width">Relative width: a column of 2 is twice as wide as a column of 1.</param>
/// <param name="Align">Alignment of the body cells; header cells are always centred.</param>
public sealed record ReportColumn(string Title, float Width = 1, CellAlign Align = CellAlign.Left);

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>Lines set flush left in a column at the top right of the first page.</summary>
public sealed record ApprovalBlock(IReadOnlyList<string> Lines)
{
    /// <summary>«Приложение {appendix} к приказу {issuer} от {date} № {number}».</summary>
    /// <param name="issuer">The issuing authority in the genitive, e.g. «министерства образования Саратовской области».</param>
    public static ApprovalBlock AppendixToOrder(string issuer, DateOnly date, string number, string? appendix = null) => new(
    [
        appendix is null ? InfraText.Report_Appendix : InfraText.Report_AppendixPrefix + appendix,
        InfraText.Report_ToOrder + issuer,
        InfraText.Report_Dated + date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) + " № " + number,
    ]);
}

/// <summary>
/// Position on the left, a line to sign on and the name on the right, the date below.
/// Without a date a blank «____» __________ 20__ г. is left to fill in by hand.
/// </summary>
public sealed record SignatureBlock(string Position, string Name, DateOnly? Date = null);
