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

    private async Task<WebApplication> StartInstanceAsync()
    {
        var app = await AppHost.BuildAsync(PortalFixture.AppArgs(ConnectionString, "--Hangfire:Server=true"));
        await app.StartAsync();
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task A_recurring_job_scheduled_on_two_instances_runs_once()
    {
        var first = await StartInstanceAsync();
        var second = await StartInstanceAsync();

        // Due at the next whole minute (UTC), registered by both instances as each would at start-up.
        var due = DateTime.UtcNow.AddMinutes(1);
        var cron = $"{due.Minute} {due.Hour} * * *";
        foreach (var app in _apps)
        {
            app.Services.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdate<HousekeepingJob>("two-instances-test", j => j.RunAsync(CancellationToken.None), cron);
        }

        var storage = first.Services.GetRequiredService<JobStorage>();
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
        await Task.Delay(TimeSpan.FromSeconds(10)); // a second, duplicate run would show up by now
        Runs().Should().Be(1);
        _ = second;
    }
}
