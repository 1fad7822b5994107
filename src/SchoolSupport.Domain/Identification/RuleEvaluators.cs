using System.Globalization;
using System.Text;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Identification;

/// <summary>What every rule may look at, computed once for the region before schools are evaluated.</summary>
internal sealed record EvaluationContext(
    int Year,
    int FirstYear,
    double[][] ResultsIndex,
    QuartileCuts?[] ResultsCuts,
    double[] SocialIndex,
    QuartileCuts? SocialCuts,
    SchoolYearProfile?[] Profiles);

/// <summary>A rule bound to the region's context; evaluates one school at a time with no allocation beyond its evidence.</summary>
internal abstract class RuleEvaluator(IdentificationRule rule, RuleGroup group, EvaluationContext context)
{
    /// <summary>Absorbs rounding in comparisons such as 0.5 − 0.4 ≥ 0.1, where the decimal data are exactly on the threshold.</summary>
    protected const double Tolerance = 1e-9;

    protected static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private readonly string _description = rule.Description;

    protected EvaluationContext Context { get; } = context;

    /// <param name="details">False: only whether the rule fires; the evidence text is left empty (a trial builds it only for the schools it shows).</param>
    public abstract RuleEvidence Evaluate(int school, SchoolInput input, bool details = true);

    protected RuleEvidence Evidence(bool fired, string details) => new(rule.Code, group, _description, fired, details);

    private RuleEvidence? _firedBare;
    private RuleEvidence? _notFiredBare;

    /// <summary>The evidence without text, shared by every school with the same outcome.</summary>
    protected RuleEvidence Bare(bool fired) => fired
        ? _firedBare ??= new(rule.Code, group, _description, true, "")
        : _notFiredBare ??= new(rule.Code, group, _description, false, "");

    protected RuleEvidence Evidence(bool fired, StringBuilder? details) => details is null ? Bare(fired) : Evidence(fired, details.ToString());

    protected static string Index(double value) => value.ToString("0.000", Russian);

    protected static string Number(double value) => value.ToString("0.###", Russian);

    protected static string Percent(double value) => value.ToString("0.#", Russian) + " %";

    public static RuleEvaluator For(IdentificationRule rule, EvaluationContext context) => rule switch
    {
        LowestQuartileForYears r => new LowestQuartileEvaluator(r, context),
        BelowMinimumAbove r => new BelowMinimumEvaluator(r, context),
        ProcedureShareAbove r => new ProcedureShareEvaluator(r, context),
        LowProfileShare r => new LowProfileShareEvaluator(r, context),
        SocialIndexLowestQuartile r => new SocialQuartileEvaluator(r, context),
        ResourceDeficit r => new ResourceDeficitEvaluator(r, context),
        NegativeDynamics r => new NegativeDynamicsEvaluator(r, context),
        _ => throw new NotSupportedException($"Rule {rule.GetType().Name} has no evaluator."),
    };
}

internal sealed class LowestQuartileEvaluator(LowestQuartileForYears rule, EvaluationContext context)
    : RuleEvaluator(rule, RuleGroup.LowResults, context)
{
    // For a percentile other than the quartile, the cut of each year of the look-back, computed once for all schools.
    private readonly double[]? _cuts = rule.Percentile == 25 ? null : context.ResultsIndex.Select(values =>
    {
        var sorted = Percentiles.SortedFinite(values);
        return sorted.Length == 0 ? double.NaN : Percentiles.Inclusive(sorted, rule.Percentile / 100.0);
    }).ToArray();

    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var text = details ? new StringBuilder() : null;
        var fired = true;
        for (var year = Context.Year - rule.Years + 1; year <= Context.Year; year++)
        {
            var y = year - Context.FirstYear;
            var value = Context.ResultsIndex[y][school];
            if (text is { Length: > 0 })
            {
                text.Append("; ");
            }
            if (!double.IsFinite(value) || Context.ResultsCuts[y] is not { } cuts)
            {
                fired = false;
                text?.Append(string.Format(CultureInfo.InvariantCulture, DomainText.Rule_NoResultsIndex, year));
                continue;
            }
            var cut = _cuts?[y] ?? cuts.Q1;
            var low = value < cut;
            fired &= low;
            if (text is null) continue;
            var name = _cuts is null ? "Q1" : $"P{rule.Percentile:0.#}";
            text.Append(string.Format(CultureInfo.InvariantCulture, DomainText.Rule_ResultsIndexEvidence, year, Index(value), (low ? "<" : "≥"), name, Index(cut)));
        }
        return Evidence(fired, text);
    }
}

