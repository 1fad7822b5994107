using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>What a run did over the regions that succeeded; <see cref="FailedRegions"/> regions were rolled back and logged.</summary>
public sealed record MonitoringRunResult(int StagesChanged, int TasksCreated, int Reminders, int BecameOverdue, int FailedRegions = 0);

/// <summary>
/// Daily, for every region: creates the monitoring year when it starts, opens and closes stages on their dates,
/// turns the task templates into tasks for the covered schools and municipalities, sends reminders before and on the
/// due date and marks overdue tasks. Each region in its own transaction under its own PostgreSQL advisory lock, so that
/// one region's run at a time across all instances, and a region that fails is rolled back and logged while the others
/// go on; unique indexes on (stage, template, target) and (task, kind) make a repeated run add nothing.
/// </summary>
public sealed class MonitoringJob(SystemDb systemDb, TimeProvider clock, IEmailSender email, ILogger<MonitoringJob> log)
{
    public const string RecurringId = "monitoring-daily";

    /// <summary>First key of the advisory lock of a region's run (the second is the region's hash); any constant unique in the portal.</summary>
    private const int LockKey = 0x4D4F_4E49;

    private sealed record Recipient(Guid Id, string? Email, Guid? MunicipalityId, Guid? SchoolId, string Role);

    private sealed class Run
    {
        public int StagesChanged;
        public int TasksCreated;
        public int Reminders;
        public int BecameOverdue;
        public List<(string To, string Subject, string Body)> Mails { get; } = [];
    }

    /// <summary>Every region, one after another.</summary>
    public async Task<MonitoringRunResult> RunAsync(CancellationToken ct)
    {
        List<Guid> regions;
        await using (var db = systemDb.Create()) regions = await db.Regions.OrderBy(r => r.Code).Select(r => r.Id).ToListAsync(ct);
        return await RunAsync(regions, ct);
    }

    /// <summary>One region: the entry of the region's own recurring job.</summary>
    public Task<MonitoringRunResult> RunRegionAsync(Guid regionId, CancellationToken ct) => RunAsync([regionId], ct);

    /// <summary>
    /// A region that starts in the middle of a monitoring year (the demo's first start, a region set up in winter): the year is run
    /// as the daily job would have run it, on the first day of the year and on every day a stage opened or a task appeared before
    /// today, each in its own transaction, so that the tasks of stages already closed exist and are overdue unless their evidence
    /// is there. Reminders of those days are not mailed; today's run is left to <see cref="RunAsync(CancellationToken)"/>.
    /// </summary>
    public async Task CatchUpRegionAsync(Guid regionId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = new DateOnly(MonitoringYear.YearOf(today), 9, 1);
        if (start >= today) return;
        await RunRegionInTransactionAsync(regionId, start, Instant(start), ct);
        List<DateOnly> days;
        await using (var db = systemDb.Create())
        {
            var year = await db.Set<MonitoringYear>().Include(y => y.Stages).ThenInclude(s => s.Templates).AsSplitQuery()
                .SingleAsync(y => y.RegionId == regionId && y.Year == start.Year, ct);
            days = year.Stages.SelectMany(s => s.Templates.Select(t => t.GeneratedFrom(s, year.ReminderDaysBefore)).Append(s.Opens))
                .Where(d => d > start && d < today).Distinct().Order().ToList();
        }
        foreach (var day in days) await RunRegionInTransactionAsync(regionId, day, Instant(day), ct);
        log.LogInformation("Monitoring of region {RegionId} caught up from {Start} on {Days} days", regionId, start, days.Count + 1);

        static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
    }

