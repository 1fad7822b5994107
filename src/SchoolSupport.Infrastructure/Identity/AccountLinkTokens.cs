using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace SchoolSupport.Infrastructure.Identity;

/// <summary>
/// Lifetimes of the links in account e-mails: <c>Accounts:InvitationDays</c> (7) for an invitation,
/// <c>Accounts:ResetHours</c> (24) for «Забыли пароль?».
/// </summary>
public sealed record AccountLinkOptions(int InvitationDays = 7, int ResetHours = 24)
{
    public TimeSpan Lifetime(string purpose) =>
        purpose == AccountLinkTokens.Invitation ? TimeSpan.FromDays(InvitationDays) : TimeSpan.FromHours(ResetHours);
}

public enum LinkState
{
    Valid,
    Invalid,
    Expired,
    Used,
}

/// <summary>
/// The Identity token provider of the set-password links (registered as <see cref="ProviderName"/>). A token carries when it was
/// issued, the user, the purpose and the user's security stamp, protected by the data-protection key ring. Setting the password,
/// re-sending an invitation and deactivating change the stamp, so a link works once and an older link dies with a newer one.
/// </summary>
public sealed class AccountLinkTokens(IDataProtectionProvider protection, AccountLinkOptions options, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "AccountLink";
    public const string Invitation = "Invitation";
    public const string Reset = "ResetPassword";

    private readonly IDataProtector _protector = protection.CreateProtector("SchoolSupport.AccountLinks.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(user.Id.ToString());
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return Base64Url.EncodeToString(_protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user) =>
        await CheckAsync(purpose, token, manager, user) == LinkState.Valid;

    /// <summary>Why a link does or does not work: forged or garbled, issued for someone else, replaced or used, or expired.</summary>
    public async Task<LinkState> CheckAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        long ticks;
        string userId, tokenPurpose, stamp;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_protector.Unprotect(Base64Url.DecodeFromChars(token))));
            ticks = reader.ReadInt64();
            userId = reader.ReadString();
            tokenPurpose = reader.ReadString();
            stamp = reader.ReadString();
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or IOException or ArgumentException)
        {
            return LinkState.Invalid;
        }
        if (userId != user.Id.ToString() || tokenPurpose != purpose) return LinkState.Invalid;
        if (stamp != (await manager.GetSecurityStampAsync(user) ?? "")) return LinkState.Used;
        return clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > options.Lifetime(purpose) ? LinkState.Expired : LinkState.Valid;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
