using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// The first sheet of a workbook as rows of strings, read with an <see cref="XmlReader"/> over the parts of a
/// <see cref="BoundedZip"/>: no part is inflated past its limit, no cell or shared string is held past
/// <see cref="ImportLimits.MaxCellChars"/> (a string is read in chunks and refused at the limit, not after it is built),
/// and no more than <see cref="ImportLimits.MaxRows"/> rows are read. A reader library that inflates and holds parts whole
/// cannot promise that. Numbers come as written in the file (invariant culture), booleans as 1 or 0.
/// </summary>
internal static class XlsxSheet
{
    private const int MaxColumns = 16_384;

    [ThreadStatic] private static StringBuilder? t_text;
    [ThreadStatic] private static char[]? t_chunk;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    /// <summary>Every row of the first sheet with its 1-based row number; the parts are read as the rows are asked for.</summary>
    public static IEnumerable<(int Row, string[] Cells)> Rows(Stream content, ImportLimits limits)
    {
        using var zip = BoundedZip.Open(content, limits);
        var (sheetPath, sharedPath) = Parts(zip);
        var shared = sharedPath is not null && zip.Entry(sharedPath) is { } sharedEntry ? SharedStrings(zip, sharedEntry, limits) : [];
        var sheet = zip.Entry(sheetPath) ?? throw new BadFileException(InfraText.Import_NoSheet);
        using var xml = XmlReader.Create(zip.Read(sheet), Settings);
        var cells = new List<string>();
        var number = 0;
        var rows = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row") continue;
            number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > number ? r : number + 1;
            // The header and then at most MaxRows rows of data.
            if (++rows > limits.MaxRows + 1) throw TooManyRows(limits);
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                try { ReadRow(xml, cells, shared, limits); }
                catch (CellTooLongException) { throw CellTooLong(limits, number); }
            }
            yield return (number, [.. cells]);
        }
    }

    public static BadFileException TooManyRows(ImportLimits limits) =>
        new(InfraFormat.Of(InfraText.Import_TooManyRows, limits.MaxRows.ToString("N0", InfraFormat.Russian)));

    /// <summary>A cell past the limit, found before its row is known; turned into a <see cref="BadFileException"/> above.</summary>
    private sealed class CellTooLongException : Exception;

    public static BadFileException CellTooLong(ImportLimits limits, int? row = null) =>
        new(InfraFormat.Of(InfraText.Import_CellTooLong, (row is { } r ? InfraFormat.Of(InfraText.Import_CellInRow, r) : InfraText.Import_Cell), limits.MaxCellChars));

    private static void ReadRow(XmlReader xml, List<string> cells, List<string> shared, ImportLimits limits)
    {
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c") continue;
            var column = Column(xml.GetAttribute("r")) ?? cells.Count;
            if (column >= MaxColumns) throw new BadFileException(InfraFormat.Of(InfraText.Import_TooManyColumns, MaxColumns));
            var type = xml.GetAttribute("t");
            var value = xml.IsEmptyElement ? "" : Text(xml, limits);
            if (type == "s" && value.Length > 0)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= shared.Count)
                    throw new BadFileException(InfraText.Import_BrokenCellReference);
                value = shared[index];
            }
            while (cells.Count < column) cells.Add("");
            if (column < cells.Count) cells[column] = value;
            else cells.Add(value);
        }
    }

    /// <summary>The text of a cell or shared string: its &lt;v&gt; or &lt;t&gt; pieces, without phonetic hints, read in chunks up to the limit.</summary>
    private static string Text(XmlReader xml, ImportLimits limits)
    {
        var depth = xml.Depth;
        var text = t_text ??= new StringBuilder();
        var chunk = t_chunk ??= new char[1024];
        text.Clear();
        var inValue = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.EndElement when xml.Depth == depth:
                    return text.ToString();
                case XmlNodeType.EndElement:
                    if (xml.LocalName is "v" or "t") inValue = false;
                    break;
                case XmlNodeType.Element when !xml.IsEmptyElement:
                    if (xml.LocalName is "rPh" or "f" or "extLst") SkipInside(xml);
                    else if (xml.LocalName is "v" or "t") inValue = true;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inValue:
                    int read;
                    while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        if (text.Length + read > limits.MaxCellChars) throw new CellTooLongException();
                        text.Append(chunk, 0, read);
                    }
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>Moves to the end of the current element without reading its text into strings.</summary>
    private static void SkipInside(XmlReader xml)
    {
        var depth = xml.Depth;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)) { }
    }

    private static List<string> SharedStrings(BoundedZip zip, ZipArchiveEntry entry, ImportLimits limits)
    {
        var strings = new List<string>();
        long held = 0;
        using var xml = XmlReader.Create(zip.Read(entry), Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si") continue;
            string value;
            try { value = xml.IsEmptyElement ? "" : Text(xml, limits); }
            catch (CellTooLongException) { throw CellTooLong(limits); }
            held += value.Length + 16;
            if (held > limits.MaxSharedStringChars)
                throw new BadFileException(InfraText.Import_SharedStringsTooLarge);
            strings.Add(value);
        }
        return strings;
    }

    /// <summary>The first sheet and the shared strings, as the workbook and its relationships name them (the usual paths otherwise).</summary>
    private static (string Sheet, string? SharedStrings) Parts(BoundedZip zip)
    {
        string? sheetId = null;
        if (zip.Entry("xl/workbook.xml") is { } workbook)
        {
            using var xml = XmlReader.Create(zip.Read(workbook), Settings);
            while (sheetId is null && xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet") continue;
                while (xml.MoveToNextAttribute()) if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0) sheetId = xml.Value;
            }
        }
        string? sheet = null, shared = null;
        if (zip.Entry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = XmlReader.Create(zip.Read(rels), Settings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
                var target = xml.GetAttribute("Target") is { } t ? (t.StartsWith('/') ? t[1..] : "xl/" + t) : null;
                if (sheetId is not null && xml.GetAttribute("Id") == sheetId) sheet = target;
                if (xml.GetAttribute("Type")?.EndsWith("/sharedStrings", StringComparison.Ordinal) == true) shared = target;
            }
        }
        return (sheet ?? "xl/worksheets/sheet1.xml", shared ?? "xl/sharedStrings.xml");
    }

    /// <summary>The 0-based column of a reference such as «BC12»; null without one.</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') column = column * 26 + (c - 'A' + 1);
            else break;
            if (column > MaxColumns) return column;
        }
        return column == 0 ? null : column - 1;
    }
}
