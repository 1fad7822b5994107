using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>Moves the agreement along proposed → signed → active → ended; the domain refuses other steps and signing without number and date.</summary>
public sealed class MovePartnership(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    /// <returns>The partnership's new row version, for the next step from the same page.</returns>
    public async Task<uint> MoveAsync(Guid id, uint version, PartnershipStatus to, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
        db.Entry(p).Property(x => x.Version).OriginalValue = version;
        var from = p.Status;
        p.MoveTo(to);
        db.Record(scope, "partnership.status", "partnership", p.Id, $"{Titles.Of(from)} → {Titles.Of(to)}", clock);
        // The teams of the schools in it report on it, their coordinators manage it: both hear of the step.
        var schools = p.Schools.Select(s => s.SchoolId).Append(p.LeaderSchoolId).ToList();
        var municipalities = await PartnershipAccess.MunicipalitiesAsync(db, p, ct);
        var users = (await Notices.InRoleAsync(db, p.RegionId, Roles.School, u => u.SchoolId != null && schools.Contains(u.SchoolId.Value), ct))
            .Concat(await Notices.InRoleAsync(db, p.RegionId, Roles.Municipal, u => u.SchoolId == null && u.MunicipalityId != null && municipalities.Contains(u.MunicipalityId.Value), ct));
        await notices.AddAsync(db, scope, p.RegionId, users, InfraFormat.Of(InfraText.Partnership_Title, p.Title), Titles.Of(to), $"/partnerships/{p.Id}", null, ct);
        await db.SaveOrRefuseStaleAsync(PartnershipAccess.StaleMessage, ct);
        await notices.MailAsync(db, ct);
        return p.Version;
    }
}
