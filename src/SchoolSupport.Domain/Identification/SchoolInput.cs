using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// One row of <see cref="AssessmentResult"/> as the engine needs it: a compact value that infrastructure can
/// project straight from the query (no tracked entities for 45,000 schools).
/// </summary>
public readonly record struct ResultRow(
    int Year,
    AssessmentKind Kind,
    int Grade,
    Subject Subject,
    int Participants,
    double MeanScore,
    double BelowMinimumShare,
    double FailShare)
{
    public static ResultRow From(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultRow(
            result.Year,
            result.Kind,
            result.Grade,
            result.Subject,
            result.Participants,
            (double)result.MeanScore,
            (double)result.BelowMinimumShare,
            (double)result.FailShare);
    }

    public double Measure(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.MeanScore => MeanScore,
        AssessmentMeasure.BelowMinimumShare => BelowMinimumShare,
        AssessmentMeasure.FailShare => FailShare,
        _ => double.NaN,
    };
}

/// <summary>
/// The school's status in the previous year's published list. <paramref name="Listed"/> is what the list said after review:
/// a school the operator added is listed though no rule fired, and one the operator removed is not.
/// </summary>
public sealed record PreviousStatus(bool LowResults, bool Disadvantaged, bool Listed)
{
    public bool IsListed => Listed;
}

/// <summary>
/// «2-й год» and «вышла из перечня» follow from whether a school was listed last year and is listed now — whoever decided
/// either (the engine or the operator). One rule for the computation and for an operator's decision.
/// </summary>
public static class ListingContinuity
{
    public static (bool SecondConsecutiveYear, bool Exited) Of(bool listedBefore, bool listedNow) =>
        (listedBefore && listedNow, listedBefore && !listedNow);
}

/// <summary>
/// Everything the engine needs about one school: its result rows for the years the methodology looks at (other
/// years are ignored), its yearly profiles, and its status in last year's list when it had one.
/// </summary>
public sealed record SchoolInput(
    Guid SchoolId,
    IReadOnlyList<ResultRow> Results,
    IReadOnlyList<SchoolYearProfile> Profiles,
    PreviousStatus? Previous = null)
{
    public static SchoolInput From(
        Guid schoolId,
        IEnumerable<AssessmentResult> results,
        IEnumerable<SchoolYearProfile> profiles,
        PreviousStatus? previous = null) =>
        new(schoolId, results.Select(ResultRow.From).ToArray(), profiles.ToArray(), previous);

    public SchoolYearProfile? ProfileFor(int year)
    {
        foreach (var profile in Profiles)
        {
            if (profile.Year == year)
            {
                return profile;
            }
        }
        return null;
    }
}

public static class ProfileMeasures
{
    public static double Value(this SchoolYearProfile profile, ProfileMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return measure switch
        {
            ProfileMeasure.StaffingPercent => (double)profile.StaffingPercent,
            ProfileMeasure.Vacancies => profile.Vacancies,
            ProfileMeasure.TeachersAverageAge => (double)profile.TeachersAverageAge,
            ProfileMeasure.DisabledStudentsShare => (double)profile.DisabledStudentsShare,
            ProfileMeasure.NonNativeSpeakersShare => (double)profile.NonNativeSpeakersShare,
            ProfileMeasure.ParentsHigherEducationShare => (double)profile.ParentsHigherEducationShare,
            ProfileMeasure.UnemployedParentsShare => (double)profile.UnemployedParentsShare,
            ProfileMeasure.RegisteredStudentsShare => (double)profile.RegisteredStudentsShare,
            ProfileMeasure.HasInternet => profile.HasInternet ? 1 : 0,
            ProfileMeasure.OlympiadShare => (double)profile.OlympiadShare,
            ProfileMeasure.ContinuingToGrade10Share => (double)profile.ContinuingToGrade10Share,
            _ => double.NaN,
        };
    }
}
