using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Schools;

/// <summary>One year of the school's results: the mean mark over its procedures graded 2–5 and the share of «2», per cent.</summary>
public sealed record ResultYear(int Year, decimal? MeanMark, decimal? FailShare, int Participants);

/// <summary>A programme of the school with its progress: activities done of those not cancelled.</summary>
public sealed record StoryProgramme(Guid Id, string Title, PlanStatus Status, DateOnly PeriodFrom, DateOnly PeriodTo, int Done, int Total, int Overdue)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

/// <summary>A mentor assigned to the school, with the period of the assignment.</summary>
public sealed record StoryMentor(string Name, MentorKind Kind, DateOnly From, DateOnly To, bool Active);

/// <summary>A consultation held at the school and the feedback the school gave on it.</summary>
public sealed record StoryConsultation(Guid Id, DateOnly Date, string Mentor, ConsultationFormat Format, string Topic, string Outcome,
    IReadOnlyList<StoryFeedback> Feedback);

public sealed record StoryFeedback(string Author, int Rating, string Comment);

/// <summary>A partnership the school leads or takes part in.</summary>
public sealed record StoryPartnership(Guid Id, string Title, PartnershipStatus Status, bool Leads, string AgreementNumber, DateOnly? AgreementDate,
    DateOnly ValidFrom, DateOnly ValidTo);

/// <summary>A document of the school with its latest version.</summary>
public sealed record StoryDocument(Guid Id, string Title, DocumentKind Kind, int Version, DateTimeOffset UploadedAt, ReviewStatus Review);

/// <summary>A monitoring task of the school.</summary>
public sealed record StoryTask(Guid Id, string Title, MonitoringActor Actor, DateOnly Due, MonitoringTaskStatus Status, string EvidenceLink);

/// <summary>The school's whole story apart from its list history (<see cref="SchoolListHistory"/>).</summary>
public sealed record SchoolStoryView(IReadOnlyList<ResultYear> Results, IReadOnlyList<StoryProgramme> Programmes, IReadOnlyList<StoryMentor> Mentors,
    IReadOnlyList<StoryConsultation> Consultations, IReadOnlyList<StoryPartnership> Partnerships, IReadOnlyList<StoryDocument> Documents,
    IReadOnlyList<StoryTask> Tasks);

