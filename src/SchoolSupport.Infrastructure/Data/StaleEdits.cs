using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Infrastructure.Data;

public static class StaleEdits
{
    /// <summary>Saves; when another user saved the same row first (its row version moved), refuses with the user's message.</summary>
    public static async Task SaveOrRefuseStaleAsync(this DbContext db, string message, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException(message);
        }
    }
}
