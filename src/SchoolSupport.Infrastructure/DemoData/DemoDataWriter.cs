using Microsoft.EntityFrameworkCore;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;

namespace SchoolSupport.Infrastructure.DemoData;

public static class DemoDataWriter
{
    /// <summary>Writes a generated region in one transaction.</summary>
    public static async Task WriteAsync(AppDbContext db, DemoRegion demo, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Regions.Add(demo.Region);
            db.Municipalities.AddRange(demo.Municipalities);
            db.Schools.AddRange(demo.Schools);
            db.SchoolProfiles.AddRange(demo.Profiles);
            await db.SaveChangesAsync(ct);
            // Each of the region's years in a partition of its own, as an import of results leaves it.
            await ResultPartitions.EnsureAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(),
                demo.Results.Select(r => (r.RegionId, r.Year)), ct);
            await BulkCopy.ResultsAsync(db, demo.Results, ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        });
    }
}
