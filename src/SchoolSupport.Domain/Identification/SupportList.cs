using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Identification;

public enum ListStatus
{
    Draft = 0,
    UnderReview = 1,
    Submitted = 2,
    Returned = 3,
    Approved = 4,
    Published = 5,
    /// <summary>A published list replaced by a published amendment; kept for history.</summary>
    Superseded = 6,
}

/// <summary>
/// The annual list (перечень) of a region: Draft (computed) → UnderReview (operators add/remove schools with a written
/// justification) → Submitted → Approved by the ministry (order number and date) or Returned → Published (immutable).
/// A change after publication is an amendment: a new version that starts as a copy of the published one.
/// </summary>
public sealed class SupportList : ITenantOwned
{
    public SupportList() { }

    /// <summary>
    /// A list that starts in a given state: for fixtures and imports of lists approved outside the portal. Live code starts
    /// with <see cref="FromComputation"/> or <see cref="Amend"/> and moves the status only through the workflow methods.
    /// </summary>
    public SupportList(ListStatus status) => Status = status;

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    /// <summary>1 for the original list, 2.. for amendments.</summary>
    public int Version { get; set; } = 1;
    public Guid? AmendsListId { get; set; }
    public string AmendmentReason { get; set; } = "";
    public Guid MethodologyId { get; set; }
    public ListStatus Status { get; private set; }
    public DateTimeOffset ComputedAt { get; set; }
    public string OrderNumber { get; set; } = "";
    public DateOnly? OrderDate { get; set; }
    public string ReturnComment { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public uint RowVersion { get; set; }
    public List<SupportListEntry> Entries { get; set; } = [];
    private readonly List<ListTransition> _history = [];
    /// <summary>What happened to the list; only the list's own methods add to it (EF fills and saves it through the field).</summary>
    public IReadOnlyList<ListTransition> History => _history;

    /// <summary>A new draft list from a computation; <paramref name="summary"/> is what the history says about it.</summary>
    public static SupportList FromComputation(Guid regionId, int year, Guid methodologyId, string who, DateTimeOffset at, string summary)
    {
        var list = new SupportList { Id = Guid.NewGuid(), RegionId = regionId, Year = year, Version = 1, MethodologyId = methodologyId, ComputedAt = at };
        list.Record(ListStatus.Draft, who, at, string.Format(CultureInfo.CurrentCulture, DomainText.List_Computed, summary));
        return list;
    }

    /// <summary>A new computation replaces the entries of a working list (the caller rewrites them); the status stays.</summary>
    public void Recompute(Guid methodologyId, string who, DateTimeOffset at, string summary)
    {
        EnsureEditable();
        MethodologyId = methodologyId;
        ComputedAt = at;
        Record(Status, who, at, string.Format(CultureInfo.CurrentCulture, DomainText.List_Recomputed, summary));
    }

    /// <summary>
    /// Starts an amendment of this published list: the next version, in review, whose entries are the published ones as
    /// they stand (what was included becomes the computed state the operators decide against).
    /// </summary>
    public SupportList Amend(string reason, string who, DateTimeOffset at)
    {
        if (Status != ListStatus.Published) throw new DomainException(DomainText.List_AmendOnlyPublished);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10) throw new DomainException(DomainText.List_NoAmendReason);
        reason = reason.Trim();
        var amendment = new SupportList
        {
            Id = Guid.NewGuid(), RegionId = RegionId, Year = Year, Version = Version + 1, AmendsListId = Id, AmendmentReason = reason,
            MethodologyId = MethodologyId, Status = ListStatus.Published, ComputedAt = ComputedAt,
        };
        amendment.Entries = Entries.Select(e => new SupportListEntry
        {
            Id = Guid.NewGuid(), RegionId = e.RegionId, ListId = amendment.Id, SchoolId = e.SchoolId, ResultsIndex = e.ResultsIndex, Band = e.Band,
            SocialIndex = e.SocialIndex, SocialBand = e.SocialBand, Cell = e.Cell, LowResults = e.LowResults, Disadvantaged = e.Disadvantaged,
            Watch = e.Watch, SecondConsecutiveYear = e.SecondConsecutiveYear, Exited = e.Exited, Computed = e.Included, Included = e.Included,
            EvidenceJson = e.EvidenceJson, NewFormat = e.NewFormat, FormatResponsible = e.FormatResponsible, FormatReason = e.FormatReason,
            FormatDecidedBy = e.FormatDecidedBy, FormatDecidedAt = e.FormatDecidedAt,
        }).ToList();
        amendment.Record(ListStatus.UnderReview, who, at, string.Format(CultureInfo.CurrentCulture, DomainText.List_Amendment, reason));
        return amendment;
    }