    /// <summary>The given regions, each in its own transaction; a failing region is logged and skipped.</summary>
    public async Task<MonitoringRunResult> RunAsync(IReadOnlyCollection<Guid> regionIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var total = new MonitoringRunResult(0, 0, 0, 0);
        foreach (var regionId in regionIds)
        {
            Run run;
            try
            {
                run = await RunRegionInTransactionAsync(regionId, today, now, ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Only possible if a run bypassed the lock: the unique indexes kept the data right, so there is nothing to add.
                log.LogWarning(e, "Monitoring of region {RegionId} skipped: another run already wrote the same rows", regionId);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Monitoring of region {RegionId} failed and was rolled back; the other regions go on", regionId);
                total = total with { FailedRegions = total.FailedRegions + 1 };
                continue;
            }
            await SendAsync(run.Mails, ct);
            total = total with
            {
                StagesChanged = total.StagesChanged + run.StagesChanged, TasksCreated = total.TasksCreated + run.TasksCreated,
                Reminders = total.Reminders + run.Reminders, BecameOverdue = total.BecameOverdue + run.BecameOverdue,
            };
        }
        log.LogInformation("Monitoring of {Regions} regions: {Stages} stages changed, {Tasks} tasks created, {Reminders} reminders, {Overdue} overdue, {Failed} failed",
            regionIds.Count, total.StagesChanged, total.TasksCreated, total.Reminders, total.BecameOverdue, total.FailedRegions);
        return total;
    }

    private async Task<Run> RunRegionInTransactionAsync(Guid regionId, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var current = new Run();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, hashtext({1}))", [LockKey, regionId.ToString()], token);
            await RunRegionAsync(db, regionId, today, now, current, token);
            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
            return current;
        }, ct);
    }

    private async Task SendAsync(List<(string To, string Subject, string Body)> mails, CancellationToken ct)
    {
        foreach (var (to, subject, body) in mails)
        {
            try
            {
                await email.SendAsync(to, subject, body, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Monitoring reminder to {To} was not sent", to);
            }
        }
    }

    private async Task RunRegionAsync(AppDbContext db, Guid regionId, DateOnly today, DateTimeOffset now, Run run, CancellationToken ct)
    {
        var yearNumber = MonitoringYear.YearOf(today);
        var years = await db.Set<MonitoringYear>().Include(y => y.Stages).ThenInclude(s => s.Templates)
            .Where(y => y.RegionId == regionId && y.Year >= yearNumber - 1 && y.Year <= yearNumber)
            .AsSplitQuery().ToListAsync(ct);
        if (years.All(y => y.Year != yearNumber))
        {
            var template = await MonitoringCalendar.TemplateOfAsync(db, regionId, ct);
            var created = CalendarTemplates.Create(template, regionId, yearNumber, now);
            db.Add(created);
            years.Add(created);
            db.Record(null, "monitoring.year", "monitoring-year", created.Id,
                InfraFormat.Of(InfraText.Monitoring_CalendarCreatedFromTemplate, yearNumber, yearNumber + 1, RegionCalendar.TitleOf(template)), clock);
        }

        CoveredSchools? covered = null;
        foreach (var year in years)
        {
            foreach (var stage in year.Stages.OrderBy(s => s.Number))
            {
                if (stage.FollowCalendar(today, now))
                {
                    run.StagesChanged++;
                    db.Record(null, "monitoring.stage", "monitoring-stage", stage.Id,
                        InfraFormat.Of(InfraText.Monitoring_StageNotice, stage.Number, year.Year, year.Year + 1, Titles.Of(stage.Status)), clock);
                }
                foreach (var template in stage.Templates.Where(t => t.GeneratedFrom(stage, year.ReminderDaysBefore) <= today && today <= stage.Closes))
                {
                    covered ??= await MonitoringCoverage.CoveredAsync(db, regionId, null, ct);
                    run.TasksCreated += await GenerateAsync(db, regionId, stage, template, covered, now, ct);
                }
            }
        }
        await RemindAsync(db, regionId, years, today, now, run, ct);
    }

    private static async Task<int> GenerateAsync(AppDbContext db, Guid regionId, MonitoringStage stage, TaskTemplate template, CoveredSchools covered,
        DateTimeOffset now, CancellationToken ct)
    {
        IEnumerable<(Guid Target, Guid? Municipality, Guid? School)> targets = template.Actor switch
        {
            MonitoringActor.School => covered.Schools.Select(s => (s.SchoolId, (Guid?)s.MunicipalityId, (Guid?)s.SchoolId)),
            MonitoringActor.Municipal => covered.MunicipalityIds.Select(m => (m, (Guid?)m, (Guid?)null)),
            MonitoringActor.WatchSchool => covered.WatchSchools.Select(s => (s.SchoolId, (Guid?)s.MunicipalityId, (Guid?)s.SchoolId)),
            _ => [(regionId, null, null)],
        };
        var existing = (await db.Set<MonitoringTask>().Where(t => t.StageId == stage.Id && t.TemplateId == template.Id)
            .Select(t => t.TargetId).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var (target, municipality, school) in targets.Where(t => !existing.Contains(t.Target)))
        {
            db.Add(new MonitoringTask
            {
                Id = Guid.NewGuid(), RegionId = regionId, StageId = stage.Id, TemplateId = template.Id, TargetId = target, Actor = template.Actor,
                MunicipalityId = municipality, SchoolId = school, Title = template.What, Due = template.Due, OutputDocument = template.OutputDocument,
                CreatedAt = now,
            });
            added++;
        }
        return added;
    }

    private async Task RemindAsync(AppDbContext db, Guid regionId, List<MonitoringYear> years, DateOnly today, DateTimeOffset now, Run run, CancellationToken ct)
    {
        var daysByStage = years.SelectMany(y => y.Stages.Select(s => (s.Id, y.ReminderDaysBefore))).ToDictionary(x => x.Id, x => x.ReminderDaysBefore);
        var stageIds = daysByStage.Keys.ToList();
        var tasks = await db.Set<MonitoringTask>()
            .Where(t => t.RegionId == regionId && stageIds.Contains(t.StageId) && t.Status != MonitoringTaskStatus.Done)
            .ToListAsync(ct);
        // Tasks created in this run are not in the database yet.
        tasks.AddRange(db.ChangeTracker.Entries<MonitoringTask>().Where(e => e.State == EntityState.Added && e.Entity.RegionId == regionId).Select(e => e.Entity));
        if (tasks.Count == 0) return;
        var taskIds = tasks.Select(t => t.Id).ToList();
        var sent = (await db.Set<TaskReminder>().Where(r => taskIds.Contains(r.TaskId)).Select(r => new { r.TaskId, r.Kind }).ToListAsync(ct))
            .Select(r => (r.TaskId, r.Kind)).ToHashSet();
        List<Recipient>? users = null;
        foreach (var task in tasks.OrderBy(t => t.Due))
        {
            var days = daysByStage[task.StageId];
            if (task.ReminderOn(today, days) is not { } kind) continue;
            if (kind == ReminderKind.Overdue && task.Status == MonitoringTaskStatus.Open)
            {
                task.MarkOverdue(today);
                run.BecameOverdue++;
            }
            if (!sent.Add((task.Id, kind))) continue;
            db.Add(new TaskReminder { Id = Guid.NewGuid(), RegionId = regionId, TaskId = task.Id, Kind = kind, SentAt = now });
            users ??= await RecipientsAsync(db, regionId, ct);
            var to = RecipientsOf(task, kind, users);
            var (title, body) = Message(task, kind, today);
            foreach (var user in to)
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(), RegionId = regionId, UserId = user.Id, CreatedAt = now, Title = title, Body = body,
                    Link = $"/monitoring/tasks?task={task.Id}",
                });
                if (!string.IsNullOrEmpty(user.Email)) run.Mails.Add((user.Email, title, body));
            }
            run.Reminders++;
        }
    }

    private static async Task<List<Recipient>> RecipientsAsync(AppDbContext db, Guid regionId, CancellationToken ct) =>
        await (from u in db.Users
               where u.RegionId == regionId
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               select new Recipient(u.Id, u.Email, u.MunicipalityId, u.SchoolId, r.Name!)).ToListAsync(ct);

    /// <summary>The actor's people; an overdue school task also goes to the municipal coordinator.</summary>
    private static IEnumerable<Recipient> RecipientsOf(MonitoringTask task, ReminderKind kind, List<Recipient> users)
    {
        var to = task.Actor switch
        {
            MonitoringActor.School => users.Where(u => (u.Role == Roles.School && u.SchoolId == task.SchoolId)
                || (kind == ReminderKind.Overdue && u.Role == Roles.Municipal && u.SchoolId == null && u.MunicipalityId == task.MunicipalityId)),
            MonitoringActor.Municipal => users.Where(u => u.Role == Roles.Municipal && u.SchoolId == null && u.MunicipalityId == task.MunicipalityId),
            MonitoringActor.WatchSchool => users.Where(u => (u.Role == Roles.School && u.SchoolId == task.SchoolId)
                || (u.Role == Roles.Municipal && u.SchoolId == null && u.MunicipalityId == task.MunicipalityId)),
            _ => users.Where(u => u.Role == Roles.Operator),
        };
        return to.DistinctBy(u => u.Id);
    }

    private static (string Title, string Body) Message(MonitoringTask task, ReminderKind kind, DateOnly today)
    {
        var title = kind switch
        {
            ReminderKind.BeforeDue => InfraFormat.Of(InfraText.Monitoring_TaskDueIn, task.Due, task.Due.DayNumber - today.DayNumber),
            ReminderKind.OnDue => InfraText.Monitoring_TaskDueToday,
            _ => InfraText.Monitoring_TaskOverdue,
        };
        var body = InfraFormat.Of(InfraText.Monitoring_TaskNoticeBody, task.Title, task.Due) + (task.OutputDocument.Length > 0 ? InfraFormat.Of(InfraText.Monitoring_TaskResult, task.OutputDocument) : "");
        return (title, body);
    }
}
