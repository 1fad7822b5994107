using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

public sealed record PublicListRow(string Municipality, string School, string Status);

public sealed record PublicListView(string Region, string Order, IReadOnlyList<PublicListRow> Rows);

/// <summary>
/// The published list is public: no sign-in, so no tenant; the region is found by its code. Only the latest published
/// version of the year, only its included schools and only what the order says.
/// </summary>
public sealed class PublicLists(SystemDb system)
{
    public async Task<PublicListView?> FindAsync(string regionCode, int year, CancellationToken ct = default)
    {
        await using var db = system.Create();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode, ct);
        if (region is null) return null;
        var list = await db.Set<SupportList>().AsNoTracking().Where(l => l.RegionId == region.Id && l.Year == year && l.Status == ListStatus.Published)
            .OrderByDescending(l => l.Version).FirstOrDefaultAsync(ct);
        if (list is null) return null;
        var rows = await db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == list.Id && e.Included)
            .Join(db.Schools, e => e.SchoolId, s => s.Id, (e, s) => new { Municipality = s.Municipality!.Name, s.ShortName, e.LowResults, e.Disadvantaged, e.Watch })
            .OrderBy(x => x.Municipality).ThenBy(x => x.ShortName).ToListAsync(ct);
        return new PublicListView(region.Name, InfraFormat.Of(InfraText.Identification_OrderLine, list.OrderNumber, list.OrderDate),
            [.. rows.Select(r => new PublicListRow(r.Municipality, r.ShortName, Titles.ListStatus(r.LowResults, r.Disadvantaged, true, r.Watch)))]);
    }
}
