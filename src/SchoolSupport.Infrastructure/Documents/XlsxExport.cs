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
    public static void Write<T>(IEnumerable<T> rows, Stream output, string sheetName, IReadOnlyList<(string Title, Func<T, object?> Value)> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);

        // A DataTable rather than dictionaries, so that an empty export still has its header row.
        using var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture };
        foreach (var (title, _) in columns)
        {
            // DataTable refuses a duplicate title, which would make the sheet unreadable by title.
            table.Columns.Add(title, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. columns.Select(column => Cell(column.Value(row)))]);
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns.Select((column, index) => new DynamicExcelColumn(column.Title) { Width = ColumnWidth(table, index) })],
        };
        output.SaveAs(table, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration);
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
