using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SchoolSupport.Infrastructure.Common;

/// <summary>The <c>Smtp:*</c> settings; the portal sends e-mail only when <see cref="Host"/> is set.</summary>
public sealed record SmtpOptions(string Host, int Port, string From, string? User = null, string? Password = null, bool EnableSsl = false);

/// <summary>
/// Sends e-mail through an SMTP server with MailKit. A failed send is logged and swallowed: a reminder job must not fail,
/// or be retried and notify twice in-app, because the mail server is down. <c>Smtp:EnableSsl</c> means TLS from the first
/// byte on port 465 and STARTTLS (required) on any other port; without it STARTTLS is used when the server offers it.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, ILogger<SmtpEmailSender> log) : IEmailSender
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(options.From));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = subject;
            message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(SendTimeout);
            using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
            var security = options.EnableSsl
                ? options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
                : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(options.Host, options.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            log.LogInformation("E-mail «{Subject}» sent to {To}", subject, to);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "E-mail «{Subject}» to {To} was not sent through {Host}:{Port}", subject, to, options.Host, options.Port);
        }
    }
}
