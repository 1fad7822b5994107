using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Domain.Mentoring;

/// <summary>Наставник (эффективный руководитель) for the school team, or тьютор (эффективный учитель-предметник) for its teachers.</summary>
public enum MentorKind
{
    Mentor = 0,
    Tutor = 1,
}

public enum ConsultationFormat
{
    InPerson = 0,
    Remote = 1,
}

/// <summary>
/// The methodological office assigns a Mentor-role user to a school for a period. A mentor sees exactly the schools
/// with an assignment in force today.
/// </summary>
public sealed class MentorAssignment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid MentorId { get; set; }
    public string MentorName { get; set; } = "";
    public Guid SchoolId { get; set; }
    public MentorKind Kind { get; set; }
    /// <summary>The subject of a tutor; null for a mentor of the school team.</summary>
    public Subject? Subject { get; set; }
    /// <summary>The subject teachers a tutor works with (names as the school gives them).</summary>
    public string Teachers { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Responsibilities { get; set; } = "";
    public string AssignedByName { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
    public uint Version { get; set; }

    public bool IsActiveOn(DateOnly day) => From <= day && day <= To;
}

/// <summary>A record of the mentor's consultation journal (журнал консультаций).</summary>
public sealed class Consultation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public Guid MentorId { get; set; }
    public string MentorName { get; set; } = "";
    public DateOnly Date { get; set; }
    public ConsultationFormat Format { get; set; }
    public string Topic { get; set; } = "";
    public int DurationMinutes { get; set; }
    public int ParticipantsCount { get; set; }
    /// <summary>Roles of participants: director, deputies, subject teachers…</summary>
    public string ParticipantRoles { get; set; } = "";
    public string Outcome { get; set; } = "";
    /// <summary>Materials: a document of the school in the document library.</summary>
    public Guid? MaterialsDocumentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }

    public List<ConsultationStep> NextSteps { get; set; } = [];
}

/// <summary>An agreed next step with its deadline.</summary>
public sealed class ConsultationStep : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid ConsultationId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly Deadline { get; set; }
}

/// <summary>The school's feedback journal (журнал обратной связи): one rating per consultation per school user.</summary>
public sealed class ConsultationFeedback : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid ConsultationId { get; set; }
    public Guid SchoolId { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public int Rating { get; set; }
    public string Comment { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
