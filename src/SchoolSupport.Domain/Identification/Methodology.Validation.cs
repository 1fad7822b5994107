using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Identification;

public sealed partial record Methodology
{
    /// <summary>The longest look-back a rule may have; results older than five years are not kept comparable.</summary>
    public const int MaxYears = 5;

    /// <summary>Everything wrong with the methodology, as messages for the user (Russian); empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(DomainText.Methodology_NoName);
        }
        if (Version < 1)
        {
            errors.Add(DomainText.Methodology_BadVersion);
        }
        if (Year is < 2000 or > 2100)
        {
            errors.Add(DomainText.Methodology_BadYear);
        }
        ValidateIndicators(errors);
        ValidateSocialIndex(errors);
        ValidateRules(errors);
        if (Rules is not null && !Enum.IsDefined(Rules.LowResultsCombination))
        {
            errors.Add(DomainText.Methodology_BadCombination);
        }
        return errors;
    }

    /// <summary>Throws a <see cref="DomainException"/> listing every problem when the methodology is not valid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_Invalid, string.Join(" ", errors)));
        }
    }

    private void ValidateIndicators(List<string> errors)
    {
        if (Indicators is null || Indicators.Count == 0)
        {
            errors.Add(DomainText.Methodology_NoResultIndicators);
            return;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            if (indicator is null)
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorEmpty, i + 1));
                continue;
            }
            var name = string.IsNullOrWhiteSpace(indicator.Id) ? $"№{i + 1}" : $"«{indicator.Id}»";
            if (string.IsNullOrWhiteSpace(indicator.Id))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorNoCode, name));
            }
            else if (!ids.Add(indicator.Id))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorCodeRepeated, name));
            }
            if (string.IsNullOrWhiteSpace(indicator.Title))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorNoTitle, name));
            }
            if (!double.IsFinite(indicator.Weight) || indicator.Weight <= 0)
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorBadWeight, name));
            }
            switch (indicator.Source)
            {
                case null:
                    errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorNoSource, name));
                    break;
                case AssessmentSource { Grade: { } grade } when grade is < 1 or > 11:
                    errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_IndicatorBadGrade, name));
                    break;
            }
        }
    }

    private void ValidateSocialIndex(List<string> errors)
    {
        if (SocialIndex?.Inputs is not { Count: > 0 } inputs)
        {
            errors.Add(DomainText.Methodology_NoSocialIndicators);
            return;
        }
        var seen = new HashSet<ProfileMeasure>();
        foreach (var input in inputs)
        {
            var label = Titles.Of(input.Measure);
            if (!seen.Add(input.Measure))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_SocialRepeated, label));
            }
            if (!double.IsFinite(input.Weight))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_SocialWeightNotNumber, label));
            }
            else if (SocialIndex.Mode == SocialIndexMode.Entered && input.Weight == 0)
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_SocialWeightZero, label));
            }
        }
    }

    private void ValidateRules(List<string> errors)
    {
        if (Rules is null)
        {
            errors.Add(DomainText.Methodology_NoRules);
            return;
        }
        if (Rules.LowResults is not { Count: > 0 })
        {
            errors.Add(DomainText.Methodology_NoLowResultRules);
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules.All)
        {
            if (string.IsNullOrWhiteSpace(rule.Code))
            {
                errors.Add(DomainText.Methodology_RuleNoCode);
            }
            else if (!codes.Add(rule.Code))
            {
                errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleCodeRepeated, rule.Code));
            }
            var name = $"«{rule.Code}»";
            switch (rule)
            {
                case LowestQuartileForYears r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.Percentile) || r.Percentile is <= 0 or > 50)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleResultsPercentile, name));
                    }
                    break;
                case BelowMinimumAbove r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is < 0 or > 100)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleThreshold, name));
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleAboveComparison, name));
                    }
                    if (r.Kinds is not { Count: > 0 })
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleNoKinds, name));
                    }
                    if (r.Subjects is not { Count: > 0 })
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleNoSubjects, name));
                    }
                    break;
                case ProcedureShareAbove r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is < 0 or > 100)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleThreshold, name));
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleAboveComparison, name));
                    }
                    if (r.Measure is not (AssessmentMeasure.BelowMinimumShare or AssessmentMeasure.FailShare))
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleBadMeasure, name));
                    }
                    if (r.Procedures is not { Count: > 0 })
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleNoKinds, name));
                    }
                    else
                    {
                        if (r.Procedures.Any(p => p is null || p.Grade is < 1 or > 11))
                        {
                            errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleProcedureGrade, name));
                        }
                        else if (r.Procedures.Distinct().Count() != r.Procedures.Count)
                        {
                            errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleProcedureTwice, name));
                        }
                        if (r.MinProcedures < 1 || r.MinProcedures > r.Procedures.Count)
                        {
                            errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleMinProcedures, name, r.Procedures.Count));
                        }
                    }
                    break;
                case LowProfileShare r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is <= 0 or > 100)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleLowThreshold, name));
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleBelowComparison, name));
                    }
                    break;
                case SocialIndexLowestQuartile r:
                    if (!double.IsFinite(r.Percentile) || r.Percentile is <= 0 or > 50)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleSocialPercentile, name));
                    }
                    break;
                case ResourceDeficit r:
                    if (!double.IsFinite(r.MaxStaffingPercent) || r.MaxStaffingPercent is < 0 or > 100)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleStaffing, name));
                    }
                    if (r.MinVacancies < 1)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleVacancies, name));
                    }
                    break;
                case NegativeDynamics r:
                    if (!double.IsFinite(r.Drop) || r.Drop is <= 0 or > 1)
                    {
                        errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleDrop, name));
                    }
                    break;
            }
        }
        var matrix = Rules.Matrix ?? new MatrixThresholds();
        if (!double.IsFinite(matrix.ResultsPercentile) || matrix.ResultsPercentile is <= 0 or >= 100)
        {
            errors.Add(DomainText.Methodology_MatrixResultsCut);
        }
        if (!double.IsFinite(matrix.SocialPercentile) || matrix.SocialPercentile is <= 0 or >= 100)
        {
            errors.Add(DomainText.Methodology_MatrixSocialCut);
        }
    }

    private static void CheckYears(int years, string ruleName, List<string> errors)
    {
        if (years is < 1 or > MaxYears)
        {
            errors.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_RuleYears, ruleName, MaxYears));
        }
    }
}
