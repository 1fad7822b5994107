using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Monitoring;

public sealed record StageProgress(Guid StageId, int Tasks, int Done, int Overdue);

public sealed record CalendarView(MonitoringYear Year, IReadOnlyList<StageProgress> Progress, string Basis);

/// <summary>The monitoring calendar of the region: stages, their windows, task templates and reminder lead; edited by the ministry and operators.</summary>
public sealed class MonitoringCalendar(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static readonly string[] Editors = [Roles.Ministry, Roles.Operator];

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
        if (year < SchoolYears.First || year > CurrentYear + 1) throw new DomainException($"Год мониторинга {year} вне допустимого диапазона.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Set<MonitoringYear>().AnyAsync(y => y.Year == year, ct)) return;
        var created = DefaultCalendar.Create(scope.RegionId, year, clock.GetUtcNow());
        db.Add(created);
        db.Record(scope, "monitoring.year", "monitoring-year", created.Id, $"Создан календарь мониторинга {year}/{year + 1}", clock);
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
        var stage = await db.Set<MonitoringStage>().FirstOrDefaultAsync(s => s.Id == stageId, ct) ?? throw new ScopeException("Этап не найден.");
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        year.ValidateWindow(opens, closes, $"Этап {stage.Number}");
        stage.Opens = opens;
        stage.Closes = closes;
        db.Record(scope, "monitoring.stage-dates", "monitoring-stage", stage.Id, $"Этап {stage.Number} {year.Year}: {opens:dd.MM.yyyy}–{closes:dd.MM.yyyy}", clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a template's due date; tasks already made from it and not yet done move with it.</summary>
    public async Task UpdateTemplateDueAsync(Guid templateId, DateOnly due, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var template = await db.Set<TaskTemplate>().FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw new ScopeException("Задача этапа не найдена.");
        var stage = await db.Set<MonitoringStage>().FirstAsync(s => s.Id == template.StageId, ct);
        var year = await db.Set<MonitoringYear>().FirstAsync(y => y.Id == stage.YearId, ct);
        year.ValidateWindow(due, due, $"Срок задачи «{template.What}»");
        template.Due = due;
        db.Record(scope, "monitoring.template-due", "monitoring-template", template.Id, $"Срок «{template.What}»: {due:dd.MM.yyyy}", clock);
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
        var found = await db.Set<MonitoringYear>().FirstOrDefaultAsync(y => y.Year == year, ct) ?? throw new ScopeException("Год мониторинга не найден.");
        found.ReminderDaysBefore = days;
        db.Record(scope, "monitoring.reminders", "monitoring-year", found.Id, $"Напоминание за {days} дн. до срока", clock);
        await db.SaveChangesAsync(ct);
    }
}
