using Microsoft.AspNetCore.Identity;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>The query of a set-password link from an invitation (<c>kind=invite</c>) or a reset mail (<c>kind=reset</c>).</summary>
public sealed record SetPasswordLink(string? User, string? Kind, string? Token)
{
    public string Purpose => Kind == "invite" ? AccountLinkTokens.Invitation : AccountLinkTokens.Reset;
}

/// <summary>Anyone with a valid one-time link sets the password of that account; the link then stops working.</summary>
public sealed class SetPassword(AppDbContext db, UserManager<AppUser> users, AccountLinkTokens tokens, TimeProvider clock)
{
    public static string InvalidLink => InfraText.Password_InvalidLink;
    public static string ExpiredLink => InfraText.Password_ExpiredLink;
    public static string UsedLink => InfraText.Password_UsedLink;

    /// <summary>Whether the link works, and if not why; the full name of its owner when it works (for the greeting).</summary>
    public async Task<(LinkState State, string? FullName)> CheckAsync(SetPasswordLink link)
    {
        var user = await FindAsync(link);
        if (user is null) return (LinkState.Invalid, null);
        var state = await tokens.CheckAsync(link.Purpose, link.Token!, users, user);
        return (state, state == LinkState.Valid ? user.FullName : null);
    }

    /// <summary>Sets the password; returns the account's e-mail (to sign in with). Refuses a dead link, different confirmation or a weak password.</summary>
    public async Task<string> SetAsync(SetPasswordLink link, string password, string confirmation, CancellationToken ct = default)
    {
        var user = await FindAsync(link) ?? throw new DomainException(InvalidLink);
        var state = await tokens.CheckAsync(link.Purpose, link.Token!, users, user);
        if (state != LinkState.Valid) throw new DomainException(Message(state));
        if (string.IsNullOrEmpty(password)) throw new DomainException(InfraText.Password_Required, "Password");
        if (password != confirmation) throw new DomainException(InfraText.Password_Mismatch, "Confirmation");
        var result = user.PasswordHash is null
            ? await users.AddPasswordAsync(user, password)
            : await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded) throw new DomainException(result.Errors.Select(e => new Refusal(e.Description, "Password")));
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        db.Audit.Add(new AuditEntry
        {
            RegionId = user.RegionId, At = clock.GetUtcNow(), UserId = user.Id, UserName = user.FullName, Action = "user.password",
            EntityType = "user", EntityId = user.Id.ToString(),
            Details = link.Kind == "invite" ? InfraText.Password_SetFromInvitation : InfraText.Password_ResetFromMail,
        });
        await db.SaveChangesAsync(ct);
        return user.Email!;
    }

    public static string Message(LinkState state) => state switch
    {
        LinkState.Expired => ExpiredLink,
        LinkState.Used => UsedLink,
        _ => InvalidLink,
    };

    private async Task<AppUser?> FindAsync(SetPasswordLink link)
    {
        if (string.IsNullOrEmpty(link.Token) || link.Kind is not ("invite" or "reset") || !Guid.TryParse(link.User, out var id)) return null;
        var user = await users.FindByIdAsync(id.ToString());
        return user is { DeactivatedAt: null } ? user : null;
    }
}
