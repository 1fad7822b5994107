using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Inbox;

/// <summary>
/// A clock of this process's writes: every save through <see cref="AppDbContext"/>, every committed transaction and every command
/// that returns no rows (bulk updates and deletes, SQL written by hand) moves it on.
/// Figures cached under its value (the menu's inbox count) are never served after a write of this process; writes of other
/// nodes reach them when the entry expires.
/// </summary>
public static class DataGeneration
{
    private static long s_value;

    public static long Value => Volatile.Read(ref s_value);

    public static void Advance() => Interlocked.Increment(ref s_value);

    /// <summary>Added to every <see cref="AppDbContext"/> in <see cref="DependencyInjection.ConfigureDb"/>.</summary>
    public static readonly IInterceptor[] Interceptors = [new OnSave(), new OnCommit(), new OnNonQuery()];

    private sealed class OnSave : SaveChangesInterceptor
    {
        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Advance();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        {
            Advance();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class OnNonQuery : DbCommandInterceptor
    {
        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Advance();
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
        {
            Advance();
            return ValueTask.FromResult(result);
        }
    }

    private sealed class OnCommit : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Advance();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Advance();
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The number beside «Главная» in the menu, which every signed-in page shows: the inbox is computed with several queries, so
/// the count is kept per user for <see cref="Lifetime"/> and dropped by any write of this process (<see cref="DataGeneration"/>),
/// so that a workflow step shows in the menu at once.
/// </summary>
public sealed class InboxCount(InboxQueries inbox, ICurrentScope current, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        // Read before counting: a write during the count moves the clock on, so the entry is stored under a key no one reads again.
        var key = (nameof(InboxCount), scope.UserId, scope.RegionId, scope.MunicipalityId, scope.SchoolId, string.Join(",", scope.Roles.Order()),
            DataGeneration.Value);
        if (cache.TryGetValue(key, out int count)) return count;
        count = await inbox.CountAsync(ct);
        cache.Set(key, count, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return count;
    }
}
