using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>
/// Where the portal is reached from outside, for links in e-mails: <c>Portal:PublicUrl</c>, or else the address the server
/// listens on (fine on a developer's machine and in tests, wrong behind a proxy: set the setting there).
/// </summary>
public sealed class PortalAddress(Func<Uri> baseUri)
{
    public Uri Base => baseUri();

    public Uri Link(string pathAndQuery) => new(Base, pathAndQuery.TrimStart('/'));
}

/// <summary>The account e-mails: an invitation and a password reset, each with a one-time set-password link.</summary>
public sealed class AccountMail(UserManager<AppUser> users, IEmailSender email, PortalAddress portal, AccountLinkOptions options)
{
    public const string SetPasswordPath = "/account/set-password";

    /// <summary>A fresh one-time link for the purpose (<see cref="AccountLinkTokens.Invitation"/> or <see cref="AccountLinkTokens.Reset"/>).</summary>
    public async Task<Uri> LinkAsync(AppUser user, string purpose)
    {
        var token = await users.GenerateUserTokenAsync(user, AccountLinkTokens.ProviderName, purpose);
        var kind = purpose == AccountLinkTokens.Invitation ? "invite" : "reset";
        return portal.Link($"{SetPasswordPath.TrimStart('/')}?user={user.Id:N}&kind={kind}&token={Uri.EscapeDataString(token)}");
    }

    public async Task<Uri> SendInvitationAsync(AppUser user, string invitedBy, CancellationToken ct)
    {
        var link = await LinkAsync(user, AccountLinkTokens.Invitation);
        var days = options.InvitationDays.ToString(CultureInfo.GetCultureInfo("ru-RU"));
        await email.SendAsync(user.Email!, InfraText.Mail_InvitationSubject,
            InfraFormat.Of(InfraText.Mail_InvitationBody, user.FullName, invitedBy, days, link, user.Email), ct);
        return link;
    }

    public async Task SendResetAsync(AppUser user, CancellationToken ct)
    {
        var link = await LinkAsync(user, AccountLinkTokens.Reset);
        await email.SendAsync(user.Email!, InfraText.Mail_ResetSubject,
            InfraFormat.Of(InfraText.Mail_ResetBody, user.FullName, options.ResetHours, link), ct);
    }
}
