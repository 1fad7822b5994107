namespace SchoolSupport.Domain.Common;

/// <summary>The six roles of the portal. Role names are stored in Identity as written here.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Ministry = nameof(Ministry);
    public const string Operator = nameof(Operator);
    public const string Municipal = nameof(Municipal);
    public const string School = nameof(School);
    public const string Mentor = nameof(Mentor);

    public static readonly IReadOnlyList<string> All = [Admin, Ministry, Operator, Municipal, School, Mentor];
}
