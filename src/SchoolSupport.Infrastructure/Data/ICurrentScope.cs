using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>
/// The scope the data layer works in. <see cref="Scope"/> is null for an anonymous caller, which sees no tenant rows;
/// background jobs and start-up use <see cref="SystemScope"/>, which sees every region.
/// </summary>
public interface ICurrentScope
{
    UserScope? Scope { get; }
    bool IsSystem { get; }
}

public sealed class SystemScope : ICurrentScope
{
    public static readonly SystemScope Instance = new();
    public UserScope? Scope => null;
    public bool IsSystem => true;
}

/// <summary>A fixed user scope, for code that acts for a known user outside a request (tests, jobs acting for a tenant).</summary>
public sealed class FixedScope(UserScope scope) : ICurrentScope
{
    public UserScope? Scope => scope;
    public bool IsSystem => false;
}

public static class CurrentScopeExtensions
{
    /// <summary>The caller's scope, or a refusal when nobody is signed in. Services call this before any work.</summary>
    public static UserScope Require(this ICurrentScope current) =>
        current.Scope ?? throw new ScopeException(InfraText.Access_SignInRequired);

    public static UserScope RequireRole(this ICurrentScope current, params string[] roles)
    {
        var scope = current.Require();
        if (!roles.Any(scope.IsIn)) throw new ScopeException(InfraText.Access_Forbidden);
        return scope;
    }
}
