using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Identification;

public sealed record TrialSummary(Guid Id, string Name, int Year, string MethodologyName, int MethodologyVersion, int Listed, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record SavedTrialView(TrialSummary Summary, TrialOutcome Outcome);

/// <summary>Saved trial runs of the region: for the operator and the ministry only (they are working material, not a list).</summary>
public sealed class TrialQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, SharedReads shared)
{
    /// <summary>Saved trials, newest first; of one year when <paramref name="year"/> is given.</summary>
    public Task<IReadOnlyList<TrialSummary>> AllAsync(int? year = null, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        return shared.GetAsync(scope, nameof(TrialSummary), year ?? 0, () => ReadAllAsync(scope, year, ct));
    }

    private async Task<IReadOnlyList<TrialSummary>> ReadAllAsync(UserScope scope, int? year, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var trials = db.Set<SavedTrial>().AsNoTracking().VisibleTo(scope);
        if (year is { } y) trials = trials.Where(t => t.Year == y);
        return await trials.OrderByDescending(t => t.CreatedAt)
            .Join(db.Set<MethodologyVersion>(), t => t.MethodologyId, m => m.Id,
                (t, m) => new TrialSummary(t.Id, t.Name, t.Year, m.Name, m.Version, t.Listed, t.CreatedBy, t.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>A saved trial with its outcome, or null when there is none the user may see.</summary>
    public async Task<SavedTrialView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var trial = await db.Set<SavedTrial>().AsNoTracking().VisibleTo(scope).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trial is null) return null;
        var outcome = JsonSerializer.Deserialize<TrialOutcome>(trial.OutcomeJson, SaveTrial.Json)!;
        return new SavedTrialView(new TrialSummary(trial.Id, trial.Name, trial.Year, outcome.MethodologyName, outcome.MethodologyVersion, trial.Listed,
            trial.CreatedBy, trial.CreatedAt), outcome);
    }
}
