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
    public SchoolSupport.Domain.Common.NoticeDelivery NoticeDelivery { get; set; }
}
