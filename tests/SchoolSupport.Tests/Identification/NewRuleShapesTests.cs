using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// The rule shapes real criteria need, hand-computed: «not less than N of the chosen procedures above the threshold in a year»,
/// «the same procedure above it in K consecutive years», low olympiad participation and low progression to grade 10 (Kirov).
/// </summary>
public sealed class NewRuleShapesTests
{
    private static readonly AssessmentProcedure OgeRussian = new(AssessmentKind.Oge, 9, Subject.Russian);
    private static readonly AssessmentProcedure OgeMath = new(AssessmentKind.Oge, 9, Subject.Mathematics);
    private static readonly AssessmentProcedure Vpr5Math = new(AssessmentKind.Vpr, 5, Subject.Mathematics);

    private static Methodology With(params LowResultsRule[] rules) => new()
    {
        Name = "т",
        Year = 2025,
        Indicators = [new IndicatorDefinition { Id = "oge", Title = "ОГЭ", Source = new AssessmentSource(AssessmentKind.Oge, Subject.Mathematics, AssessmentMeasure.MeanScore) }],
        SocialIndex = new SocialIndexDefinition { Inputs = [new SocialInput(ProfileMeasure.StaffingPercent, 1)] },
        Rules = new IdentificationRules { LowResults = rules },
    };

    private static SchoolIdentification Run(Methodology methodology, SchoolData school) =>
        IdentificationEngine.Compute(methodology, 2025, [school.Build()]).Schools.Single();

    // 2025: ОГЭ русский 12 %, ОГЭ математика 8 %, ВПР 5 математика 11 % (threshold 10 %): two of three above.
    private static SchoolData TwoOfThreeIn2025() => new SchoolData()
        .Row(2025, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 12)
        .Row(2025, AssessmentKind.Oge, 9, Subject.Mathematics, belowMinimum: 8)
        .Row(2025, AssessmentKind.Vpr, 5, Subject.Mathematics, belowMinimum: 11);

    [Fact]
    public void At_least_n_procedures_above_the_threshold_in_the_year_fires_when_n_are_above_and_names_every_procedure()
    {
        var two = new ProcedureShareAbove { Procedures = [OgeRussian, OgeMath, Vpr5Math], ThresholdPercent = 10, MinProcedures = 2 };
        var outcome = Run(With(two), TwoOfThreeIn2025());
        outcome.LowResults.Should().BeTrue();
        outcome.Evidence.Single().Details.Should().Be(
            "2025: ОГЭ 9 кл. русский язык 12 % > 10 %, ОГЭ 9 кл. математика 8 % ≤ 10 %, ВПР 5 кл. математика 11 % > 10 % (выше порога 2 из 3)");
        outcome.Evidence.Single().Description.Should().Be(
            "доля не достигших минимального балла более 10 % не менее чем по 2 из 3 процедур (ОГЭ 9 кл. русский язык, ОГЭ 9 кл. математика, ВПР 5 кл. математика) в отчётном году");

        var three = two with { MinProcedures = 3 };
        Run(With(three), TwoOfThreeIn2025()).LowResults.Should().BeFalse();
    }

    [Fact]
    public void The_same_procedure_must_be_above_in_each_of_k_consecutive_years()
    {
        // Russian above in 2024 and 2025; maths above only in 2024 → the same procedure (Russian) two years running.
        var steady = new SchoolData()
            .Row(2024, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 15).Row(2024, AssessmentKind.Oge, 9, Subject.Mathematics, belowMinimum: 20)
            .Row(2025, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 11).Row(2025, AssessmentKind.Oge, 9, Subject.Mathematics, belowMinimum: 5);
        // Russian above in 2024 only, maths in 2025 only → some procedure every year, never the same one.
        var alternating = new SchoolData()
            .Row(2024, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 15).Row(2024, AssessmentKind.Oge, 9, Subject.Mathematics, belowMinimum: 5)
            .Row(2025, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 5).Row(2025, AssessmentKind.Oge, 9, Subject.Mathematics, belowMinimum: 15);
        var same = new ProcedureShareAbove { Procedures = [OgeRussian, OgeMath], ThresholdPercent = 10, Years = 2, SameProcedure = true };
        var anyEachYear = same with { SameProcedure = false };

        var outcome = Run(With(same), steady);
        outcome.LowResults.Should().BeTrue();
        outcome.Evidence.Single().Details.Should().EndWith("; выше порога во все годы: ОГЭ 9 кл. русский язык");
        Run(With(same), alternating).LowResults.Should().BeFalse();
        Run(With(same), alternating).Evidence.Single().Details.Should().EndWith("; выше порога во все годы: ни одной процедуры");
        Run(With(anyEachYear), alternating).LowResults.Should().BeTrue();
        same.Description.Should().Contain("по одной и той же процедуре").And.EndWith("в каждом из последних 2 лет");
    }

    [Fact]
    public void A_procedure_without_results_is_named_and_does_not_count()
    {
        var rule = new ProcedureShareAbove { Procedures = [OgeRussian, OgeMath], ThresholdPercent = 10, Comparison = ThresholdComparison.AtLeast, MinProcedures = 2 };
        var school = new SchoolData().Row(2025, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 10);
        var outcome = Run(With(rule), school);
        outcome.LowResults.Should().BeFalse();
        outcome.Evidence.Single().Details.Should().Be("2025: ОГЭ 9 кл. русский язык 10 % ≥ 10 %, ОГЭ 9 кл. математика нет результатов (выше порога 1 из 2)");
    }

