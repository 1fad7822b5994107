using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Monitoring;

public enum MonitoringActor
{
    /// <summary>РЦОКО / СОИРО: one task for the region.</summary>
    Operator = 0,
    /// <summary>The body that runs education in a municipality: one task per municipality in scope.</summary>
    Municipal = 1,
    /// <summary>The school team: one task per school in scope.</summary>
    School = 2,
    /// <summary>
    /// Preventive: one task per school on watch («на контроле») in the list in force; the municipal coordinator follows it
    /// up with the school.
    /// </summary>
    WatchSchool = 3,
}

public enum StageStatus
{
    Planned = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>
/// The annual monitoring of one region for the school year that starts in <see cref="Year"/> (Saratov model: four stages
/// from October of <see cref="Year"/> to September of the next year). Dates and reminders are the region's configuration.
/// </summary>
public sealed class MonitoringYear : ITenantOwned
{
    public const int DefaultReminderDays = 7;

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    /// <summary>How many days before the due date the first reminder goes out.</summary>
    public int ReminderDaysBefore { get; set; } = DefaultReminderDays;
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
    public List<MonitoringStage> Stages { get; set; } = [];

    /// <summary>The monitoring year a day belongs to: from September a new school year starts.</summary>
    public static int YearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    public static void ValidateReminderDays(int days)
    {
        if (days is < 0 or > 60) throw new DomainException(DomainText.Monitoring_BadReminderDays);
    }

    /// <summary>A stage added by the region after the last one; its window must fall within the monitoring year.</summary>
    public MonitoringStage AddStage(string title, string description, DateOnly opens, DateOnly closes)
    {
        title = (title ?? "").Trim();
        description = (description ?? "").Trim();
        var refusals = new List<Refusal>();
        if (title.Length == 0) refusals.Add(new(DomainText.Monitoring_NoStageTitle, nameof(MonitoringStage.Title)));
        if (title.Length > 300) refusals.Add(new(DomainText.Monitoring_StageTitleTooLong, nameof(MonitoringStage.Title)));
        if (description.Length > 2000) refusals.Add(new(DomainText.Monitoring_StageDescriptionTooLong, nameof(MonitoringStage.Description)));
        if (refusals.Count > 0) throw new DomainException(refusals);
        ValidateWindow(opens, closes, string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_StageWhat, title));
        var stage = new MonitoringStage
        {
            Id = Guid.NewGuid(), RegionId = RegionId, YearId = Id, Number = Stages.Count == 0 ? 1 : Stages.Max(s => s.Number) + 1,
            Title = title, Description = description, Opens = opens, Closes = closes,
        };
        Stages.Add(stage);
        return stage;
    }

    /// <summary>A task template added to a stage; its due date must fall within the monitoring year.</summary>
    public TaskTemplate AddTemplate(MonitoringStage stage, MonitoringActor actor, string what, DateOnly due, string outputDocument)
    {
        what = (what ?? "").Trim();
        outputDocument = (outputDocument ?? "").Trim();
        var refusals = new List<Refusal>();
        if (!Enum.IsDefined(actor)) refusals.Add(new(DomainText.Monitoring_NoActor, nameof(TaskTemplate.Actor)));
        if (what.Length == 0) refusals.Add(new(DomainText.Monitoring_NoTaskWhat, nameof(TaskTemplate.What)));
        if (what.Length > 1000) refusals.Add(new(DomainText.Monitoring_TaskWhatTooLong, nameof(TaskTemplate.What)));
        if (outputDocument.Length > 300) refusals.Add(new(DomainText.Monitoring_OutputTooLong, nameof(TaskTemplate.OutputDocument)));
        if (refusals.Count > 0) throw new DomainException(refusals);
        ValidateWindow(due, due, string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_TaskWhat, what));
        var template = new TaskTemplate
        {
            Id = Guid.NewGuid(), RegionId = RegionId, StageId = stage.Id, Order = stage.Templates.Count == 0 ? 1 : stage.Templates.Max(t => t.Order) + 1,
            Actor = actor, What = what, Due = due, OutputDocument = outputDocument,
        };
        stage.Templates.Add(template);
        return template;
    }

    /// <summary>The school years a stage may fall in: from 1 September of the year to 31 December of the next one.</summary>
    public void ValidateWindow(DateOnly opens, DateOnly closes, string what)
    {
        if (closes < opens)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_WindowReversed, what, closes, opens));
        var first = new DateOnly(Year, 9, 1);
        var last = new DateOnly(Year + 1, 12, 31);
        if (opens < first || closes > last)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_WindowOutsideYear, what, first, last, Year, Year + 1));
    }
}

/// <summary>One of the four stages of the annual monitoring, with its window.</summary>
public sealed class MonitoringStage : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid YearId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateOnly Opens { get; set; }
    public DateOnly Closes { get; set; }
    private StageStatus _status;
    /// <summary>Follows the calendar: only <see cref="FollowCalendar"/>, <see cref="Open"/> and <see cref="Close"/> move it (EF uses the field).</summary>
    public StageStatus Status { get => _status; init => _status = value; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<TaskTemplate> Templates { get; set; } = [];

    /// <summary>The status the stage should have on a day: open from its first day to its last, closed after.</summary>
    public StageStatus StatusOn(DateOnly today) =>
        today > Closes ? StageStatus.Closed : today >= Opens ? StageStatus.Open : StageStatus.Planned;

    /// <summary>
    /// Gives the stage the status its window says for the day (the daily job); false when it already has it. A window the
    /// region moved later takes an opened stage back to planned.
    /// </summary>
    public bool FollowCalendar(DateOnly today, DateTimeOffset now)
    {
        var status = StatusOn(today);
        if (status == _status) return false;
        if (status == StageStatus.Open) Open(today, now);
        else if (status == StageStatus.Closed) Close(today, now);
        else _status = StageStatus.Planned;
        return true;
    }

    /// <summary>Opens the stage within its window; the first opening is kept.</summary>
    public void Open(DateOnly today, DateTimeOffset now)
    {
        if (StatusOn(today) != StageStatus.Open)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_StageOpensInWindow, Number, Opens, Closes));
        _status = StageStatus.Open;
        OpenedAt ??= now;
    }

    /// <summary>Closes the stage once its last day has passed.</summary>
    public void Close(DateOnly today, DateTimeOffset now)
    {
        if (StatusOn(today) != StageStatus.Closed)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_StageClosesAfterWindow, Number, Closes));
        _status = StageStatus.Closed;
        ClosedAt = now;
    }
}

/// <summary>What one kind of actor must do in a stage, by when, and what document comes out of it.</summary>
public sealed class TaskTemplate : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid StageId { get; set; }
    public int Order { get; set; }
    public MonitoringActor Actor { get; set; }
    public string What { get; set; } = "";
    public DateOnly Due { get; set; }
    public string OutputDocument { get; set; } = "";

    /// <summary>
    /// Tasks appear when the stage opens, or earlier when the due date is nearer than the reminder lead
    /// (the February ВСОКО order belongs to the stage that opens in March).
    /// </summary>
    public DateOnly GeneratedFrom(MonitoringStage stage, int reminderDays)
    {
        var lead = Due.AddDays(-reminderDays);
        return lead < stage.Opens ? lead : stage.Opens;
    }
}
