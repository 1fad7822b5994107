using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>
/// Keeps a trial run under a name: computed again on the server (never taken from the page), stored as a snapshot with its
/// comparison, so that the ministry sees exactly what was discussed beside the draft it approves.
/// </summary>
public sealed class SaveTrial(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, EngineInputs inputs, ILogger<RunTrial> log)
{
    internal static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<Guid> SaveAsync(Guid methodologyId, int year, string name, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length < 3) throw new DomainException(DomainText.Trial_NameTooShort, "name");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var outcome = await RunTrial.ComputeAsync(db, scope.RegionId, methodologyId, year, clock, inputs, log, ct);
        var trial = SavedTrial.Create(scope.RegionId, name, year, methodologyId, outcome.Listed, JsonSerializer.Serialize(outcome, Json), scope.UserName, clock.GetUtcNow());
        db.Add(trial);
        db.Record(scope, "identification.trial", "identification-trial", trial.Id,
            InfraFormat.Of(InfraText.Trial_SavedLine, trial.Name, year, outcome.MethodologyName, outcome.MethodologyVersion, outcome.Listed), clock);
        await db.SaveChangesAsync(ct);
        return trial.Id;
    }
}
