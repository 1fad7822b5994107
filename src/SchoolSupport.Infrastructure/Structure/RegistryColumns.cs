using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>
/// The registry file, shared by its import, its template and its export (so that export → import is the identity): one row
/// per school and school year of context data; a school without context data has one row with an empty year. Registry
/// attributes repeat on each row of a school and must agree.
/// </summary>
public static class RegistryColumns
{
    public const string Code = "Код ОО";
    public const string Year = "Год";

    public static readonly IReadOnlyList<string> All =
    [
        Code, "Полное наименование", "Краткое наименование", "Код муниципалитета", "Адрес", "Тип", "Уровни образования",
        "Углублённое изучение", "Численность обучающихся", "Инновационная площадка", "Школа-лидер", "Консультационный центр",
        "Участник «500+»", "Закрыта с", "Присоединена к (код ОО)",
        Year, "Укомплектованность кадрами, %", "Вакансии", "Средний возраст педагогов", "Доля обучающихся с ОВЗ, %",
        "Доля обучающихся, для которых русский язык не родной, %", "Доля семей, где оба родителя с высшим образованием, %",
        "Доля семей с безработными родителями, %", "Доля обучающихся на учёте, %", "Доступ к интернету",
        "Доля участников олимпиад, %", "Доля продолживших обучение в 10 классе, %",
    ];

    /// <summary>Index of the first yearly column.</summary>
    public const int YearAt = 15;

    public static readonly IReadOnlyList<string> Example =
    [
        "OO-0001", "Муниципальное общеобразовательное учреждение «Средняя школа № 1»", "Школа № 1", "MO-01", "ул. Школьная, 1",
        "городская", "НОО, ООО, СОО", "нет", "540", "нет", "", "нет", "нет", "", "",
        "2025", "96", "1", "45,3", "3,1", "2", "34,5", "7,2", "2,4", "да", "27", "58",
    ];

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string YesNo(bool value) => value ? "да" : "нет";

    public static string Number(decimal value) => value.ToString("0.##", Russian);

    public static string Date(DateOnly? day) => day?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";

    public static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "да" or "1" or "есть" or "true" => true,
        "нет" or "0" or "false" or "" => false,
        _ => null,
    };

    public static Locality? ParseLocality(string text) =>
        Enum.GetValues<Locality>().Select(l => (Locality?)l).FirstOrDefault(l => string.Equals(Titles.Of(l!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase));

    public static LeaderKind? ParseLeader(string text) => text.Trim().ToLowerInvariant() switch
    {
        "" or "нет" => LeaderKind.None,
        var t => Enum.GetValues<LeaderKind>().Where(k => k != LeaderKind.None).Select(k => (LeaderKind?)k)
            .FirstOrDefault(k => Titles.Of(k!.Value) == t),
    };

    /// <summary>«НОО, ООО, СОО» in any order and case; None when a part is unknown or nothing is given.</summary>
    public static EducationLevels ParseLevels(string text)
    {
        var levels = EducationLevels.None;
        foreach (var part in text.Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var level = part.ToUpperInvariant() switch
            {
                "НОО" => EducationLevels.Primary,
                "ООО" => EducationLevels.Basic,
                "СОО" => EducationLevels.Secondary,
                _ => EducationLevels.None,
            };
            if (level == EducationLevels.None) return EducationLevels.None;
            levels |= level;
        }
        return levels;
    }
}
