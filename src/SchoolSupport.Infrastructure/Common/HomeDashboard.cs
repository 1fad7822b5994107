using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Common;

public sealed record HomeFigures(string RegionName, string ScopeName, int Schools, int Municipalities, int ResultRows, int UnreadNotifications);

/// <summary>The first figures every role sees on the home page, counted within the user's scope.</summary>
public sealed class HomeDashboard(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<HomeFigures> LoadAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.Name).FirstAsync(ct);
        var schools = db.Schools.VisibleTo(scope, db);
        var scopeName = scope.SchoolId is { } sid
            ? await db.Schools.Where(s => s.Id == sid).Select(s => s.ShortName).FirstAsync(ct)
            : scope.MunicipalityId is { } mid
                ? await db.Municipalities.Where(m => m.Id == mid).Select(m => m.Name).FirstAsync(ct)
                : region;
        return new HomeFigures(region, scopeName,
            await schools.CountAsync(ct),
            await schools.Select(s => s.MunicipalityId).Distinct().CountAsync(ct),
            await db.Results.VisibleTo(scope, db).CountAsync(ct),
            await db.Notifications.VisibleTo(scope).CountAsync(n => n.ReadAt == null, ct));
    }
}
