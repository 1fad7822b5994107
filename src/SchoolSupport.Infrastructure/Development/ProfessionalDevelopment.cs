using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Development;

public sealed class EventEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public EventKind Kind { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_TitleRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Common_TitleTooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_OrganiserRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_OrganiserTooLong))]
    public string Organiser { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_StartRequired))]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_EndRequired))]
    public DateOnly? EndsOn { get; set; }

    [Range(1, 1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_HoursRange))]
    public int Hours { get; set; } = 2;

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_AudienceTooLong))]
    public string Audience { get; set; } = "";

    public EventFormat Format { get; set; }
    public Competences Develops { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartsOn is { } s && EndsOn is { } e && e < s) yield return new ValidationResult(InfraText.Development_EndBeforeStart);
    }
}

public sealed class SurveyEdit
{
    [Range(2000, 2100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_SurveyYearRequired))]
    public int Year { get; set; }

    [Range(1, 10000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_SurveyedRange))]
    public int TeachersSurveyed { get; set; } = 1;

    [Range(0, 100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_DeficitShareRange))]
    public decimal LearningSkillsDeficit { get; set; }

    [Range(0, 100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_DeficitShareRange))]
    public decimal TechnologiesDeficit { get; set; }

    [Range(0, 100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_DeficitShareRange))]
    public decimal AssessmentDeficit { get; set; }

    [Range(0, 100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Development_DeficitShareRange))]
    public decimal IndividualRoutesDeficit { get; set; }
}

public sealed record ApplicationRow(Guid Id, Guid EventId, string Event, DateOnly StartsOn, Guid SchoolId, string School, string Municipality, int Participants,
    string Note, string AppliedBy, int? Attended);

public sealed record SurveyView(DeficitSurvey Survey, Competences Weak, IReadOnlyList<PdEvent> Recommended);

public sealed record ProgrammeRow(Guid Id, PdEvent Event, string Note);

/// <summary>
/// Professional development: the operator's catalogue of courses, webinars and seminars; schools' applications and the
/// attendance recorded by the operator; the teachers' deficits survey (four Kirov indicators) with recommended courses;
/// the half-year personalised programme of each school.
/// </summary>
public sealed class ProfessionalDevelopment(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets, Notices notices)
{
    private DateOnly Today => clock.Today();

    public decimal WeakThreshold => targets.WeakIndicatorShare;

    public async Task<IReadOnlyList<PdEvent>> CatalogueAsync(bool upcomingOnly = false, CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        return await db.PdEvents.AsNoTracking().Where(e => !upcomingOnly || e.EndsOn >= today).OrderBy(e => e.StartsOn).ThenBy(e => e.Title).ToListAsync(ct);
    }

    public async Task<Guid> SaveEventAsync(EventEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        PdEvent e;
        if (edit.Id is { } id)
        {
            e = await db.PdEvents.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
            db.Entry(e).Property(x => x.Version).OriginalValue = edit.Version;
        }
        else
        {
            e = new PdEvent { Id = Guid.NewGuid(), RegionId = scope.RegionId };
            db.PdEvents.Add(e);
        }
        e.Kind = edit.Kind;
        e.Title = edit.Title.Trim();
        e.Organiser = edit.Organiser.Trim();
        e.StartsOn = edit.StartsOn!.Value;
        e.EndsOn = edit.EndsOn!.Value;
        e.Hours = edit.Hours;
        e.Audience = edit.Audience.Trim();
        e.Format = edit.Format;
        e.Develops = edit.Develops;
        db.Record(scope, edit.Id is null ? "pd-event.create" : "pd-event.update", "pd-event", e.Id, e.Title, clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Common_ActivityStale, ct);
        return e.Id;
    }

