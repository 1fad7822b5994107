using Hangfire;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>"Run now": the operator records a run for the progress bar and queues the identification job.</summary>
public sealed class StartIdentificationRun(IBackgroundJobClient jobs, IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> StartAsync(int year, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        if (!SchoolYears.IsAllowed(year, clock)) throw new DomainException(InfraFormat.Of(InfraText.Identification_YearOutOfRange, year));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = new IdentificationRun { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, StartedAt = clock.GetUtcNow(), StartedBy = scope.UserName };
        run.Start(0.01);
        db.Add(run);
        db.Record(scope, "identification.run", "identification", run.Id, InfraFormat.Of(InfraText.Identification_RunAudit, year), clock);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<RunIdentification>(j => j.RunAsync(scope.RegionId, year, scope.UserName, run.Id, CancellationToken.None));
        return run.Id;
    }
}
