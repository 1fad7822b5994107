using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Schools;

public static class SchoolScope
{
    /// <summary>
    /// Schools the user may see inside their region (the region itself is the query filter's job):
    /// regional roles all, a municipal coordinator their municipality, a school team their school,
    /// a mentor or tutor the schools with an assignment in force on <paramref name="day"/> (today by default).
    /// </summary>
    public static IQueryable<School> VisibleTo(this IQueryable<School> schools, UserScope scope, AppDbContext db, DateOnly? day = null)
    {
        if (scope.IsRegional) return schools;
        if (scope.SchoolId is { } schoolId) return schools.Where(s => s.Id == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return schools.Where(s => s.MunicipalityId == municipalityId);
        if (!scope.IsIn(Roles.Mentor)) return schools.Where(_ => false);
        var assigned = AssignedSchoolIds(db, scope.UserId, day);
        return schools.Where(s => assigned.Contains(s.Id));
    }

    /// <summary>The schools a mentor is assigned to on the day (today by default).</summary>
    public static IQueryable<Guid> AssignedSchoolIds(AppDbContext db, Guid mentorId, DateOnly? day = null)
    {
        var on = day ?? Today;
        return db.MentorAssignments.Where(a => a.MentorId == mentorId && a.From <= on && a.To >= on).Select(a => a.SchoolId);
    }

    /// <summary>Whether the user sees one school; the service-side check for a single object.</summary>
    public static Task<bool> CanSeeAsync(AppDbContext db, UserScope scope, Guid schoolId, CancellationToken ct = default) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Schools.VisibleTo(scope, db), s => s.Id == schoolId, ct);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
