using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Common;

/// <summary>
/// Tells whoever acts next about a workflow step: an in-app notification naming the object, the step, who took it (full
/// name) and a link, and an e-mail copy — at once, or in the daily digest (<see cref="NoticeDigestJob"/>) if the user
/// chose it. A use case calls <see cref="AddAsync"/> before it saves and <see cref="MailAsync"/> after.
/// </summary>
public sealed class Notices(IEmailSender email, TimeProvider clock, ILogger<Notices> log)
{
    private readonly List<Guid> _added = [];

    /// <summary>False for the demo seeder: its notices are in-app only and never e-mailed.</summary>
    public bool Mail { get; init; } = true;

    /// <summary>Notices in-app only, for seeding.</summary>
    public static Notices InAppOnly(TimeProvider clock) =>
        new(new NoEmailSender(), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Notices>.Instance) { Mail = false };

    /// <summary>The users of a region with a role, optionally narrowed (e.g. to one municipality).</summary>
    public static async Task<List<Guid>> InRoleAsync(AppDbContext db, Guid regionId, string role, Expression<Func<AppUser, bool>>? where, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var users = db.Users.Where(u => u.RegionId == regionId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        if (where is not null) users = users.Where(where);
        return await users.Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>Adds the notice for each recipient but the actor; nothing is written until the caller saves.</summary>
    public async Task AddAsync(AppDbContext db, UserScope actor, Guid regionId, IEnumerable<Guid> recipients, string subject, string action,
        string link, string? comment, CancellationToken ct)
    {
        var who = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var body = $"{action} — {(string.IsNullOrWhiteSpace(who) ? InfraText.Notice_PortalUser : who)}."
                   + (string.IsNullOrWhiteSpace(comment) ? "" : InfraFormat.Of(InfraText.Notice_Comment, comment.Trim()));
        foreach (var userId in recipients.Distinct().Where(u => u != actor.UserId))
        {
            var id = Guid.NewGuid();
            db.Notifications.Add(new Notification
            {
                Id = id, RegionId = regionId, UserId = userId, CreatedAt = clock.GetUtcNow(), Title = Trim($"{subject}: {action.ToLowerInvariant()}", 300),
                Body = body, Link = link, MailPending = Mail,
            });
            _added.Add(id);
        }
    }

    /// <summary>After the save: e-mails the notices to those who want them at once; the rest wait for the digest.</summary>
    public async Task MailAsync(AppDbContext db, CancellationToken ct)
    {
        if (_added.Count == 0) return;
        var ids = _added.ToList();
        _added.Clear();
        var mails = await db.Notifications.Where(n => ids.Contains(n.Id) && n.MailPending)
            .Join(db.Users.Where(u => u.NoticeDelivery == NoticeDelivery.Immediate && u.Email != null), n => n.UserId, u => u.Id,
                (n, u) => new { n.Id, To = u.Email!, n.Title, n.Body, n.Link })
            .ToListAsync(ct);
        foreach (var mail in mails)
        {
            try
            {
                await email.SendAsync(mail.To, mail.Title, InfraFormat.Of(InfraText.Notice_Body, mail.Body, mail.Link), ct);
                await db.Notifications.Where(n => n.Id == mail.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailPending, false), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The notice stays pending: the daily digest tries again.
                log.LogWarning(e, "Notice to {To} was not sent", mail.To);
            }
        }
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
