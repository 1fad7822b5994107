namespace SchoolSupport.Domain.Identification;

/// <summary>Quartile band of a value in the region's distribution (ИОР: высокий, выше среднего, ниже среднего, низкий).</summary>
public enum QuartileBand
{
    Low = 1,
    BelowAverage = 2,
    AboveAverage = 3,
    High = 4,
}

/// <summary>
/// Quartile cut points of a distribution, computed with <see cref="Percentiles.Inclusive"/>.
/// Bands: Low when value &lt; Q1; High when value &gt; Q3; otherwise BelowAverage when value &lt; median, else
/// AboveAverage. The strict inequalities at the ends mean that when all schools tie nobody is Low or High.
/// </summary>
public sealed record QuartileCuts(double Q1, double Median, double Q3, int Count)
{
    public QuartileBand BandOf(double value) =>
        value < Q1 ? QuartileBand.Low
        : value > Q3 ? QuartileBand.High
        : value < Median ? QuartileBand.BelowAverage
        : QuartileBand.AboveAverage;

    /// <summary>Cuts of the finite values (NaN marks a school without a value); null when there are none.</summary>
    public static QuartileCuts? Of(IEnumerable<double> values)
    {
        var sorted = Percentiles.SortedFinite(values);
        return FromSorted(sorted);
    }

    /// <summary>Cuts of values already sorted ascending; null when empty.</summary>
    public static QuartileCuts? FromSorted(ReadOnlySpan<double> sorted) =>
        sorted.Length == 0
            ? null
            : new QuartileCuts(
                Percentiles.Inclusive(sorted, 0.25),
                Percentiles.Inclusive(sorted, 0.5),
                Percentiles.Inclusive(sorted, 0.75),
                sorted.Length);
}

public static class Percentiles
{
    /// <summary>
    /// The percentile of sorted values by linear interpolation between closest ranks, as Excel PERCENTILE.INC and
    /// numpy's default: h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) with 0-based x.
    /// </summary>
    /// <param name="sorted">Values sorted ascending, at least one.</param>
    /// <param name="fraction">p in [0, 1] (0.25 is the first quartile).</param>
    public static double Inclusive(ReadOnlySpan<double> sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(sorted));
        }
        if (!(fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction must be in [0, 1].");
        }
        var h = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }
        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>The finite values, sorted ascending (NaN and infinities dropped).</summary>
    public static double[] SortedFinite(IEnumerable<double> values)
    {
        var list = new List<double>();
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                list.Add(value);
            }
        }
        var array = list.ToArray();
        Array.Sort(array);
        return array;
    }
}
