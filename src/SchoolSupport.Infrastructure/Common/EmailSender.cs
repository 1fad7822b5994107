namespace SchoolSupport.Infrastructure.Common;

/// <summary>Sends e-mail reminders. Without <c>Smtp:Host</c> the portal uses <see cref="NoEmailSender"/>: in-app notifications only.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

public sealed class NoEmailSender : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct) => Task.CompletedTask;
}
