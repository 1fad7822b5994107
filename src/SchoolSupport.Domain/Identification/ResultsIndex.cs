using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// The results index (ИОР), 0..1, for one year over the region's schools:
/// <list type="number">
/// <item>each indicator's value per school: the participant-weighted mean over the school's matching grade rows,
/// or the profile field; missing when the school has no such rows (or no profile);</item>
/// <item>min–max normalisation of each indicator across the schools that have it: (x − min) / (max − min), flipped to
/// 1 − that for LowerIsBetter; 0.5 for everyone when max = min;</item>
/// <item>the weighted mean of a school's normalised values over the indicators it has, so the weights of missing
/// indicators are redistributed over the rest; missing (NaN) when it has none.</item>
/// </list>
/// Arrays are indexed by school; NaN marks a missing value.
/// </summary>
public static class ResultsIndex
{
    /// <summary>One school's value of one indicator in a year (step 1); null when the school has no data for it.</summary>
    public static double? SchoolValue(
        IndicatorSource source,
        int year,
        IEnumerable<ResultRow> results,
        IEnumerable<SchoolYearProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(profiles);
        switch (source)
        {
            case AssessmentSource assessment:
                double participants = 0, sum = 0;
                foreach (var row in results)
                {
                    var value = row.Measure(assessment.Measure);
                    if (row.Year == year && row.Participants > 0 && double.IsFinite(value) && assessment.Matches(row))
                    {
                        participants += row.Participants;
                        sum += row.Participants * value;
                    }
                }
                return participants > 0 ? sum / participants : null;
            case ProfileSource profile:
                var yearProfile = profiles.FirstOrDefault(p => p.Year == year);
                return yearProfile?.Value(profile.Measure);
            default:
                throw new ArgumentException($"Unknown indicator source {source.GetType().Name}.", nameof(source));
        }
    }

