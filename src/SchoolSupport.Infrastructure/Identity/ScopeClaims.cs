using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Infrastructure.Identity;

/// <summary>Claim types that carry the user's scope in the auth cookie, and the conversion back to <see cref="UserScope"/>.</summary>
public static class ScopeClaims
{
    public const string Region = "ss:region";
    public const string Municipality = "ss:municipality";
    public const string School = "ss:school";
    public const string FullName = "ss:fullname";

    public static UserScope? ToScope(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return null;
        if (!Guid.TryParse(principal.FindFirstValue(Region), out var regionId)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // The person's full name is what histories, comments and the audit log record and show; the e-mail only when a cookie lacks it.
        var name = principal.FindFirstValue(FullName) is { Length: > 0 } fullName ? fullName : principal.Identity.Name ?? "";
        return new UserScope(userId, name, regionId,
            ParseOptional(principal.FindFirstValue(Municipality)), ParseOptional(principal.FindFirstValue(School)), roles);
    }

    private static Guid? ParseOptional(string? value) => Guid.TryParse(value, out var id) ? id : null;
}

/// <summary>Adds the scope claims when Identity signs a user in.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.Region, user.RegionId.ToString()));
        identity.AddClaim(new Claim(ScopeClaims.FullName, user.FullName));
        if (user.MunicipalityId is { } m) identity.AddClaim(new Claim(ScopeClaims.Municipality, m.ToString()));
        if (user.SchoolId is { } s) identity.AddClaim(new Claim(ScopeClaims.School, s.ToString()));
        return identity;
    }
}