internal sealed class BelowMinimumEvaluator : RuleEvaluator
{
    private readonly BelowMinimumAbove _rule;
    private readonly int[] _kindPosition;
    private readonly int[] _subjectPosition;
    private readonly int _subjects;
    private readonly string[] _pairNames;
    private readonly double[] _participants;
    private readonly double[] _sums;

    public BelowMinimumEvaluator(BelowMinimumAbove rule, EvaluationContext context)
        : base(rule, RuleGroup.LowResults, context)
    {
        _rule = rule;
        var kinds = rule.Kinds.Distinct().ToArray();
        var subjects = rule.Subjects.Distinct().ToArray();
        _kindPosition = Positions(kinds.Select(k => (int)k).ToArray());
        _subjectPosition = Positions(subjects.Select(s => (int)s).ToArray());
        _subjects = subjects.Length;
        _pairNames = kinds
            .SelectMany(k => subjects.Select(s => $"{Titles.InSentence(k)} {Titles.InSentence(s)}"))
            .ToArray();
        _participants = new double[rule.Years * _pairNames.Length];
        _sums = new double[rule.Years * _pairNames.Length];
    }

    /// <summary>position[enum value] = its place among the chosen values, or −1 (negative values are never chosen).</summary>
    private static int[] Positions(int[] chosen)
    {
        var positions = new int[Math.Max(0, chosen.DefaultIfEmpty(-1).Max() + 1)];
        Array.Fill(positions, -1);
        for (var i = 0; i < chosen.Length; i++)
        {
            if (chosen[i] >= 0)
            {
                positions[chosen[i]] = i;
            }
        }
        return positions;
    }

    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var firstYear = Context.Year - _rule.Years + 1;
        var pairs = _pairNames.Length;
        Array.Clear(_participants);
        Array.Clear(_sums);
        foreach (var row in input.Results)
        {
            var y = row.Year - firstYear;
            var kind = (int)row.Kind;
            var subject = (int)row.Subject;
            if (y < 0 || y >= _rule.Years || row.Participants <= 0 || !double.IsFinite(row.BelowMinimumShare)
                || kind < 0 || kind >= _kindPosition.Length || _kindPosition[kind] < 0
                || subject < 0 || subject >= _subjectPosition.Length || _subjectPosition[subject] < 0)
            {
                continue;
            }
            var slot = (y * pairs) + (_kindPosition[kind] * _subjects) + _subjectPosition[subject];
            _participants[slot] += row.Participants;
            _sums[slot] += row.Participants * row.BelowMinimumShare;
        }

        var threshold = _rule.ThresholdPercent;
        var text = details ? new StringBuilder() : null;
        var fired = true;
        for (var y = 0; y < _rule.Years; y++)
        {
            var year = firstYear + y;
            if (text is { Length: > 0 })
            {
                text.Append("; ");
            }
            text?.Append(CultureInfo.InvariantCulture, $"{year}: ");
            if (_rule.Aggregation == BelowMinimumAggregation.Pooled)
            {
                double participants = 0, sum = 0;
                for (var p = 0; p < pairs; p++)
                {
                    participants += _participants[(y * pairs) + p];
                    sum += _sums[(y * pairs) + p];
                }
                if (participants <= 0)
                {
                    fired = false;
                    text?.Append(DomainText.Rule_NoResults);
                    continue;
                }
                var share = sum / participants;
                var above = _rule.Comparison.Exceeds(share, threshold, Tolerance);
                fired &= above;
                text?.Append(string.Format(CultureInfo.CurrentCulture, DomainText.Rule_PooledEvidence, Percent(share), _rule.Comparison.Sign(above), Percent(threshold)));
                continue;
            }

            // Every (assessment, subject) with results that year, above the threshold or not, so the evidence names all subjects.
            var any = false;
            var exceeds = false;
            for (var p = 0; p < pairs; p++)
            {
                var participants = _participants[(y * pairs) + p];
                if (participants <= 0)
                {
                    continue;
                }
                var share = _sums[(y * pairs) + p] / participants;
                var above = _rule.Comparison.Exceeds(share, threshold, Tolerance);
                exceeds |= above;
                if (any)
                {
                    text?.Append(", ");
                }
                any = true;
                text?.Append(_pairNames[p]).Append(' ').Append(Percent(share)).Append(' ')
                    .Append(_rule.Comparison.Sign(above)).Append(' ').Append(Percent(threshold));
            }
            if (!any)
            {
                text?.Append(DomainText.Rule_NoResults);
            }
            fired &= exceeds;
        }
        return Evidence(fired, text);
    }
}

