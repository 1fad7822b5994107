using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Roadmaps;

public enum PlanLevel
{
    Region = 0,
    Municipality = 1,
    School = 2,
}

public enum PlanKind
{
    /// <summary>Программа перехода в эффективный режим функционирования (the school programme).</summary>
    TransitionProgramme = 0,
    /// <summary>Дорожная карта.</summary>
    Roadmap = 1,
    /// <summary>Антирисковая программа.</summary>
    AntiRiskProgramme = 2,
}

public enum PlanStatus
{
    Draft = 0,
    Submitted = 1,
    UnderReview = 2,
    Returned = 3,
    Approved = 4,
    InProgress = 5,
    /// <summary>A monthly progress report was sent; the reviewer accepts it (back to in progress) or gives the final assessment.</summary>
    Reported = 6,
    Assessed = 7,
}

/// <summary>The part a user plays for one plan; the service derives it from the user's scope.</summary>
public enum PlanRole
{
    /// <summary>Sees the plan only (a mentor comments; other regional staff read).</summary>
    Reader = 0,
    /// <summary>Drafts, submits and reports: the school team for its programme, the municipal coordinator for the municipal roadmap.</summary>
    Owner = 1,
    /// <summary>Reviews, returns, approves and assesses: the municipal coordinator for school plans, the ministry or operator above.</summary>
    Reviewer = 2,
}

/// <summary>A programme or roadmap of a region, a municipality or a school, with its review workflow.</summary>
public sealed class Plan : ITenantOwned
{
    public Plan() { }

    /// <summary>
    /// A plan that starts in a given state: for fixtures and imports of plans whose review happened elsewhere. Live code
    /// starts from a draft and moves the status only through <see cref="MoveTo"/>.
    /// </summary>
    public Plan(PlanStatus status) => Status = status;

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public PlanLevel Level { get; set; }
    public PlanKind Kind { get; set; }
    /// <summary>The owning municipality; for a school plan the school's municipality (so the coordinator finds it).</summary>
    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string Goals { get; set; } = "";
    public PlanStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastReportAt { get; set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; set; }

    public List<PlanItem> Items { get; set; } = [];
    private readonly List<PlanTransition> _transitions = [];
    /// <summary>The workflow steps; only <see cref="MoveTo"/> adds to them (EF fills and saves them through the field).</summary>
    public IReadOnlyList<PlanTransition> Transitions => _transitions;
    public List<PlanComment> Comments { get; set; } = [];

    /// <summary>Who may move the plan from one status to the next. Returned → Submitted is the re-submission after a return.</summary>
    private static readonly Dictionary<(PlanStatus From, PlanStatus To), PlanRole> Workflow = new()
    {
        [(PlanStatus.Draft, PlanStatus.Submitted)] = PlanRole.Owner,
        [(PlanStatus.Returned, PlanStatus.Submitted)] = PlanRole.Owner,
        [(PlanStatus.Submitted, PlanStatus.UnderReview)] = PlanRole.Reviewer,
        [(PlanStatus.UnderReview, PlanStatus.Returned)] = PlanRole.Reviewer,
        [(PlanStatus.UnderReview, PlanStatus.Approved)] = PlanRole.Reviewer,
        [(PlanStatus.Approved, PlanStatus.InProgress)] = PlanRole.Owner,
        [(PlanStatus.InProgress, PlanStatus.Reported)] = PlanRole.Owner,
        [(PlanStatus.Reported, PlanStatus.InProgress)] = PlanRole.Reviewer,
        [(PlanStatus.Reported, PlanStatus.Assessed)] = PlanRole.Reviewer,
    };

    public static IEnumerable<PlanStatus> NextFor(PlanStatus from, PlanRole role) =>
        Workflow.Where(w => w.Key.From == from && w.Value == role).Select(w => w.Key.To);

    /// <summary>Sections and items are edited while the plan is with its owner: a draft or a returned plan.</summary>
    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Returned;

    /// <summary>Progress (actual values, item status) is recorded while the plan is carried out.</summary>
    public bool IsInExecution => Status is PlanStatus.Approved or PlanStatus.InProgress or PlanStatus.Reported;

    /// <summary>Days before a monthly report is due when the owners are reminded of it.</summary>
    public const int ReportReminderDays = 7;

    /// <summary>
    /// A plan carried out (in progress) owes a progress report a month after the last one, or a month after it went into
    /// execution (<paramref name="startedOn"/>); a reported plan waits for its reviewer and owes nothing.
    /// </summary>
    public MonthlyReport MonthlyReportOn(DateOnly today, DateOnly startedOn)
    {
        if (Status != PlanStatus.InProgress) return new MonthlyReport(MonthlyReportState.NotOwed, null);
        var from = LastReportAt is { } last ? DateOnly.FromDateTime(last.UtcDateTime) : startedOn;
        var due = from.AddMonths(1);
        var state = today > due ? MonthlyReportState.Overdue
            : today >= due.AddDays(-ReportReminderDays) ? MonthlyReportState.DueSoon
            : MonthlyReportState.NotYet;
        return new MonthlyReport(state, due);
    }