    public bool IsEditable => Status is ListStatus.Draft or ListStatus.UnderReview or ListStatus.Returned;

    public void EnsureEditable()
    {
        if (Status is ListStatus.Published or ListStatus.Superseded)
            throw new DomainException(DomainText.List_PublishedFrozen);
        if (!IsEditable) throw new DomainException(DomainText.List_UnderApproval);
    }

    public void StartReview(string who, DateTimeOffset at) => Move(ListStatus.UnderReview, who, at, "", ListStatus.Draft, ListStatus.Returned);

    /// <summary>
    /// Sends the list to the ministry; a list without schools goes only with a written justification of why it is empty, and
    /// every school listed for the second year running must have its support-format decision (<paramref name="schoolNames"/>
    /// names the schools in the refusal).
    /// </summary>
    public void Submit(string who, DateTimeOffset at, string emptyListJustification = "", IReadOnlyDictionary<Guid, string>? schoolNames = null)
    {
        var missing = LackingFormatDecision().ToList();
        if (missing.Count > 0)
        {
            var names = missing.Select(e => schoolNames?.GetValueOrDefault(e.SchoolId) ?? e.SchoolId.ToString()).Order().ToList();
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.List_LackingFormatDecision, string.Join(", ", names)), "supportFormat");
        }
        var comment = EmptyListComment(emptyListJustification, DomainText.List_ActionSubmit);
        Move(ListStatus.Submitted, who, at, comment, ListStatus.UnderReview);
    }

    /// <summary>
    /// A list with no school in it is refused unless the user says why it is empty (at least 10 characters); the justification
    /// goes into the history. <see cref="Entries"/> must be loaded.
    /// </summary>
    private string EmptyListComment(string justification, string action)
    {
        if (Entries.Any(e => e.Included)) return "";
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.List_EmptyNeedsJustification, action), "justification");
        return string.Format(CultureInfo.CurrentCulture, DomainText.List_EmptyComment, justification.Trim());
    }

    public void Approve(string orderNumber, DateOnly? orderDate, string who, DateTimeOffset at, string emptyListJustification = "")
    {
        if (string.IsNullOrWhiteSpace(orderNumber)) throw new DomainException(DomainText.List_NoOrderNumber);
        if (orderDate is null) throw new DomainException(DomainText.List_NoOrderDate);
        if (orderDate.Value.Year < Year - 1 || orderDate.Value.Year > Year + 1)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.List_OrderDateYear, orderDate, Year));
        var empty = EmptyListComment(emptyListJustification, DomainText.List_ActionApprove);
        Move(ListStatus.Approved, who, at, string.Format(CultureInfo.CurrentCulture, DomainText.List_Order, orderNumber.Trim(), orderDate) + (empty.Length > 0 ? $". {empty}" : ""), ListStatus.Submitted);
        OrderNumber = orderNumber.Trim();
        OrderDate = orderDate;
    }

    public void Return(string comment, string who, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException(DomainText.List_ReturnNeedsComment);
        Move(ListStatus.Returned, who, at, comment.Trim(), ListStatus.Submitted, ListStatus.Approved);
        ReturnComment = comment.Trim();
    }

    public void Publish(string who, DateTimeOffset at)
    {
        Move(ListStatus.Published, who, at, "", ListStatus.Approved);
        PublishedAt = at;
    }

    public void Supersede(string who, DateTimeOffset at) => Move(ListStatus.Superseded, who, at, DomainText.List_Superseded, ListStatus.Published);

    /// <summary>Operator's decision to add or remove a school against the computed result.</summary>
    public SupportListEntry Decide(Guid schoolId, bool include, string justification, string who)
    {
        EnsureEditable();
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < 10)
            throw new DomainException(DomainText.List_DecisionNeedsJustification);
        var entry = Entries.FirstOrDefault(e => e.SchoolId == schoolId) ?? throw new DomainException(DomainText.List_SchoolNotComputed);
        if (entry.Included == include) throw new DomainException(include ? DomainText.List_SchoolAlreadyIncluded : DomainText.List_SchoolAlreadyExcluded);
        (entry.SecondConsecutiveYear, entry.Exited) = ListingContinuity.Of(entry.ListedBefore, include);
        entry.Included = include;
        entry.Decision = include ? ManualDecision.Added : ManualDecision.Removed;
        if (entry.Computed == include) entry.Decision = ManualDecision.None;
        entry.Justification = justification.Trim();
        entry.DecidedBy = who;
        return entry;
    }

    /// <summary>Included schools in their second consecutive year whose new support format is not decided yet.</summary>
    public IEnumerable<SupportListEntry> LackingFormatDecision() => Entries.Where(e => e.NeedsFormatDecision && e.NewFormat is null);

    /// <summary>
    /// Records the support-format decision for a school listed the second year running: the new format from the regional list,
    /// who is responsible and why. Only while the list is being worked on, and only for such a school.
    /// </summary>
    public SupportListEntry DecideSupportFormat(Guid schoolId, SupportFormat format, string responsible, string reason, string who, DateTimeOffset at)
    {
        EnsureEditable();
        var entry = Entries.FirstOrDefault(e => e.SchoolId == schoolId) ?? throw new DomainException(DomainText.List_SchoolNotComputed);
        if (!entry.NeedsFormatDecision)
            throw new DomainException(DomainText.List_FormatOnlySecondYear);
        if (!Enum.IsDefined(format)) throw new DomainException(DomainText.List_ChooseFormat, "format");
        if (string.IsNullOrWhiteSpace(responsible) || responsible.Trim().Length < 3)
            throw new DomainException(DomainText.List_FormatResponsible, "responsible");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
            throw new DomainException(DomainText.List_FormatReason, "reason");
        entry.NewFormat = format;
        entry.FormatResponsible = responsible.Trim();
        entry.FormatReason = reason.Trim();
        entry.FormatDecidedBy = who;
        entry.FormatDecidedAt = at;
        return entry;
    }

    private void Move(ListStatus to, string who, DateTimeOffset at, string comment, params ListStatus[] from)
    {
        if (!from.Contains(Status))
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.List_BadTransition, StatusTitle(Status), StatusTitle(to)));
        Record(to, who, at, comment);
    }

    private void Record(ListStatus to, string who, DateTimeOffset at, string comment)
    {
        // No Id: EF gives it on insert. A new row reached through History is inserted only while its key is unset
        // (one with a key would be taken for an existing row and updated).
        _history.Add(new ListTransition { RegionId = RegionId, ListId = Id, From = Status, To = to, At = at, UserName = who, Comment = comment });
        Status = to;
    }

    public static string StatusTitle(ListStatus status) => Titles.Of(status);
}

