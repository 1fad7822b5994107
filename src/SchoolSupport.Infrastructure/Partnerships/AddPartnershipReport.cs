using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Partnerships;

/// <summary>A periodic report by the managers or by a participating school's team, while the agreement is in force.</summary>
public sealed class AddPartnershipReport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task AddAsync(Guid id, DateOnly? date, string text, CancellationToken ct = default)
    {
        if (date is null) throw new DomainException("Укажите дату отчёта.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Введите текст отчёта.");
        if (text.Length > 8000) throw new DomainException("Отчёт не длиннее 8000 символов.");
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await PartnershipAccess.Visible(db, scope).AsNoTracking().Include(x => x.Schools).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ScopeException("Партнёрство не найдено.");
        var canManage = PartnershipAccess.CanManage(scope, await PartnershipAccess.MunicipalitiesAsync(db, p, ct));
        if (!PartnershipAccess.CanReport(scope, p, canManage)) throw new ScopeException("Отчёт добавляют участники действующего партнёрства.");
        db.PartnershipReports.Add(new PartnershipReport
        {
            Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = id, Date = date.Value, Text = text.Trim(), AuthorName = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        });
        db.Record(scope, "partnership.report", "partnership", id, $"отчёт за {date:dd.MM.yyyy}", clock);
        await db.SaveChangesAsync(ct);
    }
}
