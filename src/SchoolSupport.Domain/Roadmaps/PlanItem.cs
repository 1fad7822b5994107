using System.Linq.Expressions;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Roadmaps;

public enum PlanItemStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Overdue = 3,
    Cancelled = 4,
}

/// <summary>One activity of a plan: what, by when, who, and how success is measured.</summary>
public sealed class PlanItem : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PlanId { get; set; }
    public Guid? SectionId { get; set; }
    public string Activity { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string Responsible { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Indicator { get; set; } = "";
    public string Target { get; set; } = "";
    public string Actual { get; set; } = "";
    private PlanItemStatus _status;
    /// <summary>
    /// Set when the item is created (fixtures, imports); afterwards only <see cref="ChangeStatus"/> (the owner, through
    /// <see cref="Plan.WriteItem"/>) and <see cref="MarkOverdue"/> (the nightly job) move it. EF reads and writes the field.
    /// </summary>
    public PlanItemStatus Status { get => _status; init => _status = value; }
    public string Comments { get; set; } = "";
    public uint Version { get; set; }

    /// <summary>
    /// The one overdue rule: an activity not done or cancelled is overdue from the day after its deadline, in every view
    /// and the same day (the nightly job's stored «Просрочено» only decides when the notice goes out).
    /// </summary>
    public static Expression<Func<PlanItem, bool>> OverdueOn(DateOnly today) =>
        i => i.Status == PlanItemStatus.Overdue
             || (i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Cancelled && i.Deadline < today);

    public bool IsOverdueOn(DateOnly today) =>
        Status == PlanItemStatus.Overdue || (Status is not (PlanItemStatus.Done or PlanItemStatus.Cancelled) && Deadline < today);

    /// <summary>The status to show on a day: «Просрочено» as soon as the deadline has passed.</summary>
    public PlanItemStatus StatusOn(DateOnly today) => IsOverdueOn(today) ? PlanItemStatus.Overdue : Status;

    /// <summary>
    /// The status the owner records. «Просрочено» is never chosen by hand (an overdue activity may keep it); a moved deadline
    /// makes a stored «Просрочено» planned again, so it never outlives its deadline.
    /// </summary>
    internal void ChangeStatus(PlanItemStatus to, bool deadlineMoved)
    {
        if (!Enum.IsDefined(to)) throw new DomainException(DomainText.PlanItem_UnknownStatus);
        if (to == PlanItemStatus.Overdue && _status != PlanItemStatus.Overdue) throw new DomainException(DomainText.Plan_OverdueIsAutomatic);
        _status = deadlineMoved && to == PlanItemStatus.Overdue ? PlanItemStatus.Planned : to;
    }

    /// <summary>The nightly job's «Просрочено»: only a planned or started activity whose deadline has passed becomes overdue.</summary>
    public void MarkOverdue(DateOnly today)
    {
        if (_status == PlanItemStatus.Overdue || !IsOverdueOn(today)) throw new DomainException(DomainText.PlanItem_NotOverdue);
        _status = PlanItemStatus.Overdue;
    }
}

/// <summary>What the owner writes into an activity (trimmed); <see cref="Plan.WriteItem"/> decides what of it may change.</summary>
public sealed record PlanItemContent(Guid? SectionId, string Activity, DateOnly Deadline, string Responsible, string Participants,
    string Indicator, string Target, string Actual, PlanItemStatus Status, string Comments);

/// <summary>An evidence file of an activity: a document version of the plan's school (or municipality) linked to the item.</summary>
public sealed class PlanItemEvidence : ITenantOwned
{
    public Guid ItemId { get; set; }
    public Guid DocumentVersionId { get; set; }
    public Guid RegionId { get; set; }
    public DateTimeOffset AttachedAt { get; set; }
}

/// <summary>
/// A section of the school programme template, per region. Defaults are the eight mandatory sections of the Zernograd
/// model; a region may rename them, add its own and make them optional.
/// </summary>
public sealed class PlanSection : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Order { get; set; }
    public string Title { get; set; } = "";
    public bool IsMandatory { get; set; }
    public uint Version { get; set; }

    public static IReadOnlyList<string> DefaultTitles { get; } =
    [
        DomainText.PlanSection_Teaching,
        DomainText.PlanSection_Exchange,
        DomainText.PlanSection_SelfAssessment,
        DomainText.PlanSection_Leadership,
        DomainText.PlanSection_Motivation,
        DomainText.PlanSection_Parents,
        DomainText.PlanSection_Content,
        DomainText.PlanSection_Network,
    ];

    public static List<PlanSection> DefaultsFor(Guid regionId) =>
        DefaultTitles.Select((title, i) => new PlanSection { Id = Guid.NewGuid(), RegionId = regionId, Order = i + 1, Title = title, IsMandatory = true }).ToList();
}
