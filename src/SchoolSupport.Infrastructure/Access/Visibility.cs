using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Access;

/// <summary>
/// Who sees what, for every aggregate, in one place; every query, page and export narrows through these methods.
/// The region is the query filter's job (<see cref="AppDbContext"/>); here the region is narrowed to the user's part of it:
/// <list type="bullet">
/// <item>regional staff (administrator, ministry, operator) see the whole region;</item>
/// <item>a municipal coordinator sees its municipality: its schools and the municipality's own objects;</item>
/// <item>a school team sees its school (and its municipality's own documents);</item>
/// <item>a mentor or tutor sees the schools assigned on the day and, of what belongs to several people, only their own
/// (their consultations, their assignments).</item>
/// </list>
/// Everything that belongs to one school is visible exactly when that school is.
/// </summary>
public static class Visibility
{
    // --- schools: the base every school-owned aggregate derives from

    public static IQueryable<School> VisibleTo(this IQueryable<School> schools, UserScope scope, AppDbContext db, DateOnly? day = null)
    {
        if (scope.IsRegional) return schools;
        if (scope.SchoolId is { } schoolId) return schools.Where(s => s.Id == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return schools.Where(s => s.MunicipalityId == municipalityId);
        if (!IsMentor(scope)) return schools.Where(_ => false);
        var assigned = AssignedSchoolIds(db, scope.UserId, day);
        return schools.Where(s => assigned.Contains(s.Id));
    }

    /// <summary>
    /// Users with the same key see the same data (region, roles and the part of the region above): what one of them read may be
    /// served to another (<see cref="SharedReads"/>). A mentor's part is their own (assigned schools), so their key holds the user.
    /// </summary>
    public static string Key(UserScope scope)
    {
        var roles = string.Join(",", scope.Roles.Order());
        if (scope.IsRegional) return $"{scope.RegionId}|{roles}";
        var mentor = IsMentor(scope) ? scope.UserId.ToString() : "";
        return $"{scope.RegionId}|{roles}|{scope.SchoolId}|{scope.MunicipalityId}|{mentor}";
    }

    /// <summary>The ids of the schools the user sees, for joins and <c>Contains</c>.</summary>
    public static IQueryable<Guid> SchoolIds(AppDbContext db, UserScope scope) => db.Schools.VisibleTo(scope, db).Select(s => s.Id);

    /// <summary>The schools a mentor is assigned to on the day (today by default).</summary>
    public static IQueryable<Guid> AssignedSchoolIds(AppDbContext db, Guid mentorId, DateOnly? day = null)
    {
        var on = day ?? TimeProvider.System.Today();
        return db.MentorAssignments.Where(a => a.MentorId == mentorId && a.From <= on && a.To >= on).Select(a => a.SchoolId);
    }

    /// <summary>Whether the user sees one school; the service-side check for a single object.</summary>
    public static Task<bool> CanSeeSchoolAsync(AppDbContext db, UserScope scope, Guid schoolId, CancellationToken ct = default) =>
        db.Schools.VisibleTo(scope, db).AnyAsync(s => s.Id == schoolId, ct);

    /// <summary>Whether the user is a mentor assigned to the school today.</summary>
    public static Task<bool> IsAssignedMentorAsync(AppDbContext db, UserScope scope, Guid? schoolId, CancellationToken ct = default) =>
        IsMentor(scope) && schoolId is { } s ? AssignedSchoolIds(db, scope.UserId).AnyAsync(id => id == s, ct) : Task.FromResult(false);

    /// <summary>Municipalities whose own objects (roadmaps, documents) the user sees: regional staff all, staff of a municipality their own.</summary>
    public static bool CanSeeMunicipality(UserScope scope, Guid municipalityId) =>
        scope.IsRegional || scope.MunicipalityId == municipalityId;

    // --- school-owned aggregates: visible exactly when their school is

    public static IQueryable<AssessmentResult> VisibleTo(this IQueryable<AssessmentResult> results, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return results;
        var schools = SchoolIds(db, scope);
        return results.Where(r => schools.Contains(r.SchoolId));
    }

    public static IQueryable<PdApplication> VisibleTo(this IQueryable<PdApplication> applications, UserScope scope, AppDbContext db)
    {
        var schools = SchoolIds(db, scope);
        return applications.Where(a => schools.Contains(a.SchoolId));
    }

    public static IQueryable<DeficitSurvey> VisibleTo(this IQueryable<DeficitSurvey> surveys, UserScope scope, AppDbContext db)
    {
        var schools = SchoolIds(db, scope);
        return surveys.Where(s => schools.Contains(s.SchoolId));
    }

    public static IQueryable<ProgrammeEntry> VisibleTo(this IQueryable<ProgrammeEntry> entries, UserScope scope, AppDbContext db)
    {
        var schools = SchoolIds(db, scope);
        return entries.Where(e => schools.Contains(e.SchoolId));
    }

    /// <summary>A published practice is for the whole region; a draft or submitted card for those who see its school.</summary>
    public static IQueryable<PracticeCard> VisibleTo(this IQueryable<PracticeCard> cards, UserScope scope, AppDbContext db)
    {
        var schools = SchoolIds(db, scope);
        return cards.Where(p => p.Status == PracticeStatus.Published || schools.Contains(p.SchoolId));
    }

    // --- the annual list

    /// <summary>Regional staff see every version; everyone else a list only once it is published (or was, before an amendment).</summary>
    public static IQueryable<SupportList> VisibleTo(this IQueryable<SupportList> lists, UserScope scope) =>
        scope.IsRegional ? lists : lists.Where(l => l.Status == ListStatus.Published || l.Status == ListStatus.Superseded);

    public static bool CanSee(this SupportList list, UserScope scope) =>
        scope.IsRegional || list.Status is ListStatus.Published or ListStatus.Superseded;

    /// <summary>Entries of the lists the user sees, of the schools the user sees.</summary>
    public static IQueryable<SupportListEntry> VisibleTo(this IQueryable<SupportListEntry> entries, UserScope scope, AppDbContext db)
    {
        var lists = db.Set<SupportList>().VisibleTo(scope).Select(l => l.Id);
        var schools = SchoolIds(db, scope);
        return entries.Where(e => lists.Contains(e.ListId) && schools.Contains(e.SchoolId));
    }

    /// <summary>Saved trial runs are working material of the operator and the ministry: nobody else sees them.</summary>
    public static IQueryable<SavedTrial> VisibleTo(this IQueryable<SavedTrial> trials, UserScope scope) =>
        scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Ministry) ? trials : trials.Where(_ => false);