    /// <summary>Min–max normalisation of one indicator across schools (step 2); NaN stays NaN.</summary>
    public static double[] Normalise(ReadOnlySpan<double> values, Direction direction)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }
        var result = new double[values.Length];
        var range = max - min;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!double.IsFinite(value))
            {
                result[i] = double.NaN;
            }
            else if (range <= 0)
            {
                result[i] = 0.5;
            }
            else
            {
                var scaled = (value - min) / range;
                result[i] = direction == Direction.LowerIsBetter ? 1 - scaled : scaled;
            }
        }
        return result;
    }

    /// <summary>Weighted mean of normalised indicators per school over the indicators present (step 3).</summary>
    /// <param name="normalised">One array per indicator, each indexed by school.</param>
    /// <param name="weights">One positive weight per indicator.</param>
    public static double[] Combine(IReadOnlyList<double[]> normalised, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        ArgumentNullException.ThrowIfNull(weights);
        if (normalised.Count != weights.Count)
        {
            throw new ArgumentException("One weight per indicator is needed.", nameof(weights));
        }
        if (normalised.Count == 0)
        {
            return [];
        }
        var schools = normalised[0].Length;
        var weightedSum = new double[schools];
        var weightSum = new double[schools];
        for (var k = 0; k < normalised.Count; k++)
        {
            var column = normalised[k];
            if (column.Length != schools)
            {
                throw new ArgumentException("Every indicator needs a value slot for every school.", nameof(normalised));
            }
            var weight = weights[k];
            for (var s = 0; s < schools; s++)
            {
                if (double.IsFinite(column[s]))
                {
                    weightedSum[s] += weight * column[s];
                    weightSum[s] += weight;
                }
            }
        }
        for (var s = 0; s < schools; s++)
        {
            weightedSum[s] = weightSum[s] > 0 ? weightedSum[s] / weightSum[s] : double.NaN;
        }
        return weightedSum;
    }

    /// <summary>Steps 2 and 3: the ИОР per school from raw indicator values (one array per indicator, by school).</summary>
    public static double[] Compute(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<double[]> valuesByIndicator)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(valuesByIndicator);
        if (indicators.Count != valuesByIndicator.Count)
        {
            throw new ArgumentException("One value array per indicator is needed.", nameof(valuesByIndicator));
        }
        var normalised = new double[indicators.Count][];
        var weights = new double[indicators.Count];
        for (var k = 0; k < indicators.Count; k++)
        {
            normalised[k] = Normalise(valuesByIndicator[k], indicators[k].Direction);
            weights[k] = indicators[k].Weight;
        }
        return Combine(normalised, weights);
    }

    /// <summary>
    /// Step 1 for all schools and years in one pass over each school's rows: result[yearOffset][indicator][school],
    /// NaN where missing. Rows are matched to indicators through a (kind, subject) table, so the cost is
    /// O(rows × indicators sharing a kind and subject).
    /// </summary>
    internal static double[][][] ValuesByYear(
        IReadOnlyList<IndicatorDefinition> indicators,
        int firstYear,
        int years,
        IReadOnlyList<SchoolInput> schools)
    {
        var k = indicators.Count;
        var values = new double[years][][];
        for (var y = 0; y < years; y++)
        {
            values[y] = new double[k][];
            for (var i = 0; i < k; i++)
            {
                values[y][i] = new double[schools.Count];
                Array.Fill(values[y][i], double.NaN);
            }
        }

        var subjects = Enum.GetValues<Subject>().Max(s => (int)s) + 1;
        var kinds = Enum.GetValues<AssessmentKind>().Max(s => (int)s) + 1;
        var byKindSubject = new List<int>?[kinds * subjects];
        var profileIndicators = new List<(int Index, ProfileMeasure Measure)>();
        var sources = new AssessmentSource?[k];
        for (var i = 0; i < k; i++)
        {
            switch (indicators[i].Source)
            {
                case AssessmentSource a when (int)a.Kind >= 0 && (int)a.Kind < kinds && (int)a.Subject >= 0 && (int)a.Subject < subjects:
                    sources[i] = a;
                    (byKindSubject[((int)a.Kind * subjects) + (int)a.Subject] ??= []).Add(i);
                    break;
                case ProfileSource p:
                    profileIndicators.Add((i, p.Measure));
                    break;
            }
        }
        var lookup = byKindSubject.Select(list => list?.ToArray()).ToArray();

        var participants = new double[years * k];
        var sums = new double[years * k];
        for (var s = 0; s < schools.Count; s++)
        {
            var school = schools[s];
            Array.Clear(participants);
            Array.Clear(sums);
            foreach (var row in school.Results)
            {
                var y = row.Year - firstYear;
                if (y < 0 || y >= years || row.Participants <= 0
                    || (int)row.Kind < 0 || (int)row.Kind >= kinds || (int)row.Subject < 0 || (int)row.Subject >= subjects)
                {
                    continue;
                }
                if (lookup[((int)row.Kind * subjects) + (int)row.Subject] is not { } matching)
                {
                    continue;
                }
                foreach (var i in matching)
                {
                    var source = sources[i]!;
                    var value = row.Measure(source.Measure);
                    if ((source.Grade is not { } grade || grade == row.Grade) && double.IsFinite(value))
                    {
                        participants[(y * k) + i] += row.Participants;
                        sums[(y * k) + i] += row.Participants * value;
                    }
                }
            }
            for (var y = 0; y < years; y++)
            {
                for (var i = 0; i < k; i++)
                {
                    var n = participants[(y * k) + i];
                    if (n > 0)
                    {
                        values[y][i][s] = sums[(y * k) + i] / n;
                    }
                }
            }
            if (profileIndicators.Count > 0)
            {
                foreach (var profile in school.Profiles)
                {
                    var y = profile.Year - firstYear;
                    if (y < 0 || y >= years)
                    {
                        continue;
                    }
                    foreach (var (i, measure) in profileIndicators)
                    {
                        values[y][i][s] = profile.Value(measure);
                    }
                }
            }
        }
        return values;
    }
}
