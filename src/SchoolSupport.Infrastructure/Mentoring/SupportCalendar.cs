using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

public enum CalendarEntryKind { Consultation, NextStep, Event, PlanDeadline }

public sealed record CalendarEntry(DateOnly Date, CalendarEntryKind Kind, string Title, string? Link);

/// <summary>One month of what concerns the user: consultations and their next steps, PD events, plan-item deadlines — within scope.</summary>
public sealed class SupportCalendar(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<IReadOnlyList<CalendarEntry>> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var scope = current.Require();
        var from = new DateOnly(year, month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var consultations = db.Consultations.AsNoTracking().VisibleTo(scope, db);

        var entries = new List<CalendarEntry>();
        entries.AddRange(await consultations.Where(c => c.Date >= from && c.Date <= to)
            .Join(db.Schools, c => c.SchoolId, s => s.Id, (c, s) => new CalendarEntry(c.Date, CalendarEntryKind.Consultation,
                InfraText.Calendar_Consultation + c.Topic + " (" + s.ShortName + ")", "/mentoring/journal"))
            .ToListAsync(ct));
        entries.AddRange(await consultations.SelectMany(c => c.NextSteps).Where(s => s.Deadline >= from && s.Deadline <= to)
            .Select(s => new CalendarEntry(s.Deadline, CalendarEntryKind.NextStep, InfraText.Calendar_StepDue + s.Text, "/mentoring/journal")).ToListAsync(ct));
        var events = await db.PdEvents.AsNoTracking().Where(e => e.StartsOn <= to && e.EndsOn >= from).ToListAsync(ct);
        foreach (var e in events)
        {
            // A multi-day course shows on each of its days within the month.
            for (var day = e.StartsOn < from ? from : e.StartsOn; day <= e.EndsOn && day <= to; day = day.AddDays(1))
            {
                entries.Add(new CalendarEntry(day, CalendarEntryKind.Event, $"{Titles.Of(e.Kind)}: {e.Title}", "/development"));
            }
        }
        entries.AddRange(await db.PlanItems.AsNoTracking()
            .Where(i => i.Deadline >= from && i.Deadline <= to && i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Cancelled)
            .Join(db.Plans.AsNoTracking().VisibleTo(scope, db), i => i.PlanId, p => p.Id, (i, p) => new { i.Deadline, i.Activity, p.Id, p.Title })
            .Select(x => new CalendarEntry(x.Deadline, CalendarEntryKind.PlanDeadline, InfraText.Calendar_ItemDue + x.Activity, "/roadmaps/" + x.Id))
            .ToListAsync(ct));
        return [.. entries.OrderBy(e => e.Date).ThenBy(e => e.Kind).ThenBy(e => e.Title)];
    }
}
