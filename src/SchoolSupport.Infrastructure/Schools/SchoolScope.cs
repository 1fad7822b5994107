using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Infrastructure.Schools;

public static class SchoolScope
{
    /// <summary>
    /// Schools the user may see inside their region (the region itself is the query filter's job):
    /// regional roles all, a municipal coordinator their municipality, a school team their school.
    /// Mentors see all for now; the mentoring capability narrows them to assigned schools.
    /// </summary>
    public static IQueryable<School> VisibleTo(this IQueryable<School> schools, UserScope scope)
    {
        if (scope.IsRegional) return schools;
        if (scope.SchoolId is { } schoolId) return schools.Where(s => s.Id == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return schools.Where(s => s.MunicipalityId == municipalityId);
        return scope.IsIn(Roles.Mentor) ? schools : schools.Where(_ => false);
    }
}
