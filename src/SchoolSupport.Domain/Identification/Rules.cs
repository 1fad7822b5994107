using System.Globalization;
using System.Text.Json.Serialization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// The rules of a methodology. Within each group the rules are alternatives: a school is ШНОР when any
/// LowResults rule fires, ШНСУ when any Disadvantaged rule fires, and goes on watch when any Watch rule fires and
/// it is not listed.
/// </summary>
public sealed record IdentificationRules
{
    public required IReadOnlyList<LowResultsRule> LowResults { get; init; }
    /// <summary>
    /// How the ШНОР rules combine: any of them (ИЛИ, the default and the meaning of methodologies stored before the choice
    /// existed) or all of them (И: a school must meet the whole group).
    /// </summary>
    public RuleCombination LowResultsCombination { get; init; } = RuleCombination.Any;
    public IReadOnlyList<DisadvantagedRule> Disadvantaged { get; init; } = [];
    public IReadOnlyList<WatchRule> Watch { get; init; } = [];
    public MatrixThresholds Matrix { get; init; } = new();

    [JsonIgnore]
    public IEnumerable<IdentificationRule> All =>
        (LowResults ?? []).Cast<IdentificationRule>().Concat(Disadvantaged ?? []).Concat(Watch ?? []).Where(r => r is not null);
}

public enum RuleCombination
{
    /// <summary>ИЛИ: any rule of the group.</summary>
    Any = 0,
    /// <summary>И: every rule of the group.</summary>
    All = 1,
}

/// <summary>A rule with a code unique in its methodology; evidence refers to the rule by the code.</summary>
public abstract record IdentificationRule
{
    protected IdentificationRule(string code) => Code = code;

    public string Code { get; init; }

    /// <summary>What the rule checks, in Russian, with its parameters.</summary>
    [JsonIgnore]
    public abstract string Description { get; }

    private protected static string Percent(double value) => value.ToString("0.#", CultureInfo.GetCultureInfo("ru-RU")) + " %";
}

[JsonPolymorphic]
[JsonDerivedType(typeof(LowestQuartileForYears), "lowestQuartileForYears")]
[JsonDerivedType(typeof(BelowMinimumAbove), "belowMinimumAbove")]
[JsonDerivedType(typeof(ProcedureShareAbove), "procedureShareAbove")]
[JsonDerivedType(typeof(LowOlympiadParticipation), "lowOlympiadParticipation")]
[JsonDerivedType(typeof(LowProgressionToGrade10), "lowProgressionToGrade10")]
public abstract record LowResultsRule : IdentificationRule
{
    protected LowResultsRule(string code) : base(code)
    {
    }
}

/// <summary>ИОР in the lowest quartile (strictly below Q1) in each of the last <see cref="Years"/> years.</summary>
public sealed record LowestQuartileForYears : LowResultsRule
{
    public LowestQuartileForYears() : base("LowestQuartile")
    {
    }

    public int Years { get; init; } = 3;

    /// <summary>The cut, as a percentile of the region's ИОР in each year: the lowest quartile by default; 10 for the lowest decile.</summary>
    public double Percentile { get; init; } = 25;

    private string Band => Percentile == 25 ? DomainText.Rule_LowestQuartile : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_BelowPercentile, Percentile);

    public override string Description => Years == 1
        ? string.Format(CultureInfo.CurrentCulture, DomainText.Rule_ResultsIndexReportYear, Band)
        : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_ResultsIndexEveryYear, Band, Years);
}

/// <summary>How a share is compared with its threshold: «более» (strictly above) or «не менее» (at or above).</summary>
public enum ThresholdComparison
{
    /// <summary>«более»: share &gt; threshold (the default; methodologies stored before the choice existed mean this).</summary>
    Above = 0,
    /// <summary>«не менее»: share ≥ threshold.</summary>
    AtLeast = 1,
}

/// <summary>The comparison's words and signs in Russian, and the test itself (with the engine's rounding tolerance).</summary>
public static class Thresholds
{
    public static bool Exceeds(this ThresholdComparison comparison, double value, double threshold, double tolerance) =>
        comparison == ThresholdComparison.AtLeast ? value >= threshold - tolerance : value > threshold + tolerance;

    public static string Words(this ThresholdComparison comparison) => comparison == ThresholdComparison.AtLeast ? DomainText.Rule_AtLeast : DomainText.Rule_Above;

    public static string Sign(this ThresholdComparison comparison, bool exceeds) => (comparison, exceeds) switch
    {
        (ThresholdComparison.AtLeast, true) => "≥",
        (ThresholdComparison.AtLeast, false) => "<",
        (_, true) => ">",
        _ => "≤",
    };
}

