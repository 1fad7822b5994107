using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>
/// The registry file, shared by its import, its template and its export (so that export → import is the identity): one row
/// per school and school year of context data; a school without context data has one row with an empty year. Registry
/// attributes repeat on each row of a school and must agree.
/// </summary>
public static class RegistryColumns
{
    public static string Code => InfraText.Import_ColumnCode;
    public static string Year => InfraText.Import_ColumnYear;

    public static readonly IReadOnlyList<string> All =
    [
        Code, InfraText.School_FullName, InfraText.School_ShortName, InfraText.Common_MunicipalityCode, InfraText.School_Address, InfraText.School_Locality, InfraText.School_Levels,
        InfraText.School_Advanced, InfraText.School_Students, InfraText.School_Innovation, InfraText.School_Leader, InfraText.School_ConsultingCentre,
        InfraText.School_Project500, InfraText.Registry_ColumnClosedOn, InfraText.Registry_ColumnJoinedTo,
        Year, InfraText.Import_ColumnStaffing, InfraText.Import_ColumnVacancies, InfraText.Import_TeachersAge, InfraText.Import_ColumnSpecialNeeds,
        InfraText.Import_ColumnNonNative, InfraText.Import_ColumnHigherEducation,
        InfraText.Import_ColumnUnemployed, InfraText.Import_ColumnRegistered, InfraText.Import_ColumnInternet,
        InfraText.Import_ColumnOlympiad, InfraText.Import_ColumnContinued,
    ];

    /// <summary>Index of the first yearly column.</summary>
    public const int YearAt = 15;

    public static readonly IReadOnlyList<string> Example =
    [
        "OO-0001", InfraText.Registry_ExampleFullName, InfraText.Registry_ExampleShortName, "MO-01", InfraText.Registry_ExampleAddress,
        InfraText.Registry_ExampleLocality, InfraText.Registry_ExampleLevels, InfraText.Common_No, "540", InfraText.Common_No, "", InfraText.Common_No, InfraText.Common_No, "", "",
        "2025", "96", "1", "45,3", "3,1", "2", "34,5", "7,2", "2,4", InfraText.Common_Yes, "27", "58",
    ];

    public static readonly CultureInfo Russian = InfraFormat.Russian;

    public static string YesNo(bool value) => value ? Yes : No;

    public static string Number(decimal value) => value.ToString("0.##", Russian);

    public static string Date(DateOnly? day) => day?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";

    // Read from the resources once: the registry and context imports parse these cells on every row.
    private static readonly string Yes = InfraText.Common_Yes, Has = InfraText.Common_Has, No = InfraText.Common_No;

    /// <summary>«да»/«есть»/«1»/«true» and «нет»/«0»/«false»/empty; anything else is null (the caller's row error).</summary>
    public static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" or "" => false,
        var t when t == Yes || t == Has => true,
        var t when t == No => false,
        _ => null,
    };

    public static Locality? ParseLocality(string text) =>
        Enum.GetValues<Locality>().Select(l => (Locality?)l).FirstOrDefault(l => string.Equals(Titles.Of(l!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static LeaderKind? ParseLeader(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" => LeaderKind.None,
        var t when t == InfraText.Common_No => LeaderKind.None,
        var t => Enum.GetValues<LeaderKind>().Where(k => k != LeaderKind.None).Select(k => (LeaderKind?)k)
            .FirstOrDefault(k => Titles.Of(k!.Value) == t),
    };

    /// <summary>«НОО, ООО, СОО» in any order and case; None when a part is unknown or nothing is given.</summary>
    public static EducationLevels ParseLevels(string text)
    {
        var levels = EducationLevels.None;
        foreach (var part in text.Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var upper = part.ToUpperInvariant();
            var level = upper == InfraText.Registry_LevelPrimary ? EducationLevels.Primary
                : upper == InfraText.Registry_LevelBasic ? EducationLevels.Basic
                : upper == InfraText.Registry_LevelSecondary ? EducationLevels.Secondary
                : EducationLevels.None;
            if (level == EducationLevels.None) return EducationLevels.None;
            levels |= level;
        }
        return levels;
    }
}
