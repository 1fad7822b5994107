using System.Globalization;
using SkiaSharp;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>
/// Places a <see cref="ReportDocument"/> on pages as a list of drawing steps per page.
/// Margins follow the usual Russian office layout: 25 mm left, 15 mm right, 20 mm top and bottom.
/// </summary>
internal sealed class ReportLayout
{
    public const float Mm = 72f / 25.4f;
    public const float A4Short = 210 * Mm;
    public const float A4Long = 297 * Mm;
    public const float FooterBaseline = 10 * Mm;
    private const float CellPadding = 3;
    private const float ParagraphIndent = 12.5f * Mm;
    private const float SignatureGap = 30;

    private readonly ReportStyle style;
    private readonly float left;
    private readonly float right;
    private readonly float top;
    private readonly float bottom;
    private readonly List<List<Action<SKCanvas>>> pages = [[]];
    private float y;

    /// <summary>Room the end of the body keeps for the signature, which is never left alone on the last page.</summary>
    private float signatureSpace;

    private ReportLayout(ReportStyle style, SKSize page)
    {
        this.style = style;
        left = 25 * Mm;
        right = page.Width - (15 * Mm);
        top = 20 * Mm;
        bottom = page.Height - (20 * Mm);
        y = top;
    }

    private float Width => right - left;

    private float Remaining => bottom - y;

    private List<Action<SKCanvas>> Page => pages[^1];

    public static List<List<Action<SKCanvas>>> Arrange(ReportDocument document, ReportStyle style, SKSize page)
    {
        var layout = new ReportLayout(style, page);
        if (document.Approval is { } approval)
        {
            layout.Approval(approval);
        }

        layout.Centred(document.HeaderLines, style.Heading, spaceAfter: 14);
        layout.Centred([document.Title], style.Title, spaceAfter: 10);
        layout.signatureSpace = document.Signature is null ? 0 : SignatureGap + layout.SignatureHeight(document.Signature);
        for (var i = 0; i < document.Body.Count; i++)
        {
            var last = i == document.Body.Count - 1;
            switch (document.Body[i])
            {
                case ReportParagraph paragraph:
                    layout.Paragraph(paragraph, last);
                    break;
                case ReportTable table:
                    layout.Table(table, last);
                    break;
            }
        }

        if (document.Signature is { } signature)
        {
            layout.Signature(signature);
        }

        return layout.pages;
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>; a line break in the text is kept.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width, float firstIndent = 0)
    {
        var lines = new List<string>();
        foreach (var part in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var room = lines.Count == 0 ? width - firstIndent : width;
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= room)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                    room = width;
                }

