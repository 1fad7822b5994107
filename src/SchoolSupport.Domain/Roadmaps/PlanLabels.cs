namespace SchoolSupport.Domain.Roadmaps;

/// <summary>Russian names of the plan workflow, used in refusals, pages and exports.</summary>
public static class PlanLabels
{
    public static string Of(PlanStatus value) => value switch
    {
        PlanStatus.Draft => "Черновик",
        PlanStatus.Submitted => "Направлен на согласование",
        PlanStatus.UnderReview => "На рассмотрении",
        PlanStatus.Returned => "Возвращён на доработку",
        PlanStatus.Approved => "Утверждён",
        PlanStatus.InProgress => "Реализуется",
        PlanStatus.Reported => "Представлен отчёт",
        PlanStatus.Assessed => "Оценён",
        _ => value.ToString(),
    };

    public static string Of(PlanKind value) => value switch
    {
        PlanKind.TransitionProgramme => "Программа перехода в эффективный режим функционирования",
        PlanKind.Roadmap => "Дорожная карта",
        PlanKind.AntiRiskProgramme => "Антирисковая программа",
        _ => value.ToString(),
    };

    public static string Of(PlanLevel value) => value switch
    {
        PlanLevel.Region => "региональный",
        PlanLevel.Municipality => "муниципальный",
        PlanLevel.School => "школьный",
        _ => value.ToString(),
    };

    public static string Of(PlanItemStatus value) => value switch
    {
        PlanItemStatus.Planned => "Запланировано",
        PlanItemStatus.InProgress => "Выполняется",
        PlanItemStatus.Done => "Выполнено",
        PlanItemStatus.Overdue => "Просрочено",
        PlanItemStatus.Cancelled => "Отменено",
        _ => value.ToString(),
    };

    /// <summary>The button text for moving a plan to a status.</summary>
    public static string ActionTo(PlanStatus to) => to switch
    {
        PlanStatus.Submitted => "Направить на согласование",
        PlanStatus.UnderReview => "Взять на рассмотрение",
        PlanStatus.Returned => "Вернуть на доработку",
        PlanStatus.Approved => "Утвердить",
        PlanStatus.InProgress => "Приступить к реализации / принять отчёт",
        PlanStatus.Reported => "Представить отчёт",
        PlanStatus.Assessed => "Оценить",
        _ => Of(to),
    };
}
