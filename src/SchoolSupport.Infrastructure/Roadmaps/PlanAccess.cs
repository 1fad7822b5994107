using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Who sees a plan and what part they play in its workflow. The region is the query filter's job.</summary>
public static class PlanAccess
{
    /// <summary>
    /// Regional staff see every plan; a municipal coordinator the plans of its municipality and the regional roadmap;
    /// a school team its own school's plans; a mentor the plans of the schools assigned to them.
    /// </summary>
    public static IQueryable<Plan> VisibleTo(this IQueryable<Plan> plans, UserScope scope, AppDbContext db)
    {
        if (scope.IsRegional) return plans;
        if (scope.SchoolId is { } schoolId) return plans.Where(p => p.SchoolId == schoolId);
        if (scope.MunicipalityId is { } municipalityId) return plans.Where(p => p.MunicipalityId == municipalityId || p.Level == PlanLevel.Region);
        if (!scope.IsIn(Roles.Mentor)) return plans.Where(_ => false);
        var assigned = SchoolScope.AssignedSchoolIds(db, scope.UserId);
        return plans.Where(p => p.Level == PlanLevel.School && p.SchoolId != null && assigned.Contains(p.SchoolId.Value));
    }

    /// <summary>
    /// School programmes: drafted by the school team, reviewed by the coordinator of its municipality.
    /// Municipal roadmaps: drafted by the coordinator, reviewed by the ministry or the operator.
    /// The regional roadmap: drafted by the operator, approved by the ministry.
    /// </summary>
    public static PlanRole RoleOf(Plan plan, UserScope scope) => plan.Level switch
    {
        PlanLevel.School when scope.IsIn(Roles.School) && scope.SchoolId == plan.SchoolId => PlanRole.Owner,
        PlanLevel.School when scope.IsIn(Roles.Municipal) && scope.MunicipalityId == plan.MunicipalityId => PlanRole.Reviewer,
        PlanLevel.Municipality when scope.IsIn(Roles.Municipal) && scope.MunicipalityId == plan.MunicipalityId => PlanRole.Owner,
        PlanLevel.Municipality when scope.IsIn(Roles.Ministry) || scope.IsIn(Roles.Operator) => PlanRole.Reviewer,
        PlanLevel.Region when scope.IsIn(Roles.Operator) => PlanRole.Owner,
        PlanLevel.Region when scope.IsIn(Roles.Ministry) => PlanRole.Reviewer,
        _ => PlanRole.Reader,
    };

    /// <summary>The team, the reviewer, mentors and regional staff may comment; an Admin without a programme role may not.</summary>
    public static bool CanComment(Plan plan, UserScope scope) =>
        RoleOf(plan, scope) != PlanRole.Reader || scope.IsIn(Roles.Mentor) || scope.IsIn(Roles.Ministry) || scope.IsIn(Roles.Operator);

    /// <summary>The level of plan a user creates: the school team its programme, the coordinator the municipal roadmap, the operator the regional one.</summary>
    public static PlanLevel? LevelCreatedBy(UserScope scope) =>
        scope.IsIn(Roles.School) && scope.SchoolId is not null ? PlanLevel.School
        : scope.IsIn(Roles.Municipal) && scope.MunicipalityId is not null ? PlanLevel.Municipality
        : scope.IsIn(Roles.Operator) ? PlanLevel.Region
        : null;
}
