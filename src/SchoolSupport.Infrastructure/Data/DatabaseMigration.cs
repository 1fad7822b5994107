using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SchoolSupport.Infrastructure.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Applies the migrations. The history table is made first: on an empty database the Npgsql provider would otherwise
    /// read it before it exists and log an error that is none (npgsql/efcore.pg#3407), which misleads whoever reads the log.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        await db.Database.MigrateAsync(ct);
    }
}