public enum BelowMinimumAggregation
{
    /// <summary>A year counts when any single (assessment, subject) pair is above the threshold.</summary>
    AnySubject = 0,
    /// <summary>A year counts when the share pooled over all chosen assessments and subjects is above the threshold.</summary>
    Pooled = 1,
}

/// <summary>
/// Share of participants below the minimum score above <see cref="ThresholdPercent"/> in each of the last
/// <see cref="Years"/> years (shares are participant-weighted over grades).
/// </summary>
public sealed record BelowMinimumAbove : LowResultsRule
{
    public BelowMinimumAbove() : base("BelowMinimum")
    {
    }

    public IReadOnlyList<AssessmentKind> Kinds { get; init; } = [AssessmentKind.Oge, AssessmentKind.Ege];
    public IReadOnlyList<Subject> Subjects { get; init; } = [Subject.Russian, Subject.Mathematics];
    public double ThresholdPercent { get; init; } = 10;
    /// <summary>«более» (&gt;) or «не менее» (≥) the threshold.</summary>
    public ThresholdComparison Comparison { get; init; } = ThresholdComparison.Above;
    public int Years { get; init; } = 3;
    public BelowMinimumAggregation Aggregation { get; init; } = BelowMinimumAggregation.AnySubject;

    public override string Description
    {
        get
        {
            var kinds = string.Join("/", Kinds.Select(Titles.InSentence));
            var subjects = string.Join(DomainText.Rule_Or, Subjects.Select(Titles.InSentence));
            var pooled = Aggregation == BelowMinimumAggregation.Pooled ? DomainText.Rule_PooledShare : DomainText.Rule_Share;
            return string.Format(CultureInfo.CurrentCulture, DomainText.Rule_BelowMinimumDescription, pooled, kinds, subjects, (Comparison == ThresholdComparison.AtLeast ? DomainText.Rule_AtLeast : DomainText.Rule_Higher), Percent(ThresholdPercent))
                + (Years == 1 ? DomainText.Rule_ReportYear : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_EveryYear, Years));
        }
    }
}

/// <summary>One assessment procedure of a share rule: assessment × grade × subject (no grade: every grade, participant-weighted).</summary>
public sealed record AssessmentProcedure(AssessmentKind Kind, int? Grade, Subject Subject)
{
    public string Title => Grade is { } grade
        ? string.Format(CultureInfo.CurrentCulture, DomainText.Rule_ProcedureWithGrade, Titles.InSentence(Kind), grade.ToString(CultureInfo.InvariantCulture), Titles.InSentence(Subject))
        : $"{Titles.InSentence(Kind)} {Titles.InSentence(Subject)}";

    public bool Matches(in ResultRow row) => row.Kind == Kind && row.Subject == Subject && (Grade is not { } grade || row.Grade == grade);
}

/// <summary>
/// The shape of supervisory risk indicators: a share (below the minimum score, or fail) of each chosen assessment procedure is
/// compared with the threshold. Without <see cref="SameProcedure"/>: in each of the last <see cref="Years"/> years at least
/// <see cref="MinProcedures"/> procedures are above it. With it: at least <see cref="MinProcedures"/> procedures are above it
/// in every one of the last <see cref="Years"/> consecutive years — the same procedures each year.
/// </summary>
public sealed record ProcedureShareAbove : LowResultsRule
{
    public ProcedureShareAbove() : base("ProcedureShare")
    {
    }

    public IReadOnlyList<AssessmentProcedure> Procedures { get; init; } =
        [new(AssessmentKind.Oge, 9, Subject.Russian), new(AssessmentKind.Oge, 9, Subject.Mathematics)];
    /// <summary><see cref="AssessmentMeasure.BelowMinimumShare"/> or <see cref="AssessmentMeasure.FailShare"/>.</summary>
    public AssessmentMeasure Measure { get; init; } = AssessmentMeasure.BelowMinimumShare;
    public double ThresholdPercent { get; init; } = 10;
    public ThresholdComparison Comparison { get; init; } = ThresholdComparison.Above;
    /// <summary>N: how many of the chosen procedures must be above the threshold.</summary>
    public int MinProcedures { get; init; } = 1;
    /// <summary>The same procedure in each year (K consecutive years) rather than any N procedures in each year.</summary>
    public bool SameProcedure { get; init; }
    public int Years { get; init; } = 1;

    public override string Description
    {
        get
        {
            var share = Measure == AssessmentMeasure.FailShare ? DomainText.Rule_FailShare : DomainText.Rule_BelowMinimumShare;
            var procedures = string.Join(", ", Procedures.Select(p => p.Title));
            var years = Years == 1 ? DomainText.Rule_ReportYear : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_EveryYear, Years);
            var count = SameProcedure
                ? (MinProcedures == 1 ? DomainText.Rule_SameProcedure : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_SameProcedures, MinProcedures))
                : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_ProceduresOf, MinProcedures, Procedures.Count);
            return $"{share} {Comparison.Words()} {Percent(ThresholdPercent)} {count} ({procedures}) {years}";
        }
    }
}

