using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Monitoring;

public enum MonitoringTaskStatus
{
    Open = 0,
    Done = 1,
    Overdue = 2,
}

public enum ReminderKind
{
    /// <summary>N days before the due date.</summary>
    BeforeDue = 0,
    OnDue = 1,
    Overdue = 2,
}

/// <summary>
/// A template of a stage made concrete for one school, one municipality or the region (operators).
/// <see cref="TargetId"/> is the school, the municipality or the region; (stage, template, target) is unique.
/// </summary>
public sealed class MonitoringTask : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid StageId { get; set; }
    public Guid TemplateId { get; set; }
    public Guid TargetId { get; set; }
    public MonitoringActor Actor { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Due { get; set; }
    public string OutputDocument { get; set; } = "";
    private MonitoringTaskStatus _status;
    /// <summary>
    /// Set when the task is created; afterwards only <see cref="MarkOverdue"/>, <see cref="Complete"/> and
    /// <see cref="CloseByEvidence"/> move it. EF reads and writes the field.
    /// </summary>
    public MonitoringTaskStatus Status { get => _status; init => _status = value; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string CompletedBy { get; set; } = "";
    public string Note { get; set; } = "";
    /// <summary>Where the evidence that closed the task is (a plan, a document, a list); empty for a task completed by hand.</summary>
    public string EvidenceLink { get; set; } = "";

    public bool IsOpen => Status is MonitoringTaskStatus.Open or MonitoringTaskStatus.Overdue;

    /// <summary>The reminder a task is due for on a day, or null. An overdue notice replaces the others once the day has passed.</summary>
    public ReminderKind? ReminderOn(DateOnly today, int daysBefore)
    {
        if (Status == MonitoringTaskStatus.Done) return null;
        if (today > Due) return ReminderKind.Overdue;
        if (today == Due) return ReminderKind.OnDue;
        return today >= Due.AddDays(-daysBefore) ? ReminderKind.BeforeDue : null;
    }

    /// <summary>
    /// The task's evidence appeared (the plan submitted or approved, a document of the task's type uploaded, the list
    /// published): an open task closes itself and points to it. A task already done stays as it was.
    /// </summary>
    public bool CloseByEvidence(string evidence, string link, DateTimeOffset at)
    {
        if (Status == MonitoringTaskStatus.Done) return false;
        _status = MonitoringTaskStatus.Done;
        CompletedAt = at;
        CompletedBy = TaskEvidence.ClosedBy;
        Note = evidence.Trim();
        EvidenceLink = link;
        return true;
    }

    /// <summary>An open task whose due date has passed becomes overdue (the daily monitoring job); a done task never does.</summary>
    public void MarkOverdue(DateOnly today)
    {
        if (_status != MonitoringTaskStatus.Open || today <= Due) throw new DomainException(DomainText.Monitoring_TaskNotOverdue);
        _status = MonitoringTaskStatus.Overdue;
    }

    public void Complete(string who, string note, DateTimeOffset at)
    {
        if (Status == MonitoringTaskStatus.Done) throw new DomainException(DomainText.Monitoring_TaskAlreadyDone);
        _status = MonitoringTaskStatus.Done;
        CompletedAt = at;
        CompletedBy = who;
        Note = note.Trim();
    }
}

/// <summary>A reminder sent for a task; one of each kind per task, so a re-run never sends it twice.</summary>
public sealed class TaskReminder : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid TaskId { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>What output of a task (its «результат») a workflow step or an upload provides, in one place.</summary>
public static class TaskEvidence
{
    public static string ClosedBy => DomainText.TaskOutput_ClosedBy;
    public static string SchoolProgramme => DomainText.TaskOutput_SchoolProgramme;
    public static string MunicipalProgramme => DomainText.TaskOutput_MunicipalProgramme;
    public static string QualityOrder => DomainText.TaskOutput_QualityOrder;
    public static string SelfAssessment => DomainText.TaskOutput_SelfAssessment;
    public static string List => DomainText.TaskOutput_List;
    public static string Methodology => DomainText.TaskOutput_Methodology;

    /// <summary>The task output an uploaded document of the kind is, or null.</summary>
    public static string? OutputOf(Documents.DocumentKind kind) => kind switch
    {
        Documents.DocumentKind.SchoolProgramme => SchoolProgramme,
        Documents.DocumentKind.MunicipalProgramme => MunicipalProgramme,
        Documents.DocumentKind.InternalQualityOrder => QualityOrder,
        Documents.DocumentKind.SelfAssessmentReport => SelfAssessment,
        _ => null,
    };
}
