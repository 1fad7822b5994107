using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

public sealed class QuartileTests
{
    [Fact]
    public void Quartile_cuts_interpolate_linearly_like_excel_percentile_inc()
    {
        // 1..10, n = 10: h = (n − 1)·p.
        // Q1: h = 2.25 → x[2] + 0.25·(x[3] − x[2]) = 3 + 0.25 = 3.25
        // median: h = 4.5 → 5 + 0.5 = 5.5;  Q3: h = 6.75 → 7 + 0.75 = 7.75
        var cuts = QuartileCuts.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])!;

        cuts.Q1.Should().BeApproximately(3.25, 1e-12);
        cuts.Median.Should().BeApproximately(5.5, 1e-12);
        cuts.Q3.Should().BeApproximately(7.75, 1e-12);
        cuts.Count.Should().Be(10);
    }

    [Fact]
    public void Quartile_cuts_ignore_schools_without_a_value()
    {
        // Sorted finite values 1, 3, 7, 15 (n = 4, h = 3p):
        // Q1: h = 0.75 → 1 + 0.75·2 = 2.5;  median: h = 1.5 → 3 + 0.5·4 = 5;  Q3: h = 2.25 → 7 + 0.25·8 = 9
        var cuts = QuartileCuts.Of([7, double.NaN, 1, 15, 3])!;

        cuts.Should().Be(new QuartileCuts(2.5, 5, 9, 4));
    }

    [Fact]
    public void Percentile_inclusive_returns_the_extremes_at_zero_and_one()
    {
        double[] sorted = [2, 4, 8];
        Percentiles.Inclusive(sorted, 0).Should().Be(2);
        Percentiles.Inclusive(sorted, 1).Should().Be(8);
        Percentiles.Inclusive(sorted, 0.5).Should().Be(4);
        // p = 0.4: h = 0.8 → 2 + 0.8·2 = 3.6
        Percentiles.Inclusive(sorted, 0.4).Should().BeApproximately(3.6, 1e-12);
    }

    [Fact]
    public void There_are_no_cuts_without_values()
    {
        QuartileCuts.Of([double.NaN]).Should().BeNull();
    }

    [Theory]
    [InlineData(3.0, QuartileBand.Low)]           // below Q1 3.25
    [InlineData(3.25, QuartileBand.BelowAverage)] // exactly Q1 is not the lowest quartile
    [InlineData(5.0, QuartileBand.BelowAverage)]
    [InlineData(5.5, QuartileBand.AboveAverage)]  // the median goes up
    [InlineData(7.75, QuartileBand.AboveAverage)] // exactly Q3 is not the top quartile
    [InlineData(8.0, QuartileBand.High)]
    public void Bands_are_strict_at_the_first_and_third_quartile(double value, QuartileBand expected)
    {
        var cuts = QuartileCuts.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!;
        cuts.BandOf(value).Should().Be(expected);
    }

    [Fact]
    public void When_all_schools_tie_none_is_in_the_lowest_quartile()
    {
        var cuts = QuartileCuts.Of([0.5, 0.5, 0.5, 0.5])!;
        cuts.BandOf(0.5).Should().Be(QuartileBand.AboveAverage);
    }
}
