using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Schools;

/// <summary>Russian labels of domain enums, shared by pages, XLSX/CSV import-export and PDF output.</summary>
public static class DomainLabels
{
    public static string Of(Locality value) => value switch
    {
        Locality.Urban => "городская",
        Locality.Rural => "сельская",
        Locality.RuralSmall => "сельская малокомплектная",
        _ => value.ToString(),
    };

    public static string Of(LeaderKind value) => value switch
    {
        LeaderKind.None => "",
        LeaderKind.Donor => "донор",
        LeaderKind.ResourceCentre => "ресурсный центр",
        LeaderKind.Resilient => "резильентная",
        LeaderKind.Base => "базовая",
        _ => value.ToString(),
    };

    public static string Of(EducationLevels value) => string.Join(", ", new[]
    {
        value.HasFlag(EducationLevels.Primary) ? "НОО" : null,
        value.HasFlag(EducationLevels.Basic) ? "ООО" : null,
        value.HasFlag(EducationLevels.Secondary) ? "СОО" : null,
    }.Where(s => s is not null));

    public static string Of(AssessmentKind value) => Titles.Of(value);

    public static string Of(Subject value) => Titles.Of(value);

    private static readonly Dictionary<string, AssessmentKind> KindsByName =
        Enum.GetValues<AssessmentKind>().ToDictionary(k => Of(k), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Subject> SubjectsByName =
        Enum.GetValues<Subject>().ToDictionary(s => Of(s), StringComparer.OrdinalIgnoreCase);

    // Exact spellings first: an ordinal lookup of Cyrillic text is several times cheaper than a case-insensitive one,
    // which counts when a file has a million rows.
    private static readonly Dictionary<string, AssessmentKind>.AlternateLookup<ReadOnlySpan<char>> KindsExact =
        new Dictionary<string, AssessmentKind>(KindsByName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, AssessmentKind>.AlternateLookup<ReadOnlySpan<char>> KindsAnyCase =
        KindsByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, Subject>.AlternateLookup<ReadOnlySpan<char>> SubjectsExact =
        new Dictionary<string, Subject>(SubjectsByName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, Subject>.AlternateLookup<ReadOnlySpan<char>> SubjectsAnyCase =
        SubjectsByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryParseKind(ReadOnlySpan<char> text, out AssessmentKind kind)
    {
        text = text.Trim();
        return KindsExact.TryGetValue(text, out kind) || KindsAnyCase.TryGetValue(text, out kind);
    }

    public static bool TryParseSubject(ReadOnlySpan<char> text, out Subject subject)
    {
        text = text.Trim();
        return SubjectsExact.TryGetValue(text, out subject) || SubjectsAnyCase.TryGetValue(text, out subject);
    }
}
