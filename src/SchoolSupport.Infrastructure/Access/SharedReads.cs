using Microsoft.Extensions.Caching.Memory;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Inbox;

namespace SchoolSupport.Infrastructure.Access;

/// <summary>
/// Views that many people open at once (a published list, the ministry's dashboard, a school programme) and few writes change:
/// kept for <see cref="Lifetime"/> under what was read, the reader's <see cref="Visibility.Key"/> and <see cref="DataGeneration"/>,
/// so that everyone who sees the same part of the region shares one read, and any write of this process is seen at once. Writes
/// of another node reach the view when the entry expires; actions on a view carry its row version, so a stale one is refused
/// with the usual message. What is cached is shared: callers must not change it.
/// </summary>
public sealed class SharedReads(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Reads every time, shares nothing: for code that measures its queries (the registry benchmark) or reads once (the demo seeder).</summary>
    public static readonly SharedReads None = new(TimeProvider.System) { Off = true };

    private bool Off { get; init; }

    // Bounded by count: a view is at most a list of a region (hundreds of kilobytes).
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 256 });

    public async Task<T> GetAsync<T>(UserScope scope, string what, object key, Func<Task<T>> read)
    {
        if (Off) return await read();
        // Read before the view: a write during the read moves the clock on, so the entry is stored under a key no one reads again.
        var entry = (what, key, Visibility.Key(scope), clock.Today(), DataGeneration.Value);
        // The read itself is what is kept, from the moment it starts: when the entry expires under load, the requests that come
        // while it is being read again wait for that one read instead of each starting its own (fifty at once for a list).
        var ours = false;
        var reading = _cache.GetOrCreate(entry, e =>
        {
            e.AbsoluteExpirationRelativeToNow = Lifetime;
            e.Size = 1;
            ours = true;
            return read();
        })!;
        try
        {
            return await reading;
        }
        catch (Exception failure)
        {
            // A failed read is not kept: the next request reads again (a newer read under the same key stays).
            if (_cache.TryGetValue(entry, out Task<T>? kept) && kept == reading) _cache.Remove(entry);
            // Another request's read was cancelled with that request: this one reads for itself, with its own cancellation.
            if (failure is OperationCanceledException && !ours) return await read();
            throw;
        }
    }

    public void Dispose() => _cache.Dispose();
}
