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

    public static string Of(AssessmentKind value) => ResultLabels.Kind(value);

    public static string Of(Subject value) => ResultLabels.Subject(value);

    private static readonly Dictionary<string, AssessmentKind> KindsByName =
        Enum.GetValues<AssessmentKind>().ToDictionary(k => Of(k), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Subject> SubjectsByName =
        Enum.GetValues<Subject>().ToDictionary(s => Of(s), StringComparer.OrdinalIgnoreCase);

    public static bool TryParseKind(string text, out AssessmentKind kind) => KindsByName.TryGetValue(text.Trim(), out kind);

    public static bool TryParseSubject(string text, out Subject subject) => SubjectsByName.TryGetValue(text.Trim(), out subject);
}
