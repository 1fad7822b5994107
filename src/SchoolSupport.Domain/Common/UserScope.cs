namespace SchoolSupport.Domain.Common;

/// <summary>
/// What a signed-in user may see: a region, optionally narrowed to one municipality or one school.
/// Regional roles (Ministry, Operator, Admin) see the whole region; Mentor scope is the set of assigned schools
/// and is resolved by the mentoring capability.
/// </summary>
public sealed record UserScope(Guid UserId, string UserName, Guid RegionId, Guid? MunicipalityId, Guid? SchoolId, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsRegional => IsIn(Common.Roles.Admin) || IsIn(Common.Roles.Ministry) || IsIn(Common.Roles.Operator);

    public bool CanSeeMunicipality(Guid municipalityId) =>
        IsRegional || (MunicipalityId is { } own && own == municipalityId);

    public bool CanSeeSchool(Guid schoolId, Guid municipalityId) =>
        IsRegional
        || (SchoolId is { } ownSchool && ownSchool == schoolId)
        || (SchoolId is null && MunicipalityId is { } own && own == municipalityId);
}
