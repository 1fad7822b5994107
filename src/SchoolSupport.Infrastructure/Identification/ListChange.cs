using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>
/// What every step of the list's workflow shares: load the list, refuse a stale page, let the entity change itself,
/// record the audit and save — or refuse if someone saved first.
/// </summary>
internal static class ListChange
{
    public static string StaleMessage => InfraText.Identification_ListStale;

    public static async Task RunAsync(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock,
        Guid id, uint rowVersion, string role, Action<SupportList, string> change, string action, CancellationToken ct,
        string details = "", Func<AppDbContext, SupportList, UserScope, CancellationToken, Task>? after = null, Notices? notices = null)
    {
        var scope = current.RequireRole(role);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Set<SupportList>().Include(l => l.Entries).FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new ScopeException(InfraText.Identification_ListNotFound);
        StaleEdits.RefuseIfStale(list.RowVersion, rowVersion, StaleMessage);
        db.Entry(list).Property(l => l.RowVersion).OriginalValue = rowVersion;
        change(list, scope.UserName);
        db.Entry(list).Property(l => l.ComputedAt).IsModified = true; // every change bumps the list's row version
        if (after is not null) await after(db, list, scope, ct);
        db.Record(scope, action, "support-list", list.Id, string.IsNullOrEmpty(details) ? InfraFormat.Of(InfraText.Identification_ListVersionLine, list.Year, list.Version, SupportList.StatusTitle(list.Status)) : details, clock);
        await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
        if (notices is not null) await notices.MailAsync(db, ct);
    }

    /// <summary>The list as the notices name it.</summary>
    public static string Subject(SupportList list) => InfraFormat.Of(InfraText.Identification_ListTitle, list.Year, list.Year + 1, list.Version);
}
