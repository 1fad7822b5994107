using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>Publishes the approved list, supersedes the list it amends, and notifies the municipal and school users of listed schools.</summary>
public sealed class PublishList(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public Task PublishAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ListChange.RunAsync(dbs, current, clock, id, rowVersion, Roles.Ministry, (l, who) => l.Publish(who, clock.GetUtcNow()), "list.publish", ct,
            after: NotifyAndSupersedeAsync);

    private async Task NotifyAndSupersedeAsync(AppDbContext db, SupportList list, UserScope who, CancellationToken ct)
    {
        if (list.AmendsListId is { } amended)
        {
            var old = await db.Set<SupportList>().FirstAsync(l => l.Id == amended, ct);
            old.Supersede(who.UserName, clock.GetUtcNow());
        }
        await Monitoring.CloseTasksByEvidence.CloseAsync(db, list.RegionId, Domain.Monitoring.TaskEvidence.List,
            InfraFormat.Of(InfraText.Identification_PublishedVersion, list.Year, list.Year + 1, list.Version), $"/lists/{list.Id}", clock.GetUtcNow(), ct);
        var schools = list.Entries.Where(e => e.Included).Select(e => e.SchoolId).ToHashSet();
        var municipalities = await db.Schools.Where(s => schools.Contains(s.Id)).Select(s => s.MunicipalityId).Distinct().ToListAsync(ct);
        var users = await db.Users.Where(u => u.RegionId == list.RegionId && ((u.SchoolId != null && schools.Contains(u.SchoolId.Value))
                || (u.SchoolId == null && u.MunicipalityId != null && municipalities.Contains(u.MunicipalityId.Value))))
            .Select(u => new { u.Id, u.SchoolId }).ToListAsync(ct);
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), RegionId = list.RegionId, UserId = user.Id, CreatedAt = clock.GetUtcNow(),
                Title = InfraFormat.Of(InfraText.Identification_PublishedNotice, list.Year, list.Year + 1),
                Body = user.SchoolId is null ? InfraText.Identification_MunicipalSchoolsIncluded : InfraText.Identification_YourSchoolIncluded,
                Link = $"/lists/{list.Id}",
            });
        }
    }
}
