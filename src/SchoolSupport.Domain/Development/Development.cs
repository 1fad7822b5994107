using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Development;

/// <summary>
/// The four indicators of teachers' subject competences of the Kirov model (appendix 2 to the РСОКО model); the
/// March deficits survey measures them and courses are tagged with the ones they develop.
/// </summary>
[Flags]
public enum Competences
{
    None = 0,
    /// <summary>Реализация программы развития УУД в преподавании учебного предмета.</summary>
    LearningSkills = 1,
    /// <summary>Применение современных психолого-педагогических технологий.</summary>
    TeachingTechnologies = 2,
    /// <summary>Использование современных способов оценивания.</summary>
    Assessment = 4,
    /// <summary>Реализация индивидуального образовательного маршрута и индивидуальной программы развития обучающихся.</summary>
    IndividualRoutes = 8,
}

public enum EventKind
{
    Course = 0,
    Webinar = 1,
    Seminar = 2,
}

public enum EventFormat
{
    InPerson = 0,
    Remote = 1,
    Blended = 2,
}

/// <summary>A course, webinar or seminar of the catalogue (ИРО/СОИРО and others).</summary>
public sealed class PdEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public EventKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Organiser { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public int Hours { get; set; }
    public string Audience { get; set; } = "";
    public EventFormat Format { get; set; }
    public Competences Develops { get; set; }
    public uint Version { get; set; }
}

/// <summary>A school's application to an event; the operator records attendance.</summary>
public sealed class PdApplication : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid EventId { get; set; }
    public Guid SchoolId { get; set; }
    public int Participants { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
    public string AppliedByName { get; set; } = "";
    public int? Attended { get; set; }
}

/// <summary>
/// The teachers' deficits survey of a school for a year: for each indicator, the share of surveyed teachers (%) who
/// show a deficit. An indicator above the region's threshold is weak and brings recommended courses.
/// </summary>
public sealed class DeficitSurvey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public int TeachersSurveyed { get; set; }
    public decimal LearningSkillsDeficit { get; set; }
    public decimal TechnologiesDeficit { get; set; }
    public decimal AssessmentDeficit { get; set; }
    public decimal IndividualRoutesDeficit { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public uint Version { get; set; }

    public Competences WeakAbove(decimal threshold) =>
        (LearningSkillsDeficit > threshold ? Competences.LearningSkills : Competences.None)
        | (TechnologiesDeficit > threshold ? Competences.TeachingTechnologies : Competences.None)
        | (AssessmentDeficit > threshold ? Competences.Assessment : Competences.None)
        | (IndividualRoutesDeficit > threshold ? Competences.IndividualRoutes : Competences.None);
}

/// <summary>One event in a school's personalised programme for a half-year (1 — January–June, 2 — July–December).</summary>
public sealed class ProgrammeEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public int Half { get; set; }
    public Guid EventId { get; set; }
    public string Note { get; set; } = "";
}

public enum PracticeStatus
{
    Submitted = 0,
    Returned = 1,
    Published = 2,
}

/// <summary>A card of the best-practice bank, submitted by a school and published after an operator's review.</summary>
public sealed class PracticeCard : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Files: a document of the school in the document library.</summary>
    public Guid? DocumentId { get; set; }
    public PracticeStatus Status { get; private set; }
    public string ReviewComment { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string ReviewedByName { get; set; } = "";
    public uint Version { get; set; }

    /// <summary>The school sends the card (again) for review; a published practice stays as it was published.</summary>
    public void Submit(DateTimeOffset at)
    {
        if (Status == PracticeStatus.Published) throw new DomainException(DomainText.Practice_Published);
        Status = PracticeStatus.Submitted;
        SubmittedAt = at;
    }

    /// <summary>An operator publishes a submitted card or returns it with what to fix.</summary>
    public void Review(bool publish, string? comment, string who, DateTimeOffset at)
    {
        if (Status != PracticeStatus.Submitted) throw new DomainException(DomainText.Practice_OnlySubmitted);
        if (!publish && string.IsNullOrWhiteSpace(comment)) throw new DomainException(DomainText.Practice_CommentRequired);
        Status = publish ? PracticeStatus.Published : PracticeStatus.Returned;
        ReviewComment = (comment ?? "").Trim();
        ReviewedAt = at;
        ReviewedByName = who;
    }
}