/// <summary>
/// N of the chosen procedures above the threshold in each year, or the same N procedures above it in every year of the look-back.
/// The evidence gives every procedure's share in every year.
/// </summary>
internal sealed class ProcedureShareEvaluator : RuleEvaluator
{
    private readonly ProcedureShareAbove _rule;
    private readonly AssessmentProcedure[] _procedures;
    private readonly double[] _participants;
    private readonly double[] _sums;
    private readonly int[] _yearsAbove;

    public ProcedureShareEvaluator(ProcedureShareAbove rule, EvaluationContext context)
        : base(rule, RuleGroup.LowResults, context)
    {
        _rule = rule;
        _procedures = [.. rule.Procedures];
        _participants = new double[rule.Years * _procedures.Length];
        _sums = new double[rule.Years * _procedures.Length];
        _yearsAbove = new int[_procedures.Length];
    }

    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var firstYear = Context.Year - _rule.Years + 1;
        var count = _procedures.Length;
        Array.Clear(_participants);
        Array.Clear(_sums);
        Array.Clear(_yearsAbove);
        foreach (var row in input.Results)
        {
            var y = row.Year - firstYear;
            if (y < 0 || y >= _rule.Years || row.Participants <= 0)
            {
                continue;
            }
            var value = row.Measure(_rule.Measure);
            if (!double.IsFinite(value))
            {
                continue;
            }
            for (var p = 0; p < count; p++)
            {
                if (_procedures[p].Matches(row))
                {
                    _participants[(y * count) + p] += row.Participants;
                    _sums[(y * count) + p] += row.Participants * value;
                }
            }
        }

        var threshold = _rule.ThresholdPercent;
        var text = details ? new StringBuilder() : null;
        var everyYear = true;
        for (var y = 0; y < _rule.Years; y++)
        {
            if (text is { Length: > 0 })
            {
                text.Append("; ");
            }
            text?.Append(CultureInfo.InvariantCulture, $"{firstYear + y}: ");
            var above = 0;
            var any = false;
            for (var p = 0; p < count; p++)
            {
                var participants = _participants[(y * count) + p];
                if (any)
                {
                    text?.Append(", ");
                }
                any = true;
                text?.Append(_procedures[p].Title).Append(' ');
                if (participants <= 0)
                {
                    text?.Append(DomainText.Rule_NoResults);
                    continue;
                }
                var share = _sums[(y * count) + p] / participants;
                var exceeds = _rule.Comparison.Exceeds(share, threshold, Tolerance);
                if (exceeds)
                {
                    above++;
                    _yearsAbove[p]++;
                }
                text?.Append(Percent(share)).Append(' ').Append(_rule.Comparison.Sign(exceeds)).Append(' ').Append(Percent(threshold));
            }
            text?.Append(string.Format(CultureInfo.InvariantCulture, DomainText.Rule_AboveOf, above, count));
            everyYear &= above >= _rule.MinProcedures;
        }

        bool fired;
        if (_rule.SameProcedure)
        {
            var steady = new List<string>();
            for (var p = 0; p < count; p++)
            {
                if (_yearsAbove[p] == _rule.Years)
                {
                    steady.Add(_procedures[p].Title);
                }
            }
            fired = steady.Count >= _rule.MinProcedures;
            text?.Append(DomainText.Rule_SteadyAbove).Append(steady.Count > 0 ? string.Join(", ", steady) : DomainText.Rule_NoProcedure);
        }
        else
        {
            fired = everyYear;
        }
        return Evidence(fired, text);
    }
}

