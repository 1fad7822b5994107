using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>What the region's calendar runs on: its template and its identification day.</summary>
public sealed record CalendarSettingsView(CalendarTemplate Template, int IdentificationMonth, int IdentificationDay, DateOnly NextIdentification);

/// <summary>
/// The region's own calendar: the template (Saratov or Kirov) its new monitoring years start from and the day of its yearly
/// identification. Set by the regional administrator or an operator; a new identification day re-registers the region's job.
/// </summary>
public sealed class CalendarSettings(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, RegionJobs jobs)
{
    public static readonly string[] Editors = [Roles.Admin, Roles.Operator];

    public async Task<CalendarSettingsView> GetAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.Set<RegionCalendar>().AsNoTracking().FirstOrDefaultAsync(ct)
            ?? RegionCalendar.For(scope.RegionId, CalendarTemplate.Saratov, clock.GetUtcNow());
        var today = clock.Today();
        var next = settings.IdentificationDateIn(today.Year);
        if (next < today) next = settings.IdentificationDateIn(today.Year + 1);
        return new CalendarSettingsView(settings.Template, settings.IdentificationMonth, settings.IdentificationDay, next);
    }

    /// <summary>
    /// Chooses the template; its identification day comes with it. With <paramref name="rebuildYear"/> the stages of that
    /// monitoring year are replaced by the template's, which is refused once tasks were handed out for it (edit the stages then).
    /// </summary>
    public async Task ChooseTemplateAsync(CalendarTemplate template, int? rebuildYear = null, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        if (!Enum.IsDefined(template)) throw new DomainException(DomainText.Monitoring_UnknownTemplate, "Template");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.Set<RegionCalendar>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = RegionCalendar.For(scope.RegionId, template, clock.GetUtcNow());
            db.Add(settings);
        }
        else
        {
            settings.Choose(template);
            settings.UpdatedAt = clock.GetUtcNow();
        }
        var details = InfraFormat.Of(InfraText.Monitoring_TemplateChosen, RegionCalendar.TitleOf(template), settings.IdentificationDay, settings.IdentificationMonth);
        if (rebuildYear is { } year)
        {
            if (!SchoolYears.IsAllowed(year, clock)) throw new DomainException(InfraFormat.Of(InfraText.Monitoring_YearOutOfRange, year));
            var existing = await db.Set<MonitoringYear>().FirstOrDefaultAsync(y => y.Year == year, ct);
            if (existing is not null)
            {
                if (await db.Set<MonitoringTask>().AnyAsync(t => db.Set<MonitoringStage>().Any(s => s.Id == t.StageId && s.YearId == existing.Id), ct))
                    throw new DomainException(InfraFormat.Of(InfraText.Monitoring_TasksAlreadyIssued, year, year + 1));
                db.Remove(existing);
            }
            db.Add(CalendarTemplates.Create(template, scope.RegionId, year, clock.GetUtcNow()));
            details += InfraFormat.Of(InfraText.Monitoring_CalendarRebuilt, year, year + 1);
        }
        db.Record(scope, "calendar.template", "region-calendar", settings.Id, details, clock);
        await SaveAsync(db, ct);
        await jobs.RegisterAsync(scope.RegionId, ct);
    }

    /// <summary>Moves the region's identification day (1 September – 31 December); the region's recurring job follows at once.</summary>
    public async Task SetIdentificationDayAsync(int month, int day, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Editors);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.Set<RegionCalendar>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = RegionCalendar.For(scope.RegionId, CalendarTemplate.Saratov, clock.GetUtcNow());
            db.Add(settings);
        }
        settings.SetIdentificationDay(month, day);
        settings.UpdatedAt = clock.GetUtcNow();
        db.Record(scope, "calendar.identification-day", "region-calendar", settings.Id, InfraFormat.Of(InfraText.Monitoring_IdentificationDate, day, month), clock);
        await SaveAsync(db, ct);
        await jobs.RegisterAsync(scope.RegionId, ct);
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException(InfraText.Monitoring_SettingsStale);
        }
        catch (DbUpdateException)
        {
            throw new StaleEditException(InfraText.Monitoring_RegionCalendarStale);
        }
    }
}
