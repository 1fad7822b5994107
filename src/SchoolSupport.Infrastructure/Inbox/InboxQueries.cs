using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Inbox;

/// <summary>What an inbox item asks for; the page picks an icon by it.</summary>
public enum InboxKind
{
    List = 0,
    Methodology = 1,
    Plan = 2,
    Activity = 3,
    Report = 4,
    Document = 5,
    Task = 6,
    Consultation = 7,
    Feedback = 8,
    /// <summary>A half-year effectiveness review of a supported school (risk profiles) past its due date.</summary>
    Review = 9,
}

/// <summary>One thing waiting for the user: what, in a sentence, where it is done, and by when (overdue when past).</summary>
public sealed record InboxItem(InboxKind Kind, string Title, string Detail, string Link, DateOnly? Due, bool Overdue);

/// <summary>A figure that means something to the role, with the page that explains it.</summary>
public sealed record InboxFigure(string Title, int Value, string Link);

public sealed record InboxView(IReadOnlyList<InboxItem> Items, IReadOnlyList<InboxFigure> Figures);

/// <summary>
/// «Ожидает вашего действия»: per role, what the workflow waits for from the user, within what the user sees
/// (<see cref="Access.Visibility"/>), and the role's own figures for the home page.
/// </summary>
public sealed class InboxQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets)
{
    /// <summary>Activities due within this many days are listed for the school before they are overdue.</summary>
    public const int ActivityDueDays = 14;
    /// <summary>Monitoring tasks due within this many days are listed; overdue ones always.</summary>
    public const int TaskDueDays = 30;
    /// <summary>Feedback on the mentor's consultations given within this many days is listed to read.</summary>
    public const int FeedbackDays = 14;

    private static readonly PlanStatus[] ToReview = [PlanStatus.Submitted, PlanStatus.UnderReview, PlanStatus.Reported];
    private static readonly PlanStatus[] InExecution = [PlanStatus.Approved, PlanStatus.InProgress, PlanStatus.Reported];

    /// <summary>The number shown beside «Главная» in the menu.</summary>
    public async Task<int> CountAsync(CancellationToken ct = default) => (await ItemsAsync(ct)).Count;

    public async Task<InboxView> LoadAsync(CancellationToken ct = default)
    {
        var items = await ItemsAsync(ct);
        return new InboxView(items, await FiguresAsync(ct));
    }