    [Fact]
    public void Low_olympiad_participation_fires_below_the_threshold_in_every_year()
    {
        var rule = new LowOlympiadParticipation { ThresholdPercent = 10, Years = 2 };
        var low = new SchoolData().Profile(2024, olympiads: 5).Profile(2025, olympiads: 9.5m);
        var once = new SchoolData().Profile(2024, olympiads: 5).Profile(2025, olympiads: 10);
        var outcome = Run(With(rule), low);
        outcome.LowResults.Should().BeTrue();
        outcome.Evidence.Single().Details.Should().Be("2024: 5 % < 10 %; 2025: 9,5 % < 10 %");
        Run(With(rule), once).LowResults.Should().BeFalse();
        Run(With(rule with { Comparison = LowComparison.AtMost }), once).LowResults.Should().BeTrue();
        rule.Description.Should().Be("низкая олимпиадная активность: доля участников олимпиад менее 10 % в каждом из последних 2 лет");
    }

    [Fact]
    public void Low_progression_to_grade_10_fires_on_the_profile_share_and_a_missing_profile_does_not_fire()
    {
        var rule = new LowProgressionToGrade10 { ThresholdPercent = 30 };
        Run(With(rule), new SchoolData().Profile(2025, grade10: 25)).Evidence.Single().Should()
            .Match<RuleEvidence>(e => e.Fired && e.Details == "2025: 25 % < 30 %");
        Run(With(rule), new SchoolData().Profile(2025, grade10: 40)).LowResults.Should().BeFalse();
        Run(With(rule), new SchoolData()).Evidence.Single().Should().Match<RuleEvidence>(e => !e.Fired && e.Details == "2025: нет данных профиля");
    }

    [Fact]
    public void The_kirov_criteria_fit_three_years_of_low_results_and_olympiads_and_grade_10_combined_with_and()
    {
        var methodology = With() with
        {
            Rules = new IdentificationRules
            {
                LowResultsCombination = RuleCombination.All,
                LowResults =
                [
                    new BelowMinimumAbove { Kinds = [AssessmentKind.Oge], Subjects = [Subject.Russian, Subject.Mathematics], ThresholdPercent = 10, Years = 3 },
                    new LowOlympiadParticipation { ThresholdPercent = 10 },
                    new LowProgressionToGrade10 { ThresholdPercent = 30 },
                ],
            },
        };
        var all = new SchoolData().OgeMath(2023, 10, belowMinimum: 20).OgeMath(2024, 10, belowMinimum: 20).OgeMath(2025, 10, belowMinimum: 20)
            .Profile(2025, olympiads: 3, grade10: 20);
        var goodOlympiads = new SchoolData().OgeMath(2023, 10, belowMinimum: 20).OgeMath(2024, 10, belowMinimum: 20).OgeMath(2025, 10, belowMinimum: 20)
            .Profile(2025, olympiads: 40, grade10: 20);
        Run(methodology, all).LowResults.Should().BeTrue();
        Run(methodology, goodOlympiads).LowResults.Should().BeFalse();
        methodology.YearsOfResults.Should().Be(3);
    }

    [Fact]
    public void Bad_parameters_of_the_new_rules_are_refused_in_russian()
    {
        var errors = With(
            new ProcedureShareAbove { Procedures = [OgeRussian, OgeRussian], MinProcedures = 3, ThresholdPercent = 120, Measure = AssessmentMeasure.MeanScore },
            new LowOlympiadParticipation { ThresholdPercent = 0, Years = 9 }).Validate();
        errors.Should().Contain([
            "В правиле «ProcedureShare» процедура указана дважды.",
            "Число процедур в правиле «ProcedureShare» должно быть от 1 до 2 (столько выбрано).",
            "Порог в правиле «ProcedureShare» должен быть от 0 до 100 %.",
            "В правиле «ProcedureShare» сравнивается доля не достигших минимального балла или доля получивших «2».",
            "Порог в правиле «LowOlympiad» должен быть больше 0 и не больше 100 %.",
            "Число лет в правиле «LowOlympiad» должно быть от 1 до 5.",
        ]);
    }

    [Fact]
    public void The_new_rules_round_trip_through_json()
    {
        var methodology = With(
            new ProcedureShareAbove { Procedures = [OgeRussian, new(AssessmentKind.Ege, null, Subject.Mathematics)], MinProcedures = 2, SameProcedure = true, Years = 2, Measure = AssessmentMeasure.FailShare },
            new LowOlympiadParticipation { ThresholdPercent = 7, Comparison = LowComparison.AtMost },
            new LowProgressionToGrade10 { ThresholdPercent = 25, Years = 2 });
        var back = MethodologyJson.Deserialize(MethodologyJson.Serialize(methodology));
        back.Rules.LowResults.Should().BeEquivalentTo(methodology.Rules.LowResults, o => o.RespectingRuntimeTypes());
        MethodologyJson.Serialize(back).Should().Be(MethodologyJson.Serialize(methodology));
    }
}
