using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The region's identification runs, for the progress bar of the identification page.</summary>
public sealed class IdentificationRunQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task<IdentificationRun?> LatestAsync(CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<IdentificationRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
    }
}
