using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Startup;

public static class HangfireSetup
{
    public static void MapJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new OperatorsOnly()],
            DashboardTitle = Ui.Startup_JobsTitle,
            AppPath = "/",
        });
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<HousekeepingJob>(HousekeepingJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        // Identification, monitoring and overdue marks: per region, from the database (a region created later registers its own).
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<RegionJobs>().RegisterAllAsync().GetAwaiter().GetResult();
        recurring.AddOrUpdate<NoticeDigestJob>(NoticeDigestJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Daily(6));
    }

    /// <summary>The dashboard is for Admin and Operator only; others get 403 (an anonymous user is sent to the login page).</summary>
    private sealed class OperatorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);
        }
    }
}

/// <summary>Healthy when Hangfire's storage answers.</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"servers: {servers}"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage is unreachable", e));
        }
    }
}
