using System.Text.Json.Serialization;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// An identification methodology (методика выявления ШНОР/ШНСУ): how the results index (ИОР) is built, how the
/// social well-being index (ИСБ) is built, and which rules put a school on the annual list. It is plain data,
/// versioned per tenant and per year, stored as jsonb through <see cref="MethodologyJson"/>; the
/// <see cref="IdentificationEngine"/> interprets it.
/// <para>
/// Glossary of this folder (the rest is in <see cref="Glossary"/>): показатель = <see cref="IndicatorDefinition"/>;
/// квартили ИОР высокий / выше среднего / ниже среднего / низкий = <see cref="QuartileBand"/>;
/// матрица «результаты × социальные условия» = <see cref="MatrixCell"/> (неэффективные = Ineffective,
/// резильентные = Resilient); превентивная поддержка при отрицательной динамике = Watch
/// (<see cref="NegativeDynamics"/>); второй год подряд в перечне = SecondConsecutiveYear; вышла из перечня = Exited.
/// </para>
/// </summary>
public sealed partial record Methodology
{
    public required string Name { get; init; }
    public int Version { get; init; } = 1;
    /// <summary>The identification year the methodology was approved for.</summary>
    public required int Year { get; init; }
    /// <summary>Indicators of the results index (ИОР).</summary>
    public required IReadOnlyList<IndicatorDefinition> Indicators { get; init; }
    public required SocialIndexDefinition SocialIndex { get; init; }
    public required IdentificationRules Rules { get; init; }

    /// <summary>
    /// How many years of results the rules look at, the identification year included: the longest
    /// "N years in a row" rule, and at least two years when negative dynamics are watched.
    /// </summary>
    [JsonIgnore]
    public int YearsOfResults
    {
        get
        {
            var years = 1;
            foreach (var rule in Rules.LowResults)
            {
                years = Math.Max(years, rule switch
                {
                    LowestQuartileForYears r => r.Years,
                    BelowMinimumAbove r => r.Years,
                    ProcedureShareAbove r => r.Years,
                    LowProfileShare r => r.Years,
                    _ => 1,
                });
            }
            if (Rules.Watch.Any(r => r is NegativeDynamics))
            {
                years = Math.Max(years, 2);
            }
            return years;
        }
    }
}

public enum Direction
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

/// <summary>One indicator of the results index with its weight and direction.</summary>
public sealed record IndicatorDefinition
{
    /// <summary>Short code, unique within the methodology (e.g. "oge-math-mean").</summary>
    public required string Id { get; init; }
    /// <summary>Title shown to users (Russian).</summary>
    public required string Title { get; init; }
    public required IndicatorSource Source { get; init; }
    /// <summary>Relative weight, positive; weights need not sum to 1.</summary>
    public double Weight { get; init; } = 1;
    public Direction Direction { get; init; } = Direction.HigherIsBetter;
}

/// <summary>Where an indicator's value comes from: an assessment measure or a field of the school's yearly profile.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(AssessmentSource), "assessment")]
[JsonDerivedType(typeof(ProfileSource), "profile")]
public abstract record IndicatorSource;

public enum AssessmentMeasure
{
    MeanScore = 0,
    BelowMinimumShare = 1,
    FailShare = 2,
}

/// <summary>
/// A measure of one assessment and subject. <paramref name="Grade"/> null takes every grade: the school's value
/// is then the participant-weighted mean over its grade rows (meaningful for shares; mean scores of ВПР differ by
/// grade, so pick a grade for them).
/// </summary>
public sealed record AssessmentSource(AssessmentKind Kind, Subject Subject, AssessmentMeasure Measure, int? Grade = null)
    : IndicatorSource
{
    public bool Matches(in ResultRow row) =>
        row.Kind == Kind && row.Subject == Subject && (Grade is not { } grade || row.Grade == grade);
}

/// <summary>Fields of <see cref="Schools.SchoolYearProfile"/> usable as ИОР indicators or ИСБ inputs.</summary>
public enum ProfileMeasure
{
    StaffingPercent = 0,
    Vacancies = 1,
    TeachersAverageAge = 2,
    DisabledStudentsShare = 3,
    NonNativeSpeakersShare = 4,
    ParentsHigherEducationShare = 5,
    UnemployedParentsShare = 6,
    RegisteredStudentsShare = 7,
    /// <summary>1 when the school has internet access, else 0.</summary>
    HasInternet = 8,
    OlympiadShare = 9,
    ContinuingToGrade10Share = 10,
}

public sealed record ProfileSource(ProfileMeasure Measure) : IndicatorSource;

public enum SocialIndexMode
{
    /// <summary>ИСБ = Σ wᵢ·xᵢ with the weights written in the methodology.</summary>
    Entered = 0,
    /// <summary>
    /// The weights are the least-squares coefficients of the region's ИОР of the identification year on the inputs
    /// (the Zernograd method: weights by contribution to the variance of results). The entered weights are the
    /// fallback when the fit is impossible (too few schools, collinear inputs).
    /// </summary>
    FittedByRegression = 1,
}

/// <summary>One input of the social well-being index. Inputs where higher is worse enter with a negative weight.</summary>
public sealed record SocialInput(ProfileMeasure Measure, double Weight);

/// <summary>The social well-being index (ИСБ): higher means better social conditions.</summary>
public sealed record SocialIndexDefinition
{
    public SocialIndexMode Mode { get; init; } = SocialIndexMode.Entered;
    public required IReadOnlyList<SocialInput> Inputs { get; init; }
}

/// <summary>
/// Where the 2×2 matrix splits each axis: a value strictly below this percentile (0–100, of the region's
/// distribution in the identification year) counts as low. 25 makes the matrix agree with the lowest quartile.
/// </summary>
public sealed record MatrixThresholds
{
    public double ResultsPercentile { get; init; } = 25;
    public double SocialPercentile { get; init; } = 25;
}
