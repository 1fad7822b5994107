using System.Globalization;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Partnerships;

/// <summary>Горизонтальная (школа ↔ школа) или вертикальная (центр ↔ школы) модель сетевого взаимодействия.</summary>
public enum NetworkModel
{
    Horizontal = 0,
    Vertical = 1,
}

/// <summary>Who supports: a leader school, a consulting centre or a resource centre.</summary>
public enum PartnerRole
{
    LeaderSchool = 0,
    ConsultingCentre = 1,
    ResourceCentre = 2,
}

[Flags]
public enum SupportTypes
{
    None = 0,
    Consulting = 1,
    Methodological = 2,
    Organisational = 4,
    Resource = 8,
}

public enum PartnershipStatus
{
    Proposed = 0,
    Signed = 1,
    Active = 2,
    Ended = 3,
}

/// <summary>
/// A partnership agreement (соглашение о сетевом взаимодействии) between a leader school or centre and one or more
/// supported schools, with its joint plan and periodic reports.
/// </summary>
public sealed class Partnership : ITenantOwned
{
    public Partnership() { }

    /// <summary>
    /// A partnership that starts in a given state: for fixtures and imports of agreements signed before the portal. Live
    /// code starts from a proposal and moves the status only through <see cref="MoveTo"/>.
    /// </summary>
    public Partnership(PartnershipStatus status) => Status = status;

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid LeaderSchoolId { get; set; }
    public PartnerRole LeaderRole { get; set; }
    public NetworkModel Model { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Set through <see cref="SetAgreement"/>: frozen once the agreement is signed.</summary>
    public string AgreementNumber { get; private set; } = "";
    public DateOnly? AgreementDate { get; private set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public SupportTypes SupportTypes { get; set; }
    /// <summary>The uploaded agreement (a document of the leader school in the document library).</summary>
    public Guid? AgreementDocumentId { get; set; }
    public PartnershipStatus Status { get; private set; }
    /// <summary>The day the agreement was marked signed; the yearly target counts these.</summary>
    public DateOnly? SignedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }

    public List<PartnershipSchool> Schools { get; set; } = [];
    public List<PartnershipActivity> Activities { get; set; } = [];
    public List<PartnershipReport> Reports { get; set; } = [];

    private static readonly HashSet<(PartnershipStatus, PartnershipStatus)> Allowed =
    [
        (PartnershipStatus.Proposed, PartnershipStatus.Signed),
        (PartnershipStatus.Proposed, PartnershipStatus.Ended),
        (PartnershipStatus.Signed, PartnershipStatus.Active),
        (PartnershipStatus.Signed, PartnershipStatus.Ended),
        (PartnershipStatus.Active, PartnershipStatus.Ended),
    ];

    public static IEnumerable<PartnershipStatus> NextFrom(PartnershipStatus from) =>
        Allowed.Where(a => a.Item1 == from).Select(a => a.Item2);

    public bool IsEditable => Status is PartnershipStatus.Proposed or PartnershipStatus.Signed or PartnershipStatus.Active;

    public void EnsureEditable()
    {
        if (!IsEditable) throw new DomainException(DomainText.Partnership_Ended);
    }

    /// <summary>The agreement's number and date: written while it is proposed, the same ever after it is signed.</summary>
    public void SetAgreement(string number, DateOnly? date)
    {
        EnsureEditable();
        number = (number ?? "").Trim();
        if (Status != PartnershipStatus.Proposed && (number != AgreementNumber || date != AgreementDate))
            throw new DomainException(DomainText.Partnership_AgreementFrozen);
        AgreementNumber = number;
        AgreementDate = date;
    }

    /// <summary>An activity of the joint plan; its deadline falls within the agreement's term.</summary>
    public PartnershipActivity AddActivity(string title, DateOnly deadline, string responsible)
    {
        EnsureEditable();
        if (deadline < ValidFrom || deadline > ValidTo) throw new DomainException(DomainText.Partnership_DeadlineOutside);
        // No Id: EF gives it on insert, so the new row reached through Activities is inserted, not taken for an existing one.
        var activity = new PartnershipActivity
        {
            RegionId = RegionId, PartnershipId = Id, Title = title.Trim(), Deadline = deadline, Responsible = (responsible ?? "").Trim(),
        };
        Activities.Add(activity);
        return activity;
    }

    /// <summary>Moves the agreement on; signing needs its number and date.</summary>
    public void MoveTo(PartnershipStatus to)
    {
        if (!Allowed.Contains((Status, to)))
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Partnership_BadTransition, Titles.Of(Status), Titles.Of(to)));
        }
        if (to == PartnershipStatus.Signed)
        {
            if (string.IsNullOrWhiteSpace(AgreementNumber) || AgreementDate is null)
            {
                throw new DomainException(DomainText.Partnership_SignNeedsNumber);
            }
            SignedOn = AgreementDate;
        }
        if (to == PartnershipStatus.Active && Schools.Count == 0) throw new DomainException(DomainText.Partnership_NoSchools);
        Status = to;
    }

    /// <summary>Dates of an agreement in their natural order: signed, then in force from, then until.</summary>
    public static IEnumerable<string> CheckDates(DateOnly? agreementDate, DateOnly? from, DateOnly? to)
    {
        if (from is null || to is null)
        {
            yield return DomainText.Partnership_ValidityRequired;
            yield break;
        }
        if (to < from) yield return DomainText.Partnership_EndBeforeStart;
        if (agreementDate is { } signed && signed > from) yield return DomainText.Partnership_SignedAfterStart;
    }
}

public sealed class PartnershipSchool : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid SchoolId { get; set; }
}

/// <summary>An activity of the joint plan.</summary>
public sealed class PartnershipActivity : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PartnershipId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public string Responsible { get; set; } = "";
    public bool Done { get; set; }
}

/// <summary>A periodic report on the partnership's work.</summary>
public sealed class PartnershipReport : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid PartnershipId { get; set; }
    public DateOnly Date { get; set; }
    public string Text { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
