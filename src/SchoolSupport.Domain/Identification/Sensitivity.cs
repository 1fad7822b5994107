using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Identification;

/// <summary>One rule parameter the sensitivity view can vary: its key, Russian title, current value and allowed range.</summary>
public sealed record TunableParameter(string Key, string Title, double Current, double Min, double Max, bool Integer);

/// <summary>The list a methodology would give with the parameter at <see cref="Value"/>.</summary>
public sealed record SensitivityPoint(double Value, int Listed, int LowResults, int Disadvantaged, int Watch);

/// <summary>
/// The sensitivity view: one rule parameter over a range of values, and the list size at each value. Bounded to
/// <see cref="MaxPoints"/> values; each value is a full engine run over the same inputs.
/// </summary>
public static class Sensitivity
{
    public const int MaxPoints = 50;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Every parameter of the methodology's rules that can be varied, in the order of the rules.</summary>
    public static IReadOnlyList<TunableParameter> ParametersOf(Methodology methodology)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        var found = new List<TunableParameter>();
        void Add(string group, int index, IdentificationRule rule, string parameter, string title, double current, double min, double max, bool integer = false) =>
            found.Add(new TunableParameter($"{group}:{index}:{parameter}", $"{rule.Code}: {title}", current, min, max, integer));

        var rules = methodology.Rules;
        for (var i = 0; i < rules.LowResults.Count; i++)
        {
            var rule = rules.LowResults[i];
            switch (rule)
            {
                case LowestQuartileForYears r:
                    Add("low", i, r, "percentile", DomainText.Sensitivity_ResultsPercentile, r.Percentile, 1, 50);
                    Add("low", i, r, "years", DomainText.Sensitivity_Years, r.Years, 1, Methodology.MaxYears, true);
                    break;
                case BelowMinimumAbove r:
                    Add("low", i, r, "threshold", DomainText.Sensitivity_Threshold, r.ThresholdPercent, 0, 100);
                    Add("low", i, r, "years", DomainText.Sensitivity_Years, r.Years, 1, Methodology.MaxYears, true);
                    break;
                case ProcedureShareAbove r:
                    Add("low", i, r, "threshold", DomainText.Sensitivity_Threshold, r.ThresholdPercent, 0, 100);
                    Add("low", i, r, "procedures", DomainText.Sensitivity_MinProcedures, r.MinProcedures, 1, Math.Max(1, r.Procedures.Count), true);
                    Add("low", i, r, "years", DomainText.Sensitivity_Years, r.Years, 1, Methodology.MaxYears, true);
                    break;
                case LowProfileShare r:
                    Add("low", i, r, "threshold", DomainText.Sensitivity_Threshold, r.ThresholdPercent, 0.1, 100);
                    Add("low", i, r, "years", DomainText.Sensitivity_Years, r.Years, 1, Methodology.MaxYears, true);
                    break;
            }
        }
        for (var i = 0; i < rules.Disadvantaged.Count; i++)
        {
            switch (rules.Disadvantaged[i])
            {
                case SocialIndexLowestQuartile r:
                    Add("social", i, r, "percentile", DomainText.Sensitivity_SocialPercentile, r.Percentile, 1, 50);
                    break;
                case ResourceDeficit r:
                    Add("social", i, r, "staffing", DomainText.Sensitivity_Staffing, r.MaxStaffingPercent, 0, 100);
                    Add("social", i, r, "vacancies", DomainText.Sensitivity_Vacancies, r.MinVacancies, 1, 50, true);
                    break;
            }
        }
        for (var i = 0; i < rules.Watch.Count; i++)
        {
            if (rules.Watch[i] is NegativeDynamics r)
            {
                Add("watch", i, r, "drop", DomainText.Sensitivity_Drop, r.Drop, 0.01, 1);
            }
        }
        return found;
    }

    /// <summary>The values from <paramref name="from"/> to <paramref name="to"/> by <paramref name="step"/>; refused when not a sensible range.</summary>
    public static IReadOnlyList<double> Values(TunableParameter parameter, double from, double to, double step)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var refusals = new List<Refusal>();
        if (!double.IsFinite(from) || !double.IsFinite(to) || from < parameter.Min || to > parameter.Max || from > to)
        {
            refusals.Add(new Refusal(string.Format(CultureInfo.CurrentCulture, DomainText.Sensitivity_BadRange, Number(parameter.Min), Number(parameter.Max)), "from"));
        }
        if (!double.IsFinite(step) || step <= 0 || (parameter.Integer && step != Math.Floor(step)))
        {
            refusals.Add(new Refusal(parameter.Integer ? DomainText.Sensitivity_StepInteger : DomainText.Sensitivity_StepPositive, "step"));
        }
        if (refusals.Count > 0)
        {
            throw new DomainException(refusals);
        }
        var count = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
        if (count > MaxPoints)
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Sensitivity_TooManyPoints, count, MaxPoints), "step");
        }
        return [.. Enumerable.Range(0, count).Select(i => Math.Round(from + (i * step), 6))];
    }

    /// <summary>The methodology with one parameter set to <paramref name="value"/>.</summary>
    public static Methodology With(Methodology methodology, string key, double value)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index))
        {
            throw new DomainException(DomainText.Sensitivity_NoParameter, "parameter");
        }
        var whole = (int)Math.Round(value);
        var rules = methodology.Rules;
        var parameter = parts[2];
        IdentificationRules changed = (parts[0], index) switch
        {
            ("low", var i) when i >= 0 && i < rules.LowResults.Count => rules with { LowResults = Replace(rules.LowResults, i, rules.LowResults[i] switch
            {
                LowestQuartileForYears r when parameter == "percentile" => r with { Percentile = value },
                LowestQuartileForYears r when parameter == "years" => r with { Years = whole },
                BelowMinimumAbove r when parameter == "threshold" => r with { ThresholdPercent = value },
                BelowMinimumAbove r when parameter == "years" => r with { Years = whole },
                ProcedureShareAbove r when parameter == "threshold" => r with { ThresholdPercent = value },
                ProcedureShareAbove r when parameter == "procedures" => r with { MinProcedures = whole },
                ProcedureShareAbove r when parameter == "years" => r with { Years = whole },
                LowOlympiadParticipation r when parameter == "threshold" => r with { ThresholdPercent = value },
                LowOlympiadParticipation r when parameter == "years" => r with { Years = whole },
                LowProgressionToGrade10 r when parameter == "threshold" => r with { ThresholdPercent = value },
                LowProgressionToGrade10 r when parameter == "years" => r with { Years = whole },
                _ => throw Unknown(),
            }) },
            ("social", var i) when i >= 0 && i < rules.Disadvantaged.Count => rules with { Disadvantaged = Replace(rules.Disadvantaged, i, rules.Disadvantaged[i] switch
            {
                SocialIndexLowestQuartile r when parameter == "percentile" => r with { Percentile = value },
                ResourceDeficit r when parameter == "staffing" => r with { MaxStaffingPercent = value },
                ResourceDeficit r when parameter == "vacancies" => r with { MinVacancies = whole },
                _ => throw Unknown(),
            }) },
            ("watch", var i) when i >= 0 && i < rules.Watch.Count => rules with { Watch = Replace(rules.Watch, i, rules.Watch[i] switch
            {
                NegativeDynamics r when parameter == "drop" => r with { Drop = value },
                _ => throw Unknown(),
            }) },
            _ => throw Unknown(),
        };
        return methodology with { Rules = changed };
    }

    /// <summary>The list size at each value of the parameter, over the same schools.</summary>
    public static IReadOnlyList<SensitivityPoint> Compute(Methodology methodology, int year, IReadOnlyList<SchoolInput> schools, string key, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count > MaxPoints)
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Sensitivity_MaxPoints, MaxPoints), "step");
        }
        var points = new SensitivityPoint[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var result = IdentificationEngine.Compute(With(methodology, key, values[i]), year, schools, evidenceFor: static _ => false); // counts only: no evidence text
            int listed = 0, low = 0, disadvantaged = 0, watch = 0;
            foreach (var school in result.Schools)
            {
                if (school.IsListed) listed++;
                if (school.LowResults) low++;
                if (school.Disadvantaged) disadvantaged++;
                if (school.Watch) watch++;
            }
            points[i] = new SensitivityPoint(values[i], listed, low, disadvantaged, watch);
        }
        return points;
    }

    public static string Number(double value) => value.ToString("0.##", Russian);

    private static DomainException Unknown() => new(DomainText.Sensitivity_NoParameter, "parameter");

    private static T[] Replace<T>(IReadOnlyList<T> items, int index, T item)
    {
        var copy = items.ToArray();
        copy[index] = item;
        return copy;
    }
}
