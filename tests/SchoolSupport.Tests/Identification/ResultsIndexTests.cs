using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Tests.Identification;

public sealed class ResultsIndexTests
{
    private static readonly AssessmentSource VprMathFailAllGrades =
        new(AssessmentKind.Vpr, Subject.Mathematics, AssessmentMeasure.FailShare);

    [Fact]
    public void Indicator_value_is_the_participant_weighted_mean_over_grades()
    {
        ResultRow[] rows =
        [
            new(2025, AssessmentKind.Vpr, 5, Subject.Mathematics, 20, 0, 0, 10),
            new(2025, AssessmentKind.Vpr, 6, Subject.Mathematics, 30, 0, 0, 20),
            new(2025, AssessmentKind.Vpr, 7, Subject.Mathematics, 0, 0, 0, 90),  // no participants: ignored
            new(2025, AssessmentKind.Vpr, 5, Subject.Russian, 25, 0, 0, 50),     // other subject
            new(2024, AssessmentKind.Vpr, 5, Subject.Mathematics, 25, 0, 0, 50), // other year
        ];

        // (20·10 + 30·20) / (20 + 30) = 800 / 50 = 16
        ResultsIndex.SchoolValue(VprMathFailAllGrades, 2025, rows, []).Should().BeApproximately(16, 1e-12);
        // Grade 6 only: 20
        ResultsIndex.SchoolValue(VprMathFailAllGrades with { Grade = 6 }, 2025, rows, []).Should().BeApproximately(20, 1e-12);
    }

    [Fact]
    public void A_school_without_rows_for_an_indicator_has_no_value()
    {
        ResultsIndex.SchoolValue(VprMathFailAllGrades, 2023, [], []).Should().BeNull();
        ResultsIndex.SchoolValue(new ProfileSource(ProfileMeasure.OlympiadShare), 2025, [], []).Should().BeNull();
    }

    [Fact]
    public void Profile_indicators_read_the_profile_of_the_year()
    {
        SchoolYearProfile[] profiles =
        [
            new() { Year = 2024, OlympiadShare = 12.5m },
            new() { Year = 2025, OlympiadShare = 30m },
        ];
        ResultsIndex.SchoolValue(new ProfileSource(ProfileMeasure.OlympiadShare), 2025, [], profiles).Should().Be(30);
    }

    [Fact]
    public void Normalisation_maps_minimum_to_zero_and_maximum_to_one()
    {
        // (x − 10) / (30 − 10)
        ResultsIndex.Normalise([10, 20, 30, 15], Direction.HigherIsBetter)
            .Should().Equal(0, 0.5, 1, 0.25);
    }

    [Fact]
    public void Normalisation_flips_when_lower_is_better()
    {
        ResultsIndex.Normalise([10, 20, 30, 15], Direction.LowerIsBetter)
            .Should().Equal(1, 0.5, 0, 0.75);
    }

    [Fact]
    public void Normalisation_gives_one_half_to_everyone_when_all_values_are_equal()
    {
        ResultsIndex.Normalise([7, 7, 7], Direction.HigherIsBetter).Should().Equal(0.5, 0.5, 0.5);
    }

    [Fact]
    public void Normalisation_keeps_missing_values_missing_and_ignores_them_for_min_and_max()
    {
        var normalised = ResultsIndex.Normalise([double.NaN, 0, 40, 10], Direction.HigherIsBetter);
        double.IsNaN(normalised[0]).Should().BeTrue();
        normalised[1..].Should().Equal(0, 1, 0.25);
    }

    [Fact]
    public void Weights_of_a_missing_indicator_are_spread_over_the_rest()
    {
        // Indicator A weight 3, indicator B weight 1; values already normalised.
        double[] a = [0.2, double.NaN, double.NaN];
        double[] b = [0.6, 0.6, double.NaN];

        var index = ResultsIndex.Combine([a, b], [3, 1]);

        // school 1: (3·0.2 + 1·0.6) / (3 + 1) = 1.2 / 4 = 0.3
        index[0].Should().BeApproximately(0.3, 1e-12);
        // school 2 has only B: 0.6 / 1 = 0.6
        index[1].Should().BeApproximately(0.6, 1e-12);
        // school 3 has nothing: no index
        double.IsNaN(index[2]).Should().BeTrue();
    }

    [Fact]
    public void Results_index_normalises_each_indicator_then_takes_the_weighted_mean()
    {
        IndicatorDefinition[] indicators =
        [
            new() { Id = "mean", Title = "Средний балл", Source = VprMathFailAllGrades, Weight = 1 },
            new() { Id = "fail", Title = "Доля «2»", Source = VprMathFailAllGrades, Weight = 3, Direction = Direction.LowerIsBetter },
        ];
        double[] mean = [10, 20, 30];
        double[] fail = [40, 0, 20];

        var index = ResultsIndex.Compute(indicators, [mean, fail]);

        // mean normalised: 0, 0.5, 1; fail lower-is-better: 1 − (40−0)/40 = 0, 1, 0.5
        // school 1: (1·0 + 3·0) / 4 = 0; school 2: (0.5 + 3) / 4 = 0.875; school 3: (1 + 1.5) / 4 = 0.625
        index[0].Should().BeApproximately(0, 1e-12);
        index[1].Should().BeApproximately(0.875, 1e-12);
        index[2].Should().BeApproximately(0.625, 1e-12);
    }
}
