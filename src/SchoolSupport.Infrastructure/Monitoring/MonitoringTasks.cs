using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

public sealed record TaskFilter(int? Year = null, int? Stage = null, Guid? SchoolId = null, Guid? MunicipalityId = null,
    MonitoringTaskStatus? Status = null, MonitoringActor? Actor = null, Guid? TaskId = null);

public sealed record TaskRow(Guid Id, int Year, int Stage, MonitoringActor Actor, string Title, string Target, Guid? SchoolId, Guid? MunicipalityId,
    DateOnly Due, string OutputDocument, MonitoringTaskStatus Status, DateTimeOffset? CompletedAt, string CompletedBy, string Note, bool CanComplete, string EvidenceLink = "");

/// <summary>Monitoring tasks within the user's scope, and their completion by the actor.</summary>
public sealed class MonitoringTasks(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<IReadOnlyList<TaskRow>> ListAsync(TaskFilter filter, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tasks = db.Set<MonitoringTask>().AsNoTracking().VisibleTo(scope, db);
        if (filter.TaskId is { } id) tasks = tasks.Where(t => t.Id == id);
        if (filter.SchoolId is { } school) tasks = tasks.Where(t => t.SchoolId == school);
        if (filter.MunicipalityId is { } municipality) tasks = tasks.Where(t => t.MunicipalityId == municipality);
        if (filter.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        if (filter.Actor is { } actor) tasks = tasks.Where(t => t.Actor == actor);
        var rows = await (from t in tasks
                          join s in db.Set<MonitoringStage>() on t.StageId equals s.Id
                          join y in db.Set<MonitoringYear>() on s.YearId equals y.Id
                          where (filter.Year == null || y.Year == filter.Year) && (filter.Stage == null || s.Number == filter.Stage)
                          select new
                          {
                              Task = t, y.Year, s.Number,
                              School = db.Schools.Where(x => x.Id == t.SchoolId).Select(x => x.ShortName).FirstOrDefault(),
                              Municipality = db.Municipalities.Where(x => x.Id == t.MunicipalityId).Select(x => x.Name).FirstOrDefault(),
                          }).ToListAsync(ct);
        return rows.Select(r => new TaskRow(r.Task.Id, r.Year, r.Number, r.Task.Actor, r.Task.Title,
                r.Task.Actor switch { MonitoringActor.School or MonitoringActor.WatchSchool => r.School ?? "", MonitoringActor.Municipal => r.Municipality ?? "", _ => InfraText.Common_Region },
                r.Task.SchoolId, r.Task.MunicipalityId, r.Task.Due, r.Task.OutputDocument, r.Task.Status, r.Task.CompletedAt, r.Task.CompletedBy, r.Task.Note,
                r.Task.Status != MonitoringTaskStatus.Done && MonitoringCoverage.CanComplete(r.Task, scope), r.Task.EvidenceLink))
            .OrderBy(r => r.Due).ThenBy(r => r.Stage).ThenBy(r => r.Target).ToList();
    }

    public async Task CompleteAsync(Guid taskId, string note, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var task = await db.Set<MonitoringTask>().VisibleTo(scope, db).FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new ScopeException(InfraText.Monitoring_TaskNotFound);
        if (!MonitoringCoverage.CanComplete(task, scope)) throw new ScopeException(InfraText.Monitoring_OnlyExecutorMarks);
        task.Complete(scope.UserName, note ?? "", clock.GetUtcNow());
        db.Record(scope, "monitoring.task-done", "monitoring-task", task.Id, task.Title, clock);
        await db.SaveChangesAsync(ct);
    }
}
