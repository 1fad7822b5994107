using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>What <c>--create-admin</c> was asked: the e-mail, the full name, and the region by code (with a name to create it).</summary>
public sealed record FirstAdmin(string Email, string? FullName = null, string? RegionCode = null, string? RegionName = null);

/// <summary>
/// The one-time command that gives an empty install its first administrator (the platform administrator, or with --region the
/// Admin of that region): the account is created
/// without a password, the invitation is mailed when SMTP is configured, and the set-password link is returned to be printed.
/// An existing account is never touched.
/// </summary>
public sealed class CreateFirstAdmin(AppDbContext db, SystemDb systemDb, UserManager<AppUser> users, InviteUser invite, AccountMail mail)
{
    public async Task<Uri> RunAsync(FirstAdmin request, CancellationToken ct = default)
    {
        var email = (request.Email ?? "").Trim();
        if (!InviteUser.IsEmail(email)) throw new DomainException(InfraFormat.Of(InfraText.Admin_NotAnEmail, email));
        if (await users.FindByEmailAsync(email) is not null)
            throw new DomainException(InfraFormat.Of(InfraText.Admin_AccountExists, email));
        var name = string.IsNullOrWhiteSpace(request.FullName) ? InfraText.Admin_PortalAdministrator : request.FullName.Trim();
        // Without --region the first account is the platform administrator, who creates regions and invites their administrators.
        var invitation = string.IsNullOrWhiteSpace(request.RegionCode)
            ? new Invitation(email, name, Roles.PlatformAdmin, Guid.Empty)
            : new Invitation(email, name, Roles.Admin, (await RegionAsync(request, ct)).Id);
        var id = await invite.InviteIntoRegionAsync(invitation, invitedBy: null, ct);
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException("The new administrator is gone.");
        return await mail.LinkAsync(user, AccountLinkTokens.Invitation);
    }

    private async Task<Region> RegionAsync(FirstAdmin request, CancellationToken ct)
    {
        var code = request.RegionCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            if (await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct) is { } found) return found;
            if (string.IsNullOrWhiteSpace(request.RegionName))
                throw new DomainException(InfraFormat.Of(InfraText.Admin_RegionMissing, code));
            var region = new Region { Id = Guid.NewGuid(), Code = code, Name = request.RegionName.Trim(), AuthorityName = request.RegionName.Trim() };
            // Regions are written by the platform administrator only; the command, run by whoever installs the portal, acts as the system.
            await using var system = systemDb.Create();
            system.Regions.Add(region);
            await system.SaveChangesAsync(ct);
            return region;
        }
        var regions = await db.Regions.OrderBy(r => r.Code).Take(10).ToListAsync(ct);
        return regions.Count switch
        {
            1 => regions[0],
            0 => throw new DomainException(InfraText.Admin_NoRegions),
            _ => throw new DomainException(InfraFormat.Of(InfraText.Admin_SeveralRegions, string.Join(", ", regions.Select(r => r.Code)))),
        };
    }
}
