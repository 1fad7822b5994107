using System.Globalization;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Common;

/// <summary>
/// Russian titles of domain enums, the one place in the Domain layer (pages, exports and refusals all use it).
/// A title is the resource <c>{Enum}_{Value}</c> of <c>Resources/DomainText.resx</c>; <c>DomainTextTests</c> checks that every value has one.
/// </summary>
public static class Titles
{
    public static string Of(PartnershipStatus value) => Title(value);
    public static string Of(NetworkModel value) => Title(value);
    public static string Of(PartnerRole value) => Title(value);
    public static string Of(SupportTypes value) => Flags(value, SupportTypes.None, ", ");

    public static string Of(EventKind value) => Title(value);
    public static string Of(EventFormat value) => Title(value);
    public static string Of(PracticeStatus value) => Title(value);
    public static string Of(Competences value) => Flags(value, Competences.None, "; ");

    /// <summary>The four indicators of the teachers' deficit survey, in order.</summary>
    public static IReadOnlyList<(Competences Indicator, string Title)> Indicators =>
        [.. new[] { Competences.LearningSkills, Competences.TeachingTechnologies, Competences.Assessment, Competences.IndividualRoutes }.Select(c => (c, Title(c)))];

    public static string Of(MentorKind value) => Title(value);
    public static string Of(ConsultationFormat value) => Title(value);

    public static string Of(AssessmentKind value) => Title(value);
    public static string Of(Subject value) => Title(value);

    public static string Of(RiskLevel? value) => value is { } level ? Title(level) : DomainText.RiskLevel_None;
    public static string Of(RespondentGroup value) => Title(value);
    public static string Of(ReviewDecision value) => Title(value);
    public static string Of(DecisionKind value) => Title(value);
    public static string Of(DecisionLevel value) => Title(value);
    public static string Of(PlanStatus value) => Title(value);
    public static string Of(PlanKind value) => Title(value);
    public static string Of(PlanLevel value) => Title(value);
    public static string Of(PlanItemStatus value) => Title(value);

    /// <summary>The button text for moving a plan to a status.</summary>
    public static string ActionTo(PlanStatus to) => DomainText.ResourceManager.GetString($"PlanAction_{to}", CultureInfo.CurrentUICulture) ?? Of(to);

    public static string Of(ListStatus value) => Title(value);
    public static string Of(SupportFormat value) => Title(value);
    public static string Of(QuartileBand value) => Title(value);
    public static string Of(MatrixCell value) => Title(value);
    public static string Of(AssessmentMeasure value) => Title(value);
    public static string Of(ProfileMeasure value) => Title(value);

    /// <summary>An identification indicator's source: «ВПР, 5 класс, математика: средний балл» or the profile measure.</summary>
    public static string Of(IndicatorSource source) => source switch
    {
        AssessmentSource a => string.Format(CultureInfo.CurrentCulture, DomainText.IndicatorSource_Assessment, InSentence(a.Kind),
            a.Grade is { } g ? string.Format(CultureInfo.CurrentCulture, DomainText.IndicatorSource_Grade, g) : "", InSentence(a.Subject), Of(a.Measure)),
        ProfileSource p => Of(p.Measure),
        _ => source.ToString(),
    };

    /// <summary>The assessment in the middle of a sentence (the regional work is spelled out).</summary>
    public static string InSentence(AssessmentKind kind) => kind == AssessmentKind.Regional ? DomainText.AssessmentKindInSentence_Regional : Of(kind);

    /// <summary>The subject in the middle of a sentence (lower case).</summary>
    public static string InSentence(Subject subject) => Of(subject).ToLowerInvariant();

    /// <summary>A school's status in a list, as the list, its exports and the public page name it.</summary>
    public static string ListStatus(bool lowResults, bool disadvantaged, bool included, bool watch) => (lowResults, disadvantaged) switch
    {
        (true, true) => DomainText.ListEntry_Both,
        (true, false) => DomainText.ListEntry_LowResults,
        (false, true) => DomainText.ListEntry_Disadvantaged,
        _ => included ? DomainText.ListEntry_ByOperator : watch ? DomainText.ListEntry_Watch : "",
    };

    /// <summary>«перечень на 2026/2027 по результатам 2024–2026»: the school year the list is for and the years of results it reads.</summary>
    public static string ListYear(int year, int yearsOfResults) => yearsOfResults <= 1
        ? string.Format(CultureInfo.InvariantCulture, DomainText.List_YearOneYear, year, year + 1, year)
        : string.Format(CultureInfo.InvariantCulture, DomainText.List_YearRange, year, year + 1, year - yearsOfResults + 1, year);

    public static string Of(MonitoringActor value) => Title(value);
    public static string Of(MonitoringTaskStatus value) => Title(value);
    public static string Of(StageStatus value) => Title(value);

    public static string Of(DocumentKind value) => Title(value);
    public static string Of(ReviewStatus value) => Title(value);

    public static string Of(Locality value) => Title(value);
    public static string Of(LeaderKind value) => value == LeaderKind.None ? "" : Title(value);
    public static string Of(EducationLevels value) => Flags(value, EducationLevels.None, ", ", "");

    /// <summary>Reads an assessment's title (any case) back, as result imports do.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AssessmentKind kind)
    {
        text = text.Trim();
        return KindsExact.TryGetValue(text, out kind) || KindsAnyCase.TryGetValue(text, out kind);
    }

    /// <summary>Reads a subject's title (any case) back, as result imports do.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Subject subject)
    {
        text = text.Trim();
        return SubjectsExact.TryGetValue(text, out subject) || SubjectsAnyCase.TryGetValue(text, out subject);
    }

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

    public static string HalfYear(int half) => half == 1 ? DomainText.HalfYear_First : DomainText.HalfYear_Second;

    /// <summary>The resource key of an enum value's title.</summary>
    public static string Key<T>(T value) where T : struct, Enum => $"{typeof(T).Name}_{value}";

    private static string Title<T>(T value) where T : struct, Enum =>
        DomainText.ResourceManager.GetString(Key(value), CultureInfo.CurrentUICulture) ?? value.ToString();

    private static string Flags<T>(T value, T none, string separator, string empty = "—") where T : struct, Enum
    {
        var parts = Enum.GetValues<T>().Where(f => !f.Equals(none) && value.HasFlag(f)).Select(Title).ToList();
        return parts.Count == 0 ? empty : string.Join(separator, parts);
    }
}
