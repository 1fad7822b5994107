using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Common;

/// <summary>In-app notifications of the signed-in user.</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<IReadOnlyList<Notification>> MineAsync(bool unreadOnly, CancellationToken ct = default)
    {
        var me = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.VisibleTo(me).Where(n => !unreadOnly || n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(200).AsNoTracking().ToListAsync(ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var me = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Notifications.VisibleTo(me).Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
    }
}
