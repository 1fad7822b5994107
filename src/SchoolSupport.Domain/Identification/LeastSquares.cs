using System.Diagnostics.CodeAnalysis;

namespace SchoolSupport.Domain.Identification;

/// <summary>y ≈ Intercept + Σ Weights[j]·x[j], with the share of the variance of y it explains.</summary>
public sealed record RegressionFit(double Intercept, IReadOnlyList<double> Weights, double RSquared, int Observations)
{
    public double Predict(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Intercept;
        for (var j = 0; j < Weights.Count; j++)
        {
            y += Weights[j] * x[j];
        }
        return y;
    }
}

/// <summary>
/// Ordinary least squares with an intercept, solved from the normal equations. The intercept is eliminated by
/// centring (x − x̄, y − ȳ), which leaves the p×p system SᵀS·β = Sᵀy on the centred data — better conditioned
/// than the raw (p+1)×(p+1) one when inputs are percentages — solved by Cholesky decomposition;
/// intercept = ȳ − β·x̄. R² = 1 − SSres/SStot (0 when y does not vary).
/// </summary>
public static class LeastSquares
{
    /// <summary>A pivot this small relative to its column's own variance means the column is (nearly) a combination of the others.</summary>
    private const double SingularTolerance = 1e-10;

    /// <param name="x">One row per observation, each with the same number p ≥ 1 of inputs.</param>
    /// <param name="y">One value per observation; at least p + 1 observations.</param>
    /// <exception cref="ArgumentException">Shapes do not match, too few observations or non-finite values.</exception>
    /// <exception cref="InvalidOperationException">The inputs are collinear (or one is constant): no unique fit.</exception>
    public static RegressionFit Fit(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y) =>
        FitCore(x, y, out var problem) ?? throw new InvalidOperationException(problem);

    public static bool TryFit(
        IReadOnlyList<IReadOnlyList<double>> x,
        IReadOnlyList<double> y,
        [NotNullWhen(true)] out RegressionFit? fit)
    {
        try
        {
            fit = FitCore(x, y, out _);
        }
        catch (ArgumentException)
        {
            fit = null;
        }
        return fit is not null;
    }

    private static RegressionFit? FitCore(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y, out string problem)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Count;
        if (x.Count != n)
        {
            throw new ArgumentException("x and y must have the same number of observations.", nameof(x));
        }
        var p = n == 0 ? 0 : x[0].Count;
        if (p == 0)
        {
            throw new ArgumentException("At least one input is needed.", nameof(x));
        }
        if (n < p + 1)
        {
            throw new ArgumentException($"At least {p + 1} observations are needed for {p} inputs and an intercept.", nameof(y));
        }

        var meanX = new double[p];
        double meanY = 0;
        for (var i = 0; i < n; i++)
        {
            var row = x[i];
            if (row.Count != p)
            {
                throw new ArgumentException("Every observation must have the same number of inputs.", nameof(x));
            }
            for (var j = 0; j < p; j++)
            {
                if (!double.IsFinite(row[j]))
                {
                    throw new ArgumentException("Inputs must be finite numbers.", nameof(x));
                }
                meanX[j] += row[j];
            }
            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException("Outputs must be finite numbers.", nameof(y));
            }
            meanY += y[i];
        }
        for (var j = 0; j < p; j++)
        {
            meanX[j] /= n;
        }
        meanY /= n;

        // Normal equations on centred data: a = Σ (x − x̄)(x − x̄)ᵀ, b = Σ (x − x̄)(y − ȳ).
        var a = new double[p * p];
        var b = new double[p];
        var centred = new double[p];
        double totalSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var row = x[i];
            for (var j = 0; j < p; j++)
            {
                centred[j] = row[j] - meanX[j];
            }
            var dy = y[i] - meanY;
            totalSquares += dy * dy;
            for (var j = 0; j < p; j++)
            {
                b[j] += centred[j] * dy;
                for (var m = 0; m <= j; m++)
                {
                    a[(j * p) + m] += centred[j] * centred[m];
                }
            }
        }

        // Cholesky a = L·Lᵀ in place (lower triangle).
        for (var j = 0; j < p; j++)
        {
            var diagonal = a[(j * p) + j];
            var pivot = diagonal;
            for (var m = 0; m < j; m++)
            {
                pivot -= a[(j * p) + m] * a[(j * p) + m];
            }
            if (!(pivot > SingularTolerance * diagonal) || diagonal <= 0)
            {
                problem = $"Input {j + 1} is constant or a linear combination of the others; the fit is not unique.";
                return null;
            }
            var l = Math.Sqrt(pivot);
            a[(j * p) + j] = l;
            for (var r = j + 1; r < p; r++)
            {
                var sum = a[(r * p) + j];
                for (var m = 0; m < j; m++)
                {
                    sum -= a[(r * p) + m] * a[(j * p) + m];
                }
                a[(r * p) + j] = sum / l;
            }
        }
        // Forward substitution L·z = b, then back substitution Lᵀ·β = z.
        var beta = new double[p];
        for (var j = 0; j < p; j++)
        {
            var sum = b[j];
            for (var m = 0; m < j; m++)
            {
                sum -= a[(j * p) + m] * beta[m];
            }
            beta[j] = sum / a[(j * p) + j];
        }
        for (var j = p - 1; j >= 0; j--)
        {
            var sum = beta[j];
            for (var m = j + 1; m < p; m++)
            {
                sum -= a[(m * p) + j] * beta[m];
            }
            beta[j] = sum / a[(j * p) + j];
        }

        var intercept = meanY;
        for (var j = 0; j < p; j++)
        {
            intercept -= beta[j] * meanX[j];
        }
        double residualSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var predicted = intercept;
            for (var j = 0; j < p; j++)
            {
                predicted += beta[j] * x[i][j];
            }
            var residual = y[i] - predicted;
            residualSquares += residual * residual;
        }
        var rSquared = totalSquares > 0 ? Math.Clamp(1 - (residualSquares / totalSquares), 0, 1) : 0;
        problem = "";
        return new RegressionFit(intercept, beta, rSquared, n);
    }
}