    public void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Plan_NotEditable, Titles.Of(Status)));
    }

    /// <summary>Mandatory sections that have no activity yet; a plan with any of them cannot be submitted.</summary>
    public IReadOnlyList<PlanSection> MissingSections(IEnumerable<PlanSection> sections) =>
        Level == PlanLevel.School
            ? sections.Where(s => s.IsMandatory && !Items.Any(i => i.SectionId == s.Id && i.Status != PlanItemStatus.Cancelled)).OrderBy(s => s.Order).ToList()
            : [];

    /// <summary>
    /// Moves the plan along the workflow, or refuses with a Russian message. A return needs a comment (what to fix),
    /// a report needs its text; submission needs every mandatory section filled.
    /// </summary>
    public PlanTransition MoveTo(PlanStatus to, PlanRole role, string? comment, IEnumerable<PlanSection> sections, Guid userId, string userName, DateTimeOffset at)
    {
        if (!Workflow.TryGetValue((Status, to), out var allowed))
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Plan_BadTransition, Titles.Of(Status), Titles.Of(to)));
        }
        if (allowed != role)
        {
            throw new ScopeException(allowed == PlanRole.Owner
                ? string.Format(CultureInfo.CurrentCulture, DomainText.Plan_OnlyAuthor, Titles.Of(to))
                : string.Format(CultureInfo.CurrentCulture, DomainText.Plan_OnlyReviewer, Titles.Of(to)));
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (to == PlanStatus.Returned && comment is null) throw new DomainException(DomainText.Plan_ReturnNeedsComment);
        if (to == PlanStatus.Reported && comment is null) throw new DomainException(DomainText.Plan_ReportNeedsText);
        if (to == PlanStatus.Submitted)
        {
            if (Items.All(i => i.Status == PlanItemStatus.Cancelled)) throw new DomainException(DomainText.Plan_NoItems);
            var missing = MissingSections(sections);
            if (missing.Count > 0)
            {
                throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Plan_MissingSections, string.Join("; ", missing.Select(s => s.Title))));
            }
        }
        if (to == PlanStatus.Reported) LastReportAt = at;

        // No Id: EF gives it on insert. A new row reached through the navigation is inserted only while its key is unset
        // (one with a key would be taken for an existing row and updated).
        var transition = new PlanTransition
        {
            RegionId = RegionId, PlanId = Id, From = Status, To = to, UserId = userId, UserName = userName, At = at,
            Comment = comment,
        };
        Status = to;
        _transitions.Add(transition);
        return transition;
    }

    /// <summary>
    /// Writes an activity. In a draft or returned plan everything changes; while the plan is carried out what was approved
    /// (section, activity, deadline, responsible, participants, indicator, target) is frozen and only the actual value,
    /// the status and the notes change. «Просрочено» is set by the overdue job, never by hand.
    /// </summary>
    public void WriteItem(PlanItem item, PlanItemContent content)
    {
        var deadlineMoved = content.Deadline != item.Deadline;
        if (IsEditable)
        {
            item.SectionId = content.SectionId;
            item.Activity = content.Activity;
            item.Deadline = content.Deadline;
            item.Responsible = content.Responsible;
            item.Participants = content.Participants;
            item.Indicator = content.Indicator;
            item.Target = content.Target;
        }
        else if (!IsInExecution)
        {
            EnsureEditable();
        }
        else if (content.Activity != item.Activity || content.Deadline != item.Deadline || content.SectionId != item.SectionId
                 || content.Responsible != item.Responsible || content.Participants != item.Participants
                 || content.Target != item.Target || content.Indicator != item.Indicator)
        {
            throw new DomainException(DomainText.Plan_ApprovedFrozen);
        }
        // A moved deadline makes a stored «Просрочено» planned again; PlanItem.OverdueOn (the one rule every view uses) says
        // from the new deadline on whether it is overdue.
        item.ChangeStatus(content.Status, deadlineMoved);
        item.Actual = content.Actual;
        item.Comments = content.Comments;
    }
}

public enum MonthlyReportState
{
    NotOwed = 0,
    NotYet = 1,
    /// <summary>Due within <see cref="Plan.ReportReminderDays"/> days: the owners are reminded.</summary>
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>Whether a plan owes its monthly report on a day, and by when.</summary>
public sealed record MonthlyReport(MonthlyReportState State, DateOnly? Due);

/// <summary>A workflow step of a plan: from, to, who, when and why.</summary>
public sealed class PlanTransition : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PlanId { get; set; }
    public PlanStatus From { get; set; }
    public PlanStatus To { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A remark on a plan or on one of its items, by a mentor, the coordinator or the team.</summary>
public sealed class PlanComment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PlanId { get; set; }
    public Guid? ItemId { get; set; }
    public Guid AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
}