    public async Task<IReadOnlyList<InboxItem>> ItemsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        var today = clock.Today();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var items = new List<InboxItem>();
        if (scope.IsIn(Roles.Ministry)) await MinistryAsync(db, scope, today, items, ct);
        if (scope.IsIn(Roles.Operator)) await OperatorAsync(db, scope, today, items, ct);
        if (scope.IsIn(Roles.Municipal) && scope.SchoolId is null && scope.MunicipalityId is not null) await MunicipalAsync(db, scope, today, items, ct);
        if (scope.IsIn(Roles.School) && scope.SchoolId is not null) await SchoolAsync(db, scope, today, items, ct);
        if (scope.IsIn(Roles.Mentor)) await MentorAsync(db, scope, today, items, ct);
        return items.DistinctBy(i => (i.Kind, i.Link, i.Title)).OrderByDescending(i => i.Overdue).ThenBy(i => i.Due ?? DateOnly.MaxValue).ToList();
    }

    // --- per role

    private static async Task MinistryAsync(AppDbContext db, UserScope scope, DateOnly today, List<InboxItem> items, CancellationToken ct)
    {
        var lists = await db.Set<SupportList>().VisibleTo(scope).Where(l => l.Status == ListStatus.Submitted || l.Status == ListStatus.Approved)
            .Select(l => new { l.Id, l.Year, l.Version, l.Status }).ToListAsync(ct);
        items.AddRange(lists.Select(l => new InboxItem(InboxKind.List,
            l.Status == ListStatus.Submitted ? InfraFormat.Of(InfraText.Inbox_ListAwaitingApproval, Years(l.Year), l.Version)
                                             : InfraFormat.Of(InfraText.Inbox_ListApprovedNotPublished, Years(l.Year), l.Version),
            l.Status == ListStatus.Submitted ? InfraText.Inbox_ApproveOrReturn : InfraText.Inbox_Publish,
            $"/lists/{l.Id}", null, false)));

        var methodologies = await db.Set<MethodologyVersion>().Where(m => m.Status == MethodologyStatus.Draft)
            .Select(m => new { m.Name, m.Year, m.Version, m.CreatedBy }).ToListAsync(ct);
        items.AddRange(methodologies.Select(m => new InboxItem(InboxKind.Methodology,
            InfraFormat.Of(InfraText.Inbox_MethodologyAwaiting, m.Name, m.Year, m.Version), InfraFormat.Of(InfraText.Inbox_PreparedBy, m.CreatedBy), "/identification", null, false)));

        await PlansToReviewAsync(db, scope, p => p.Level != PlanLevel.School, items, ct);
        await DocumentsToReviewAsync(db, scope, d => d.SchoolId == null, items, ct);
    }

    private static async Task OperatorAsync(AppDbContext db, UserScope scope, DateOnly today, List<InboxItem> items, CancellationToken ct)
    {
        var lists = await db.Set<SupportList>().VisibleTo(scope).Where(l => l.Status == ListStatus.Returned)
            .Select(l => new { l.Id, l.Year, l.Version, l.ReturnComment }).ToListAsync(ct);
        items.AddRange(lists.Select(l => new InboxItem(InboxKind.List,
            InfraFormat.Of(InfraText.Inbox_ListReturned, Years(l.Year), l.Version), l.ReturnComment, $"/lists/{l.Id}", null, false)));

        await ReturnedPlansAsync(db, scope, p => p.Level == PlanLevel.Region, items, ct);
        await DocumentsToReviewAsync(db, scope, d => d.SchoolId == null, items, ct);
        await TasksAsync(db, scope, today, t => t.Actor == MonitoringActor.Operator, items, ct);
    }

    private static async Task MunicipalAsync(AppDbContext db, UserScope scope, DateOnly today, List<InboxItem> items, CancellationToken ct)
    {
        var municipalityId = scope.MunicipalityId!.Value;
        await PlansToReviewAsync(db, scope, p => p.Level == PlanLevel.School && p.MunicipalityId == municipalityId, items, ct);
        await ReturnedPlansAsync(db, scope, p => p.Level == PlanLevel.Municipality && p.MunicipalityId == municipalityId, items, ct);
        await DocumentsToReviewAsync(db, scope, d => d.SchoolId != null && d.MunicipalityId == municipalityId, items, ct);
        await OverdueActivitiesAsync(db, scope, today, p => p.Level == PlanLevel.School && p.MunicipalityId == municipalityId, items, ct);
        await ReportsAsync(db, scope, today, p => p.Level == PlanLevel.School && p.MunicipalityId == municipalityId, overdueOnly: true, items, ct);
        await ReportsAsync(db, scope, today, p => p.Level == PlanLevel.Municipality && p.MunicipalityId == municipalityId, overdueOnly: false, items, ct);
        await TasksAsync(db, scope, today, t => t.Actor == MonitoringActor.Municipal, items, ct);
        // The school tasks of its schools that are already overdue: the coordinator follows them up.
        await TasksAsync(db, scope, today, t => t.Actor == MonitoringActor.School && t.Status == MonitoringTaskStatus.Overdue, items, ct, overdueOnly: true);
        // The preventive tasks of its schools on watch («на контроле»): the coordinator follows them up with the school.
        await TasksAsync(db, scope, today, t => t.Actor == MonitoringActor.WatchSchool, items, ct, watch: true);
        // The half-year effectiveness reviews of its supported schools not recorded by their due date (the region's risk calendar).
        var reviews = await Risks.RiskQueries.OverdueReviewsAsync(db, scope, today, ct);
        items.AddRange(reviews.Select(r => new InboxItem(InboxKind.Review,
            InfraFormat.Of(InfraText.Inbox_ReviewMissing, r.School, (r.HalfYear == 1 ? InfraText.Inbox_FirstHalf : InfraText.Inbox_SecondHalf), Years(r.Year)),
            InfraFormat.Of(InfraText.Inbox_ReviewDue, r.Due), "/risks/reviews", r.Due, true)));
    }

    private static async Task SchoolAsync(AppDbContext db, UserScope scope, DateOnly today, List<InboxItem> items, CancellationToken ct)
    {
        var schoolId = scope.SchoolId!.Value;
        await ReturnedPlansAsync(db, scope, p => p.SchoolId == schoolId, items, ct);
        var returnedDocuments = await db.Documents.VisibleTo(scope, db).Where(d => d.SchoolId == schoolId)
            .Join(db.DocumentVersions.Latest().Where(v => v.Review == ReviewStatus.Returned), d => d.Id, v => v.DocumentId, (d, v) => new { d.Title, v.ReviewComment })
            .ToListAsync(ct);
        items.AddRange(returnedDocuments.Select(d => new InboxItem(InboxKind.Document, InfraFormat.Of(InfraText.Inbox_DocumentReturned, d.Title),
            d.ReviewComment ?? "", $"/documents?school={schoolId}", null, false)));

        var soon = today.AddDays(ActivityDueDays);
        var plans = db.Plans.VisibleTo(scope, db).Where(p => p.SchoolId == schoolId && InExecution.Contains(p.Status)).Select(p => p.Id);
        var activities = await db.PlanItems.Where(i => plans.Contains(i.PlanId))
            .Where(i => i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Cancelled && i.Deadline <= soon)
            .OrderBy(i => i.Deadline).Take(50).AsNoTracking().ToListAsync(ct);
        items.AddRange(activities.Select(i => new InboxItem(InboxKind.Activity,
            i.IsOverdueOn(today) ? InfraFormat.Of(InfraText.Inbox_ItemOverdue, i.Activity) : InfraFormat.Of(InfraText.Inbox_ItemDue, i.Activity, i.Deadline),
            InfraFormat.Of(InfraText.Inbox_ItemResponsible, i.Responsible), $"/roadmaps/{i.PlanId}", i.Deadline, i.IsOverdueOn(today))));

        await ReportsAsync(db, scope, today, p => p.SchoolId == schoolId, overdueOnly: false, items, ct);
        await TasksAsync(db, scope, today, t => t.Actor == MonitoringActor.School || t.Actor == MonitoringActor.WatchSchool, items, ct);
    }

    private async Task MentorAsync(AppDbContext db, UserScope scope, DateOnly today, List<InboxItem> items, CancellationToken ct)
    {
        var assigned = Access.Visibility.AssignedSchoolIds(db, scope.UserId, today);
        var quietSince = today.AddDays(-targets.DaysWithoutConsultation);
        var quiet = await db.Schools.Where(s => assigned.Contains(s.Id))
            .Select(s => new
            {
                s.Id, s.ShortName,
                Last = db.Consultations.Where(c => c.SchoolId == s.Id && c.MentorId == scope.UserId).Max(c => (DateOnly?)c.Date),
            })
            .Where(s => s.Last == null || s.Last < quietSince).ToListAsync(ct);
        items.AddRange(quiet.Select(s => new InboxItem(InboxKind.Consultation,
            s.Last is { } last ? InfraFormat.Of(InfraText.Inbox_NoConsultationsSince, s.ShortName, last) : InfraFormat.Of(InfraText.Inbox_NoConsultationsYet, s.ShortName),
            InfraFormat.Of(InfraText.Inbox_HoldConsultation, targets.DaysWithoutConsultation), "/mentoring/journal",
            s.Last?.AddDays(targets.DaysWithoutConsultation), true)));

        var since = clock.GetUtcNow().AddDays(-FeedbackDays);
        var feedback = await db.ConsultationFeedback.VisibleTo(scope, db)
            .Where(f => f.At >= since)
            .Join(db.Consultations.Where(c => c.MentorId == scope.UserId), f => f.ConsultationId, c => c.Id, (f, c) => new { f.UserName, f.Rating, f.Comment, c.Topic, c.Date })
            .ToListAsync(ct);
        items.AddRange(feedback.Select(f => new InboxItem(InboxKind.Feedback,
            InfraFormat.Of(InfraText.Inbox_Feedback, f.Topic, f.Date, f.Rating), $"{f.UserName}: {f.Comment}", "/mentoring/journal", null, false)));
    }

    // --- shared pieces

    private static async Task PlansToReviewAsync(AppDbContext db, UserScope scope, System.Linq.Expressions.Expression<Func<Plan, bool>> which,
        List<InboxItem> items, CancellationToken ct)
    {
        var plans = await db.Plans.VisibleTo(scope, db).Where(which).Where(p => ToReview.Contains(p.Status))
            .Select(p => new { p.Id, p.Title, p.Status, School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.ShortName).FirstOrDefault() })
            .ToListAsync(ct);
        items.AddRange(plans.Select(p => new InboxItem(InboxKind.Plan,
            p.Status switch
            {
                PlanStatus.Submitted => InfraFormat.Of(InfraText.Inbox_Submitted, p.Title),
                PlanStatus.UnderReview => InfraFormat.Of(InfraText.Inbox_UnderReview, p.Title),
                _ => InfraFormat.Of(InfraText.Inbox_ReportReceived, p.Title),
            },
            p.School is null ? Titles.Of(p.Status) : $"{p.School}. {Titles.Of(p.Status)}.", $"/roadmaps/{p.Id}", null, false)));
    }

    private static async Task ReturnedPlansAsync(AppDbContext db, UserScope scope, System.Linq.Expressions.Expression<Func<Plan, bool>> which,
        List<InboxItem> items, CancellationToken ct)
    {
        var plans = await db.Plans.VisibleTo(scope, db).Where(which).Where(p => p.Status == PlanStatus.Returned)
            .Select(p => new
            {
                p.Id, p.Title,
                Comment = db.PlanTransitions.Where(t => t.PlanId == p.Id && t.To == PlanStatus.Returned).OrderByDescending(t => t.At).Select(t => t.Comment).FirstOrDefault(),
            })
            .ToListAsync(ct);
        items.AddRange(plans.Select(p => new InboxItem(InboxKind.Plan, InfraFormat.Of(InfraText.Inbox_Returned, p.Title), p.Comment ?? "", $"/roadmaps/{p.Id}", null, false)));
    }

    private static async Task DocumentsToReviewAsync(AppDbContext db, UserScope scope, System.Linq.Expressions.Expression<Func<Document, bool>> which,
        List<InboxItem> items, CancellationToken ct)
    {
        var documents = await db.Documents.VisibleTo(scope, db).Where(which)
            .Where(d => d.Kind != DocumentKind.BestPractice && d.Kind != DocumentKind.ConsultationMaterials && d.Kind != DocumentKind.PlanEvidence)
            .Join(db.DocumentVersions.Latest().Where(v => v.Review == ReviewStatus.Pending), d => d.Id, v => v.DocumentId, (d, v) => new
            {
                d.Title, d.SchoolId,
                School = db.Schools.Where(s => s.Id == d.SchoolId).Select(s => s.ShortName).FirstOrDefault(),
                v.Number, v.UploadedByName,
            })
            .ToListAsync(ct);
        items.AddRange(documents.Select(d => new InboxItem(InboxKind.Document,
            InfraFormat.Of(InfraText.Inbox_DocumentAwaiting, d.Title, d.Number),
            d.School is null ? InfraFormat.Of(InfraText.Inbox_UploadedBy, d.UploadedByName) : InfraFormat.Of(InfraText.Inbox_DescriptionUploadedBy, d.School, d.UploadedByName),
            d.SchoolId is { } s ? $"/documents?school={s}" : "/documents", null, false)));
    }

    private static async Task OverdueActivitiesAsync(AppDbContext db, UserScope scope, DateOnly today, System.Linq.Expressions.Expression<Func<Plan, bool>> which,
        List<InboxItem> items, CancellationToken ct)
    {
        var plans = db.Plans.VisibleTo(scope, db).Where(which).Where(p => InExecution.Contains(p.Status));
        var overdue = await db.PlanItems.Where(PlanItem.OverdueOn(today))
            .Join(plans, i => i.PlanId, p => p.Id, (i, p) => new { p.Id, p.Title, p.SchoolId, i.Deadline })
            .GroupBy(x => new { x.Id, x.Title, x.SchoolId })
            .Select(g => new { g.Key.Id, g.Key.Title, g.Key.SchoolId, Count = g.Count(), Oldest = g.Min(x => x.Deadline) })
            .ToListAsync(ct);
        var schoolIds = overdue.Select(o => o.SchoolId).OfType<Guid>().ToList();
        var names = await db.Schools.Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ShortName, ct);
        items.AddRange(overdue.Select(o => new InboxItem(InboxKind.Activity,
            InfraFormat.Of(InfraText.Inbox_ItemsOverdue, (o.SchoolId is { } s && names.TryGetValue(s, out var n) ? n : o.Title), o.Count),
            InfraFormat.Of(InfraText.Inbox_EarliestDue, o.Title, o.Oldest), $"/roadmaps/{o.Id}", o.Oldest, true)));
    }

    private static async Task ReportsAsync(AppDbContext db, UserScope scope, DateOnly today, System.Linq.Expressions.Expression<Func<Plan, bool>> which,
        bool overdueOnly, List<InboxItem> items, CancellationToken ct)
    {
        var plans = await db.Plans.VisibleTo(scope, db).Where(which).Where(p => p.Status == PlanStatus.InProgress)
            .Select(p => new
            {
                Plan = p,
                School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.ShortName).FirstOrDefault(),
                Started = db.PlanTransitions.Where(t => t.PlanId == p.Id && t.To == PlanStatus.InProgress).Min(t => (DateTimeOffset?)t.At),
            })
            .AsNoTracking().ToListAsync(ct);
        foreach (var p in plans)
        {
            var started = DateOnly.FromDateTime((p.Started ?? p.Plan.CreatedAt).UtcDateTime);
            var report = p.Plan.MonthlyReportOn(today, started);
            if (report.State == MonthlyReportState.Overdue || (!overdueOnly && report.State == MonthlyReportState.DueSoon))
            {
                var overdue = report.State == MonthlyReportState.Overdue;
                var who = p.School is null ? "" : $"«{p.School}»: ";
                items.Add(new InboxItem(InboxKind.Report,
                    overdue ? InfraFormat.Of(InfraText.Inbox_MonthlyReportOverdue, who, p.Plan.Title) : InfraFormat.Of(InfraText.Inbox_MonthlyReportDue, who, p.Plan.Title, report.Due),
                    InfraFormat.Of(InfraText.Inbox_ReportDue, report.Due), $"/roadmaps/{p.Plan.Id}", report.Due, overdue));
            }
        }
    }

    private static async Task TasksAsync(AppDbContext db, UserScope scope, DateOnly today, System.Linq.Expressions.Expression<Func<MonitoringTask, bool>> which,
        List<InboxItem> items, CancellationToken ct, bool overdueOnly = false, bool watch = false)
    {
        var soon = today.AddDays(TaskDueDays);
        var tasks = await db.Set<MonitoringTask>().VisibleTo(scope, db).Where(which)
            .Where(t => t.Status != MonitoringTaskStatus.Done && (overdueOnly ? t.Due < today : t.Due <= soon))
            .Select(t => new { t.Id, t.Title, t.Due, t.OutputDocument, School = db.Schools.Where(s => s.Id == t.SchoolId).Select(s => s.ShortName).FirstOrDefault() })
            .OrderBy(t => t.Due).Take(50).ToListAsync(ct);
        items.AddRange(tasks.Select(t => new InboxItem(InboxKind.Task,
            watch ? InfraFormat.Of(InfraText.Inbox_PreventiveTask, t.School, t.Title, t.Due)
            : overdueOnly && t.School is not null ? InfraFormat.Of(InfraText.Inbox_TaskOverdue, t.School, t.Title) : InfraFormat.Of(InfraText.Inbox_TaskDue, t.Title, t.Due),
            string.IsNullOrEmpty(t.OutputDocument) ? "" : InfraFormat.Of(InfraText.Inbox_Result, t.OutputDocument), $"/monitoring/tasks?task={t.Id}", t.Due, t.Due < today)));
    }

    // --- the role's figures

    private async Task<IReadOnlyList<InboxFigure>> FiguresAsync(CancellationToken ct)
    {
        var scope = current.Require();
        var today = clock.Today();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var figures = new List<InboxFigure>();
        var schools = Access.Visibility.SchoolIds(db, scope);
        var inForce = await db.Set<SupportList>().VisibleTo(scope).Where(l => l.Status == ListStatus.Published)
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Version).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        var listed = inForce is { } listId
            ? db.Set<SupportListEntry>().Where(e => e.ListId == listId && e.Included && schools.Contains(e.SchoolId)).Select(e => e.SchoolId)
            : db.Schools.Where(_ => false).Select(s => s.Id);
        var overdueRule = PlanItem.OverdueOn(today);
        var executing = db.Plans.VisibleTo(scope, db).Where(p => InExecution.Contains(p.Status)).Select(p => p.Id);
        var overdueActivities = db.PlanItems.Where(i => executing.Contains(i.PlanId)).Where(overdueRule);

        if (scope.IsRegional || (scope.IsIn(Roles.Municipal) && scope.SchoolId is null))
        {
            var listedCount = await listed.CountAsync(ct);
            var withProgramme = await db.Plans.VisibleTo(scope, db)
                .Where(p => p.Level == PlanLevel.School && p.SchoolId != null && (InExecution.Contains(p.Status) || p.Status == PlanStatus.Assessed))
                .Where(p => listed.Contains(p.SchoolId!.Value)).Select(p => p.SchoolId).Distinct().CountAsync(ct);
            figures.Add(new InboxFigure(InfraText.Inbox_SchoolsInList, listedCount, inForce is { } l1 ? $"/lists/{l1}" : "/lists"));
            figures.Add(new InboxFigure(InfraText.Inbox_WithApprovedProgramme, withProgramme, "/roadmaps"));
            figures.Add(new InboxFigure(InfraText.Inbox_OverdueItems, await overdueActivities.CountAsync(ct), "/roadmaps"));
            figures.Add(new InboxFigure(InfraText.Inbox_OverdueTasks,
                await db.Set<MonitoringTask>().VisibleTo(scope, db).CountAsync(t => t.Status != MonitoringTaskStatus.Done && t.Due < today, ct),
                "/monitoring/tasks?status=overdue"));
        }
        else if (scope.SchoolId is { } schoolId)
        {
            var own = db.PlanItems.Where(i => executing.Contains(i.PlanId));
            figures.Add(new InboxFigure(InfraText.Inbox_ProgrammeItems, await own.CountAsync(i => i.Status != PlanItemStatus.Cancelled, ct), "/roadmaps"));
            figures.Add(new InboxFigure(InfraText.Common_Done, await own.CountAsync(i => i.Status == PlanItemStatus.Done, ct), "/roadmaps"));
            figures.Add(new InboxFigure(InfraText.Common_Overdue, await overdueActivities.CountAsync(ct), "/roadmaps"));
            figures.Add(new InboxFigure(InfraText.Inbox_OpenTasks,
                await db.Set<MonitoringTask>().VisibleTo(scope, db).CountAsync(t => t.SchoolId == schoolId && t.Status != MonitoringTaskStatus.Done, ct),
                "/monitoring/tasks"));
        }
        else if (scope.IsIn(Roles.Mentor))
        {
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            figures.Add(new InboxFigure(InfraText.Inbox_AssignedSchools, await schools.CountAsync(ct), "/mentoring"));
            figures.Add(new InboxFigure(InfraText.Inbox_ConsultationsThisMonth,
                await db.Consultations.VisibleTo(scope, db).CountAsync(c => c.MentorId == scope.UserId && c.Date >= monthStart, ct), "/mentoring/journal"));
        }
        figures.Add(new InboxFigure(InfraText.Inbox_UnreadNotices, await db.Notifications.VisibleTo(scope).CountAsync(n => n.ReadAt == null, ct), "/notifications"));
        return figures;
    }

    private static string Years(int year) => $"{year}/{year + 1}";
}
