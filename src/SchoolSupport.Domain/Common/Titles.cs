using System.Globalization;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Risks;

namespace SchoolSupport.Domain.Common;

/// <summary>
/// Russian titles of domain enums, the one place in the Domain layer (pages, exports and refusals all use it).
/// A title is the resource <c>{Enum}_{Value}</c> of <c>Resources/DomainText.resx</c>; <c>DomainTextTests</c> checks that every value has one.
/// Roadmaps (<c>PlanLabels</c>) and Identification (<c>IdentificationLabels</c>) still keep their own classes.
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
    public static string HalfYear(int half) => half == 1 ? DomainText.HalfYear_First : DomainText.HalfYear_Second;

    /// <summary>The resource key of an enum value's title.</summary>
    public static string Key<T>(T value) where T : struct, Enum => $"{typeof(T).Name}_{value}";

    private static string Title<T>(T value) where T : struct, Enum =>
        DomainText.ResourceManager.GetString(Key(value), CultureInfo.CurrentUICulture) ?? value.ToString();

    private static string Flags<T>(T value, T none, string separator) where T : struct, Enum
    {
        var parts = Enum.GetValues<T>().Where(f => !f.Equals(none) && value.HasFlag(f)).Select(Title).ToList();
        return parts.Count == 0 ? "—" : string.Join(separator, parts);
    }
}