    /// <summary>The school team applies to an event that has not ended, once.</summary>
    public async Task ApplyAsync(Guid eventId, int participants, string? note, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        if (participants is < 1 or > 1000) throw new DomainException(InfraText.Common_ParticipantsRange);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.PdEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct) ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
        if (e.EndsOn < Today) throw new DomainException(InfraText.Development_EventPast);
        if (await db.PdApplications.AnyAsync(a => a.EventId == eventId && a.SchoolId == scope.SchoolId, ct)) throw new DomainException(InfraText.Development_AlreadyApplied);
        db.PdApplications.Add(new PdApplication
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, EventId = eventId, SchoolId = scope.SchoolId!.Value, Participants = participants,
            Note = (note ?? "").Trim(), AppliedAt = clock.GetUtcNow(), AppliedByName = scope.UserName,
        });
        var school = await db.Schools.Where(s => s.Id == scope.SchoolId).Select(s => s.ShortName).FirstAsync(ct);
        await notices.AddAsync(db, scope, scope.RegionId, await Notices.InRoleAsync(db, scope.RegionId, Roles.Operator, null, ct),
            InfraFormat.Of(InfraText.Development_ApplicationTitle, school, e.Title), InfraFormat.Of(InfraText.Development_AppliedParticipants, participants), "/development", note, ct);
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraText.Development_AlreadyApplied);
        await notices.MailAsync(db, ct);
    }

    public async Task<IReadOnlyList<ApplicationRow>> ApplicationsAsync(Guid? eventId = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.PdApplications.AsNoTracking().VisibleTo(scope, db).Where(a => eventId == null || a.EventId == eventId)
            .Join(db.Schools, a => a.SchoolId, s => s.Id, (a, s) => new { a, s })
            .Join(db.PdEvents, x => x.a.EventId, e => e.Id, (x, e) => new ApplicationRow(x.a.Id, e.Id, e.Title, e.StartsOn, x.s.Id, x.s.ShortName,
                x.s.Municipality!.Name, x.a.Participants, x.a.Note, x.a.AppliedByName, x.a.Attended))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.StartsOn).ThenBy(r => r.School)];
    }

    public async Task RecordAttendanceAsync(Guid applicationId, int attended, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var a = await db.PdApplications.FirstOrDefaultAsync(x => x.Id == applicationId, ct) ?? throw new ScopeException(InfraText.Development_ApplicationNotFound);
        if (attended < 0 || attended > a.Participants) throw new DomainException(InfraFormat.Of(InfraText.Development_AttendedRange, a.Participants));
        a.Attended = attended;
        db.Record(scope, "pd-application.attendance", "pd-application", a.Id, InfraFormat.Of(InfraText.Development_Attended, attended), clock);
        var title = await db.PdEvents.Where(e => e.Id == a.EventId).Select(e => e.Title).FirstAsync(ct);
        await notices.AddAsync(db, scope, a.RegionId, await Notices.InRoleAsync(db, a.RegionId, Roles.School, u => u.SchoolId == a.SchoolId, ct),
            InfraFormat.Of(InfraText.Development_ApplicationFor, title), InfraFormat.Of(InfraText.Development_AttendanceMarked, attended, a.Participants), "/development", null, ct);
        await db.SaveChangesAsync(ct);
        await notices.MailAsync(db, ct);
    }

    /// <summary>The school team records the March survey of its teachers' deficits; a second save the same year replaces it.</summary>
    public async Task SaveSurveyAsync(SurveyEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var survey = await db.DeficitSurveys.FirstOrDefaultAsync(s => s.SchoolId == scope.SchoolId && s.Year == edit.Year, ct);
        if (survey is null)
        {
            survey = new DeficitSurvey { Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = scope.SchoolId!.Value, Year = edit.Year };
            db.DeficitSurveys.Add(survey);
        }
        survey.TeachersSurveyed = edit.TeachersSurveyed;
        survey.LearningSkillsDeficit = edit.LearningSkillsDeficit;
        survey.TechnologiesDeficit = edit.TechnologiesDeficit;
        survey.AssessmentDeficit = edit.AssessmentDeficit;
        survey.IndividualRoutesDeficit = edit.IndividualRoutesDeficit;
        survey.SubmittedAt = clock.GetUtcNow();
        db.Record(scope, "deficit-survey.save", "deficit-survey", survey.Id, $"{edit.Year}", clock);
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraText.Development_SurveyStale);
    }

    /// <summary>The latest survey of a school the user sees, its weak indicators and the upcoming events that develop them.</summary>
    public async Task<SurveyView?> SurveyAsync(Guid schoolId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, schoolId, ct)) return null;
        var survey = await db.DeficitSurveys.AsNoTracking().Where(s => s.SchoolId == schoolId).OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
        if (survey is null) return null;
        var weak = survey.WeakAbove(targets.WeakIndicatorShare);
        var today = Today;
        var recommended = weak == Competences.None ? [] : await db.PdEvents.AsNoTracking()
            .Where(e => e.EndsOn >= today && (e.Develops & weak) != Competences.None).OrderBy(e => e.StartsOn).ToListAsync(ct);
        return new SurveyView(survey, weak, recommended);
    }

    public async Task<IReadOnlyList<ProgrammeRow>> ProgrammeAsync(Guid schoolId, int year, int half, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, schoolId, ct)) return [];
        var rows = await db.ProgrammeEntries.AsNoTracking().Where(p => p.SchoolId == schoolId && p.Year == year && p.Half == half)
            .Join(db.PdEvents, p => p.EventId, e => e.Id, (p, e) => new ProgrammeRow(p.Id, e, p.Note))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Event.StartsOn)];
    }

    /// <summary>The school team adds an event of the half-year to its personalised programme.</summary>
    public async Task AddToProgrammeAsync(int year, int half, Guid eventId, string? note, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        if (half is not (1 or 2)) throw new DomainException(InfraText.Development_HalfYearRange);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.PdEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct) ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
        var from = new DateOnly(year, half == 1 ? 1 : 7, 1);
        var to = from.AddMonths(6).AddDays(-1);
        if (e.StartsOn > to || e.EndsOn < from) throw new DomainException(InfraText.Development_EventNotInHalfYear);
        if (await db.ProgrammeEntries.AnyAsync(p => p.SchoolId == scope.SchoolId && p.Year == year && p.Half == half && p.EventId == eventId, ct))
        {
            throw new DomainException(InfraText.Development_EventAlreadyInProgramme);
        }
        db.ProgrammeEntries.Add(new ProgrammeEntry
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = scope.SchoolId!.Value, Year = year, Half = half, EventId = eventId, Note = (note ?? "").Trim(),
        });
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraText.Development_EventAlreadyInProgramme);
    }

    public async Task RemoveFromProgrammeAsync(Guid entryId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entry = await db.ProgrammeEntries.FirstOrDefaultAsync(p => p.Id == entryId && p.SchoolId == scope.SchoolId, ct) ?? throw new ScopeException(InfraText.Common_RecordNotFound);
        db.ProgrammeEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
    }

    public async Task WriteApplicationsXlsxAsync(Stream output, CancellationToken ct = default)
    {
        var rows = await ApplicationsAsync(null, ct);
        XlsxExport.Write(rows, output, InfraText.Development_ExportTitle,
        [
            (InfraText.Common_Activity, r => r.Event), (InfraText.Development_Start, r => r.StartsOn), (InfraText.Common_School, r => r.School), (InfraText.Common_Municipality, r => r.Municipality),
            (InfraText.Development_AppliedColumn, r => r.Participants), (InfraText.Development_AttendedColumn, r => r.Attended), (InfraText.Common_Note, r => r.Note),
        ]);
    }
}