/// <summary>How a low share is compared with its threshold: «менее» (strictly below) or «не более» (at or below).</summary>
public enum LowComparison
{
    /// <summary>«менее»: value &lt; threshold.</summary>
    Below = 0,
    /// <summary>«не более»: value ≤ threshold.</summary>
    AtMost = 1,
}

/// <summary>A share of the school's yearly profile (in %) at or below a threshold in each of the last <see cref="Years"/> years.</summary>
public abstract record LowProfileShare : LowResultsRule
{
    protected LowProfileShare(string code) : base(code)
    {
    }

    [JsonIgnore]
    public abstract ProfileMeasure Measure { get; }
    public double ThresholdPercent { get; init; } = 10;
    public LowComparison Comparison { get; init; } = LowComparison.Below;
    public int Years { get; init; } = 1;

    public bool IsLow(double value, double tolerance) =>
        Comparison == LowComparison.AtMost ? value <= ThresholdPercent + tolerance : value < ThresholdPercent - tolerance;

    private protected string Condition(string what) =>
        $"{what} {(Comparison == LowComparison.AtMost ? DomainText.Rule_AtMost : DomainText.Rule_Below)} {Percent(ThresholdPercent)} "
        + (Years == 1 ? DomainText.Rule_ReportYear : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_EveryYear, Years));
}

/// <summary>Low olympiad activity: the share of students taking part in olympiads below the threshold (Kirov).</summary>
public sealed record LowOlympiadParticipation : LowProfileShare
{
    public LowOlympiadParticipation() : base("LowOlympiad")
    {
        ThresholdPercent = 10;
    }

    public override ProfileMeasure Measure => ProfileMeasure.OlympiadShare;

    public override string Description => Condition(DomainText.Rule_Olympiads);
}

/// <summary>Low progression to grade 10: the share of 9th-graders continuing to grade 10 below the threshold (Kirov).</summary>
public sealed record LowProgressionToGrade10 : LowProfileShare
{
    public LowProgressionToGrade10() : base("LowGrade10")
    {
        ThresholdPercent = 30;
    }

    public override ProfileMeasure Measure => ProfileMeasure.ContinuingToGrade10Share;

    public override string Description => Condition(DomainText.Rule_Grade10);
}

[JsonPolymorphic]
[JsonDerivedType(typeof(SocialIndexLowestQuartile), "socialIndexLowestQuartile")]
[JsonDerivedType(typeof(ResourceDeficit), "resourceDeficit")]
public abstract record DisadvantagedRule : IdentificationRule
{
    protected DisadvantagedRule(string code) : base(code)
    {
    }
}

/// <summary>
/// ИСБ strictly below the <see cref="Percentile"/>-th percentile of the region in the identification year: the lowest quartile
/// by default; a region that supports fewer schools sets 10 (the lowest decile).
/// </summary>
public sealed record SocialIndexLowestQuartile : DisadvantagedRule
{
    public SocialIndexLowestQuartile() : base("SocialIndexLowestQuartile")
    {
    }

    public double Percentile { get; init; } = 25;

    public override string Description => Percentile == 25 ? DomainText.Rule_SocialLowestQuartile : string.Format(CultureInfo.CurrentCulture, DomainText.Rule_SocialBelowPercentile, Percentile);
}

/// <summary>
/// Staff shortage in the identification year: staffing at or below <see cref="MaxStaffingPercent"/>, or at least
/// <see cref="MinVacancies"/> open vacancies.
/// </summary>
public sealed record ResourceDeficit : DisadvantagedRule
{
    public ResourceDeficit() : base("ResourceDeficit")
    {
    }

    public double MaxStaffingPercent { get; init; } = 80;
    public int MinVacancies { get; init; } = 3;

    public override string Description =>
        string.Format(CultureInfo.CurrentCulture, DomainText.Rule_Staffing, Percent(MaxStaffingPercent), MinVacancies);
}

[JsonPolymorphic]
[JsonDerivedType(typeof(NegativeDynamics), "negativeDynamics")]
public abstract record WatchRule : IdentificationRule
{
    protected WatchRule(string code) : base(code)
    {
    }
}

/// <summary>ИОР fell by at least <see cref="Drop"/> (on the 0..1 scale) from the previous year.</summary>
public sealed record NegativeDynamics : WatchRule
{
    public NegativeDynamics() : base("NegativeDynamics")
    {
    }

    public double Drop { get; init; } = 0.15;

    public override string Description =>
        string.Format(CultureInfo.CurrentCulture, DomainText.Rule_Dynamics, Drop.ToString("0.###", CultureInfo.GetCultureInfo("ru-RU")));
}
