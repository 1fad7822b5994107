namespace SchoolSupport.Domain.Common;

/// <summary>An in-app message to one user.</summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    /// <summary>Waits to be e-mailed: at once for those who chose it, otherwise in the daily digest.</summary>
    public bool MailPending { get; set; }
}

/// <summary>How a user wants the e-mail copies of notices: each at once, or one summary a day.</summary>
public enum NoticeDelivery
{
    Immediate = 0,
    DailyDigest = 1,
}
