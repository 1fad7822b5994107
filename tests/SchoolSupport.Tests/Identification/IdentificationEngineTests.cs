using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using static SchoolSupport.Tests.Identification.IdentificationData;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// Hand-built regions. With the single ОГЭ maths indicator of <see cref="IdentificationData.Methodology"/>, a school's
/// ИОР is (score − min) / (max − min) over the region's scores of the year.
/// </summary>
public sealed class IdentificationEngineTests
{
    // Scores 2023, 2024, 2025 of six schools:
    //   2023 and 2025: 10, 20, 30, 40, 50, 12 → ИОР 0, .25, .5, .75, 1, .05
    //     sorted 0, .05, .25, .5, .75, 1; Q1: h = 5·.25 = 1.25 → .05 + .25·(.25 − .05) = .10
    //   2024: 10, 20, 30, 40, 50, 45 → ИОР 0, .25, .5, .75, 1, .875
    //     sorted 0, .25, .5, .75, .875, 1; Q1: h = 1.25 → .25 + .25·(.5 − .25) = .3125
    // School 1 is below Q1 in all three years; school 6 only in 2023 and 2025.
    private static readonly double[][] ThreeYearScores =
    [
        [10, 10, 10],
        [20, 20, 20],
        [30, 30, 30],
        [40, 40, 40],
        [50, 50, 50],
        [12, 45, 12],
    ];

