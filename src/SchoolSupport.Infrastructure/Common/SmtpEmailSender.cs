using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Logging;

namespace SchoolSupport.Infrastructure.Common;

/// <summary>The <c>Smtp:*</c> settings; the portal sends e-mail only when <see cref="Host"/> is set.</summary>
public sealed record SmtpOptions(string Host, int Port, string From, string? User = null, string? Password = null, bool EnableSsl = false);

/// <summary>
/// Sends reminders through an SMTP server. A failed send is logged and swallowed: a reminder job must not fail,
/// or be retried and notify twice in-app, because the mail server is down.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, ILogger<SmtpEmailSender> log) : IEmailSender
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        try
        {
            using var message = new MailMessage(options.From, to, subject, body);
            message.SubjectEncoding = System.Text.Encoding.UTF8;
            message.BodyEncoding = System.Text.Encoding.UTF8;
            using var client = new SmtpClient(options.Host, options.Port)
            {
                EnableSsl = options.EnableSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = (int)SendTimeout.TotalMilliseconds,
            };
            if (!string.IsNullOrEmpty(options.User)) client.Credentials = new NetworkCredential(options.User, options.Password);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(SendTimeout);
            await client.SendMailAsync(message, timeout.Token);
            log.LogInformation("E-mail «{Subject}» sent to {To}", subject, to);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "E-mail «{Subject}» to {To} was not sent through {Host}:{Port}", subject, to, options.Host, options.Port);
        }
    }
}