    // --- plans

    /// <summary>
    /// Regional staff see every plan; a municipal coordinator the plans of its municipality and the regional roadmap;
    /// a school team its own school's plans; a mentor the plans of the schools assigned to them.
    /// </summary>
    public static IQueryable<Plan> VisibleTo(this IQueryable<Plan> plans, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return plans;
        if (scope.SchoolId is { } schoolId) return plans.Where(p => p.SchoolId == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return plans.Where(p => p.MunicipalityId == municipalityId || p.Level == PlanLevel.Region);
        if (!IsMentor(scope)) return plans.Where(_ => false);
        var assigned = AssignedSchoolIds(db, scope.UserId);
        return plans.Where(p => p.Level == PlanLevel.School && p.SchoolId != null && assigned.Contains(p.SchoolId.Value));
    }

    public static IQueryable<PlanItem> VisibleTo(this IQueryable<PlanItem> items, UserScope scope, AppDbContext db)
    {
        var plans = db.Plans.VisibleTo(scope, db).Select(p => p.Id);
        return items.Where(i => plans.Contains(i.PlanId));
    }

    // --- documents

    /// <summary>
    /// A school's documents for those who see the school (an assigned mentor included); a municipality's own documents for
    /// regional staff and the people of that municipality.
    /// </summary>
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return documents;
        var schools = SchoolIds(db, scope);
        var municipality = scope.MunicipalityId;
        return documents.Where(d => d.SchoolId != null ? schools.Contains(d.SchoolId.Value) : municipality != null && d.MunicipalityId == municipality);
    }

    /// <summary>Whether the user sees the documents of a school, or of a municipality itself when <paramref name="schoolId"/> is null.</summary>
    public static async Task<bool> CanSeeDocumentsOfAsync(AppDbContext db, UserScope scope, Guid municipalityId, Guid? schoolId, CancellationToken ct) =>
        schoolId is { } s
            ? await db.Schools.VisibleTo(scope, db).AnyAsync(x => x.Id == s && x.MunicipalityId == municipalityId, ct)
            : CanSeeMunicipality(scope, municipalityId) && await db.Municipalities.AnyAsync(m => m.Id == municipalityId, ct);