/// <summary>A profile share (olympiads, progression to grade 10) below its threshold in each year of the look-back.</summary>
internal sealed class LowProfileShareEvaluator(LowProfileShare rule, EvaluationContext context)
    : RuleEvaluator(rule, RuleGroup.LowResults, context)
{
    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var text = details ? new StringBuilder() : null;
        var fired = true;
        var sign = rule.Comparison == LowComparison.AtMost ? ("≤", ">") : ("<", "≥");
        for (var year = Context.Year - rule.Years + 1; year <= Context.Year; year++)
        {
            if (text is { Length: > 0 })
            {
                text.Append("; ");
            }
            if (input.ProfileFor(year) is not { } profile)
            {
                fired = false;
                text?.Append(string.Format(CultureInfo.InvariantCulture, DomainText.Rule_NoProfile, year));
                continue;
            }
            var value = profile.Value(rule.Measure);
            var low = rule.IsLow(value, Tolerance);
            fired &= low;
            text?.Append(CultureInfo.InvariantCulture, $"{year}: {Percent(value)} {(low ? sign.Item1 : sign.Item2)} {Percent(rule.ThresholdPercent)}");
        }
        return Evidence(fired, text);
    }
}

internal sealed class SocialQuartileEvaluator(SocialIndexLowestQuartile rule, EvaluationContext context)
    : RuleEvaluator(rule, RuleGroup.Disadvantaged, context)
{
    private readonly double _cut = CutOf(rule, context);

    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var value = Context.SocialIndex[school];
        if (!double.IsFinite(value) || !double.IsFinite(_cut))
        {
            return details ? Evidence(false, string.Format(CultureInfo.CurrentCulture, DomainText.Rule_NoSocialProfile, Context.Year)) : Bare(false);
        }
        var low = value < _cut;
        if (!details) return Bare(low);
        var name = rule.Percentile == 25 ? "Q1" : $"P{rule.Percentile:0.#}";
        return Evidence(low, string.Format(CultureInfo.CurrentCulture, DomainText.Rule_SocialIndexEvidence, Context.Year, Number(value), (low ? "<" : "≥"), name, Number(_cut)));
    }

    private static double CutOf(SocialIndexLowestQuartile rule, EvaluationContext context)
    {
        if (rule.Percentile == 25) return context.SocialCuts?.Q1 ?? double.NaN;
        var sorted = Percentiles.SortedFinite(context.SocialIndex);
        return sorted.Length == 0 ? double.NaN : Percentiles.Inclusive(sorted, rule.Percentile / 100.0);
    }
}

internal sealed class ResourceDeficitEvaluator(ResourceDeficit rule, EvaluationContext context)
    : RuleEvaluator(rule, RuleGroup.Disadvantaged, context)
{
    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        if (Context.Profiles[school] is not { } profile)
        {
            return details ? Evidence(false, string.Format(CultureInfo.CurrentCulture, DomainText.Rule_NoProfile, Context.Year)) : Bare(false);
        }
        var staffing = (double)profile.StaffingPercent;
        var understaffed = staffing <= rule.MaxStaffingPercent + Tolerance;
        var vacancies = profile.Vacancies >= rule.MinVacancies;
        if (!details) return Bare(understaffed || vacancies);
        return Evidence(
            understaffed || vacancies,
            string.Format(CultureInfo.CurrentCulture, DomainText.Rule_StaffingEvidence, Context.Year, Percent(staffing), (understaffed ? "≤" : ">"), Percent(rule.MaxStaffingPercent), profile.Vacancies, (vacancies ? "≥" : "<"), rule.MinVacancies));
    }
}

internal sealed class NegativeDynamicsEvaluator(NegativeDynamics rule, EvaluationContext context)
    : RuleEvaluator(rule, RuleGroup.Watch, context)
{
    public override RuleEvidence Evaluate(int school, SchoolInput input, bool details = true)
    {
        var current = Context.ResultsIndex[^1][school];
        var previous = Context.ResultsIndex[^2][school];
        var year = Context.Year;
        if (!double.IsFinite(previous) || !double.IsFinite(current))
        {
            return details ? Evidence(false, string.Format(CultureInfo.CurrentCulture, DomainText.Rule_NoResultsIndexFor, (double.IsFinite(previous) ? year : year - 1))) : Bare(false);
        }
        var change = current - previous;
        var fired = -change >= rule.Drop - Tolerance;
        if (!details) return Bare(fired);
        var sign = change >= 0 ? "+" : "−";
        return Evidence(
            fired,
            string.Format(CultureInfo.CurrentCulture, DomainText.Rule_DynamicsEvidence, year - 1, Index(previous), year, Index(current), sign, Index(Math.Abs(change)), Number(rule.Drop)));
    }
}
