using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

public sealed record StageProgress(Guid StageId, int Tasks, int Done, int Overdue);

public sealed record CalendarView(MonitoringYear Year, IReadOnlyList<StageProgress> Progress, string Basis);

/// <summary>The monitoring calendar of the region: stages, their windows, task templates and reminder lead; edited by the ministry and operators.</summary>
public sealed class MonitoringCalendar(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    /// <summary>Who edits the calendar: the regional administrator, the ministry and operators.</summary>
    public static readonly string[] Editors = [Roles.Admin, Roles.Ministry, Roles.Operator];

    /// <summary>The template the region's new years start from (Saratov without settings).</summary>
    internal static async Task<CalendarTemplate> TemplateOfAsync(AppDbContext db, Guid regionId, CancellationToken ct) =>
        await db.Set<RegionCalendar>().IgnoreQueryFilters().Where(c => c.RegionId == regionId).Select(c => (CalendarTemplate?)c.Template).FirstOrDefaultAsync(ct)
        ?? CalendarTemplate.Saratov;

    public int CurrentYear => MonitoringYear.YearOf(clock.Today());

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<MonitoringYear>().OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(ct);
    }

    /// <summary>A year with its stages (in order), templates, task progress within the user's scope, and the covered schools.</summary>
    public async Task<CalendarView?> GetAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Set<MonitoringYear>().AsNoTracking().Include(y => y.Stages).ThenInclude(s => s.Templates)
            .AsSplitQuery().FirstOrDefaultAsync(y => y.Year == year, ct);
        if (found is null) return null;
        found.Stages = [.. found.Stages.OrderBy(s => s.Number)];
        foreach (var stage in found.Stages) stage.Templates = [.. stage.Templates.OrderBy(t => t.Due).ThenBy(t => t.Order)];
        var stageIds = found.Stages.Select(s => s.Id).ToList();
        var progress = await db.Set<MonitoringTask>().VisibleTo(scope, db).Where(t => stageIds.Contains(t.StageId))
            .GroupBy(t => t.StageId)
            .Select(g => new StageProgress(g.Key, g.Count(), g.Count(t => t.Status == MonitoringTaskStatus.Done), g.Count(t => t.Status == MonitoringTaskStatus.Overdue)))
            .ToListAsync(ct);
        var covered = await MonitoringCoverage.CoveredAsync(db, scope.RegionId, null, ct);
        return new CalendarView(found, progress, covered.Basis);
    }

    /// <summary>Creates the year with the default calendar when it does not exist yet; the daily job does the same on its own.</summary>
    public async Task EnsureYearAsync(int year, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        if (year < SchoolYears.First || year > CurrentYear + 1) throw new DomainException(InfraFormat.Of(InfraText.Monitoring_YearOutOfRange, year));
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<MonitoringYear>().AnyAsync(y => y.Year == year, ct)) return;
        var template = await TemplateOfAsync(db, scope.RegionId, ct);
        var created = CalendarTemplates.Create(template, scope.RegionId, year, clock.GetUtcNow());
        db.Add(created);
        db.Record(scope, "monitoring.year", "monitoring-year", created.Id, InfraFormat.Of(InfraText.Monitoring_CalendarCreated, year, year + 1, RegionCalendar.TitleOf(template)), clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The job or another user created it at the same moment: the year exists, which is what was asked.
        }
    }

    public async Task UpdateStageAsync(Guid stageId, DateOnly opens, DateOnly closes, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stage = await db.Set<MonitoringStage>().FirstOrDefaultAsync(s => s.Id == stageId, ct) ?? throw new ScopeException(InfraText.Monitoring_StageNotFound);
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        year.ValidateWindow(opens, closes, InfraFormat.Of(InfraText.MonitoringReport_StageFile, stage.Number));
        stage.Opens = opens;
        stage.Closes = closes;
        db.Record(scope, "monitoring.stage-dates", "monitoring-stage", stage.Id, InfraFormat.Of(InfraText.Monitoring_StageLine, stage.Number, year.Year, opens, closes), clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a template's due date; tasks already made from it and not yet done move with it.</summary>
    public async Task UpdateTemplateDueAsync(Guid templateId, DateOnly due, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var template = await db.Set<TaskTemplate>().FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw new ScopeException(InfraText.Monitoring_StageTaskNotFound);
        var stage = await db.Set<MonitoringStage>().FirstAsync(s => s.Id == template.StageId, ct);
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        year.ValidateWindow(due, due, InfraFormat.Of(DomainText.Monitoring_TaskWhat, template.What));
        template.Due = due;
        db.Record(scope, "monitoring.template-due", "monitoring-template", template.Id, InfraFormat.Of(InfraText.Monitoring_DueLine, template.What, due), clock);
        await db.SaveChangesAsync(ct);
        var today = clock.Today();
        await db.Set<MonitoringTask>().Where(t => t.TemplateId == templateId && t.Status != MonitoringTaskStatus.Done)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Due, due)
                .SetProperty(t => t.Status, t => due < today ? MonitoringTaskStatus.Overdue : MonitoringTaskStatus.Open), ct);
    }

    public async Task SetReminderDaysAsync(int year, int days, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        MonitoringYear.ValidateReminderDays(days);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Set<MonitoringYear>().FirstOrDefaultAsync(y => y.Year == year, ct) ?? throw new ScopeException(InfraText.Monitoring_YearNotFound);
        found.ReminderDaysBefore = days;
        db.Record(scope, "monitoring.reminders", "monitoring-year", found.Id, InfraFormat.Of(InfraText.Monitoring_ReminderDays, days), clock);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Guid> AddStageAsync(int year, string title, string description, DateOnly opens, DateOnly closes, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var found = await db.Set<MonitoringYear>().Include(y => y.Stages).FirstOrDefaultAsync(y => y.Year == year, ct)
            ?? throw new ScopeException(InfraText.Monitoring_YearNotFound);
        var stage = found.AddStage(title, description, opens, closes);
        db.Add(stage);
        db.Record(scope, "monitoring.stage-added", "monitoring-stage", stage.Id, InfraFormat.Of(InfraText.Monitoring_StageFullLine, stage.Number, stage.Title, year, opens, closes), clock);
        await db.SaveChangesAsync(ct);
        return stage.Id;
    }

    /// <summary>
    /// Removes a stage with its task templates and the tasks made from them; refused once any of those tasks is done (the
    /// work reported stays). The later stages move up a number.
    /// </summary>
    public async Task RemoveStageAsync(Guid stageId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stage = await db.Set<MonitoringStage>().FirstOrDefaultAsync(s => s.Id == stageId, ct) ?? throw new ScopeException(InfraText.Monitoring_StageNotFound);
        if (await db.Set<MonitoringTask>().AnyAsync(t => t.StageId == stageId && t.Status == MonitoringTaskStatus.Done, ct))
            throw new DomainException(InfraFormat.Of(InfraText.Monitoring_StageHasDoneTasks, stage.Number, stage.Title));
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(token);
            db.ChangeTracker.Clear();
            var again = await db.Set<MonitoringStage>().FirstAsync(s => s.Id == stageId, token);
            db.Remove(again);
            db.Record(scope, "monitoring.stage-removed", "monitoring-stage", stage.Id, InfraFormat.Of(InfraText.Monitoring_StageDeleted, stage.Number, stage.Title, year.Year), clock);
            await db.SaveChangesAsync(token);
            // One after another upwards, so the unique (year, number) is never taken twice.
            var later = await db.Set<MonitoringStage>().Where(s => s.YearId == year.Id && s.Number > stage.Number).OrderBy(s => s.Number).Select(s => s.Id).ToListAsync(token);
            var number = stage.Number;
            foreach (var id in later)
            {
                var n = number++;
                await db.Set<MonitoringStage>().Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Number, n), token);
            }
            await tx.CommitAsync(token);
        }, ct);
    }

    public async Task<Guid> AddTemplateAsync(Guid stageId, MonitoringActor actor, string what, DateOnly due, string outputDocument, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var stage = await db.Set<MonitoringStage>().Include(s => s.Templates).FirstOrDefaultAsync(s => s.Id == stageId, ct) ?? throw new ScopeException(InfraText.Monitoring_StageNotFound);
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        var template = year.AddTemplate(stage, actor, what, due, outputDocument);
        db.Add(template);
        db.Record(scope, "monitoring.template-added", "monitoring-template", template.Id, InfraFormat.Of(InfraText.Monitoring_StageTaskLine, stage.Number, year.Year, template.What, due), clock);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    /// <summary>Removes a task template and the tasks made from it; refused once any of them is done.</summary>
    public async Task RemoveTemplateAsync(Guid templateId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var template = await db.Set<TaskTemplate>().FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw new ScopeException(InfraText.Monitoring_StageTaskNotFound);
        if (await db.Set<MonitoringTask>().AnyAsync(t => t.TemplateId == templateId && t.Status == MonitoringTaskStatus.Done, ct))
            throw new DomainException(InfraFormat.Of(InfraText.Monitoring_TaskAlreadyDone, template.What));
        db.Remove(template);
        db.Record(scope, "monitoring.template-removed", "monitoring-template", template.Id, InfraFormat.Of(InfraText.Monitoring_TaskDeleted, template.What), clock);
        await db.SaveChangesAsync(ct);
    }
}
