using System.Text;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>Thrown when a file cannot be read as a table at all; the message is for the user.</summary>
public sealed class BadFileException(string message) : Domain.Common.DomainException(message);

/// <summary>
/// A table read from a file: the header, then either rows of cells, or, for a plain CSV without quotes (what every export
/// writes), the whole text and the range of each line, so that the lines can be checked in parallel without a string per cell.
/// </summary>
public sealed class TabularData
{
    internal TabularData(string[] header, IEnumerable<(int Row, string[] Cells)> rows)
    {
        Header = header;
        Rows = rows;
    }

    internal TabularData(string[] header, string text, char delimiter, Range[] lines)
    {
        Header = header;
        Text = text;
        Delimiter = delimiter;
        Lines = lines;
    }

    public string[] Header { get; }
    /// <summary>Rows with their 1-based row number in the file (the header is row 1); null for a plain CSV.</summary>
    public IEnumerable<(int Row, string[] Cells)>? Rows { get; }
    /// <summary>The text of a plain CSV; line i of <see cref="Lines"/> is row i + 2 of the file.</summary>
    public string? Text { get; }
    public char Delimiter { get; }
    public Range[] Lines { get; } = [];
}

/// <summary>
/// Reads an uploaded XLSX or CSV file as a header row and data rows of strings. The type is decided by the content,
/// not by the name: a renamed file is refused. CSV may use ';', ',' or tab, UTF-8 or Windows-1251 (Excel's Russian default).
/// </summary>
public static class TabularFile
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool LooksLikeXlsx(ReadOnlySpan<byte> head) => head.StartsWith(ZipSignature);

    /// <summary>The header cells and then each data row with its 1-based row number in the file (the header is row 1).</summary>
    public static TabularData Read(Stream content, string fileName, ImportLimits limits)
    {
        if (!content.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(content));
        Span<byte> head = stackalloc byte[8];
        var read = content.Read(head);
        content.Position = 0;
        if (read == 0) throw new BadFileException(InfraText.Import_FileEmpty);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = LooksLikeXlsx(head[..read]);
        if (extension == ".xlsx" && !isZip) throw new BadFileException(InfraText.Import_NotXlsx);
        if (extension == ".csv" && isZip) throw new BadFileException(InfraText.Import_CsvIsArchive);
        if (extension is not (".xlsx" or ".csv")) throw new BadFileException(InfraText.Import_OnlyXlsxCsv);
        if (!isZip && head[..read].Contains((byte)0)) throw new BadFileException(InfraText.Import_NotTextCsv);
        if (content.Length > limits.MaxUploadBytes)
            throw new BadFileException(InfraFormat.Of(InfraText.Import_FileTooLarge, limits.MaxUploadBytes / (1024 * 1024)));
        return isZip ? ReadXlsx(content, limits) : ReadCsv(content, limits);
    }

    private static TabularData ReadXlsx(Stream content, ImportLimits limits)
    {
        IEnumerator<(int Row, string[] Cells)> rows;
        try
        {
            rows = XlsxSheet.Rows(content, limits).GetEnumerator();
            while (true)
            {
                if (!rows.MoveNext()) throw new BadFileException(InfraText.Import_WorkbookEmpty);
                if (!rows.Current.Cells.All(string.IsNullOrWhiteSpace)) break;
            }
        }
        catch (Exception e) when (e is not BadFileException)
        {
            throw new BadFileException(InfraText.Import_WorkbookUnreadable);
        }
        var header = rows.Current.Cells;
        return new TabularData(header, Data(rows, header.Length));

        static IEnumerable<(int, string[])> Data(IEnumerator<(int Row, string[] Cells)> rows, int width)
        {
            using var _ = rows;
            var number = rows.Current.Row;
            while (true)
            {
                bool more;
                try { more = rows.MoveNext(); }
                catch (Exception e) when (e is not BadFileException) { throw new BadFileException(InfraFormat.Of(InfraText.Import_WorkbookBrokenAfterRow, number)); }
                if (!more) yield break;
                var (row, cells) = rows.Current;
                number = row;
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                yield return (row, cells.Length >= width ? cells : [.. cells, .. Enumerable.Repeat("", width - cells.Length)]);
            }
        }
    }

    /// <summary>
    /// The whole CSV is decoded once. Without quotes (what every export writes) its lines are handed over as ranges of the
    /// text; with quotes, a quoted cell may hold delimiters and line breaks, so the careful reader splits it record by record.
    /// </summary>
    private static TabularData ReadCsv(Stream content, ImportLimits limits)
    {
        var text = Decode(content, DetectEncoding(content));
        var lineEnd = text.AsSpan().IndexOfAny('\r', '\n');
        var firstLine = lineEnd < 0 ? text : text[..lineEnd];
        var delimiter = new[] { ';', '\t', ',' }.MaxBy(d => firstLine.Count(c => c == d));
        return text.Contains('"') ? ReadQuoted(text, delimiter, limits) : ReadPlain(text, delimiter, limits);
    }

    private static TabularData ReadQuoted(string text, char delimiter, ImportLimits limits)
    {
        var reader = new StringReader(text);
        var headerLine = reader.ReadLine() ?? throw new BadFileException(InfraText.Import_FileEmpty);
        return new TabularData(Checked(Split(headerLine, delimiter, reader), 1, limits), Data(reader, delimiter, limits));

        static IEnumerable<(int, string[])> Data(StringReader reader, char delimiter, ImportLimits limits)
        {
            var number = 1;
            var rows = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (++rows > limits.MaxRows) throw XlsxSheet.TooManyRows(limits);
                yield return (number, Checked(Split(line, delimiter, reader), number, limits));
            }
        }

        static string[] Checked(string[] cells, int row, ImportLimits limits) =>
            cells.Any(c => c.Length > limits.MaxCellChars) ? throw XlsxSheet.CellTooLong(limits, row) : cells;
    }

    private static TabularData ReadPlain(string text, char delimiter, ImportLimits limits)
    {
        var span = text.AsSpan();
        var lines = new List<Range>(Math.Max(16, text.Length / 48));
        var start = 0;
        while (start < span.Length)
        {
            var end = span[start..].IndexOf('\n');
            var next = end < 0 ? span.Length : start + end + 1;
            var stop = end < 0 ? span.Length : start + end;
            if (stop > start && span[stop - 1] == '\r') stop--;
            lines.Add(start..stop);
            start = next;
        }
        if (lines.Count == 0) throw new BadFileException(InfraText.Import_FileEmpty);
        if (lines.Count - 1 > limits.MaxRows && lines.Skip(1).Count(l => !text.AsSpan(l).IsWhiteSpace()) > limits.MaxRows) throw XlsxSheet.TooManyRows(limits);
        for (var i = 0; i < lines.Count; i++)
        {
            // Only a line longer than the limit can hold a cell longer than it.
            if (lines[i].GetOffsetAndLength(text.Length).Length <= limits.MaxCellChars) continue;
            var line = span[lines[i]];
            foreach (var cell in line.Split(delimiter))
            {
                if (line[cell].Length > limits.MaxCellChars) throw XlsxSheet.CellTooLong(limits, i + 1);
            }
        }
        return new TabularData(text[lines[0]].Split(delimiter), text, delimiter, [.. lines.Skip(1)]);
    }

    /// <summary>Splits one CSV record; a quoted field may hold delimiters, doubled quotes and line breaks.</summary>
    private static string[] Split(string line, char delimiter, TextReader reader)
    {
        if (!line.Contains('"')) return line.Split(delimiter);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; ; i++)
        {
            if (i == line.Length)
            {
                if (!quoted || reader.ReadLine() is not { } next) break;
                cell.Append('\n');
                line = next;
                i = -1;
                continue;
            }
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    /// <summary>The whole file as text in one pass over its bytes (an upload is in memory already), the byte-order mark skipped.</summary>
    private static string Decode(Stream content, Encoding encoding)
    {
        if (content is not MemoryStream memory || !memory.TryGetBuffer(out var bytes))
        {
            using var decoder = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            return decoder.ReadToEnd();
        }
        var span = bytes.AsSpan((int)memory.Position);
        if (span.StartsWith(Encoding.UTF8.Preamble)) return Encoding.UTF8.GetString(span[Encoding.UTF8.Preamble.Length..]);
        if (span.StartsWith(Encoding.Unicode.Preamble)) return Encoding.Unicode.GetString(span[Encoding.Unicode.Preamble.Length..]);
        if (span.StartsWith(Encoding.BigEndianUnicode.Preamble)) return Encoding.BigEndianUnicode.GetString(span[Encoding.BigEndianUnicode.Preamble.Length..]);
        return encoding.GetString(span);
    }

    private static Encoding DetectEncoding(Stream content)
    {
        var sample = new byte[Math.Min(64 * 1024, content.Length)];
        content.ReadExactly(sample);
        content.Position = 0;
        try
        {
            var length = sample.Length < content.Length ? TrimPartialUtf8(sample) : sample.Length;
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(sample, 0, length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251);
        }
    }

    // A sample cut in the middle of a multi-byte character must not count as invalid UTF-8.
    private static int TrimPartialUtf8(byte[] sample)
    {
        var end = sample.Length;
        for (var back = 0; back < 3 && end > 0 && (sample[end - 1] & 0xC0) == 0x80; back++) end--;
        if (end > 0 && sample[end - 1] >= 0xC0) end--;
        return end;
    }
}
