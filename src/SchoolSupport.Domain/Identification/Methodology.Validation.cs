using SchoolSupport.Domain.Common;

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
            errors.Add("Укажите название методики.");
        }
        if (Version < 1)
        {
            errors.Add("Версия методики должна быть не меньше 1.");
        }
        if (Year is < 2000 or > 2100)
        {
            errors.Add("Год методики должен быть в пределах 2000–2100.");
        }
        ValidateIndicators(errors);
        ValidateSocialIndex(errors);
        ValidateRules(errors);
        if (Rules is not null && !Enum.IsDefined(Rules.LowResultsCombination))
        {
            errors.Add("Правила ШНОР объединяются условием «И» или «ИЛИ».");
        }
        return errors;
    }

    /// <summary>Throws a <see cref="DomainException"/> listing every problem when the methodology is not valid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new DomainException("Методика заполнена с ошибками: " + string.Join(" ", errors));
        }
    }

    private void ValidateIndicators(List<string> errors)
    {
        if (Indicators is null || Indicators.Count == 0)
        {
            errors.Add("Нужен хотя бы один показатель ИОР.");
            return;
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Indicators.Count; i++)
        {
            var indicator = Indicators[i];
            if (indicator is null)
            {
                errors.Add($"Показатель №{i + 1} не заполнен.");
                continue;
            }
            var name = string.IsNullOrWhiteSpace(indicator.Id) ? $"№{i + 1}" : $"«{indicator.Id}»";
            if (string.IsNullOrWhiteSpace(indicator.Id))
            {
                errors.Add($"У показателя {name} не указан код.");
            }
            else if (!ids.Add(indicator.Id))
            {
                errors.Add($"Код показателя {name} повторяется.");
            }
            if (string.IsNullOrWhiteSpace(indicator.Title))
            {
                errors.Add($"У показателя {name} не указано название.");
            }
            if (!double.IsFinite(indicator.Weight) || indicator.Weight <= 0)
            {
                errors.Add($"Вес показателя {name} должен быть положительным числом.");
            }
            switch (indicator.Source)
            {
                case null:
                    errors.Add($"У показателя {name} не указан источник данных.");
                    break;
                case AssessmentSource { Grade: { } grade } when grade is < 1 or > 11:
                    errors.Add($"Класс в показателе {name} должен быть от 1 до 11.");
                    break;
            }
        }
    }

    private void ValidateSocialIndex(List<string> errors)
    {
        if (SocialIndex?.Inputs is not { Count: > 0 } inputs)
        {
            errors.Add("Нужен хотя бы один показатель ИСБ.");
            return;
        }
        var seen = new HashSet<ProfileMeasure>();
        foreach (var input in inputs)
        {
            var label = IdentificationLabels.Profile(input.Measure);
            if (!seen.Add(input.Measure))
            {
                errors.Add($"Показатель ИСБ «{label}» указан дважды.");
            }
            if (!double.IsFinite(input.Weight))
            {
                errors.Add($"Вес показателя ИСБ «{label}» должен быть числом.");
            }
            else if (SocialIndex.Mode == SocialIndexMode.Entered && input.Weight == 0)
            {
                errors.Add($"Вес показателя ИСБ «{label}» не может быть нулевым.");
            }
        }
    }

    private void ValidateRules(List<string> errors)
    {
        if (Rules is null)
        {
            errors.Add("Не заданы правила отнесения школ к перечню.");
            return;
        }
        if (Rules.LowResults is not { Count: > 0 })
        {
            errors.Add("Нужно хотя бы одно правило отнесения к ШНОР.");
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules.All)
        {
            if (string.IsNullOrWhiteSpace(rule.Code))
            {
                errors.Add("У правила не указан код.");
            }
            else if (!codes.Add(rule.Code))
            {
                errors.Add($"Код правила «{rule.Code}» повторяется.");
            }
            var name = $"«{rule.Code}»";
            switch (rule)
            {
                case LowestQuartileForYears r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.Percentile) || r.Percentile is <= 0 or > 50)
                    {
                        errors.Add($"Процентиль ИОР в правиле {name} должен быть больше 0 и не больше 50.");
                    }
                    break;
                case BelowMinimumAbove r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is < 0 or > 100)
                    {
                        errors.Add($"Порог в правиле {name} должен быть от 0 до 100 %.");
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add($"В правиле {name} сравнение с порогом должно быть «более» или «не менее».");
                    }
                    if (r.Kinds is not { Count: > 0 })
                    {
                        errors.Add($"В правиле {name} не выбраны оценочные процедуры.");
                    }
                    if (r.Subjects is not { Count: > 0 })
                    {
                        errors.Add($"В правиле {name} не выбраны предметы.");
                    }
                    break;
                case ProcedureShareAbove r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is < 0 or > 100)
                    {
                        errors.Add($"Порог в правиле {name} должен быть от 0 до 100 %.");
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add($"В правиле {name} сравнение с порогом должно быть «более» или «не менее».");
                    }
                    if (r.Measure is not (AssessmentMeasure.BelowMinimumShare or AssessmentMeasure.FailShare))
                    {
                        errors.Add($"В правиле {name} сравнивается доля не достигших минимального балла или доля получивших «2».");
                    }
                    if (r.Procedures is not { Count: > 0 })
                    {
                        errors.Add($"В правиле {name} не выбраны оценочные процедуры.");
                    }
                    else
                    {
                        if (r.Procedures.Any(p => p is null || p.Grade is < 1 or > 11))
                        {
                            errors.Add($"Класс процедуры в правиле {name} должен быть от 1 до 11.");
                        }
                        else if (r.Procedures.Distinct().Count() != r.Procedures.Count)
                        {
                            errors.Add($"В правиле {name} процедура указана дважды.");
                        }
                        if (r.MinProcedures < 1 || r.MinProcedures > r.Procedures.Count)
                        {
                            errors.Add($"Число процедур в правиле {name} должно быть от 1 до {r.Procedures.Count} (столько выбрано).");
                        }
                    }
                    break;
                case LowProfileShare r:
                    CheckYears(r.Years, name, errors);
                    if (!double.IsFinite(r.ThresholdPercent) || r.ThresholdPercent is <= 0 or > 100)
                    {
                        errors.Add($"Порог в правиле {name} должен быть больше 0 и не больше 100 %.");
                    }
                    if (!Enum.IsDefined(r.Comparison))
                    {
                        errors.Add($"В правиле {name} сравнение с порогом должно быть «менее» или «не более».");
                    }
                    break;
                case SocialIndexLowestQuartile r:
                    if (!double.IsFinite(r.Percentile) || r.Percentile is <= 0 or > 50)
                    {
                        errors.Add($"Процентиль ИСБ в правиле {name} должен быть больше 0 и не больше 50.");
                    }
                    break;
                case ResourceDeficit r:
                    if (!double.IsFinite(r.MaxStaffingPercent) || r.MaxStaffingPercent is < 0 or > 100)
                    {
                        errors.Add($"Порог укомплектованности в правиле {name} должен быть от 0 до 100 %.");
                    }
                    if (r.MinVacancies < 1)
                    {
                        errors.Add($"Число вакансий в правиле {name} должно быть не меньше 1.");
                    }
                    break;
                case NegativeDynamics r:
                    if (!double.IsFinite(r.Drop) || r.Drop is <= 0 or > 1)
                    {
                        errors.Add($"Снижение ИОР в правиле {name} должно быть больше 0 и не больше 1.");
                    }
                    break;
            }
        }
        var matrix = Rules.Matrix ?? new MatrixThresholds();
        if (!double.IsFinite(matrix.ResultsPercentile) || matrix.ResultsPercentile is <= 0 or >= 100)
        {
            errors.Add("Граница матрицы по ИОР должна быть процентилем больше 0 и меньше 100.");
        }
        if (!double.IsFinite(matrix.SocialPercentile) || matrix.SocialPercentile is <= 0 or >= 100)
        {
            errors.Add("Граница матрицы по ИСБ должна быть процентилем больше 0 и меньше 100.");
        }
    }

    private static void CheckYears(int years, string ruleName, List<string> errors)
    {
        if (years is < 1 or > MaxYears)
        {
            errors.Add($"Число лет в правиле {ruleName} должно быть от 1 до {MaxYears}.");
        }
    }
}
