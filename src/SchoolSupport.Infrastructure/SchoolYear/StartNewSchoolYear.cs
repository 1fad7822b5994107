using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.SchoolYear;

public enum RolloverKind
{
    MentorAssignment = 0,
    Partnership = 1,
    Programme = 2,
    List = 3,
    Calendar = 4,
}

/// <summary>One line of the preview: what it is, its name and what happens to it.</summary>
public sealed record RolloverLine(RolloverKind Kind, Guid Id, string What, string Detail);

/// <summary>
/// What «Начать новый учебный год» will do: what carries over, what closes; <see cref="Token"/> fingerprints it so that a
/// confirmation of a preview that no longer matches the data is refused. <see cref="Done"/> when the year was already started.
/// </summary>
public sealed record RolloverPreview(int Year, IReadOnlyList<RolloverLine> CarriedOver, IReadOnlyList<RolloverLine> Closing, string Token, SchoolYearRollover? Done);

/// <summary>
/// «Начать новый учебный год» (regional administrator), for the school year of today: mentor assignments still in term,
/// partnerships within their term, programmes under way and the list in force carry over; partnerships whose term is over
/// are ended; assignments and programmes whose term is over stay as they are, readable in their year. The monitoring
/// calendar of the new year is created from the region's template. One transaction, one audit entry, once per year.
/// Nothing is deleted.
/// </summary>
public sealed class StartNewSchoolYear(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static readonly string[] Starters = [Roles.Admin];

    private static readonly PlanStatus[] UnderWay = [PlanStatus.Approved, PlanStatus.InProgress, PlanStatus.Reported];

    public async Task<RolloverPreview> PreviewAsync(CancellationToken ct = default)
    {
        var scope = current.RequireRole(Starters);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await BuildAsync(db, scope, SchoolYears.Current(clock), ct);
    }

    /// <summary>Starts the year shown in the preview; refused for another year, a second time, or when the data changed since the preview.</summary>
    public async Task<SchoolYearRollover> ConfirmAsync(int year, string token, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Starters);
        var currentYear = SchoolYears.Current(clock);
        if (year != currentYear)
            throw new DomainException(InfraFormat.Of(InfraText.SchoolYear_OnlyCurrent, currentYear, currentYear + 1, year, year + 1));
        await using var db = await dbs.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token2 =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(token2);
                var preview = await BuildAsync(db, scope, year, token2);
                if (preview.Done is { } done) throw AlreadyStarted(done);
                if (preview.Token != token)
                    throw new StaleEditException(InfraText.SchoolYear_ChangedSincePreview);

                var now = clock.GetUtcNow();
                var ending = preview.Closing.Where(l => l.Kind == RolloverKind.Partnership).Select(l => l.Id).ToList();
                foreach (var partnership in await db.Partnerships.Where(p => ending.Contains(p.Id)).ToListAsync(token2))
                    partnership.MoveTo(PartnershipStatus.Ended);
                if (!await db.Set<MonitoringYear>().AnyAsync(y => y.Year == year, token2))
                {
                    var template = await MonitoringCalendar.TemplateOfAsync(db, scope.RegionId, token2);
                    db.Add(CalendarTemplates.Create(template, scope.RegionId, year, now));
                }
                var summary = Summary(preview);
                // People are shown by full name.
                var fullName = await db.Users.Where(u => u.Id == scope.UserId).Select(u => u.FullName).FirstOrDefaultAsync(token2);
                var rollover = new SchoolYearRollover
                {
                    Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, DoneAt = now, DoneBy = string.IsNullOrEmpty(fullName) ? scope.UserName : fullName, Summary = summary,
                };
                db.Add(rollover);
                db.Record(scope, "school-year.start", "school-year", rollover.Id, InfraFormat.Of(InfraText.SchoolYear_Started, year, year + 1, summary), clock);
                await db.SaveChangesAsync(token2);
                await tx.CommitAsync(token2);
                return rollover;
            }, ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another administrator started it at the same moment: the unique (region, year) kept it to one.
            throw new DomainException(InfraFormat.Of(InfraText.SchoolYear_AlreadyStarted, year, year + 1));
        }
    }

    /// <summary>The years the region started, latest first.</summary>
    public async Task<IReadOnlyList<SchoolYearRollover>> HistoryAsync(CancellationToken ct = default)
    {
        current.RequireRole(Starters);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<SchoolYearRollover>().AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct);
    }

    private static DomainException AlreadyStarted(SchoolYearRollover done) =>
        new(InfraFormat.Of(InfraText.SchoolYear_AlreadyStartedOn, done.Year, done.Year + 1, done.DoneAt.ToLocalTime(), done.DoneBy));

    private async Task<RolloverPreview> BuildAsync(AppDbContext db, UserScope scope, int year, CancellationToken ct)
    {
        var start = SchoolYears.StartOf(year);
        var done = await db.Set<SchoolYearRollover>().AsNoTracking().FirstOrDefaultAsync(r => r.Year == year, ct);
        var schools = db.Schools.VisibleTo(scope, db);
        var carried = new List<RolloverLine>();
        var closing = new List<RolloverLine>();

        var assignments = await db.MentorAssignments.VisibleTo(scope, db).AsNoTracking()
            .Where(a => a.To >= start.AddYears(-1))
            .Join(schools, a => a.SchoolId, s => s.Id, (a, s) => new { a.Id, a.MentorName, a.Kind, a.From, a.To, School = s.ShortName != "" ? s.ShortName : s.FullName })
            .OrderBy(a => a.School).ThenBy(a => a.MentorName).ToListAsync(ct);
        foreach (var a in assignments)
        {
            var what = $"{Titles.Of(a.Kind)} {a.MentorName} — {a.School}";
            if (a.To >= start) carried.Add(new(RolloverKind.MentorAssignment, a.Id, what, InfraFormat.Of(InfraText.SchoolYear_AssignmentValidUntil, a.To)));
            else closing.Add(new(RolloverKind.MentorAssignment, a.Id, what, InfraFormat.Of(InfraText.SchoolYear_AssignmentEnded, a.To)));
        }

        var partnerships = await db.Partnerships.VisibleTo(scope, db).AsNoTracking().Where(p => p.Status != PartnershipStatus.Ended)
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.ValidTo, p.Status }).ToListAsync(ct);
        foreach (var p in partnerships)
        {
            if (p.ValidTo >= start) carried.Add(new(RolloverKind.Partnership, p.Id, p.Title, InfraFormat.Of(InfraText.SchoolYear_PartnershipUntil, Titles.Of(p.Status), p.ValidTo)));
            else closing.Add(new(RolloverKind.Partnership, p.Id, p.Title, InfraFormat.Of(InfraText.SchoolYear_PartnershipExpired, p.ValidTo)));
        }

        var plans = await db.Plans.VisibleTo(scope, db).AsNoTracking().Where(p => UnderWay.Contains(p.Status))
            .OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.PeriodTo, p.Status }).ToListAsync(ct);
        foreach (var p in plans)
        {
            if (p.PeriodTo >= start) carried.Add(new(RolloverKind.Programme, p.Id, p.Title, InfraFormat.Of(InfraText.SchoolYear_ProgrammeUntil, Titles.Of(p.Status), p.PeriodTo)));
            else closing.Add(new(RolloverKind.Programme, p.Id, p.Title, InfraFormat.Of(InfraText.SchoolYear_ProgrammeExpired, p.PeriodTo)));
        }

        var list = await db.Set<SupportList>().VisibleTo(scope).AsNoTracking().Where(l => l.Status == ListStatus.Published && l.Year <= year)
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Version).Select(l => new { l.Id, l.Year, l.OrderNumber, l.OrderDate, Schools = l.Entries.Count(e => e.Included) })
            .FirstOrDefaultAsync(ct);
        if (list is not null)
        {
            carried.Add(new(RolloverKind.List, list.Id, InfraFormat.Of(InfraText.SchoolYear_ListOfYear, list.Year, list.Year + 1),
                InfraFormat.Of(InfraText.SchoolYear_CurrentList, list.Schools, (list.OrderNumber.Length > 0 ? InfraFormat.Of(InfraText.SchoolYear_OrderSuffix, list.OrderNumber, list.OrderDate) : ""))));
        }

        var calendarExists = await db.Set<MonitoringYear>().AnyAsync(y => y.Year == year, ct);
        var template = await MonitoringCalendar.TemplateOfAsync(db, scope.RegionId, ct);
        carried.Add(new(RolloverKind.Calendar, Guid.Empty, InfraFormat.Of(InfraText.SchoolYear_CalendarOfYear, year, year + 1),
            calendarExists ? InfraText.SchoolYear_CalendarExists : InfraFormat.Of(InfraText.SchoolYear_CalendarFromTemplate, RegionCalendar.TitleOf(template))));

        return new RolloverPreview(year, carried, closing, TokenOf(year, carried, closing), done);
    }

    private static string TokenOf(int year, List<RolloverLine> carried, List<RolloverLine> closing)
    {
        var text = new StringBuilder().Append(year);
        foreach (var line in carried) text.Append("\n+").Append(line.Kind).Append('|').Append(line.Id).Append('|').Append(line.Detail);
        foreach (var line in closing) text.Append("\n-").Append(line.Kind).Append('|').Append(line.Id).Append('|').Append(line.Detail);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Summary(RolloverPreview p)
    {
        int Carried(RolloverKind k) => p.CarriedOver.Count(l => l.Kind == k);
        int Closed(RolloverKind k) => p.Closing.Count(l => l.Kind == k);
        return InfraFormat.Of(InfraText.SchoolYear_CarriedAssignments, Carried(RolloverKind.MentorAssignment), Carried(RolloverKind.Partnership))
            + InfraFormat.Of(InfraText.SchoolYear_CarriedProgrammes, Carried(RolloverKind.Programme), (Carried(RolloverKind.List) > 0 ? InfraText.SchoolYear_ListActive : InfraText.SchoolYear_ListAbsent))
            + InfraFormat.Of(InfraText.SchoolYear_ClosedAssignments, Closed(RolloverKind.MentorAssignment), Closed(RolloverKind.Partnership))
            + InfraFormat.Of(InfraText.SchoolYear_ClosedProgrammes, Closed(RolloverKind.Programme));
    }
}
