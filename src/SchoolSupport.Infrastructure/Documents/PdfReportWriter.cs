using System.Globalization;
using SkiaSharp;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>Writes a <see cref="ReportDocument"/> as an A4 PDF with «Страница N из M» in every footer.</summary>
public static class PdfReportWriter
{
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var style = new ReportStyle();
        var size = document.Orientation == PageOrientation.Landscape
            ? new SKSize(ReportLayout.A4Long, ReportLayout.A4Short)
            : new SKSize(ReportLayout.A4Short, ReportLayout.A4Long);
        // Everything is placed before anything is drawn, so the footers know the page count.
        var pages = ReportLayout.Arrange(document, style, size);

        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = document.Title;
        metadata.Creator = "SchoolSupport";
        using var pdf = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = pdf.BeginPage(size.Width, size.Height);
            foreach (var draw in pages[i])
            {
                draw(canvas);
            }

            if (document.Stamp.Length > 0)
            {
                canvas.DrawText(document.Stamp, size.Width - ReportLayout.FooterBaseline, ReportLayout.FooterBaseline, SKTextAlign.Right, style.Heading, style.Ink);
            }

            var footer = string.Format(CultureInfo.InvariantCulture, InfraText.Report_PageOf, i + 1, pages.Count);
            canvas.DrawText(footer, size.Width / 2, size.Height - ReportLayout.FooterBaseline, SKTextAlign.Center, style.Footer, style.Ink);
            pdf.EndPage();
        }

        pdf.Close();
    }
}

/// <summary>Fonts and paints of one rendering. DejaVu Sans has Cyrillic and is installed in the Docker image (fonts-dejavu-core).</summary>
internal sealed class ReportStyle : IDisposable
{
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lazy<SKTypeface> Regular = new(() => LoadTypeface("DejaVuSans.ttf", SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> Bold = new(() => LoadTypeface("DejaVuSans-Bold.ttf", SKFontStyle.Bold));

    public SKFont Text { get; } = new(Regular.Value, 11);
    public SKFont Heading { get; } = new(Bold.Value, 11);
    public SKFont Title { get; } = new(Bold.Value, 13);
    public SKFont Approval { get; } = new(Regular.Value, 10);
    public SKFont Cell { get; } = new(Regular.Value, 9);
    public SKFont HeaderCell { get; } = new(Bold.Value, 9);
    public SKFont Footer { get; } = new(Regular.Value, 8);
    public SKFont Hint { get; } = new(Regular.Value, 7);

    public SKPaint Ink { get; } = new() { Color = SKColors.Black, IsAntialias = true };
    public SKPaint Rule { get; } = new() { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true };
    public SKPaint Shade { get; } = new() { Color = new SKColor(0xEE, 0xEE, 0xEE), Style = SKPaintStyle.Fill };

    public void Dispose()
    {
        foreach (var font in new[] { Text, Heading, Title, Approval, Cell, HeaderCell, Footer, Hint })
        {
            font.Dispose();
        }

        Ink.Dispose();
        Rule.Dispose();
        Shade.Dispose();
    }

    private static SKTypeface LoadTypeface(string file, SKFontStyle fontStyle) =>
        SKTypeface.FromFile(Path.Combine(FontFolder, file))
        ?? SKFontManager.Default.MatchFamily("DejaVu Sans", fontStyle)
        ?? throw new InvalidOperationException($"The DejaVu Sans font ({file}) is not installed; PDF documents need it for Cyrillic (apt-get install fonts-dejavu-core).");
}
