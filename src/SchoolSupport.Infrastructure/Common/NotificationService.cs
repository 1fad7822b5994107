using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

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

    /// <summary>How the signed-in user gets the e-mail copies of notices.</summary>
    public async Task<NoticeDelivery> DeliveryAsync(CancellationToken ct = default)
    {
        var me = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == me.UserId).Select(u => u.NoticeDelivery).FirstAsync(ct);
    }

    /// <summary>The user's choice: each notice by e-mail at once, or one daily summary.</summary>
    public async Task SetDeliveryAsync(NoticeDelivery delivery, CancellationToken ct = default)
    {
        var me = current.Require();
        if (!Enum.IsDefined(delivery)) throw new DomainException(InfraText.Notice_DeliveryRequired);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == me.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.NoticeDelivery, delivery), ct);
    }

    public async Task MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var me = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Notifications.VisibleTo(me).Where(n => n.Id == id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
    }
}