public enum ManualDecision
{
    None = 0,
    Added = 1,
    Removed = 2,
}

/// <summary>One school in a list computation, with the numbers and the rules behind its status.</summary>
public sealed class SupportListEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid ListId { get; set; }
    public Guid SchoolId { get; set; }
    public double? ResultsIndex { get; set; }
    public QuartileBand? Band { get; set; }
    public double? SocialIndex { get; set; }
    public QuartileBand? SocialBand { get; set; }
    public MatrixCell? Cell { get; set; }
    public bool LowResults { get; set; }
    public bool Disadvantaged { get; set; }
    public bool Watch { get; set; }
    public bool SecondConsecutiveYear { get; set; }
    public bool Exited { get; set; }
    /// <summary>In the previous year's published list: then it is either in its second year now or has left.</summary>
    public bool ListedBefore => SecondConsecutiveYear || Exited;
    /// <summary>What the engine decided.</summary>
    public bool Computed { get; set; }
    /// <summary>What the list says after review.</summary>
    public bool Included { get; set; }
    public ManualDecision Decision { get; set; }
    public string Justification { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    /// <summary>Rule evidence and ИОР by year, as JSON (read-only once computed).</summary>
    public string EvidenceJson { get; set; } = "[]";
    /// <summary>A school in the list for the second year running must change how it is supported.</summary>
    public bool NeedsFormatDecision => Included && SecondConsecutiveYear;
    /// <summary>The support format decided for the second year (<see cref="SupportList.DecideSupportFormat"/>); null while undecided.</summary>
    public SupportFormat? NewFormat { get; set; }
    public string FormatResponsible { get; set; } = "";
    public string FormatReason { get; set; } = "";
    public string FormatDecidedBy { get; set; } = "";
    public DateTimeOffset? FormatDecidedAt { get; set; }
}

