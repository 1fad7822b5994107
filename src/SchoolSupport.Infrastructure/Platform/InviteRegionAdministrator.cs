using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Platform;

/// <summary>
/// The platform administrator invites a region's administrator (role Admin of that region), who then manages the region's
/// municipalities, schools and people. The invitee sets a password through the link in the mail; nobody else ever sees it.
/// </summary>
public sealed class InviteRegionAdministrator(ICurrentScope current, InviteUser invite)
{
    public async Task<Guid> InviteAsync(Guid regionId, string email, string fullName, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.PlatformAdmin);
        return await invite.InviteIntoRegionAsync(new Invitation(email, fullName, Roles.Admin, regionId), scope, ct);
    }
}
