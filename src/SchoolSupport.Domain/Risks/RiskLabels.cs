namespace SchoolSupport.Domain.Risks;

/// <summary>Russian names of the risk capability, for refusals, pages and exports.</summary>
public static class RiskLabels
{
    public static string Of(RiskLevel? value) => value switch
    {
        RiskLevel.Low => "низкий",
        RiskLevel.Medium => "средний",
        RiskLevel.High => "высокий",
        _ => "нет данных",
    };

    public static string Of(RespondentGroup value) => value switch
    {
        RespondentGroup.Director => "Руководитель",
        RespondentGroup.Teachers => "Учителя",
        RespondentGroup.Pupils => "Обучающиеся",
        RespondentGroup.Parents => "Родители",
        _ => value.ToString(),
    };

    public static string Of(ReviewDecision value) => value switch
    {
        ReviewDecision.Continue => "продолжить реализацию",
        ReviewDecision.ChangeMeasures => "скорректировать меры",
        ReviewDecision.ChangeSupportFormat => "изменить формат поддержки",
        _ => value.ToString(),
    };

    public static string Of(DecisionKind value) => value == DecisionKind.Strategic ? "стратегическое" : "оперативное";

    public static string Of(DecisionLevel value) => value switch
    {
        DecisionLevel.School => "школа",
        DecisionLevel.Municipality => "муниципалитет",
        _ => "регион",
    };

    public static string HalfYear(int half) => half == 1 ? "I полугодие" : "II полугодие";
}
