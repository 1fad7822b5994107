namespace SchoolSupport.Domain.Common;

/// <summary>An append-only record of who did what and when (approvals, role changes, imports).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid? RegionId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Details { get; set; } = "";
}
