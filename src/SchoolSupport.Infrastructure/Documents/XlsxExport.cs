using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>Typed rows to an XLSX sheet with Russian column titles, and sheets back to rows keyed by those titles.</summary>
public static class XlsxExport
{
    /// <summary>
    /// Writes one sheet: a header row of column titles, then one row per item. Numbers and dates stay numbers and
    /// dates in Excel; <see cref="DateOnly"/> is written as a date.
    /// </summary>
    /// <example><code>
    /// XlsxExport.Write(schools, stream, "Перечень", [("Наименование ОО", s => s.Name), ("ИОР", s => s.ResultsIndex)]);
    /// </code></example>
    public static void Write<T>(IEnumerable<T> rows, Stream output, string sheetName, IReadOnlyList<(string Title, Func<T, object?> Value)> columns) =>
        Write(output, Sheet(rows, sheetName, columns));

    /// <summary>Writes a workbook of several sheets, each as <see cref="Write{T}"/> writes one, in the order given.</summary>
    /// <example><code>
    /// XlsxExport.Write(stream, XlsxExport.Sheet(items, "Мероприятия", [...]), XlsxExport.Sheet(files, "Подтверждающие материалы", [...]));
    /// </code></example>
    public static void Write(Stream output, params IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        try
        {
            // Widths go by column title across the workbook, so a title shared by two sheets gets the wider of the two.
            var widths = new Dictionary<string, double>();
            foreach (var table in sheets.Select(s => s.Table))
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var title = table.Columns[i].ColumnName;
                    widths[title] = Math.Max(widths.GetValueOrDefault(title), ColumnWidth(table, i));
                }
            }
            var configuration = new OpenXmlConfiguration
            {
                DynamicColumns = [.. widths.Select(w => new DynamicExcelColumn(w.Key) { Width = w.Value })],
            };
            if (sheets.Count == 1)
            {
                output.SaveAs(sheets[0].Table, sheetName: sheets[0].Name, excelType: ExcelType.XLSX, configuration: configuration);
            }
            else
            {
                var workbook = new Dictionary<string, object>();
                foreach (var sheet in sheets) workbook.Add(sheet.Name, sheet.Table);
                output.SaveAs(workbook, excelType: ExcelType.XLSX, configuration: configuration);
            }
        }
        finally
        {
            foreach (var sheet in sheets) sheet.Table.Dispose();
        }
    }

    /// <summary>One sheet for <see cref="Write(Stream, IReadOnlyList{XlsxSheet})"/>: a header row of column titles, then one row per item.</summary>
    public static XlsxSheet Sheet<T>(IEnumerable<T> rows, string sheetName, IReadOnlyList<(string Title, Func<T, object?> Value)> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);

        // A DataTable rather than dictionaries, so that an empty export still has its header row.
        var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var (title, _) in columns)
        {
            // DataTable refuses a duplicate title, which would make the sheet unreadable by title.
            table.Columns.Add(title, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. columns.Select(column => Cell(column.Value(row)))]);
        }
        return new XlsxSheet(sheetName, table);
    }

    /// <summary>
    /// Reads a sheet (the first one by default) as rows keyed by the titles in its header row.
    /// Numbers come back as <see cref="double"/>, dates as <see cref="DateTime"/>, empty cells as null.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Read(Stream input, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Query(useHeaderRow: true, sheetName: sheetName, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => new Dictionary<string, object?>(row))];
    }

    private static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    /// <summary>Wide enough for the longest text in the column, within reason.</summary>
    private static double ColumnWidth(DataTable table, int column)
    {
        var longest = table.Rows.Cast<DataRow>()
            .Select(row => Convert.ToString(row[column], CultureInfo.CurrentCulture)?.Length ?? 0)
            .Append(table.Columns[column].ColumnName.Length)
            .Max();
        return Math.Clamp(longest + 2, 8, 60);
    }
}

/// <summary>A sheet made by <see cref="XlsxExport.Sheet{T}"/>, written (and let go) by <see cref="XlsxExport.Write(Stream, IReadOnlyList{XlsxSheet})"/>.</summary>
public sealed class XlsxSheet
{
    internal XlsxSheet(string name, DataTable table)
    {
        Name = name;
        Table = table;
    }

    public string Name { get; }

    internal DataTable Table { get; }
}
