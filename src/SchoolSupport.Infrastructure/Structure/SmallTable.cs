using MiniExcelLibs;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>One row of an uploaded table: its 1-based row number in the file and the cells of the template's columns, in order.</summary>
public sealed record TableRow(int Row, string[] Cells);

/// <summary>
/// The tables a regional administrator uploads (municipalities, districts, the school registry): small next to results, so
/// they are read whole, through the same bounded readers as the results import (type by content, size, cell length,
/// zip bombs), with a tighter bound on rows and bytes.
/// </summary>
public static class SmallTable
{
    public const int MaxRows = 50_000;
    public const long MaxBytes = 20L * 1024 * 1024;

    public static ImportLimits Bounded(ImportLimits limits) => new()
    {
        MaxUploadBytes = Math.Min(limits.MaxUploadBytes, MaxBytes),
        MaxRows = Math.Min(limits.MaxRows, MaxRows),
        MaxUnpackedBytes = Math.Min(limits.MaxUnpackedBytes, 8 * MaxBytes),
        MaxPartBytes = Math.Min(limits.MaxPartBytes, 8 * MaxBytes),
        MaxCellChars = limits.MaxCellChars,
        MaxSharedStringChars = limits.MaxSharedStringChars,
        MaxParts = limits.MaxParts,
    };

    /// <summary>Reads the file and picks the template's columns by title; a missing column refuses the whole file.</summary>
    public static List<TableRow> Read(Stream content, string fileName, ImportLimits limits, IReadOnlyList<string> columns, string title)
    {
        var bounded = Bounded(limits);
        var data = TabularFile.Read(content, fileName, bounded);
        var header = data.Header.Select(ImportSpec.NormalizeTitle).ToArray();
        var missing = columns.Where(c => !header.Contains(ImportSpec.NormalizeTitle(c))).ToList();
        if (missing.Count > 0)
        {
            throw new BadFileException(InfraFormat.Of(InfraText.Import_MissingColumns, string.Join(", ", missing.Select(m => $"«{m}»")), title));
        }
        var at = columns.Select(c => Array.IndexOf(header, ImportSpec.NormalizeTitle(c))).ToArray();
        var rows = new List<TableRow>();
        foreach (var (row, cells) in AllRows(data))
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TableRow(row, at.Select(i => i < cells.Length ? cells[i].Trim() : "").ToArray()));
        }
        return rows;
    }

    private static IEnumerable<(int Row, string[] Cells)> AllRows(TabularData data)
    {
        if (data.Rows is { } rows)
        {
            foreach (var r in rows) yield return r;
            yield break;
        }
        for (var i = 0; i < data.Lines.Length; i++)
        {
            yield return (i + 2, data.Text![data.Lines[i]].TrimEnd('\r').Split(data.Delimiter));
        }
    }

    /// <summary>Writes a table (the header, then rows) as XLSX or as CSV with ';' in UTF-8 with a BOM, as Excel opens it.</summary>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, bool csv, Stream output, string sheet)
    {
        if (csv)
        {
            using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
            writer.WriteLine(string.Join(';', columns.Select(Quote)));
            foreach (var row in rows) writer.WriteLine(string.Join(';', row.Select(Quote)));
            return;
        }
        var sheetRows = rows.Select(row =>
        {
            var d = new Dictionary<string, object>();
            for (var i = 0; i < columns.Count; i++) d[columns[i]] = row[i];
            return d;
        }).ToList();
        if (sheetRows.Count == 0) sheetRows.Add(columns.ToDictionary(c => c, _ => (object)""));
        output.SaveAs(sheetRows, sheetName: sheet.Length > 31 ? sheet[..31] : sheet);
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    public static bool IsCode(string code) => code.Length is > 0 and <= 20 && code.All(c => char.IsLetterOrDigit(c) || c == '-');
}
