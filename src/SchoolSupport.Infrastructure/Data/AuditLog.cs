using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Data;

public static class AuditLog
{
    /// <summary>Adds an audit row to the context; it is saved with the change it describes, in the same transaction.</summary>
    public static void Record(this AppDbContext db, UserScope? who, string action, string entityType, object entityId, string details,
        TimeProvider? clock = null)
    {
        db.Audit.Add(new AuditEntry
        {
            RegionId = who?.RegionId,
            At = (clock ?? TimeProvider.System).GetUtcNow(),
            UserId = who?.UserId,
            UserName = who?.UserName ?? InfraText.Common_System,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString() ?? "",
            Details = details,
        });
    }
}
