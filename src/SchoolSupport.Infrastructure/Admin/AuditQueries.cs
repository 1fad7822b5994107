using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>One line of the audit log as people read it: who (full name), what (in Russian), on which object (its name and page).</summary>
public sealed record AuditRow(DateTimeOffset At, string Person, string Action, string ObjectKind, string ObjectName, string? Link, string Details);

/// <summary>The region's audit log in Russian: action codes become words, object ids become names and links.</summary>
public sealed partial class AuditQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    private static Regex Guids => GuidPattern();

    public async Task<IReadOnlyList<AuditRow>> LatestAsync(int take, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entries = await db.Audit.Where(a => a.RegionId == scope.RegionId).OrderByDescending(a => a.At).Take(take).AsNoTracking().ToListAsync(ct);
        var names = await NamesAsync(db, entries, ct);
        // Older entries name a school by its id in the details («→ школа 9bb9…»): the school's name is shown instead.
        var mentioned = entries.SelectMany(e => Guids.Matches(e.Details).Select(m => Guid.Parse(m.Value))).Distinct().ToList();
        var schoolNames = await db.Schools.Where(s => mentioned.Contains(s.Id)).Select(s => new { s.Id, s.ShortName }).ToDictionaryAsync(s => s.Id, s => s.ShortName, ct);
        string Readable(string details) => Guids.Replace(details, m => schoolNames.TryGetValue(Guid.Parse(m.Value), out var school) ? $"«{school}»" : m.Value);
        var people = await db.Users.Where(u => u.RegionId == scope.RegionId).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. entries.Select(e =>
        {
            var person = e.UserId is { } userId && people.TryGetValue(userId, out var fullName) && fullName.Length > 0 ? fullName : e.UserName;
            var id = Guid.TryParse(e.EntityId, out var g) ? g : (Guid?)null;
            var name = id is { } key && names.TryGetValue(key, out var known) ? known : "";
            return new AuditRow(e.At, person, AuditLabels.Action(e.Action), AuditLabels.Kind(e.EntityType), name, AuditLabels.Link(e.EntityType, id), Readable(e.Details));
        })];
    }

    /// <summary>The names of the objects the entries speak of, by id, for the kinds people look up.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        List<Guid> Ids(string kind) => [.. entries.Where(e => e.EntityType == kind).Select(e => Guid.TryParse(e.EntityId, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];
        var names = new Dictionary<Guid, string>();
        void Add(IEnumerable<(Guid Id, string Name)> rows)
        {
            foreach (var (id, name) in rows) names[id] = name;
        }

        var plans = Ids("plan");
        Add((await db.Plans.Where(p => plans.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)));
        var lists = Ids("support-list");
        Add((await db.Set<SupportList>().Where(l => lists.Contains(l.Id)).Select(l => new { l.Id, l.Year, l.Version }).ToListAsync(ct))
            .Select(l => (l.Id, InfraFormat.Of(InfraText.Audit_ListOfYear, l.Year, l.Year + 1) + (l.Version > 1 ? InfraFormat.Of(InfraText.Audit_AmendmentNumber, l.Version - 1) : ""))));
        var schools = Ids("school");
        Add((await db.Schools.Where(s => schools.Contains(s.Id)).Select(s => new { s.Id, s.ShortName }).ToListAsync(ct)).Select(s => (s.Id, s.ShortName)));
        var partnerships = Ids("partnership");
        Add((await db.Partnerships.Where(p => partnerships.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)));
        var documents = Ids("document");
        Add((await db.Documents.Where(d => documents.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToListAsync(ct)).Select(d => (d.Id, d.Title)));
        var municipalities = Ids("municipality");
        Add((await db.Municipalities.Where(m => municipalities.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => (m.Id, m.Name)));
        var districts = Ids("district");
        Add((await db.Districts.Where(d => districts.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)));
        var methodologies = Ids("methodology");
        Add((await db.Set<MethodologyVersion>().Where(m => methodologies.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.Version }).ToListAsync(ct))
            .Select(m => (m.Id, InfraFormat.Of(InfraText.Common_TitleVersion, m.Name, m.Version))));
        var users = Ids("user");
        Add((await db.Users.Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)));
        return names;
    }
}

