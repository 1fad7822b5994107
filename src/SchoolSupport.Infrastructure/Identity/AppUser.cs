using Microsoft.AspNetCore.Identity;

namespace SchoolSupport.Infrastructure.Identity;

/// <summary>A portal user. The scope columns say where the user works: region, and optionally one municipality or school.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    public Guid RegionId { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when an administrator deactivates the account: it cannot sign in or set a password until reactivated.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    /// <summary>When the last invitation was sent; the account is «приглашён» until its owner sets a password.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    public SchoolSupport.Domain.Common.NoticeDelivery NoticeDelivery { get; set; }
}