/// <summary>
/// What the school card tells besides the registry data and the list history: results by year, programmes with progress,
/// mentors and consultations with feedback, partnerships, documents and monitoring tasks. Every section is read through
/// <see cref="Visibility"/>; a school the user does not see is refused with <see cref="ScopeException"/>.
/// </summary>
public sealed class SchoolStory(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    /// <summary>Procedures whose mean is a mark from 2 to 5 (ОГЭ and ЕГЭ are in points and stay out of the mark chart).</summary>
    private static readonly AssessmentKind[] Graded = [AssessmentKind.Vpr, AssessmentKind.Regional, AssessmentKind.Niko];

    public async Task<SchoolStoryView> ForAsync(Guid schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        var today = clock.Today();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Schools.VisibleTo(scope, db).AnyAsync(s => s.Id == schoolId, ct)) throw new ScopeException(InfraText.Common_SchoolNotFound);

        var results = await db.Results.AsNoTracking().VisibleTo(scope, db).Where(r => r.SchoolId == schoolId && Graded.Contains(r.Kind) && r.Participants > 0)
            .GroupBy(r => r.Year)
            .Select(g => new
            {
                Year = g.Key, Participants = g.Sum(r => r.Participants),
                Marks = g.Sum(r => r.MeanScore * r.Participants), Fails = g.Sum(r => r.FailShare * r.Participants),
            })
            .OrderBy(r => r.Year).ToListAsync(ct);
        var years = results.Select(r => new ResultYear(r.Year, Math.Round(r.Marks / r.Participants, 2), Math.Round(r.Fails / r.Participants, 1), r.Participants)).ToList();

        var overdue = PlanItem.OverdueOn(today);
        var programmes = await db.Plans.AsNoTracking().VisibleTo(scope, db).Where(p => p.SchoolId == schoolId)
            .Select(p => new
            {
                p.Id, p.Title, p.Status, p.PeriodFrom, p.PeriodTo,
                Done = db.PlanItems.Count(i => i.PlanId == p.Id && i.Status == PlanItemStatus.Done),
                Total = db.PlanItems.Count(i => i.PlanId == p.Id && i.Status != PlanItemStatus.Cancelled),
            })
            .OrderByDescending(p => p.PeriodFrom).ToListAsync(ct);
        var planIds = programmes.Select(p => p.Id).ToList();
        var overdueByPlan = await db.PlanItems.AsNoTracking().Where(i => planIds.Contains(i.PlanId)).Where(overdue)
            .GroupBy(i => i.PlanId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var mentors = await db.MentorAssignments.AsNoTracking().VisibleTo(scope, db).Where(a => a.SchoolId == schoolId)
            .OrderByDescending(a => a.To).ToListAsync(ct);

        var consultations = await db.Consultations.AsNoTracking().VisibleTo(scope, db).Where(c => c.SchoolId == schoolId)
            .OrderByDescending(c => c.Date).Take(50).ToListAsync(ct);
        var consultationIds = consultations.Select(c => c.Id).ToList();
        var feedback = (await db.ConsultationFeedback.AsNoTracking().VisibleTo(scope, db).Where(f => consultationIds.Contains(f.ConsultationId))
            .OrderBy(f => f.At).ToListAsync(ct)).ToLookup(f => f.ConsultationId);

        var partnerships = await db.Partnerships.AsNoTracking().VisibleTo(scope, db)
            .Where(p => p.LeaderSchoolId == schoolId || p.Schools.Any(s => s.SchoolId == schoolId))
            .OrderByDescending(p => p.ValidFrom).ToListAsync(ct);

        var documents = await db.Documents.AsNoTracking().VisibleTo(scope, db).Where(d => d.SchoolId == schoolId)
            .Join(db.DocumentVersions.Latest(), d => d.Id, v => v.DocumentId, (d, v) => new { d.Id, d.Title, d.Kind, v.Number, v.UploadedAt, v.Review })
            .ToListAsync(ct);

        var tasks = await db.Set<MonitoringTask>().AsNoTracking().VisibleTo(scope, db).Where(t => t.SchoolId == schoolId)
            .OrderByDescending(t => t.Due).Take(100).ToListAsync(ct);

        return new SchoolStoryView(
            years,
            programmes.Select(p => new StoryProgramme(p.Id, p.Title, p.Status, p.PeriodFrom, p.PeriodTo, p.Done, p.Total, overdueByPlan.GetValueOrDefault(p.Id))).ToList(),
            mentors.Select(a => new StoryMentor(a.MentorName, a.Kind, a.From, a.To, a.IsActiveOn(today))).ToList(),
            consultations.Select(c => new StoryConsultation(c.Id, c.Date, c.MentorName, c.Format, c.Topic, c.Outcome,
                feedback[c.Id].Select(f => new StoryFeedback(f.UserName, f.Rating, f.Comment)).ToList())).ToList(),
            partnerships.Select(p => new StoryPartnership(p.Id, p.Title, p.Status, p.LeaderSchoolId == schoolId, p.AgreementNumber, p.AgreementDate, p.ValidFrom, p.ValidTo)).ToList(),
            documents.OrderByDescending(d => d.UploadedAt).Select(d => new StoryDocument(d.Id, d.Title, d.Kind, d.Number, d.UploadedAt, d.Review)).ToList(),
            tasks.Select(t => new StoryTask(t.Id, t.Title, t.Actor, t.Due, t.Status, t.EvidenceLink)).ToList());
    }
}