                // Only a word wider than the whole line (a long number or address) is cut, with a hyphen where it is cut;
                // a word that fits a line goes whole to the next one.
                line = word;
                while (font.MeasureText(line) > room)
                {
                    var fit = Math.Max(1, font.BreakText(line, room - font.MeasureText("-")));
                    var cut = line[..fit];
                    lines.Add(char.IsLetter(cut[^1]) && char.IsLetter(line[fit]) ? cut + "-" : cut);
                    line = line[fit..];
                    room = width;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private void Approval(ApprovalBlock approval)
    {
        var x = left + (Width * 0.55f);
        var lines = approval.Lines.SelectMany(line => Wrap(line, style.Approval, right - x));
        Lines(lines, style.Approval, x, SKTextAlign.Left);
        y += 14;
    }

    private void Centred(IEnumerable<string> texts, SKFont font, float spaceAfter)
    {
        var lines = texts.SelectMany(text => Wrap(text, font, Width)).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        Lines(lines, font, left + (Width / 2), SKTextAlign.Center);
        y += spaceAfter;
    }

    private void Paragraph(ReportParagraph paragraph, bool last)
    {
        var lines = Wrap(paragraph.Text, style.Text, Width, ParagraphIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            var keep = last && i == lines.Count - 1 ? signatureSpace : 0;
            if (style.Text.Spacing + keep > Remaining)
            {
                NewPage();
            }

            Text(lines[i], style.Text, left + (i == 0 ? ParagraphIndent : 0), y, SKTextAlign.Left);
            y += style.Text.Spacing;
        }

        y += 6;
    }

    private void Table(ReportTable table, bool last)
    {
        var columns = table.Columns;
        if (columns.Count == 0 || columns.Any(column => column.Width <= 0))
        {
            throw new ArgumentException("A table needs at least one column, each with a positive width.", nameof(table));
        }

        var total = columns.Sum(column => column.Width);
        var widths = columns.Select(column => Width * column.Width / total).ToArray();
        var grid = new Grid(columns, widths, CellLines([.. columns.Select(column => column.Title)], style.HeaderCell, widths));
        var rows = table.Rows.Select((row, index) => row.Count == columns.Count
            ? CellLines(row, style.Cell, widths)
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {index + 1} has {row.Count} cells, the table has {columns.Count} columns."), nameof(table))).ToList();

        // The caption, the header and the first row stay together.
        var caption = table.Caption is null ? [] : Wrap(table.Caption, style.Heading, Width);
        var firstRowHeight = rows.Count > 0 ? RowHeight(rows[0], style.Cell) : 0;
        if ((caption.Count * style.Heading.Spacing) + 4 + RowHeight(grid.Header, style.HeaderCell) + firstRowHeight > Remaining)
        {
            NewPage();
        }

        if (caption.Count > 0)
        {
            Lines(caption, style.Heading, left, SKTextAlign.Left);
            y += 4;
        }

        Row(grid.Header, grid, header: true);
        for (var r = 0; r < rows.Count; r++)
        {
            BodyRow(rows[r], grid, keepWithSignature: last && r > 0 && r == rows.Count - 1);
        }

        y += 10;
    }

    /// <summary>
    /// A row that does not fit in the space left goes whole to the next page, under a repeated header.
    /// Only a row taller than a whole page is split, at a line boundary.
    /// </summary>
    private void BodyRow(List<string[]> cells, Grid grid, bool keepWithSignature)
    {
        var pageRoom = bottom - top - RowHeight(grid.Header, style.HeaderCell);
        var withSignature = RowHeight(cells, style.Cell) + signatureSpace;
        if (keepWithSignature && withSignature > Remaining && withSignature <= pageRoom)
        {
            NextPageOfTable(grid);
        }

        while (RowHeight(cells, style.Cell) > Remaining)
        {
            var linesThatFit = (int)((Remaining - (2 * CellPadding)) / style.Cell.Spacing);
            if (RowHeight(cells, style.Cell) > pageRoom && linesThatFit > 0)
            {
                Row([.. cells.Select(lines => lines.Take(linesThatFit).ToArray())], grid, header: false);
                cells = [.. cells.Select(lines => lines.Skip(linesThatFit).ToArray())];
            }

            NextPageOfTable(grid);
        }

        Row(cells, grid, header: false);
    }

    private void NextPageOfTable(Grid grid)
    {
        NewPage();
        Row(grid.Header, grid, header: true);
    }

    private List<string[]> CellLines(IReadOnlyList<string> texts, SKFont font, float[] widths) =>
        [.. texts.Select((text, column) => Wrap(text, font, widths[column] - (2 * CellPadding)).ToArray())];

    private static float RowHeight(List<string[]> cells, SKFont font) =>
        (cells.Max(lines => lines.Length) * font.Spacing) + (2 * CellPadding);

    private void Row(List<string[]> cells, Grid grid, bool header)
    {
        var font = header ? style.HeaderCell : style.Cell;
        var height = RowHeight(cells, font);
        var x = left;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = new SKRect(x, y, x + grid.Widths[c], y + height);
            if (header)
            {
                Page.Add(canvas => canvas.DrawRect(cell, style.Shade));
            }

            Page.Add(canvas => canvas.DrawRect(cell, style.Rule));

            // Header cells are centred both ways; body cells start at the top.
            var lines = cells[c];
            var textTop = y + CellPadding + (header ? (height - (2 * CellPadding) - (lines.Length * font.Spacing)) / 2 : 0);
            var (textX, align) = (header ? CellAlign.Center : grid.Columns[c].Align) switch
            {
                CellAlign.Center => (cell.MidX, SKTextAlign.Center),
                CellAlign.Right => (cell.Right - CellPadding, SKTextAlign.Right),
                _ => (cell.Left + CellPadding, SKTextAlign.Left),
            };
            for (var i = 0; i < lines.Length; i++)
            {
                Text(lines[i], font, textX, textTop + (i * font.Spacing), align);
            }

            x = cell.Right;
        }

        y += height;
    }

    private float SignatureHeight(SignatureBlock signature) =>
        ((SignaturePosition(signature).Count + 1) * style.Text.Spacing) + style.Hint.Spacing + 6;

    private List<string> SignaturePosition(SignatureBlock signature) => Wrap(signature.Position, style.Text, Width * 0.45f);

    private void Signature(SignatureBlock signature)
    {
        var font = style.Text;
        var position = SignaturePosition(signature);
        if (SignatureGap + SignatureHeight(signature) > Remaining)
        {
            NewPage();
        }
        else
        {
            y += SignatureGap;
        }

        // The line to sign on and the name stand level with the last line of the position.
        var lastLineTop = y + ((position.Count - 1) * font.Spacing);
        Lines(position, font, left, SKTextAlign.Left);
        var baseline = lastLineTop - font.Metrics.Ascent;
        var lineStart = left + (Width * 0.5f);
        var lineEnd = left + (Width * 0.72f);
        Page.Add(canvas => canvas.DrawLine(lineStart, baseline + 1, lineEnd, baseline + 1, style.Rule));
        Text(InfraText.Report_Signature, style.Hint, (lineStart + lineEnd) / 2, baseline + 3, SKTextAlign.Center);
        Text(signature.Name, font, right, lastLineTop, SKTextAlign.Right);

        y += style.Hint.Spacing + 6;
        var date = signature.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? InfraText.Report_DateLine;
        Lines([date], font, left, SKTextAlign.Left);
    }

    /// <summary>Lines one under another from the current position, moving to a new page when one does not fit.</summary>
    private void Lines(IEnumerable<string> lines, SKFont font, float x, SKTextAlign align)
    {
        foreach (var line in lines)
        {
            if (font.Spacing > Remaining)
            {
                NewPage();
            }

            Text(line, font, x, y, align);
            y += font.Spacing;
        }
    }

    private void Text(string text, SKFont font, float x, float lineTop, SKTextAlign align)
    {
        var baseline = lineTop - font.Metrics.Ascent;
        Page.Add(canvas => canvas.DrawText(text, x, baseline, align, font, style.Ink));
    }

    private void NewPage()
    {
        pages.Add([]);
        y = top;
    }

    /// <summary>The columns of a table with their widths in points, and its header cells already wrapped.</summary>
    private sealed record Grid(IReadOnlyList<ReportColumn> Columns, float[] Widths, List<string[]> Header);
}
