using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Monitoring;

/// <summary>The schools the monitoring covers: those of the latest published list, or every school while no list is published.</summary>
/// <param name="ListYear">The year of the list used, or null when every school of the region is covered.</param>
/// <param name="Watch">The schools on watch («на контроле») in that list: they get the preventive tasks; none without a list.</param>
public sealed record CoveredSchools(int? ListYear, IReadOnlyList<(Guid SchoolId, Guid MunicipalityId)> Schools,
    IReadOnlyList<(Guid SchoolId, Guid MunicipalityId)>? Watch = null)
{
    public IReadOnlyList<(Guid SchoolId, Guid MunicipalityId)> WatchSchools { get; } = Watch ?? [];
    public IReadOnlySet<Guid> SchoolIds { get; } = Schools.Select(s => s.SchoolId).ToHashSet();
    public IReadOnlySet<Guid> MunicipalityIds { get; } = Schools.Select(s => s.MunicipalityId).ToHashSet();

    public string Basis => ListYear is { } year
        ? InfraFormat.Of(InfraText.Monitoring_CoverageList, year, year + 1, Schools.Count)
        : InfraFormat.Of(InfraText.Monitoring_CoverageAllSchools, Schools.Count);
}

public static class MonitoringCoverage
{
    /// <summary>The covered schools of a region; <paramref name="upToYear"/> limits the list to those of that year or earlier.</summary>
    public static async Task<CoveredSchools> CoveredAsync(AppDbContext db, Guid regionId, int? upToYear, CancellationToken ct)
    {
        var list = await db.Set<SupportList>().AsNoTracking()
            .Where(l => l.RegionId == regionId && l.Status == ListStatus.Published && (upToYear == null || l.Year <= upToYear))
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Version)
            .Select(l => new { l.Id, l.Year }).FirstOrDefaultAsync(ct);
        var schools = db.Schools.AsNoTracking().Where(s => s.RegionId == regionId);
        if (list is not null)
        {
            var listed = db.Set<SupportListEntry>().Where(e => e.ListId == list.Id && e.Included).Select(e => e.SchoolId);
            schools = schools.Where(s => listed.Contains(s.Id));
        }
        var rows = await schools.OrderBy(s => s.Code).Select(s => new { s.Id, s.MunicipalityId }).ToListAsync(ct);
        List<(Guid SchoolId, Guid MunicipalityId)> watch = [];
        if (list is not null)
            watch = (await db.Schools.AsNoTracking().Where(s => s.RegionId == regionId)
                .Where(s => db.Set<SupportListEntry>().Any(e => e.ListId == list.Id && e.SchoolId == s.Id && e.Watch && !e.Included))
                .OrderBy(s => s.Code).Select(s => new { s.Id, s.MunicipalityId }).ToListAsync(ct)).Select(r => (r.Id, r.MunicipalityId)).ToList();
        return new CoveredSchools(list?.Year, rows.Select(r => (r.Id, r.MunicipalityId)).ToList(), watch);
    }

    /// <summary>Who completes a task: the school team its school's, the coordinator its municipality's, an operator the region's.</summary>
    public static bool CanComplete(MonitoringTask task, UserScope scope) => task.Actor switch
    {
        MonitoringActor.School => scope.IsIn(Roles.School) && scope.SchoolId == task.SchoolId,
        MonitoringActor.Municipal => scope.IsIn(Roles.Municipal) && scope.SchoolId is null && scope.MunicipalityId == task.MunicipalityId,
        MonitoringActor.WatchSchool => (scope.IsIn(Roles.School) && scope.SchoolId == task.SchoolId)
            || (scope.IsIn(Roles.Municipal) && scope.SchoolId is null && scope.MunicipalityId == task.MunicipalityId),
        _ => scope.IsIn(Roles.Operator),
    };
}
