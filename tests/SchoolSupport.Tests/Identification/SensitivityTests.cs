using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// The sensitivity view in the engine, hand-computed: four schools with ОГЭ maths shares below the minimum 5, 10, 15 and 20 % in 2025,
/// one rule «share above T % in the year». T = 0, 5, 10, 15, 20 lists 4, 3, 2, 1, 0 schools.
/// </summary>
public sealed class SensitivityTests
{
    private static Methodology Methodology() => new()
    {
        Name = "т",
        Year = 2025,
        Indicators = [new IndicatorDefinition { Id = "oge", Title = "ОГЭ", Source = new AssessmentSource(AssessmentKind.Oge, Subject.Mathematics, AssessmentMeasure.MeanScore) }],
        SocialIndex = new SocialIndexDefinition { Inputs = [new SocialInput(ProfileMeasure.StaffingPercent, 1)] },
        Rules = new IdentificationRules
        {
            LowResults = [new BelowMinimumAbove { Kinds = [AssessmentKind.Oge], Subjects = [Subject.Mathematics], ThresholdPercent = 10, Years = 1 }],
            Watch = [new NegativeDynamics()],
        },
    };

    private static SchoolInput[] Schools() =>
        [.. new[] { 5d, 10, 15, 20 }.Select(share => new SchoolData().OgeMath(2025, mean: 15, belowMinimum: share).Build())];

    [Fact]
    public void The_list_size_is_computed_for_each_value_of_the_threshold()
    {
        var methodology = Methodology();
        var threshold = Sensitivity.ParametersOf(methodology).Single(p => p.Key == "low:0:threshold");
        threshold.Title.Should().Be("BelowMinimum: порог доли, %");
        threshold.Current.Should().Be(10);

        var values = Sensitivity.Values(threshold, 0, 20, 5);
        values.Should().Equal(0, 5, 10, 15, 20);
        Sensitivity.Compute(methodology, 2025, Schools(), threshold.Key, values).Select(p => p.Listed).Should().Equal(4, 3, 2, 1, 0);
    }

    [Fact]
    public void Every_rule_parameter_can_be_varied_and_an_unknown_one_is_refused()
    {
        var keys = Sensitivity.ParametersOf(DefaultMethodologies.Kirov(2025)).Select(p => p.Key).ToList();
        keys.Should().Contain(["low:0:threshold", "low:0:years", "watch:0:drop"]);
        var methodology = Methodology();
        ((BelowMinimumAbove)Sensitivity.With(methodology, "low:0:years", 3).Rules.LowResults[0]).Years.Should().Be(3);
        ((NegativeDynamics)Sensitivity.With(methodology, "watch:0:drop", 0.2).Rules.Watch[0]).Drop.Should().Be(0.2);
        var unknown = () => Sensitivity.With(methodology, "low:7:threshold", 1);
        unknown.Should().Throw<DomainException>().WithMessage("Параметр для анализа чувствительности не найден.");
    }

    [Fact]
    public void A_range_is_bounded_to_fifty_points_within_the_parameters_limits()
    {
        var threshold = Sensitivity.ParametersOf(Methodology()).Single(p => p.Key == "low:0:threshold");
        Sensitivity.Values(threshold, 0, 49, 1).Should().HaveCount(50);
        var tooMany = () => Sensitivity.Values(threshold, 0, 50, 1);
        tooMany.Should().Throw<DomainException>().WithMessage("Слишком много точек: 51. Не больше 50 — увеличьте шаг или сузьте диапазон.");
        var outside = () => Sensitivity.Values(threshold, -5, 120, 0);
        outside.Should().Throw<DomainException>().Which.Messages.Should().Equal(
            "Диапазон должен лежать в пределах 0–100, начало не больше конца.", "Шаг должен быть положительным числом.");
        var years = Sensitivity.ParametersOf(Methodology()).Single(p => p.Key == "low:0:years");
        var fractional = () => Sensitivity.Values(years, 1, 3, 0.5);
        fractional.Should().Throw<DomainException>().WithMessage("Шаг должен быть целым положительным числом.");
    }
}
