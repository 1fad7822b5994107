using System.ComponentModel.DataAnnotations;
using SchoolSupport.Domain.Roadmaps;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>The heading of a plan: kind, title, period and goals.</summary>
public sealed class PlanHeaderEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public PlanKind Kind { get; set; }

    [Required(ErrorMessage = "Укажите наименование плана.")]
    [StringLength(500, ErrorMessage = "Наименование не длиннее 500 символов.")]
    public string Title { get; set; } = "";

    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    [StringLength(8000, ErrorMessage = "Цели и задачи не длиннее 8000 символов.")]
    public string Goals { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PeriodFrom == default || PeriodTo == default) yield return new ValidationResult("Укажите срок реализации: начало и окончание.");
        else if (PeriodTo < PeriodFrom) yield return new ValidationResult("Окончание срока реализации раньше начала.");
    }

    public static PlanHeaderEdit From(Plan p) => new()
    {
        Id = p.Id, Version = p.Version, Kind = p.Kind, Title = p.Title, PeriodFrom = p.PeriodFrom, PeriodTo = p.PeriodTo, Goals = p.Goals,
    };
}

/// <summary>One activity of a plan as edited on the plan page.</summary>
public sealed class PlanItemEdit
{
    public Guid? Id { get; set; }
    public Guid PlanId { get; set; }
    public uint Version { get; set; }
    public Guid? SectionId { get; set; }

    [Required(ErrorMessage = "Опишите мероприятие.")]
    [StringLength(2000, ErrorMessage = "Описание мероприятия не длиннее 2000 символов.")]
    public string Activity { get; set; } = "";

    [Required(ErrorMessage = "Укажите срок исполнения.")]
    public DateOnly? Deadline { get; set; }

    [Required(ErrorMessage = "Укажите ответственного.")]
    [StringLength(1000, ErrorMessage = "Ответственные: не длиннее 1000 символов.")]
    public string Responsible { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Участники: не длиннее 1000 символов.")]
    public string Participants { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Показатель: не длиннее 1000 символов.")]
    public string Indicator { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Целевое значение: не длиннее 1000 символов.")]
    public string Target { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Фактическое значение: не длиннее 1000 символов.")]
    public string Actual { get; set; } = "";

    public PlanItemStatus Status { get; set; }

    [StringLength(4000, ErrorMessage = "Примечания не длиннее 4000 символов.")]
    public string Comments { get; set; } = "";

    public static PlanItemEdit From(PlanItem i) => new()
    {
        Id = i.Id, PlanId = i.PlanId, Version = i.Version, SectionId = i.SectionId, Activity = i.Activity, Deadline = i.Deadline,
        Responsible = i.Responsible, Participants = i.Participants, Indicator = i.Indicator, Target = i.Target, Actual = i.Actual,
        Status = i.Status, Comments = i.Comments,
    };
}
