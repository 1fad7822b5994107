using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolSupport.Infrastructure.Identity;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>
/// «Забыли пароль?»: a reset link by e-mail. The answer is the same whether the account exists or not, and the mail is sent
/// after the answer, outside the request, so neither the words nor the time tell which e-mails exist.
/// </summary>
public sealed class ForgotPassword(UserManager<AppUser> users, IServiceScopeFactory scopes, ILogger<ForgotPassword> log)
{
    public async Task RequestAsync(string? email)
    {
        var address = (email ?? "").Trim();
        if (!InviteUser.IsEmail(address)) return;
        var user = await users.FindByEmailAsync(address);
        if (user is not { DeactivatedAt: null }) return;
        var userId = user.Id;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var scopedUsers = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                if (await scopedUsers.FindByIdAsync(userId.ToString()) is { } found)
                    await scope.ServiceProvider.GetRequiredService<AccountMail>().SendResetAsync(found, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "The password reset mail for user {UserId} was not sent", userId);
            }
        });
    }
}
