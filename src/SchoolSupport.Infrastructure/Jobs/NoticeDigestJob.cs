using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Jobs;

/// <summary>
/// Daily: every user with notices still waiting for e-mail (those who chose the daily digest, and immediate ones whose
/// sending failed) gets one letter listing them; a notice is mailed once.
/// </summary>
public sealed class NoticeDigestJob(SystemDb systemDb, IEmailSender email, ILogger<NoticeDigestJob> log)
{
    public const string RecurringId = "notice-digest";

    /// <returns>The number of letters sent.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var pending = await db.Notifications.Where(n => n.MailPending)
            .Join(db.Users.Where(u => u.Email != null), n => n.UserId, u => u.Id, (n, u) => new { n.Id, n.UserId, To = u.Email!, n.Title, n.Body, n.Link, n.CreatedAt })
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var sent = 0;
        foreach (var letter in pending.GroupBy(n => (n.UserId, n.To)))
        {
            var body = string.Join("\n\n", letter.Select(n => InfraFormat.Of(InfraText.Job_DigestLine, n.CreatedAt.ToLocalTime(), n.Title, n.Body, n.Link)));
            try
            {
                await email.SendAsync(letter.Key.To, InfraFormat.Of(InfraText.Job_DigestSubject, letter.Count()), body, ct);
                var ids = letter.Select(n => n.Id).ToList();
                await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailPending, false), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Digest to {To} was not sent", letter.Key.To);
            }
        }
        log.LogInformation("Sent {Count} notice digests", sent);
        return sent;
    }
}
