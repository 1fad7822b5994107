using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Infrastructure.Data;

public static class StaleEdits
{
    /// <summary>Saves; when another user saved the same row first (its row version moved), refuses with the user's message.</summary>
    public static Task SaveOrRefuseStaleAsync(this DbContext db, string message, CancellationToken ct = default) =>
        db.SaveChangesAsync(ct).OrRefuseStaleAsync(message);

    /// <summary>As <see cref="SaveOrRefuseStaleAsync"/> for a save made inside another call, such as a document upload that saves the caller's rows with it.</summary>
    public static async Task<T> OrRefuseStaleAsync<T>(this Task<T> saving, string message)
    {
        ArgumentNullException.ThrowIfNull(saving);
        try
        {
            return await saving;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException(message);
        }
    }
}
