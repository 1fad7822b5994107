using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// «более» (&gt;) and «не менее» (≥) in the share-below-minimum rule, hand-computed. One school, ОГЭ maths, shares 15 %, 20 %, 15 %
/// in 2023–2025, threshold 15 %: «более» fails in 2023 and 2025 (15 % is not above 15 %), «не менее» holds in every year.
/// </summary>
public sealed class ThresholdComparisonTests
{
    private static SchoolInput School() => new SchoolData()
        .OgeMath(2023, mean: 12, belowMinimum: 15)
        .OgeMath(2024, mean: 12, belowMinimum: 20)
        .OgeMath(2025, mean: 12, belowMinimum: 15)
        .Build();

    private static Methodology With(ThresholdComparison comparison, BelowMinimumAggregation aggregation = BelowMinimumAggregation.AnySubject) => new()
    {
        Name = "т",
        Year = 2025,
        Indicators = [new IndicatorDefinition { Id = "oge", Title = "ОГЭ", Source = new AssessmentSource(AssessmentKind.Oge, Subject.Mathematics, AssessmentMeasure.MeanScore) }],
        SocialIndex = new SocialIndexDefinition { Inputs = [new SocialInput(ProfileMeasure.StaffingPercent, 1)] },
        Rules = new IdentificationRules
        {
            LowResults = [new BelowMinimumAbove { Kinds = [AssessmentKind.Oge], Subjects = [Subject.Mathematics], ThresholdPercent = 15, Years = 3, Comparison = comparison, Aggregation = aggregation }],
        },
    };

    [Fact]
    public void Above_means_strictly_more_than_the_threshold()
    {
        var outcome = IdentificationEngine.Compute(With(ThresholdComparison.Above), 2025, [School()]).Schools.Single();
        outcome.LowResults.Should().BeFalse();
        var evidence = outcome.Evidence.Single();
        evidence.Description.Should().Contain("выше 15 %");
        evidence.Details.Should().Be("2023: ОГЭ математика 15 % ≤ 15 %; 2024: ОГЭ математика 20 % > 15 %; 2025: ОГЭ математика 15 % ≤ 15 %");
    }

    [Fact]
    public void At_least_counts_a_share_equal_to_the_threshold()
    {
        var outcome = IdentificationEngine.Compute(With(ThresholdComparison.AtLeast), 2025, [School()]).Schools.Single();
        outcome.LowResults.Should().BeTrue();
        var evidence = outcome.Evidence.Single();
        evidence.Description.Should().Contain("не менее 15 %");
        evidence.Details.Should().Be("2023: ОГЭ математика 15 % ≥ 15 %; 2024: ОГЭ математика 20 % ≥ 15 %; 2025: ОГЭ математика 15 % ≥ 15 %");

        var pooled = IdentificationEngine.Compute(With(ThresholdComparison.AtLeast, BelowMinimumAggregation.Pooled), 2025, [School()]).Schools.Single();
        pooled.LowResults.Should().BeTrue();
        pooled.Evidence.Single().Details.Should().StartWith("2023: суммарно 15 % ≥ 15 %");
    }

    [Fact]
    public void A_methodology_stored_before_the_choice_existed_loads_as_above_and_a_bad_value_is_refused()
    {
        var json = MethodologyJson.Serialize(With(ThresholdComparison.Above)).Replace(",\"comparison\":\"Above\"", "");
        json.Should().NotContain("comparison");
        var loaded = MethodologyJson.Deserialize(json);
        ((BelowMinimumAbove)loaded.Rules.LowResults.Single()).Comparison.Should().Be(ThresholdComparison.Above);

        var bad = MethodologyJson.Deserialize(MethodologyJson.Serialize(With(ThresholdComparison.Above)).Replace("\"comparison\":\"Above\"", "\"comparison\":7"));
        bad.Validate().Should().Contain(m => m.Contains("сравнение с порогом должно быть «более» или «не менее»"));
        var compute = () => IdentificationEngine.Compute(bad, 2025, [School()]);
        compute.Should().Throw<DomainException>();
    }
}

/// <summary>
/// ШНОР rules combined with И / ИЛИ, hand-computed. Rules: share below minimum in ОГЭ maths above 15 % in 2025 (one year), and
/// the same above 25 %. School «20 %»: the first fires, the second does not; school «30 %»: both fire.
/// ИЛИ lists both schools; И lists only «30 %».
/// </summary>
public sealed class RuleCombinationTests
{
    private static Methodology With(RuleCombination combination) => new()
    {
        Name = "т",
        Year = 2025,
        Indicators = [new IndicatorDefinition { Id = "oge", Title = "ОГЭ", Source = new AssessmentSource(AssessmentKind.Oge, Subject.Mathematics, AssessmentMeasure.MeanScore) }],
        SocialIndex = new SocialIndexDefinition { Inputs = [new SocialInput(ProfileMeasure.StaffingPercent, 1)] },
        Rules = new IdentificationRules
        {
            LowResultsCombination = combination,
            LowResults =
            [
                new BelowMinimumAbove { Code = "share15", Kinds = [AssessmentKind.Oge], Subjects = [Subject.Mathematics], ThresholdPercent = 15, Years = 1 },
                new BelowMinimumAbove { Code = "share25", Kinds = [AssessmentKind.Oge], Subjects = [Subject.Mathematics], ThresholdPercent = 25, Years = 1 },
            ],
        },
    };

    private static IReadOnlyList<SchoolInput> Schools() =>
    [
        new SchoolData().OgeMath(2025, mean: 12, belowMinimum: 20).Build(),
        new SchoolData().OgeMath(2025, mean: 10, belowMinimum: 30).Build(),
    ];

    [Fact]
    public void With_or_any_rule_lists_a_school_and_with_and_every_rule_must_fire()
    {
        var any = IdentificationEngine.Compute(With(RuleCombination.Any), 2025, Schools()).Schools;
        any.Select(s => s.LowResults).Should().Equal(true, true);
        var all = IdentificationEngine.Compute(With(RuleCombination.All), 2025, Schools()).Schools;
        all.Select(s => s.LowResults).Should().Equal(false, true);
        all[0].Evidence.Select(e => e.Fired).Should().Equal(true, false);
    }

    [Fact]
    public void A_methodology_stored_without_the_combination_loads_as_or_and_a_bad_value_is_refused()
    {
        var json = MethodologyJson.Serialize(With(RuleCombination.Any));
        var old = System.Text.RegularExpressions.Regex.Replace(json, ",?\"lowResultsCombination\":\"Any\"", "");
        old.Should().NotContain("lowResultsCombination");
        MethodologyJson.Deserialize(old).Rules.LowResultsCombination.Should().Be(RuleCombination.Any);
        MethodologyJson.Deserialize(json.Replace("\"lowResultsCombination\":\"Any\"", "\"lowResultsCombination\":9")).Validate()
            .Should().Contain("Правила ШНОР объединяются условием «И» или «ИЛИ».");
    }
}
