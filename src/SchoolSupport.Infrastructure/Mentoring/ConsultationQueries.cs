using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Mentoring;

public sealed record ConsultationQuery(Guid? SchoolId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ConsultationRow(Consultation Consultation, string School, string Municipality, double? AverageRating, int Ratings,
    bool CanEdit, bool CanGiveFeedback, MaterialsFile? Materials = null);

/// <summary>The latest version of a consultation's materials document, offered for download.</summary>
public sealed record MaterialsFile(Guid VersionId, string FileName);

public sealed record FeedbackRow(Guid ConsultationId, DateOnly Date, string School, string Topic, string Mentor, string UserName, int Rating, string Comment, DateTimeOffset At);

/// <summary>Consultations of one school per month of the year, and the days since the last one.</summary>
public sealed record SchoolConsultations(Guid SchoolId, string School, string Municipality, int[] ByMonth, DateOnly? Last, int? DaysSince, bool Highlighted)
{
    public int Total => ByMonth.Sum();
}

/// <summary>
/// The mentor's consultation journal and the school's feedback journal as the user sees them: a mentor their own records
/// and assigned schools, others the records of the schools they see.
/// </summary>
public sealed class ConsultationQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets)
{
    private DateOnly Today => clock.Today();

    public int DaysWithoutConsultation => targets.DaysWithoutConsultation;

    /// <summary>The journal within scope: a mentor their own records, others the records of the schools they see.</summary>
    public async Task<IReadOnlyList<ConsultationRow>> ListAsync(ConsultationQuery q, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope, q).Include(c => c.NextSteps)
            .Join(db.Schools, c => c.SchoolId, s => s.Id, (c, s) => new { c, School = s.ShortName, Municipality = s.Municipality!.Name })
            .OrderByDescending(x => x.c.Date).ThenBy(x => x.School).ToListAsync(ct);
        var ids = rows.Select(r => r.c.Id).ToList();
        var ratings = await db.ConsultationFeedback.AsNoTracking().Where(f => ids.Contains(f.ConsultationId))
            .Select(f => new { f.ConsultationId, f.UserId, f.Rating }).ToListAsync(ct);
        var documentIds = rows.Where(r => r.c.MaterialsDocumentId is not null).Select(r => r.c.MaterialsDocumentId!.Value).Distinct().ToList();
        var materials = await db.DocumentVersions.LatestOfAsync(documentIds, ct);
        return rows.Select(r =>
        {
            var mine = ratings.Where(f => f.ConsultationId == r.c.Id).ToList();
            r.c.NextSteps = [.. r.c.NextSteps.OrderBy(s => s.Deadline)];
            return new ConsultationRow(r.c, r.School, r.Municipality, mine.Count == 0 ? null : mine.Average(f => f.Rating), mine.Count,
                r.c.MentorId == scope.UserId && scope.IsIn(Roles.Mentor),
                scope.IsIn(Roles.School) && scope.SchoolId == r.c.SchoolId && mine.All(f => f.UserId != scope.UserId),
                r.c.MaterialsDocumentId is { } d && materials.TryGetValue(d, out var v) ? new MaterialsFile(v.VersionId, v.FileName) : null);
        }).ToList();
    }

    private static IQueryable<Consultation> Visible(AppDbContext db, UserScope scope, ConsultationQuery q)
    {
        var query = db.Consultations.AsNoTracking().VisibleTo(scope, db);
        if (q.SchoolId is { } sid) query = query.Where(c => c.SchoolId == sid);
        if (q.From is { } from) query = query.Where(c => c.Date >= from);
        if (q.To is { } to) query = query.Where(c => c.Date <= to);
        return query;
    }

    /// <summary>The feedback journal within scope.</summary>
    public async Task<IReadOnlyList<FeedbackRow>> FeedbackAsync(ConsultationQuery q, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope, q)
            .Join(db.ConsultationFeedback, c => c.Id, f => f.ConsultationId, (c, f) => new { c, f })
            .Join(db.Schools, x => x.c.SchoolId, s => s.Id, (x, s) => new FeedbackRow(x.c.Id, x.c.Date, s.ShortName, x.c.Topic, x.c.MentorName,
                x.f.UserName, x.f.Rating, x.f.Comment, x.f.At))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Date).ThenBy(r => r.School)];
    }

    /// <summary>
    /// Consultations per school per month of <paramref name="year"/> for every school the user sees (a mentor: the assigned
    /// ones); schools without a consultation for more than the configured number of days are highlighted.
    /// </summary>
    public async Task<IReadOnlyList<SchoolConsultations>> SummaryAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name }).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var counts = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Date.Year == year)
            .GroupBy(c => new { c.SchoolId, c.Date.Month }).Select(g => new { g.Key.SchoolId, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var today = Today;
        var last = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Date <= today)
            .GroupBy(c => c.SchoolId).Select(g => new { SchoolId = g.Key, Last = g.Max(c => c.Date) }).ToDictionaryAsync(x => x.SchoolId, x => x.Last, ct);
        return schools.Select(s =>
            {
                var byMonth = new int[12];
                foreach (var c in counts.Where(c => c.SchoolId == s.Id)) byMonth[c.Month - 1] = c.Count;
                DateOnly? lastDate = last.TryGetValue(s.Id, out var d) ? d : null;
                int? days = lastDate is { } l ? today.DayNumber - l.DayNumber : null;
                return new SchoolConsultations(s.Id, s.ShortName, s.Municipality, byMonth, lastDate, days, days is null || days > targets.DaysWithoutConsultation);
            })
            .OrderByDescending(s => s.Highlighted).ThenBy(s => s.Municipality).ThenBy(s => s.School).ToList();
    }
}
