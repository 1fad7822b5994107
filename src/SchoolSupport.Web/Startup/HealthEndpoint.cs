using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SchoolSupport.Web.Startup;

/// <summary>
/// <c>GET /health</c>: the registered checks (database, Hangfire storage) run at most once a second, one run at a time;
/// concurrent requests wait on the same run. A burst of probes on a cold start then costs one round of checks
/// instead of a pool connection and a blocked thread each (200 at once gave 503s after 15–35 s).
/// </summary>
public sealed class SharedHealthReport(HealthCheckService checks, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private Task<HealthReport>? _run;
    private DateTimeOffset _startedAt;

    public Task<HealthReport> GetAsync()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_run is null || (_run.IsCompleted && now - _startedAt >= Fresh))
            {
                _startedAt = now;
                _run = checks.CheckHealthAsync(CancellationToken.None);
            }
            return _run;
        }
    }
}

public static class HealthEndpoint
{
    public static IServiceCollection AddSharedHealthReport(this IServiceCollection services) => services.AddSingleton<SharedHealthReport>();

    /// <summary>The same answer as the health checks middleware: the status as text, 503 when unhealthy, never cached.</summary>
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (SharedHealthReport health, HttpContext context) =>
        {
            var report = await health.GetAsync();
            context.Response.Headers.CacheControl = "no-store, no-cache";
            return Results.Text(report.Status.ToString(), "text/plain",
                statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).AllowAnonymous();
}
