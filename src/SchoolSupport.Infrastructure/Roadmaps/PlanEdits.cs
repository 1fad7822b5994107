using System.ComponentModel.DataAnnotations;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>The heading of a plan: kind, title, period and goals.</summary>
public sealed class PlanHeaderEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public PlanKind Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_NameRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_NameTooLong))]
    public string Title { get; set; } = "";

    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }

    [StringLength(8000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_GoalsTooLong))]
    public string Goals { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PeriodFrom == default || PeriodTo == default) yield return new ValidationResult(InfraText.Plan_PeriodRequired);
        else if (PeriodTo < PeriodFrom) yield return new ValidationResult(InfraText.Plan_PeriodEndBeforeStart);
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

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemDescriptionRequired))]
    [StringLength(2000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemDescriptionTooLong))]
    public string Activity { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemDueRequired))]
    public DateOnly? Deadline { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Common_ResponsibleRequired))]
    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemResponsibleTooLong))]
    public string Responsible { get; set; } = "";

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemParticipantsTooLong))]
    public string Participants { get; set; } = "";

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemIndicatorTooLong))]
    public string Indicator { get; set; } = "";

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemTargetTooLong))]
    public string Target { get; set; } = "";

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemActualTooLong))]
    public string Actual { get; set; } = "";

    public PlanItemStatus Status { get; set; }

    [StringLength(4000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_ItemNotesTooLong))]
    public string Comments { get; set; } = "";

    public static PlanItemEdit From(PlanItem i) => new()
    {
        Id = i.Id, PlanId = i.PlanId, Version = i.Version, SectionId = i.SectionId, Activity = i.Activity, Deadline = i.Deadline,
        Responsible = i.Responsible, Participants = i.Participants, Indicator = i.Indicator, Target = i.Target, Actual = i.Actual,
        Status = i.Status, Comments = i.Comments,
    };
}
