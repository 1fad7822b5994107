using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>What part a user plays in a plan's workflow (who sees it is <see cref="Access.Visibility"/>'s job).</summary>
public static class PlanRoles
{
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
