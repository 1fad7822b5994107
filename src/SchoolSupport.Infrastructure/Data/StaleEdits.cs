using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Infrastructure.Data;

public static class StaleEdits
{
    /// <summary>Saves; when another user saved the same row first (its row version moved), refuses with the user's message.</summary>
    public static Task SaveOrRefuseStaleAsync(this DbContext db, string message, CancellationToken ct = default) =>
        db.SaveChangesAsync(ct).OrRefuseStaleAsync(message);

    /// <summary>
    /// Saves; false when a unique index refused the row because the same thing was just saved (a double click, two tabs),
    /// so that the caller answers with its message instead of a database error.
    /// </summary>
    public static async Task<bool> TrySaveUniqueAsync(this DbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    /// <summary>
    /// Refuses at once when the page's row version is not the row's: the change was made on what another user has
    /// changed since, and checking the workflow against the new state would give a misleading message («Переход … невозможен»).
    /// </summary>
    public static void RefuseIfStale(uint current, uint seen, string message)
    {
        if (current != seen) throw new StaleEditException(message);
    }

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