    // --- partnerships and mentoring

    /// <summary>Partnerships in which the user sees at least one school.</summary>
    public static IQueryable<Partnership> VisibleTo(this IQueryable<Partnership> partnerships, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return partnerships;
        var schools = SchoolIds(db, scope);
        return partnerships.Where(p => schools.Contains(p.LeaderSchoolId) || p.Schools.Any(s => schools.Contains(s.SchoolId)));
    }

    /// <summary>A mentor sees the consultations they held; everyone else those of the schools they see.</summary>
    public static IQueryable<Consultation> VisibleTo(this IQueryable<Consultation> consultations, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return consultations;
        if (IsMentor(scope)) return consultations.Where(c => c.MentorId == scope.UserId);
        var schools = SchoolIds(db, scope);
        return consultations.Where(c => schools.Contains(c.SchoolId));
    }

    public static IQueryable<ConsultationFeedback> VisibleTo(this IQueryable<ConsultationFeedback> feedback, UserScope scope, AppDbContext db)
    {
        var consultations = db.Consultations.VisibleTo(scope, db).Select(c => c.Id);
        return feedback.Where(f => consultations.Contains(f.ConsultationId));
    }

    /// <summary>A mentor sees their own assignments; everyone else the assignments of the schools they see.</summary>
    public static IQueryable<MentorAssignment> VisibleTo(this IQueryable<MentorAssignment> assignments, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return assignments;
        if (IsMentor(scope)) return assignments.Where(a => a.MentorId == scope.UserId);
        var schools = SchoolIds(db, scope);
        return assignments.Where(a => schools.Contains(a.SchoolId));
    }

    // --- monitoring

    /// <summary>
    /// Regional staff see every task; a municipal coordinator those of its municipality (its own and its schools');
    /// a school team its school's; a mentor the school tasks of the schools assigned to them.
    /// </summary>
    public static IQueryable<MonitoringTask> VisibleTo(this IQueryable<MonitoringTask> tasks, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return tasks;
        if (scope.SchoolId is { } schoolId) return tasks.Where(t => t.SchoolId == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return tasks.Where(t => t.MunicipalityId == municipalityId);
        if (!IsMentor(scope)) return tasks.Where(_ => false);
        var assigned = AssignedSchoolIds(db, scope.UserId);
        return tasks.Where(t => t.Actor == MonitoringActor.School && t.SchoolId != null && assigned.Contains(t.SchoolId.Value));
    }

    // --- risk profiles, effectiveness reviews and risk decisions

    /// <summary>A school's risk profile (answers and key risks with it) is visible exactly when the school is.</summary>
    public static IQueryable<RiskProfile> VisibleTo(this IQueryable<RiskProfile> profiles, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return profiles;
        var schools = SchoolIds(db, scope);
        return profiles.Where(p => schools.Contains(p.SchoolId));
    }

    public static IQueryable<EffectivenessReview> VisibleTo(this IQueryable<EffectivenessReview> reviews, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return reviews;
        var schools = SchoolIds(db, scope);
        return reviews.Where(r => schools.Contains(r.SchoolId));
    }

    /// <summary>
    /// Regional staff see the whole register; a school-level decision is seen by those who see its school; a municipal one
    /// by the people of that municipality; a regional one by every coordinator (as the regional roadmap).
    /// </summary>
    public static IQueryable<RiskDecision> VisibleTo(this IQueryable<RiskDecision> decisions, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return decisions;
        var schools = SchoolIds(db, scope);
        var municipality = scope.SchoolId is null ? scope.MunicipalityId : null;
        return decisions.Where(d => d.SchoolId != null
            ? schools.Contains(d.SchoolId.Value)
            : municipality != null && (d.Level == DecisionLevel.Region || d.MunicipalityId == municipality));
    }

    // --- notifications: each person's own

    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, UserScope scope) =>
        notifications.Where(n => n.UserId == scope.UserId);

    /// <summary>A mentor or tutor without a regional role: their scope is the assigned schools.</summary>
    private static bool IsMentor(UserScope scope) => scope.IsIn(Roles.Mentor) && !scope.IsRegional;
}
