using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>A periodic report by the managers or by a participating school's team, while the agreement is in force.</summary>
public sealed class AddPartnershipReport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task AddAsync(Guid id, DateOnly? date, string text, CancellationToken ct = default)
    {
        if (date is null) throw new DomainException(InfraText.Partnership_ReportDateRequired);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException(InfraText.Partnership_ReportTextRequired);
        if (text.Length > 8000) throw new DomainException(InfraText.Partnership_ReportTooLong);
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.Visible(db, scope).AsNoTracking().Include(x => x.Schools).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ScopeException(InfraText.Partnership_NotFound);
        var canManage = PartnershipAccess.CanManage(scope, await PartnershipAccess.MunicipalitiesAsync(db, p, ct));
        if (!PartnershipAccess.CanReport(scope, p, canManage)) throw new ScopeException(InfraText.Partnership_ReportOnlyMembers);
        db.PartnershipReports.Add(new PartnershipReport
        {
            Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = id, Date = date.Value, Text = text.Trim(), AuthorName = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        });
        db.Record(scope, "partnership.report", "partnership", id, InfraFormat.Of(InfraText.Partnership_ReportOf, date), clock);
        await db.SaveChangesAsync(ct);
    }
}
