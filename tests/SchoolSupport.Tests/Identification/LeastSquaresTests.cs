using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

public sealed class LeastSquaresTests
{
    [Fact]
    public void Exact_linear_data_is_recovered_with_r_squared_one()
    {
        // y = 2 + 3·x1 − 0.5·x2
        double[][] x = [[0, 0], [1, 0], [0, 4], [3, 2], [5, 7]];
        var y = x.Select(r => 2 + (3 * r[0]) - (0.5 * r[1])).ToArray();

        var fit = LeastSquares.Fit(x, y);

        fit.Intercept.Should().BeApproximately(2, 1e-9);
        fit.Weights[0].Should().BeApproximately(3, 1e-9);
        fit.Weights[1].Should().BeApproximately(-0.5, 1e-9);
        fit.RSquared.Should().BeApproximately(1, 1e-12);
        fit.Observations.Should().Be(5);
    }

    [Fact]
    public void One_input_fit_matches_the_hand_computation()
    {
        // x = 1, 2, 3, 4; y = 2, 3, 5, 6.  x̄ = 2.5, ȳ = 4.
        // Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5;  Sxy = 3 + 0.5 + 0.5 + 3 = 7  →  β = 7/5 = 1.4, b0 = 4 − 1.4·2.5 = 0.5
        // predictions 1.9, 3.3, 4.7, 6.1; residuals 0.1, −0.3, 0.3, −0.1 → SSres = 0.2; SStot = 4 + 1 + 1 + 4 = 10
        // R² = 1 − 0.2/10 = 0.98
        var fit = LeastSquares.Fit([[1.0], [2.0], [3.0], [4.0]], [2.0, 3, 5, 6]);

        fit.Weights.Should().ContainSingle().Which.Should().BeApproximately(1.4, 1e-12);
        fit.Intercept.Should().BeApproximately(0.5, 1e-12);
        fit.RSquared.Should().BeApproximately(0.98, 1e-12);
    }

    [Fact]
    public void Two_input_fit_matches_the_hand_computation()
    {
        // Points (x1, x2) → y: (0,0)→1, (2,0)→5, (0,2)→0, (2,2)→4, (1,1)→3.
        // x̄ = (1, 1), ȳ = 13/5 = 2.6. Centred x1 = −1, 1, −1, 1, 0; centred x2 = −1, −1, 1, 1, 0.
        // S = [[4, 0], [0, 4]] (the centred columns are orthogonal);
        // Sx1y = −1 + 5 − 0 + 4 + 0 = 8 → β1 = 2;  Sx2y = −1 − 5 + 0 + 4 + 0 = −2 → β2 = −0.5
        // b0 = 2.6 − 2·1 + 0.5·1 = 1.1
        // predictions 1.1, 5.1, 0.1, 4.1, 2.6; residuals −0.1, −0.1, −0.1, −0.1, 0.4 → SSres = 0.04 + 0.16 = 0.2
        // SStot = 1.6² + 2.4² + 2.6² + 1.4² + 0.4² = 2.56 + 5.76 + 6.76 + 1.96 + 0.16 = 17.2
        // R² = 1 − 0.2/17.2 = 85/86
        var fit = LeastSquares.Fit([[0.0, 0], [2.0, 0], [0.0, 2], [2.0, 2], [1.0, 1]], [1.0, 5, 0, 4, 3]);

        fit.Weights[0].Should().BeApproximately(2, 1e-12);
        fit.Weights[1].Should().BeApproximately(-0.5, 1e-12);
        fit.Intercept.Should().BeApproximately(1.1, 1e-12);
        fit.RSquared.Should().BeApproximately(85.0 / 86, 1e-12);
        fit.Predict([1, 1]).Should().BeApproximately(2.6, 1e-12);
    }

    [Fact]
    public void Collinear_inputs_have_no_unique_fit()
    {
        // x2 = 2·x1
        double[][] x = [[1, 2], [2, 4], [3, 6], [4, 8]];
        double[] y = [1, 2, 2, 3];

        var fit = () => LeastSquares.Fit(x, y);

        fit.Should().Throw<InvalidOperationException>();
        LeastSquares.TryFit(x, y, out var none).Should().BeFalse();
        none.Should().BeNull();
    }

    [Fact]
    public void A_constant_input_has_no_unique_fit()
    {
        LeastSquares.TryFit([[5.0, 1], [5.0, 2], [5.0, 4]], [1.0, 2, 3], out _).Should().BeFalse();
    }

    [Fact]
    public void A_fit_needs_more_observations_than_inputs()
    {
        var fit = () => LeastSquares.Fit([[1.0, 2], [2.0, 1]], [1.0, 2]);
        fit.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Fit_is_exact_on_percentage_scale_inputs()
    {
        // Inputs on the 0–100 scale with a small output, as when ИОР is regressed on profile shares:
        // y = 0.1 + 0.008·x1 − 0.005·x2 + 0.002·x3
        var random = new Random(7);
        var x = Enumerable.Range(0, 200)
            .Select(_ => new[] { random.NextDouble() * 100, random.NextDouble() * 30, 60 + (random.NextDouble() * 40) })
            .ToArray();
        var y = x.Select(r => 0.1 + (0.008 * r[0]) - (0.005 * r[1]) + (0.002 * r[2])).ToArray();

        var fit = LeastSquares.Fit(x, y);

        fit.Weights.Should().Equal(new[] { 0.008, -0.005, 0.002 }, (a, b) => Math.Abs(a - b) < 1e-12);
        fit.Intercept.Should().BeApproximately(0.1, 1e-10);
        fit.RSquared.Should().BeApproximately(1, 1e-12);
    }
}
