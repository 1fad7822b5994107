using System.Globalization;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Results;

public enum ImportKind
{
    /// <summary>Assessment results: one row per school, year, assessment, grade and subject.</summary>
    Results,
    /// <summary>Yearly context of schools: staffing, social-index inputs, olympiads, progression to grade 10.</summary>
    Context,
}

public sealed record ImportError(int Row, string Message);

/// <summary>Columns of an import kind, found in the header by title; and cell parsing with Russian messages.</summary>
public sealed class ImportSpec
{
    private ImportSpec(ImportKind kind, string title, string[] columns, string[] example)
    {
        Kind = kind;
        Title = title;
        Columns = columns;
        Example = example;
    }

    public ImportKind Kind { get; }
    public string Title { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<string> Example { get; }

    public static string Code => InfraText.Import_ColumnCode;
    public static string Year => InfraText.Import_ColumnYear;

    public static readonly ImportSpec Results = new(ImportKind.Results, InfraText.Import_ResultsTitle,
        [Code, Year, InfraText.Import_ColumnAssessment, InfraText.Import_ColumnGrade, InfraText.Import_ColumnSubject, InfraText.Import_ColumnParticipants, InfraText.Import_AverageScore, InfraText.Import_ColumnBelowMinimum, InfraText.Import_ColumnShareOfTwos],
        ["DEMO00001", "2025", InfraText.Import_ExampleAssessment, "9", InfraText.Import_ExampleSubject, "54", "14,5", "6,2", "5,6"]);

    public static readonly ImportSpec Context = new(ImportKind.Context, InfraText.Import_ContextTitle,
        [Code, Year, InfraText.Import_ColumnStaffing, InfraText.Import_ColumnVacancies, InfraText.Import_TeachersAge, InfraText.Import_ColumnSpecialNeeds,
         InfraText.Import_ColumnNonNative, InfraText.Import_ColumnHigherEducation,
         InfraText.Import_ColumnUnemployed, InfraText.Import_ColumnRegistered, InfraText.Import_ColumnInternet,
         InfraText.Import_ColumnOlympiad, InfraText.Import_ColumnContinued],
        ["DEMO00001", "2025", "96", "1", "45,3", "3,1", "2", "34,5", "7,2", "2,4", InfraText.Common_Yes, "27", "58"]);

    public static ImportSpec For(ImportKind kind) => kind == ImportKind.Results ? Results : Context;

    /// <summary>Index of each column in the file's header; a missing column makes the whole file unreadable.</summary>
    public int[] Locate(string[] header)
    {
        var normalized = header.Select(NormalizeTitle).ToArray();
        var missing = Columns.Where(c => !normalized.Contains(NormalizeTitle(c))).ToList();
        if (missing.Count > 0)
        {
            throw new BadFileException(InfraFormat.Of(InfraText.Import_MissingColumns, string.Join(", ", missing.Select(m => $"«{m}»")), Title));
        }
        return Columns.Select(c => Array.IndexOf(normalized, NormalizeTitle(c))).ToArray();
    }

    /// <summary>A column title as compared: trimmed, no-break spaces as spaces, quotes as «, lower case, ё as е (any uploaded table).</summary>
    public static string NormalizeTitle(string title) =>
        title.Trim().Replace('\u00A0', ' ').Replace('"', '«').ToLowerInvariant().Replace('\u0451', '\u0435');

    /// <summary>A number as Russian users type it: a comma or a point before the fraction, spaces between thousands.</summary>
    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        text = text.Trim();
        if (TryPlainDecimal(text, out value)) return true;
        Span<char> buffer = stackalloc char[64];
        value = 0;
        if (text.Length > buffer.Length) return false;
        var length = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '\u00A0') continue;
            buffer[length++] = c == ',' ? '.' : c;
        }
        return decimal.TryParse(buffer[..length], NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The usual cell, digits with at most one decimal comma or point ("45,67"), read without the general parser: a file of a
    /// million rows has three such cells in each. Anything else (spaces, exponents, thousands) goes to the general parser.
    /// </summary>
    private static bool TryPlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.Length is 0 or > 18) return false;
        var negative = text[0] == '-';
        long digits = 0;
        var seen = 0;
        var scale = -1;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                digits = digits * 10 + (c - '0');
                seen++;
                if (scale >= 0) scale++;
            }
            else if (c is ',' or '.' && scale < 0) scale = 0;
            else return false;
        }
        if (seen == 0) return false;
        value = new decimal((int)digits, (int)(digits >> 32), 0, negative, (byte)Math.Max(0, scale));
        return true;
    }

    public static bool TryInt(ReadOnlySpan<char> text, out int value)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return true;
        // Excel stores whole numbers as doubles: "2025.0" is still the year 2025.
        if (TryDecimal(text, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        return false;
    }
}