    [Fact]
    public void Lowest_quartile_in_each_of_three_years_flags_low_results()
    {
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 3 }]), 2025, SchoolsWithScores(2023, ThreeYearScores));

        var school = result.Schools[0];
        school.LowResults.Should().BeTrue();
        school.Band.Should().Be(QuartileBand.Low);
        school.ResultsIndexByYear.Select(y => y.Year).Should().Equal(2023, 2024, 2025);
        var evidence = school.Evidence.Should().ContainSingle().Subject;
        evidence.Should().Match<RuleEvidence>(e => e.Fired && e.RuleCode == "LowestQuartile" && e.Group == RuleGroup.LowResults);
        evidence.Details.Should().StartWith("2023: ИОР 0,000 < Q1 0,100; 2024: ИОР 0,000 < Q1 0,31");
        result.ResultsCuts.Select(c => c.Cuts!.Q1).Should().Equal(new[] { 0.10, 0.3125, 0.10 }, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Lowest_quartile_in_only_two_of_three_years_does_not_flag_low_results()
    {
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 3 }]), 2025, SchoolsWithScores(2023, ThreeYearScores));

        var school = result.Schools[5];
        school.ResultsIndexByYear.Select(y => y.Band).Should().Equal(QuartileBand.Low, QuartileBand.High, QuartileBand.Low);
        school.LowResults.Should().BeFalse();
        school.Evidence.Single().Details.Should().Contain("2024: ИОР 0,875 ≥ Q1 0,31");
        result.Schools[1].LowResults.Should().BeFalse();
    }

    [Fact]
    public void Lowest_quartile_rule_for_one_year_reads_only_the_identification_year()
    {
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, SchoolsWithScores(2023, ThreeYearScores));

        result.Schools.Where(s => s.LowResults).Select(s => s.SchoolId)
            .Should().BeEquivalentTo(new[] { result.Schools[0].SchoolId, result.Schools[5].SchoolId });
        result.Schools[0].ResultsIndexByYear.Should().ContainSingle().Which.Year.Should().Be(2025);
    }

    [Fact]
    public void A_year_without_results_stops_the_lowest_quartile_rule()
    {
        var schools = SchoolsWithScores(2023, [10, 10, 10], [20, 20, 20], [30, 30, 30], [40, 40, 40], [50, 50, 50]);
        schools[0] = schools[0] with { Results = schools[0].Results.Where(r => r.Year != 2024).ToArray() };

        var result = IdentificationEngine.Compute(Methodology([new LowestQuartileForYears { Years = 3 }]), 2025, schools);

        result.Schools[0].LowResults.Should().BeFalse();
        result.Schools[0].ResultsIndexByYear[1].Should().Be(new YearlyResultsIndex(2024, null, null));
        result.Schools[0].Evidence.Single().Details.Should().Contain("2024: нет данных для ИОР");
    }

    private static readonly BelowMinimumAbove BelowMinimum15 = new()
    {
        Kinds = [AssessmentKind.Oge, AssessmentKind.Ege],
        Subjects = [Subject.Russian, Subject.Mathematics],
        ThresholdPercent = 15,
        Years = 3,
    };

    [Fact]
    public void Share_below_minimum_above_threshold_in_each_of_three_years_flags_low_results()
    {
        var school = new SchoolData()
            .OgeMath(2023, mean: 12, belowMinimum: 20)
            .OgeMath(2024, mean: 14, belowMinimum: 5)
            .Row(2024, AssessmentKind.Ege, 11, Subject.Russian, belowMinimum: 16)
            .Row(2025, AssessmentKind.Oge, 9, Subject.Russian, belowMinimum: 30)
            // ВПР is not among the rule's assessments, whatever its share.
            .Row(2025, AssessmentKind.Vpr, 5, Subject.Mathematics, belowMinimum: 90);

        var result = IdentificationEngine.Compute(Methodology([BelowMinimum15]), 2025, [school.Build()]);

        var outcome = result.Schools.Single();
        outcome.LowResults.Should().BeTrue();
        outcome.Evidence.Single().Details.Should().Be(
            "2023: ОГЭ математика 20 % > 15 %; 2024: ОГЭ математика 5 % ≤ 15 %, ЕГЭ русский язык 16 % > 15 %; 2025: ОГЭ русский язык 30 % > 15 %");
    }

    [Fact]
    public void Share_below_minimum_exactly_at_threshold_in_one_year_does_not_flag_low_results()
    {
        // 2025 ОГЭ maths over two grade rows: (30·10 + 10·30) / 40 = 600 / 40 = 15 %, not above 15 %.
        var school = new SchoolData()
            .OgeMath(2023, mean: 12, belowMinimum: 20)
            .OgeMath(2024, mean: 12, belowMinimum: 20)
            .OgeMath(2025, mean: 12, belowMinimum: 10, participants: 30)
            .Row(2025, AssessmentKind.Oge, 10, Subject.Mathematics, participants: 10, belowMinimum: 30);

        var result = IdentificationEngine.Compute(Methodology([BelowMinimum15]), 2025, [school.Build()]);

        var outcome = result.Schools.Single();
        outcome.LowResults.Should().BeFalse();
        outcome.Evidence.Single().Details.Should().EndWith("2025: ОГЭ математика 15 % ≤ 15 %");
    }

    [Fact]
    public void Pooled_share_below_minimum_weighs_subjects_by_participants()
    {
        // Each year: ОГЭ maths 20 % of 10 participants, ОГЭ Russian 0 % of 30 → pooled 200 / 40 = 5 % ≤ 15 %,
        // although maths alone is above the threshold.
        var school = new SchoolData();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            school.OgeMath(year, mean: 12, belowMinimum: 20, participants: 10)
                .Row(year, AssessmentKind.Oge, 9, Subject.Russian, participants: 30, belowMinimum: 0);
        }
        var anySubject = Methodology([BelowMinimum15]);
        var pooled = Methodology([BelowMinimum15 with { Aggregation = BelowMinimumAggregation.Pooled }]);

        IdentificationEngine.Compute(anySubject, 2025, [school.Build()]).Schools.Single().LowResults.Should().BeTrue();
        var outcome = IdentificationEngine.Compute(pooled, 2025, [school.Build()]).Schools.Single();
        outcome.LowResults.Should().BeFalse();
        outcome.Evidence.Single().Details.Should().StartWith("2023: суммарно 5 % ≤ 15 %");
    }

    [Fact]
    public void Any_low_results_rule_is_enough()
    {
        // School 6 has good mean scores (ИОР .875 each year, never low) but 40 % below the minimum every year:
        // the below-minimum rule alone lists it.
        var schools = SchoolsWithScores(2023, [10, 10, 10], [20, 20, 20], [30, 30, 30], [40, 40, 40], [50, 50, 50]);
        var school = new SchoolData();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            school.OgeMath(year, mean: 45, belowMinimum: 40);
        }
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 3 }, BelowMinimum15]), 2025, [.. schools, school.Build()]);

        var outcome = result.Schools[5];
        outcome.LowResults.Should().BeTrue();
        outcome.Evidence.Select(e => (e.RuleCode, e.Fired)).Should().Equal(("LowestQuartile", false), ("BelowMinimum", true));
    }

    [Fact]
    public void Social_index_in_the_lowest_quartile_flags_disadvantaged()
    {
        // ИСБ = parents with higher education − unemployed: 10, 20, 30, 40, 50 (+ 0 − 0)
        // sorted n = 5, Q1: h = 4·.25 = 1 → 20. Only 10 is strictly below.
        var schools = new[] { 10m, 20m, 30m, 40m, 50m }
            .Select(p => new SchoolData().OgeMath(2025, 30).Profile(2025, parentsHigherEducation: p).Build())
            .ToArray();

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], disadvantaged: [new SocialIndexLowestQuartile()]),
            2025,
            schools);

        result.SocialCuts!.Q1.Should().Be(20);
        result.Schools.Select(s => s.Disadvantaged).Should().Equal(true, false, false, false, false);
        result.Schools[0].SocialBand.Should().Be(QuartileBand.Low);
        result.Schools[0].Evidence.Single(e => e.Group == RuleGroup.Disadvantaged).Details.Should().Be("2025: ИСБ 10 < Q1 20");
        result.Schools[1].Evidence.Single(e => e.Group == RuleGroup.Disadvantaged).Details.Should().Be("2025: ИСБ 20 ≥ Q1 20");
    }

    [Fact]
    public void A_results_percentile_below_the_quartile_flags_only_the_lowest_decile()
    {
        // One year, scores 10..110 (n = 11): ИОР = (score − 10) / 100 → 0, 0.1, …, 1. P10 (h = 1) = 0.1: only the first is below it,
        // where the quartile (Q1 = 0.25) would take three.
        var scores = Enumerable.Range(1, 11).Select(i => new double[] { i * 10 }).ToArray();
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1, Percentile = 10 }]), 2025, SchoolsWithScores(2025, scores));

        result.Schools.Select(s => s.LowResults).Should().Equal(true, false, false, false, false, false, false, false, false, false, false);
        result.Schools[0].Evidence.Single(e => e.Group == RuleGroup.LowResults).Details.Should().Be("2025: ИОР 0,000 < P10 0,100");
        new LowestQuartileForYears { Years = 3, Percentile = 10 }.Description.Should().Be("ИОР ниже 10-го процентиля в каждом из последних 3 лет");
    }

    [Fact]
    public void A_social_percentile_below_the_quartile_flags_only_the_lowest_decile()
    {
        // ИСБ 10, 20, …, 110 (n = 11); P10: h = 10·0.1 = 1 → 20. Only 10 is strictly below, where the quartile (Q1 = 35) would take three.
        var schools = Enumerable.Range(1, 11).Select(i => (decimal)(i * 10))
            .Select(p => new SchoolData().OgeMath(2025, 30).Profile(2025, parentsHigherEducation: p).Build())
            .ToArray();

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], disadvantaged: [new SocialIndexLowestQuartile { Percentile = 10 }]),
            2025,
            schools);

        result.Schools.Count(s => s.Disadvantaged).Should().Be(1);
        result.Schools[0].Evidence.Single(e => e.Group == RuleGroup.Disadvantaged).Details.Should().Be("2025: ИСБ 10 < P10 20");
    }

    [Fact]
    public void Unemployment_lowers_the_social_index()
    {
        // Same parents' education; ИСБ = 30 − unemployed: 30, 25, 20, 15, 0 → Q1 (h = 1) = 15; only the last is low.
        var schools = new[] { 0m, 5m, 10m, 15m, 30m }
            .Select(u => new SchoolData().OgeMath(2025, 30).Profile(2025, parentsHigherEducation: 30, unemployed: u).Build())
            .ToArray();

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], disadvantaged: [new SocialIndexLowestQuartile()]),
            2025,
            schools);

        result.Schools.Select(s => s.SocialIndex).Should().Equal(30, 25, 20, 15, 0);
        result.Schools.Select(s => s.Disadvantaged).Should().Equal(false, false, false, false, true);
    }

    [Theory]
    [InlineData(75, 0, true)]  // staffing below 80 %
    [InlineData(80, 0, true)]  // staffing at the limit counts
    [InlineData(90, 3, true)]  // enough vacancies
    [InlineData(90, 2, false)]
    public void Resource_deficit_flags_disadvantaged_by_staffing_or_vacancies(int staffing, int vacancies, bool expected)
    {
        var school = new SchoolData().OgeMath(2025, 30).Profile(2025, staffing: staffing, vacancies: vacancies);

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], disadvantaged: [new ResourceDeficit { MaxStaffingPercent = 80, MinVacancies = 3 }]),
            2025,
            [school.Build()]);

        result.Schools.Single().Disadvantaged.Should().Be(expected);
    }

    [Fact]
    public void A_school_without_a_profile_is_not_disadvantaged_and_has_no_matrix_cell()
    {
        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], disadvantaged: [new SocialIndexLowestQuartile(), new ResourceDeficit()]),
            2025,
            [new SchoolData().OgeMath(2025, 30).Build()]);

        var outcome = result.Schools.Single();
        outcome.Disadvantaged.Should().BeFalse();
        outcome.SocialIndex.Should().BeNull();
        outcome.Cell.Should().BeNull();
        outcome.Evidence.Select(e => e.Details).Should().Contain(["2025: нет данных профиля для ИСБ", "2025: нет данных профиля"]);
    }

    [Fact]
    public void Matrix_places_schools_by_results_and_social_index_below_the_25th_percentile()
    {
        // (score, parents' share = ИСБ):
        //   A (10,10) B (12,50) C (50,12) D (50,50) E (30,30) F (40,40) G (35,35) H (45,45)
        // ИОР = (score − 10)/40: A 0, B .05, C 1, D 1, E .5, F .75, G .625, H .875
        //   sorted 0, .05, .5, .625, .75, .875, 1, 1; P25: h = 7·.25 = 1.75 → .05 + .75·(.5 − .05) = .3875 → A, B low
        // ИСБ sorted 10, 12, 30, 35, 40, 45, 50, 50; P25: 12 + .75·(30 − 12) = 25.5 → A, C low
        (double Score, decimal Parents)[] data = [(10, 10), (12, 50), (50, 12), (50, 50), (30, 30), (40, 40), (35, 35), (45, 45)];
        var schools = data.Select(d => new SchoolData().OgeMath(2025, d.Score).Profile(2025, parentsHigherEducation: d.Parents).Build()).ToArray();

        var result = IdentificationEngine.Compute(Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, schools);

        result.ResultsMatrixCut.Should().BeApproximately(0.3875, 1e-12);
        result.SocialMatrixCut.Should().BeApproximately(25.5, 1e-12);
        result.Schools.Select(s => s.Cell).Should().Equal(
            MatrixCell.LowLow, MatrixCell.Ineffective, MatrixCell.Resilient,
            MatrixCell.Normal, MatrixCell.Normal, MatrixCell.Normal, MatrixCell.Normal, MatrixCell.Normal);
    }

    [Fact]
    public void Matrix_threshold_is_configurable()
    {
        // The region of the previous test with the results axis split at the median instead:
        // ИОР sorted 0, .05, .5, .625, .75, .875, 1, 1; P50: h = 7·.5 = 3.5 → .625 + .5·(.75 − .625) = .6875
        // → A, B, E (.5), G (.625) have low results; the social axis is unchanged (A, C low).
        (double Score, decimal Parents)[] data = [(10, 10), (12, 50), (50, 12), (50, 50), (30, 30), (40, 40), (35, 35), (45, 45)];
        var schools = data.Select(d => new SchoolData().OgeMath(2025, d.Score).Profile(2025, parentsHigherEducation: d.Parents).Build()).ToArray();
        var methodology = Methodology([new LowestQuartileForYears { Years = 1 }]);
        methodology = methodology with { Rules = methodology.Rules with { Matrix = new MatrixThresholds { ResultsPercentile = 50 } } };

        var result = IdentificationEngine.Compute(methodology, 2025, schools);

        result.ResultsMatrixCut.Should().BeApproximately(0.6875, 1e-12);
        result.Schools.Select(s => s.Cell).Should().Equal(
            MatrixCell.LowLow, MatrixCell.Ineffective, MatrixCell.Resilient,
            MatrixCell.Normal, MatrixCell.Ineffective, MatrixCell.Normal, MatrixCell.Ineffective, MatrixCell.Normal);
    }

    [Fact]
    public void Listed_last_year_and_listed_again_is_the_second_consecutive_year_and_dropping_out_is_exit()
    {
        // Scores 10..50 → ИОР 0, .25, .5, .75, 1; Q1 (h = 1) = .25; only school 1 is low.
        var scores = new[] { 10.0, 20, 30, 40, 50 };
        var schools = scores.Select(s => new SchoolData().OgeMath(2025, s)).ToArray();
        schools[0].Previously(lowResults: true);
        schools[1].Previously(lowResults: false, disadvantaged: true);
        schools[2].Previously(lowResults: false);

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, schools.Select(s => s.Build()).ToArray());

        result.Schools.Select(s => (s.IsListed, s.SecondConsecutiveYear, s.Exited)).Should().Equal(
            (true, true, false),    // listed again
            (false, false, true),   // was ШНСУ, now nothing: exited
            (false, false, false),  // was not listed
            (false, false, false),  // no previous list
            (false, false, false));
    }

    [Fact]
    public void A_school_the_operator_alone_added_last_year_counts_as_listed_before()
    {
        // Scores 10..50 → ИОР 0, .25, .5, .75, 1; Q1 = .25: school 1 is low again, school 3 is not.
        var schools = new[] { 10.0, 20, 30, 40, 50 }.Select(s => new SchoolData().OgeMath(2025, s)).ToArray();
        schools[0].AddedByOperatorLastYear();
        schools[2].AddedByOperatorLastYear();

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, schools.Select(s => s.Build()).ToArray());

        result.Schools[0].SecondConsecutiveYear.Should().BeTrue();
        result.Schools[2].Exited.Should().BeTrue();
    }

    [Fact]
    public void A_newly_listed_school_is_neither_second_year_nor_exited()
    {
        var schools = new[] { 10.0, 20, 30, 40, 50 }.Select(s => new SchoolData().OgeMath(2025, s).Build()).ToArray();

        var result = IdentificationEngine.Compute(Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, schools);

        result.Schools[0].Should().Match<SchoolIdentification>(s => s.LowResults && !s.SecondConsecutiveYear && !s.Exited);
    }

    [Fact]
    public void Negative_dynamics_put_an_unlisted_school_on_watch()
    {
        // Scores 2024 → 2025 and ИОР = (score − 10)/40 both years (min 10, max 50):
        //   S1 10 → 10: 0 → 0          S2 30 → 20: .5 → .25 (drop .25)
        //   S3 30 → 22: .5 → .3 (drop exactly .2)   S4 40 → 34: .75 → .6 (drop .15)
        //   S5 50 → 50: 1 → 1          S6 45 → 25: .875 → .375 (drop .5)
        // 2025 sorted 0, .25, .3, .375, .6, 1; Q1: h = 1.25 → .25 + .25·(.3 − .25) = .2625 → S1, S2 listed.
        var schools = SchoolsWithScores(2024, [10, 10], [30, 20], [30, 22], [40, 34], [50, 50], [45, 25]);

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], watch: [new NegativeDynamics { Drop = 0.2 }]), 2025, schools);

        result.Schools.Select(s => s.LowResults).Should().Equal(true, true, false, false, false, false);
        result.Schools.Select(s => s.Evidence.Single(e => e.Group == RuleGroup.Watch).Fired)
            .Should().Equal(false, true, true, false, false, true);
        // S2's results fell too, but it is listed: support, not watch.
        result.Schools.Select(s => s.Watch).Should().Equal(false, false, true, false, false, true);
        result.Schools[5].Evidence.Single(e => e.Group == RuleGroup.Watch).Details
            .Should().Be("ИОР 2024: 0,875 → 2025: 0,375 (−0,500); порог снижения 0,2");
    }

    [Fact]
    public void A_school_missing_last_year_cannot_show_negative_dynamics()
    {
        var schools = SchoolsWithScores(2024, [10, 10], [50, 50]);
        schools[0] = schools[0] with { Results = schools[0].Results.Where(r => r.Year == 2025).ToArray() };

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], watch: [new NegativeDynamics { Drop = 0.2 }]), 2025, schools);

        result.Schools[0].Evidence.Single(e => e.Group == RuleGroup.Watch).Should()
            .Match<RuleEvidence>(e => !e.Fired && e.Details == "нет ИОР за 2024");
    }

    [Fact]
    public void A_school_without_an_indicator_is_indexed_on_the_others_with_weights_renormalised()
    {
        // Indicators: ОГЭ maths mean (weight 1), ЕГЭ maths mean (weight 3).
        //   A: ОГЭ 10, ЕГЭ 40   B: ОГЭ 20, ЕГЭ 80   C: ОГЭ 30, no ЕГЭ (a basic school)
        // ОГЭ normalised 0, .5, 1; ЕГЭ normalised over A, B only: 0, 1.
        // ИОР A = 0; B = (1·.5 + 3·1)/4 = .875; C = 1·1/1 = 1.
        IndicatorDefinition egeMath = new()
        {
            Id = "ege-math-mean",
            Title = "ЕГЭ, математика: средний балл",
            Source = new AssessmentSource(AssessmentKind.Ege, Subject.Mathematics, AssessmentMeasure.MeanScore, 11),
            Weight = 3,
        };
        SchoolInput[] schools =
        [
            new SchoolData().OgeMath(2025, 10).Row(2025, AssessmentKind.Ege, 11, Subject.Mathematics, mean: 40).Build(),
            new SchoolData().OgeMath(2025, 20).Row(2025, AssessmentKind.Ege, 11, Subject.Mathematics, mean: 80).Build(),
            new SchoolData().OgeMath(2025, 30).Build(),
        ];

        var result = IdentificationEngine.Compute(
            Methodology([new LowestQuartileForYears { Years = 1 }], indicators: [OgeMathMean, egeMath]), 2025, schools);

        result.Schools.Select(s => s.ResultsIndex!.Value).Should().Equal(new[] { 0, 0.875, 1 }, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_school_with_no_results_has_no_index_and_is_not_listed_by_results()
    {
        var schools = new[] { new SchoolData().OgeMath(2025, 30).Build(), new SchoolData().Build() };

        var result = IdentificationEngine.Compute(Methodology([new LowestQuartileForYears { Years = 1 }]), 2025, schools);

        result.Schools[1].Should().Match<SchoolIdentification>(s => s.ResultsIndex == null && s.Band == null && !s.LowResults);
    }

    [Fact]
    public void Regression_mode_fits_social_weights_on_the_results_index()
    {
        // score = parents − unemployed at (parents, unemployed) = (10,0), (20,5), (30,0), (40,10), (50,5):
        // scores 10, 15, 30, 30, 45 → ИОР = (score − 10)/35 = parents/35 − unemployed/35 − 10/35 exactly,
        // so the fit is weights (1/35, −1/35), intercept −10/35, R² = 1.
        (decimal Parents, decimal Unemployed)[] data = [(10, 0), (20, 5), (30, 0), (40, 10), (50, 5)];
        var schools = data.Select(d => new SchoolData()
                .OgeMath(2025, (double)(d.Parents - d.Unemployed))
                .Profile(2025, parentsHigherEducation: d.Parents, unemployed: d.Unemployed)
                .Build())
            .ToArray();
        var methodology = Methodology(
            [new LowestQuartileForYears { Years = 1 }],
            social: new SocialIndexDefinition
            {
                Mode = SocialIndexMode.FittedByRegression,
                Inputs = [new(ProfileMeasure.ParentsHigherEducationShare, 1), new(ProfileMeasure.UnemployedParentsShare, -1)],
            });

        var result = IdentificationEngine.Compute(methodology, 2025, schools);

        result.Warnings.Should().BeEmpty();
        result.SocialFit!.RSquared.Should().BeApproximately(1, 1e-12);
        result.SocialFit.Intercept.Should().BeApproximately(-10.0 / 35, 1e-12);
        result.SocialWeights.Should().Equal(new[] { 1.0 / 35, -1.0 / 35 }, (a, b) => Math.Abs(a - b) < 1e-12);
        // ИСБ = (parents − unemployed)/35: 10/35, 15/35, 30/35, 30/35, 45/35
        result.Schools[1].SocialIndex.Should().BeApproximately(15.0 / 35, 1e-12);
    }

    [Fact]
    public void Regression_mode_falls_back_to_entered_weights_when_there_are_too_few_schools()
    {
        var schools = new[] { 10m, 20m, 30m }
            .Select(p => new SchoolData().OgeMath(2025, (double)p).Profile(2025, parentsHigherEducation: p, unemployed: 1).Build())
            .ToArray();
        var methodology = Methodology(
            [new LowestQuartileForYears { Years = 1 }],
            social: new SocialIndexDefinition
            {
                Mode = SocialIndexMode.FittedByRegression,
                Inputs = [new(ProfileMeasure.ParentsHigherEducationShare, 2), new(ProfileMeasure.UnemployedParentsShare, -1)],
            });

        var result = IdentificationEngine.Compute(methodology, 2025, schools);

        result.SocialFit.Should().BeNull();
        result.SocialWeights.Should().Equal(2, -1);
        result.Warnings.Should().ContainSingle().Which.Should().Contain("Использованы веса из методики");
        result.Schools[0].SocialIndex.Should().Be(19); // 2·10 − 1·1
    }

    [Fact]
    public void Default_methodologies_run_on_a_small_region()
    {
        var random = new Random(3);
        var schools = Enumerable.Range(0, 40).Select(_ => RandomSchool(random, 2025)).ToArray();

        foreach (var methodology in new[] { DefaultMethodologies.Kirov(2025), DefaultMethodologies.Zernograd(2025) })
        {
            var result = IdentificationEngine.Compute(methodology, 2025, schools);

            result.Schools.Should().HaveCount(40);
            result.Schools.Should().OnlyContain(s => s.ResultsIndex >= 0 && s.ResultsIndex <= 1 && s.Cell != null);
            result.Schools.Count(s => s.Band == QuartileBand.Low).Should().Be(10);
            result.Schools.Should().OnlyContain(s => s.Evidence.Count == methodology.Rules.All.Count());
        }
    }

    /// <summary>A school with ВПР grades 4–8 and ОГЭ/ЕГЭ in Russian and maths (14 rows a year) and a profile each year.</summary>
    internal static SchoolInput RandomSchool(Random random, int year, int years = 3)
    {
        var rows = new List<ResultRow>(years * 14);
        var profiles = new List<SchoolYearProfile>(years);
        var strength = random.NextDouble();
        for (var y = year - years + 1; y <= year; y++)
        {
            double Noise() => random.NextDouble() * 0.3;
            foreach (var subject in new[] { Subject.Russian, Subject.Mathematics })
            {
                for (var grade = 4; grade <= 8; grade++)
                {
                    rows.Add(new ResultRow(y, AssessmentKind.Vpr, grade, subject, random.Next(5, 60), 10 + (20 * strength), 0, 30 * (1 - strength + Noise())));
                }
                rows.Add(new ResultRow(y, AssessmentKind.Oge, 9, subject, random.Next(5, 60), 10 + (20 * (strength + Noise())), 20 * (1 - strength) * Noise(), 0));
                rows.Add(new ResultRow(y, AssessmentKind.Ege, 11, subject, random.Next(3, 30), 40 + (40 * (strength + Noise())), 15 * (1 - strength) * Noise(), 0));
            }
            profiles.Add(new SchoolYearProfile
            {
                Year = y,
                ParentsHigherEducationShare = (decimal)(60 * (strength + Noise())),
                UnemployedParentsShare = (decimal)(20 * (1 - strength) * Noise()),
                RegisteredStudentsShare = (decimal)(10 * random.NextDouble()),
                StaffingPercent = (decimal)(70 + (30 * random.NextDouble())),
                Vacancies = random.Next(0, 5),
                OlympiadShare = (decimal)(40 * random.NextDouble()),
                ContinuingToGrade10Share = (decimal)(30 + (60 * random.NextDouble())),
            });
        }
        return new SchoolInput(Guid.NewGuid(), rows, profiles);
    }
}