/// <summary>The regional list of support formats a school listed the second year running changes to.</summary>
public enum SupportFormat
{
    /// <summary>Смена наставника/куратора.</summary>
    MentorChange = 1,
    /// <summary>Консультационный центр.</summary>
    ConsultingCentre = 2,
    /// <summary>Сетевой партнёр (школа-партнёр).</summary>
    NetworkPartner = 3,
    /// <summary>Выездная поддержка.</summary>
    OnSiteSupport = 4,
    /// <summary>Адресная методическая помощь ИРО.</summary>
    InstituteSupport = 5,
}

public static class SupportFormats
{
    public static string Title(SupportFormat format) => Titles.Of(format);

    public static IReadOnlyList<SupportFormat> All { get; } = Enum.GetValues<SupportFormat>();
}

public sealed class ListTransition : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid ListId { get; set; }
    public ListStatus From { get; set; }
    public ListStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    public string Comment { get; set; } = "";
}

public enum MethodologyStatus
{
    Draft = 0,
    Approved = 1,
}

/// <summary>A stored version of a methodology. Once a list was computed with it, it never changes: a change is a new version.</summary>
public sealed class MethodologyVersion : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
    private MethodologyStatus _status;
    /// <summary>Set when the version is created (a draft, or the built-in defaults approved); afterwards only <see cref="Approve"/> moves it.</summary>
    public MethodologyStatus Status { get => _status; init => _status = value; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    private string _approvedBy = "";
    private DateTimeOffset? _approvedAt;
    public string ApprovedBy { get => _approvedBy; init => _approvedBy = value; }
    public DateTimeOffset? ApprovedAt { get => _approvedAt; init => _approvedAt = value; }
    public DateTimeOffset? UsedAt { get; set; }
    public uint RowVersion { get; set; }

    public void EnsureChangeable()
    {
        if (UsedAt is not null) throw new DomainException(DomainText.Methodology_AlreadyUsed);
        if (Status == MethodologyStatus.Approved) throw new DomainException(DomainText.Methodology_ApprovedFrozen);
    }

    /// <summary>The ministry approves a draft that was never used and whose description is valid; an approved version is frozen.</summary>
    public void Approve(string by, DateTimeOffset at)
    {
        EnsureChangeable();
        MethodologyJson.Deserialize(Json).EnsureValid();
        _status = MethodologyStatus.Approved;
        _approvedBy = by;
        _approvedAt = at;
    }
}

/// <summary>A run of the identification (job or "run now"), for the progress bar and the history.</summary>
public sealed class IdentificationRun : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public double Progress { get; private set; }
    public string Status { get; private set; } = Running;
    public string Message { get; private set; } = "";
    public string StartedBy { get; set; } = "";

    public const string Running = "running", Done = "done", Failed = "failed";

    /// <summary>Queued or restarted: the progress bar starts again.</summary>
    public void Start(double progress) => (Status, Progress, Message, FinishedAt) = (Running, progress, "", null);

    /// <summary>A step of the computation; progress only moves forward while the run is running.</summary>
    public void Advance(double progress)
    {
        if (Status == Running && progress > Progress) Progress = Math.Min(progress, 1);
    }

    public void Finish(string message, DateTimeOffset at) => (Status, Progress, Message, FinishedAt) = (Done, 1, message, at);

    public void Fail(string message, DateTimeOffset at) => (Status, Message, FinishedAt) = (Failed, message, at);
}
