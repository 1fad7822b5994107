using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

public sealed class AssignmentEdit : IValidatableObject
{
    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_MentorRequired))]
    public Guid? MentorId { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_SchoolRequired))]
    public Guid? SchoolId { get; set; }

    public MentorKind Kind { get; set; }
    public Subject? Subject { get; set; }

    [StringLength(2000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_TeachersTooLong))]
    public string Teachers { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_PeriodStartRequired))]
    public DateOnly? From { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_PeriodEndRequired))]
    public DateOnly? To { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_ResponsibilitiesRequired))]
    [StringLength(4000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_ResponsibilitiesTooLong))]
    public string Responsibilities { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { } f && To is { } t && t < f) yield return new ValidationResult(InfraText.Mentoring_PeriodEndBeforeStart);
        if (Kind == MentorKind.Tutor && Subject is null) yield return new ValidationResult(InfraText.Mentoring_TutorNeedsSubject);
    }
}

public sealed record AssignmentRow(Guid Id, Guid MentorId, string Mentor, MentorKind Kind, Subject? Subject, string Teachers, Guid SchoolId, string School,
    string Municipality, DateOnly From, DateOnly To, string Responsibilities, bool IsActive, Guid MunicipalityId);

public sealed record MentorOption(Guid Id, string Name);

/// <summary>Schools and consultations of one mentor: today's assignments and consultations per month (yyyy-MM).</summary>
public sealed record MentorWorkload(Guid MentorId, string Mentor, int Schools, int TutorAssignments, IReadOnlyDictionary<string, int> ConsultationsByMonth);

/// <summary>
/// The methodological office (the operator, or the municipal coordinator within the municipality) assigns mentors
/// to school teams and tutors to subject teachers. Assignments decide which schools a mentor sees.
/// </summary>
public sealed class MentorAssignments(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static bool CanAssign(UserScope scope) => scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Municipal);

    private DateOnly Today => clock.Today();

    public async Task<IReadOnlyList<MentorOption>> MentorsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await MentorUsers(db, scope.RegionId).OrderBy(u => u.FullName).Select(u => new MentorOption(u.Id, u.FullName)).ToListAsync(ct);
    }

    private static IQueryable<Identity.AppUser> MentorUsers(AppDbContext db, Guid regionId)
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.Mentor).Select(r => r.Id);
        return db.Users.Where(u => u.RegionId == regionId && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    /// <summary>Assignments of the schools the user sees; a mentor sees their own.</summary>
    public async Task<IReadOnlyList<AssignmentRow>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        var query = db.MentorAssignments.AsNoTracking().VisibleTo(scope, db);
        if (activeOnly) query = query.Where(a => a.From <= today && a.To >= today);
        var rows = await query.Join(db.Schools, a => a.SchoolId, s => s.Id, (a, s) => new AssignmentRow(a.Id, a.MentorId, a.MentorName, a.Kind, a.Subject,
                a.Teachers, a.SchoolId, s.ShortName, s.Municipality!.Name, a.From, a.To, a.Responsibilities, a.From <= today && a.To >= today, s.MunicipalityId))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Mentor).ThenBy(r => r.School)];
    }

    public async Task<Guid> AssignAsync(AssignmentEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, edit.SchoolId!.Value, ct)) throw new ScopeException(InfraText.Common_SchoolNotInScope);
        var mentor = await MentorUsers(db, scope.RegionId).FirstOrDefaultAsync(u => u.Id == edit.MentorId, ct);
        if (mentor is null) throw new DomainException(InfraText.Mentoring_NotAMentor);
        if (await db.MentorAssignments.AnyAsync(a => a.MentorId == mentor.Id && a.SchoolId == edit.SchoolId && a.Kind == edit.Kind && a.Subject == edit.Subject
                && a.From <= edit.To && a.To >= edit.From, ct))
        {
            throw new DomainException(InfraText.Mentoring_OverlappingAssignment);
        }
        var assignment = new MentorAssignment
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, MentorId = mentor.Id, MentorName = mentor.FullName, SchoolId = edit.SchoolId.Value,
            Kind = edit.Kind, Subject = edit.Kind == MentorKind.Tutor ? edit.Subject : null, Teachers = edit.Teachers.Trim(),
            From = edit.From!.Value, To = edit.To!.Value, Responsibilities = edit.Responsibilities.Trim(), AssignedByName = scope.UserName,
            AssignedAt = clock.GetUtcNow(),
        };
        db.MentorAssignments.Add(assignment);
        db.Notifications.Add(new Notification
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, UserId = mentor.Id, CreatedAt = clock.GetUtcNow(),
            Title = InfraFormat.Of(InfraText.Mentoring_AssignmentTitle, Titles.Of(assignment.Kind).ToLowerInvariant()), Body = assignment.Responsibilities, Link = "/mentoring",
        });
        db.Record(scope, "mentor.assign", "mentor-assignment", assignment.Id, InfraFormat.Of(InfraText.Mentoring_AssignmentLine, mentor.FullName, assignment.SchoolId), clock);
        await db.SaveChangesAsync(ct);
        return assignment.Id;
    }

    /// <summary>Ends an assignment today (the mentor stops seeing the school from tomorrow); a future one is removed.</summary>
    public async Task EndAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assignment = await db.MentorAssignments.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new ScopeException(InfraText.Mentoring_AssignmentNotFound);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, assignment.SchoolId, ct)) throw new ScopeException(InfraText.Mentoring_AssignmentNotFound);
        var yesterday = Today.AddDays(-1);
        if (assignment.From > yesterday) db.MentorAssignments.Remove(assignment);
        else if (assignment.To > yesterday) assignment.To = yesterday;
        db.Record(scope, "mentor.unassign", "mentor-assignment", assignment.Id, assignment.MentorName, clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Workload of the mentors working in the user's schools: schools today and consultations of the last <paramref name="months"/> months.</summary>
    public async Task<IReadOnlyList<MentorWorkload>> WorkloadAsync(int months = 6, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var today = Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var visible = db.Schools.VisibleTo(scope, db).Select(s => s.Id);
        var assignments = await db.MentorAssignments.AsNoTracking().VisibleTo(scope, db)
            .Where(a => a.From <= today && a.To >= today && visible.Contains(a.SchoolId))
            .Select(a => new { a.MentorId, a.MentorName, a.SchoolId, a.Kind }).ToListAsync(ct);
        var consultations = await db.Consultations.AsNoTracking().VisibleTo(scope, db)
            .Where(c => c.Date >= firstMonth && visible.Contains(c.SchoolId))
            .GroupBy(c => new { c.MentorId, c.MentorName, c.Date.Year, c.Date.Month })
            .Select(g => new { g.Key.MentorId, g.Key.MentorName, g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var monthKeys = Enumerable.Range(0, months).Select(i => firstMonth.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var mentors = assignments.Select(a => (a.MentorId, a.MentorName)).Concat(consultations.Select(c => (c.MentorId, c.MentorName)))
            .DistinctBy(m => m.MentorId);
        return mentors.Select(m => new MentorWorkload(m.MentorId, m.MentorName,
                assignments.Where(a => a.MentorId == m.MentorId).Select(a => a.SchoolId).Distinct().Count(),
                assignments.Count(a => a.MentorId == m.MentorId && a.Kind == MentorKind.Tutor),
                monthKeys.ToDictionary(k => k, k => consultations.Where(c => c.MentorId == m.MentorId
                    && $"{c.Year:D4}-{c.Month:D2}" == k).Sum(c => c.Count))))
            .OrderBy(w => w.Mentor).ToList();
    }
}
