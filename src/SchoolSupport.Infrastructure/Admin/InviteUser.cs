using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>Who is invited where: e-mail, full name, role, and for a municipal or school role the municipality or school (of that region).</summary>
public sealed record Invitation(string Email, string FullName, string Role, Guid RegionId, Guid? MunicipalityId = null, Guid? SchoolId = null);

/// <summary>
/// Invites people: the account is created without a password and its owner gets an e-mail with a one-time link to set one.
/// No administrator ever sets or sees a password.
/// </summary>
public sealed class InviteUser(AppDbContext db, UserManager<AppUser> users, ICurrentScope current, AccountMail mail, TimeProvider clock)
{
    /// <summary>The administrator invites a person into their own region (the form of «Пользователи»).</summary>
    public async Task<Guid> InviteAsync(NewUser input, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        return await InviteIntoRegionAsync(new Invitation(input.Email, input.FullName, input.Role, admin.RegionId, input.MunicipalityId, input.SchoolId), admin, ct);
    }

    /// <summary>
    /// Creates the account in <see cref="Invitation.RegionId"/> and sends the invitation. It does not check who calls: the caller
    /// decides who may invite whom (the region's administrator through <see cref="InviteAsync"/>, a platform administrator for a
    /// region's first administrator, the <c>--create-admin</c> command with <paramref name="invitedBy"/> null). Refuses a bad e-mail,
    /// an empty name, an unknown role, a municipality or school outside the region and an e-mail that already has an account.
    /// </summary>
    public async Task<Guid> InviteIntoRegionAsync(Invitation invitation, UserScope? invitedBy, CancellationToken ct = default)
    {
        var user = await CreateAccountAsync(invitation, invitedBy, ct);
        await SendInvitationAsync(user, invitedBy, ct);
        return user.Id;
    }

    /// <summary>
    /// Creates and saves the account of a valid invitation without mailing it: the bulk invitation calls it inside its
    /// transaction and mails (<see cref="SendInvitationAsync"/>) only after the transaction commits.
    /// </summary>
    internal async Task<AppUser> CreateAccountAsync(Invitation invitation, UserScope? invitedBy, CancellationToken ct)
    {
        var (user, role) = await NewAccountAsync(invitation, ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new DomainException(created.Errors.Select(e => e.Description));
        await users.AddToRoleAsync(user, role);
        Audit(invitedBy, user, "user.invite", InfraFormat.Of(InfraText.User_Invited, user.FullName, role));
        await db.SaveChangesAsync(ct);
        return user;
    }

    internal Task SendInvitationAsync(AppUser user, UserScope? invitedBy, CancellationToken ct) =>
        mail.SendInvitationAsync(user, invitedBy?.UserName ?? InfraText.Admin_PortalAdministrator, ct);

    /// <summary>A new invitation with a new link for someone who has not set a password yet; earlier links stop working.</summary>
    public async Task ResendAsync(Guid userId, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.RegionId == admin.RegionId, ct)
            ?? throw new ScopeException(InfraText.User_NotFoundInRegion);
        if (user.DeactivatedAt is not null) throw new DomainException(InfraText.User_DisabledEnableFirst);
        if (user.PasswordHash is not null) throw new DomainException(InfraText.User_PasswordAlreadySet);
        await users.UpdateSecurityStampAsync(user);
        user.InvitedAt = clock.GetUtcNow();
        Audit(admin, user, "user.reinvite", InfraFormat.Of(InfraText.User_InvitationResent, user.FullName));
        await db.SaveChangesAsync(ct);
        await mail.SendInvitationAsync(user, admin.UserName, ct);
    }

    /// <summary>The unsaved account of a valid invitation and its role, or a refusal listing what is wrong.</summary>
    internal async Task<(AppUser User, string Role)> NewAccountAsync(Invitation invitation, CancellationToken ct)
    {
        var email = (invitation.Email ?? "").Trim();
        var name = (invitation.FullName ?? "").Trim();
        var refusals = new List<Refusal>();
        if (name.Length == 0) refusals.Add(new Refusal(InfraText.User_NameRequired, nameof(NewUser.FullName)));
        else if (name.Length > 200) refusals.Add(new Refusal(InfraText.User_NameTooLong, nameof(NewUser.FullName)));
        if (!IsEmail(email)) refusals.Add(new Refusal(InfraText.User_EmailInvalid, nameof(NewUser.Email)));
        else if (await users.FindByEmailAsync(email) is not null) refusals.Add(new Refusal(InfraFormat.Of(InfraText.User_EmailTaken, email), nameof(NewUser.Email)));
        // A platform administrator stands above the regions (RegionId empty); everyone else belongs to an existing region.
        var platform = invitation.Role == Roles.PlatformAdmin && invitation.RegionId == Guid.Empty;
        if (!platform && !Roles.All.Contains(invitation.Role)) refusals.Add(new Refusal(InfraText.User_RoleRequired, nameof(NewUser.Role)));
        if (!platform && !await db.Regions.AnyAsync(r => r.Id == invitation.RegionId, ct)) refusals.Add(new Refusal(InfraText.Common_RegionNotFound));
        if (refusals.Count > 0) throw new DomainException(refusals);

        Guid? municipalityId = null, schoolId = null;
        if (invitation.Role == Roles.Municipal)
        {
            if (invitation.MunicipalityId is not { } m
                || !await db.Municipalities.IgnoreQueryFilters().AnyAsync(x => x.Id == m && x.RegionId == invitation.RegionId, ct))
                throw new DomainException(InfraText.User_MunicipalCoordinatorNeedsMunicipality, nameof(NewUser.MunicipalityId));
            municipalityId = m;
        }
        if (invitation.Role == Roles.School)
        {
            var school = invitation.SchoolId is not { } s ? null
                : await db.Schools.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == s && x.RegionId == invitation.RegionId, ct);
            if (school is null) throw new DomainException(InfraText.User_SchoolTeamNeedsSchool, nameof(NewUser.SchoolId));
            schoolId = school.Id;
            municipalityId = school.MunicipalityId;
        }
        var now = clock.GetUtcNow();
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = false, FullName = name, RegionId = invitation.RegionId,
            MunicipalityId = municipalityId, SchoolId = schoolId, CreatedAt = now, InvitedAt = now, LockoutEnabled = true,
        };
        return (user, invitation.Role);
    }

    internal static bool IsEmail(string email) =>
        email.Length is > 0 and <= 256 && new EmailAddressAttribute().IsValid(email) && !email.Any(char.IsWhiteSpace)
        && email.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.');

    private void Audit(UserScope? who, AppUser user, string action, string details) =>
        db.Audit.Add(new AuditEntry
        {
            RegionId = user.RegionId == Guid.Empty ? null : user.RegionId, At = clock.GetUtcNow(), UserId = who?.UserId, UserName = who?.UserName ?? InfraText.User_CreateAdminCommand,
            Action = action, EntityType = "user", EntityId = user.Id.ToString(), Details = details,
        });
}
