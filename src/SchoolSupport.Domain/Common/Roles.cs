namespace SchoolSupport.Domain.Common;

/// <summary>
/// The six roles of a region (<see cref="All"/>), and above the regions the platform administrator. Role names are stored in
/// Identity as written here.
/// </summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Ministry = nameof(Ministry);
    public const string Operator = nameof(Operator);
    public const string Municipal = nameof(Municipal);
    public const string School = nameof(School);
    public const string Mentor = nameof(Mentor);

    /// <summary>
    /// Above the regions: creates and edits regions and their first administrators, and sees no regional data. Not in
    /// <see cref="All"/>: a regional administrator cannot grant it, and no regional policy names it.
    /// </summary>
    public const string PlatformAdmin = nameof(PlatformAdmin);

    /// <summary>The roles inside a region, the ones a regional administrator assigns.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Ministry, Operator, Municipal, School, Mentor];

    /// <summary>Every role in Identity: the regional ones and <see cref="PlatformAdmin"/>.</summary>
    public static readonly IReadOnlyList<string> Everyone = [.. All, PlatformAdmin];
}
