using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web;

namespace SchoolSupport.Tests.Reliability;

/// <summary>Two portal instances with job servers on one database: a recurring job fires once, not once per instance.</summary>
public sealed class TwoInstancesTests : DatabaseFixture
{
    private readonly List<WebApplication> _apps = [];

    public override async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    private async Task StartInstanceAsync()
    {
        var app = await AppHost.BuildAsync(PortalFixture.AppArgs(ConnectionString, "--Hangfire:Server=true"));
        await app.StartAsync();
        _apps.Add(app);
    }

    [Fact]
    public async Task A_recurring_job_scheduled_on_two_instances_runs_once()
    {
        await StartInstanceAsync();
        await StartInstanceAsync();

        (await RunsOfARecurringJobRegisteredByEachAsync(_apps)).Should().Be(1);
    }

    /// <summary>
    /// Registers a recurring job due at the next whole minute (UTC) on every instance, as each would at start-up, and counts its runs
    /// until ten seconds after the first one, by when a second, duplicate run would show up.
    /// </summary>
    internal static async Task<int> RunsOfARecurringJobRegisteredByEachAsync(IReadOnlyList<WebApplication> apps)
    {
        var due = DateTime.UtcNow.AddMinutes(1);
        var cron = $"{due.Minute} {due.Hour} * * *";
        var id = "runs-once-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var app in apps)
        {
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<HousekeepingJob>(id, j => j.RunAsync(CancellationToken.None), cron);
        }

        var storage = apps[0].Services.GetRequiredService<JobStorage>();
        var deadline = new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, DateTimeKind.Utc).AddSeconds(50);
        int Runs()
        {
            var api = storage.GetMonitoringApi();
            static bool Housekeeping(Hangfire.Common.Job? job) => job?.Type == typeof(HousekeepingJob);
            return api.SucceededJobs(0, 500).Count(j => Housekeeping(j.Value.Job))
                + api.ProcessingJobs(0, 500).Count(j => Housekeeping(j.Value.Job))
                + api.EnqueuedJobs("default", 0, 500).Count(j => Housekeeping(j.Value.Job));
        }
        while (DateTime.UtcNow < deadline && Runs() == 0) await Task.Delay(1000);
        await Task.Delay(TimeSpan.FromSeconds(10));
        foreach (var app in apps) app.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(id);
        return Runs();
    }
}
