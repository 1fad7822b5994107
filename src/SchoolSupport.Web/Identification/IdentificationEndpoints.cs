using Hangfire;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Identification;

public static class IdentificationEndpoints
{
    public static void MapIdentificationEndpoints(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/lists").RequireAuthorization(Policies.SchoolData);
        lists.MapGet("/{id:guid}/list.pdf", async (Guid id, ListExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(id, ct), FileResults.Pdf, Ui.File_List + ".pdf"));
        lists.MapGet("/{id:guid}/list.xlsx", async (Guid id, ListExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(id, ct), FileResults.Xlsx, Ui.File_List + ".xlsx"));

        var trials = app.MapGroup("/identification/trials").RequireAuthorization(Policies.Workbench);
        trials.MapGet("/{id:guid}/trial.pdf", async (Guid id, TrialExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(id, ct), FileResults.Pdf, Ui.File_Trial + ".pdf"));
        trials.MapGet("/{id:guid}/trial.xlsx", async (Guid id, TrialExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(id, ct), FileResults.Xlsx, Ui.File_Trial + ".xlsx"));
    }
}

/// <summary>"Run now": records a run for the progress bar and queues the job.</summary>
public sealed class IdentificationLauncher(IBackgroundJobClient jobs, IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> StartAsync(int year, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Domain.Common.Roles.Operator);
        if (!Domain.Common.SchoolYears.IsAllowed(year, clock)) throw new Domain.Common.DomainException(string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.Identification_YearOutOfRange, year));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var run = new IdentificationRun { Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = year, StartedAt = clock.GetUtcNow(), StartedBy = scope.UserName, Progress = 0.01 };
        db.Add(run);
        db.Record(scope, "identification.run", "identification", run.Id, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.Identification_RunAudit, year), clock);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<RunIdentification>(j => j.RunAsync(scope.RegionId, year, scope.UserName, run.Id, CancellationToken.None));
        return run.Id;
    }

    public async Task<IdentificationRun?> LatestAsync(CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<IdentificationRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
    }
}