/// <summary>Russian words for the audit log's action codes and object kinds, and the page of each kind.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["calendar.identification-day"] = InfraText.Audit_IdentificationDateChanged,
        ["calendar.template"] = InfraText.Audit_CalendarTemplateChosen,
        ["consultation.create"] = InfraText.Audit_ConsultationRecorded,
        ["consultation.update"] = InfraText.Audit_ConsultationChanged,
        ["consultation.delete"] = InfraText.Audit_ConsultationDeleted,
        ["context.import"] = InfraText.Audit_ContextImported,
        ["deficit-survey.save"] = InfraText.Audit_SurveySaved,
        ["district.create"] = InfraText.Audit_DistrictCreated,
        ["district.update"] = InfraText.Audit_DistrictChanged,
        ["district.deactivate"] = InfraText.Audit_DistrictRetired,
        ["district.reactivate"] = InfraText.Audit_DistrictRestored,
        ["document.upload"] = InfraText.Audit_DocumentUploaded,
        ["document.accept"] = InfraText.Audit_DocumentAccepted,
        ["document.return"] = InfraText.Audit_DocumentReturned,
        ["identification.run"] = InfraText.Audit_ListCalculated,
        ["identification.trial"] = InfraText.Audit_TrialSaved,
        ["import.districts"] = InfraText.Audit_DistrictsImported,
        ["import.municipalities"] = InfraText.Audit_MunicipalitiesImported,
        ["import.invitations"] = InfraText.Audit_BulkInvitation,
        ["import.registry"] = InfraText.Audit_RegistryImported,
        ["list.amend"] = InfraText.Audit_AmendmentCreated,
        ["list.approve"] = InfraText.Audit_ListApproved,
        ["list.publish"] = InfraText.Audit_ListPublished,
        ["list.return"] = InfraText.Audit_ListReturned,
        ["list.review"] = InfraText.Audit_ListReviewStarted,
        ["list.submit"] = InfraText.Audit_ListSubmitted,
        ["list.add-school"] = InfraText.Audit_SchoolIncluded,
        ["list.remove-school"] = InfraText.Audit_SchoolExcluded,
        ["mentor.assign"] = InfraText.Audit_MentorAssigned,
        ["mentor.unassign"] = InfraText.Audit_MentorRemoved,
        ["methodology.approve"] = InfraText.Audit_MethodologyApproved,
        ["methodology.create"] = InfraText.Audit_MethodologyVersionCreated,
        ["methodology.update"] = InfraText.Audit_MethodologyChanged,
        ["monitoring.check"] = InfraText.Audit_RcokoCheck,
        ["monitoring.reminders"] = InfraText.Audit_RemindersChanged,
        ["monitoring.stage"] = InfraText.Audit_StageOpened,
        ["monitoring.stage-added"] = InfraText.Audit_StageAdded,
        ["monitoring.stage-dates"] = InfraText.Audit_StageDatesChanged,
        ["monitoring.stage-removed"] = InfraText.Audit_StageDeleted,
        ["monitoring.target"] = InfraText.Audit_TargetChanged,
        ["monitoring.task-done"] = InfraText.Audit_TaskDone,
        ["monitoring.template-added"] = InfraText.Audit_TaskAdded,
        ["monitoring.template-due"] = InfraText.Audit_TaskDueChanged,
        ["monitoring.template-removed"] = InfraText.Audit_TaskDeleted,
        ["monitoring.value"] = InfraText.Audit_IndicatorValueEntered,
        ["monitoring.year"] = InfraText.Audit_CalendarCreated,
        ["partnership.agreement"] = InfraText.Audit_AgreementUploaded,
        ["partnership.create"] = InfraText.Audit_PartnershipCreated,
        ["partnership.update"] = InfraText.Audit_PartnershipChanged,
        ["partnership.report"] = InfraText.Audit_PartnershipReportAdded,
        ["partnership.status"] = InfraText.Audit_PartnershipStatusChanged,
        ["pd-application.attendance"] = InfraText.Audit_AttendanceMarked,
        ["pd-event.create"] = InfraText.Audit_EventCreated,
        ["pd-event.update"] = InfraText.Audit_EventChanged,
        ["plan.create"] = InfraText.Audit_PlanCreated,
        ["plan.status"] = InfraText.Audit_PlanStatusChanged,
        ["plan.update"] = InfraText.Audit_PlanDetailsChanged,
        ["plan-item.create"] = InfraText.Audit_PlanItemAdded,
        ["plan-item.update"] = InfraText.Audit_PlanItemChanged,
        ["plan-item.delete"] = InfraText.Audit_PlanItemDeleted,
        ["plan-item.evidence"] = InfraText.Audit_EvidenceAttached,
        ["plan-item.evidence-replace"] = InfraText.Audit_EvidenceReplaced,
        ["plan-item.evidence-remove"] = InfraText.Audit_EvidenceRemoved,
        ["plan-item.overdue"] = InfraText.Audit_OverdueMarked,
        ["plan-section.save"] = InfraText.Audit_SectionSaved,
        ["practice.submit"] = InfraText.Audit_PracticeSubmitted,
        ["practice.publish"] = InfraText.Audit_PracticePublished,
        ["practice.return"] = InfraText.Audit_PracticeReturned,
        ["region.create"] = InfraText.Audit_RegionCreated,
        ["region.update"] = InfraText.Audit_RegionChanged,
        ["results.import"] = InfraText.Audit_ResultsImported,
        ["risk-decision.register"] = InfraText.Audit_RiskDecisionRegistered,
        ["risk-factor.save"] = InfraText.Audit_RiskFactorSaved,
        ["risk-profile.key-risks"] = InfraText.Audit_KeyRisksChosen,
        ["risk-profile.save"] = InfraText.Audit_RiskProfileFilled,
        ["risk-question.save"] = InfraText.Audit_QuestionSaved,
        ["risk-review.save"] = InfraText.Audit_ReviewSaved,
        ["risk-settings.save"] = InfraText.Audit_RiskSettingsChanged,
        ["school.create"] = InfraText.Audit_SchoolAdded,
        ["school.update"] = InfraText.Audit_SchoolChanged,
        ["school-year.start"] = InfraText.Audit_SchoolYearStarted,
        ["user.deactivate"] = InfraText.Audit_AccountDisabled,
        ["user.invite"] = InfraText.Audit_InvitationSent,
        ["user.password"] = InfraText.Audit_PasswordSet,
        ["user.reactivate"] = InfraText.Audit_AccountEnabled,
        ["user.reinvite"] = InfraText.Audit_InvitationResent,
        ["user.role"] = InfraText.Audit_RoleChanged,
        ["user.unlock"] = InfraText.Audit_LockoutCleared,
    };

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["consultation"] = InfraText.Audit_EntityConsultation, ["deficit-survey"] = InfraText.Audit_EntitySurvey, ["district"] = InfraText.Audit_EntityDistrict, ["document"] = InfraText.Audit_EntityDocument,
        ["file"] = InfraText.Common_File, ["identification-trial"] = InfraText.Common_Trial, ["import"] = InfraText.Audit_EntityImport, ["indicator"] = InfraText.Common_Indicator,
        ["mentor-assignment"] = InfraText.Audit_EntityMentorAssignment, ["methodology"] = InfraText.Common_Methodology, ["monitoring-stage"] = InfraText.Audit_EntityStage,
        ["monitoring-task"] = InfraText.Audit_EntityMonitoringTask, ["monitoring-template"] = InfraText.Audit_EntityStageTask, ["monitoring-year"] = InfraText.Audit_EntityCalendar,
        ["municipality"] = InfraText.Common_Municipality, ["partnership"] = InfraText.Common_Partnership, ["pd-application"] = InfraText.Audit_EntityApplication, ["pd-event"] = InfraText.Audit_EntityEvent,
        ["plan"] = InfraText.Audit_EntityPlan, ["plan-section"] = InfraText.Audit_EntitySection, ["practice"] = InfraText.Audit_EntityPractice, ["region"] = InfraText.Common_Region,
        ["region-calendar"] = InfraText.Audit_EntityRegionCalendar, ["risk-decision"] = InfraText.Audit_EntityRiskDecision, ["risk-factor"] = InfraText.Common_RiskFactor,
        ["risk-profile"] = InfraText.Audit_EntityRiskProfile, ["risk-settings"] = InfraText.Audit_EntityRiskSettings, ["school"] = InfraText.Common_School, ["school-year"] = InfraText.Audit_EntitySchoolYear,
        ["support-list"] = InfraText.Audit_EntityList, ["user"] = InfraText.Audit_EntityUser,
    };

    /// <summary>The action in Russian; an unknown code (a newer kind of entry) is shown as it is rather than hidden.</summary>
    public static string Action(string code) => Actions.TryGetValue(code, out var title) ? title : code;

    public static string Kind(string code) => Kinds.TryGetValue(code, out var title) ? title : code;

    /// <summary>The page where the object is seen, when it has one.</summary>
    public static string? Link(string kind, Guid? id) => (kind, id) switch
    {
        ("plan", { } g) => $"/roadmaps/{g}",
        ("support-list", { } g) => $"/lists/{g}",
        ("school", { } g) => $"/schools/{g}",
        ("partnership", { } g) => $"/partnerships/{g}",
        ("identification-trial", { } g) => $"/identification/trials/{g}",
        ("document", _) => "/documents",
        ("user", _) => "/admin/users",
        ("municipality" or "district", _) => "/admin/structure",
        ("methodology", _) => "/identification",
        ("consultation", _) => "/mentoring/journal",
        ("monitoring-stage" or "monitoring-template" or "monitoring-year" or "region-calendar", _) => "/monitoring/calendar",
        ("monitoring-task", _) => "/monitoring/tasks",
        ("indicator", _) => "/monitoring/indicators",
        ("practice", _) => "/practices",
        ("risk-decision", _) => "/risks/decisions",
        ("risk-factor" or "risk-settings", _) => "/risks/setup",
        _ => null,
    };
}
