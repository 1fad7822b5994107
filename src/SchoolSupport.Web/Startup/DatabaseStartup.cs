using Microsoft.EntityFrameworkCore;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;

namespace SchoolSupport.Web.Startup;

/// <summary>
/// Where the database comes from: the configured connection string, or else an embedded private cluster
/// under the data folder that lives and dies with the app.
/// </summary>
public static class DatabaseStartup
{
    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var (connectionString, cluster) = await ConnectAsync(builder);
        if (cluster is null) return connectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        // The embedded default is the demo: seed unless told otherwise.
        builder.Configuration["DemoData:Seed"] ??= "true";
        return connectionString;
    }

    /// <summary>
    /// The configured connection string, or else the embedded cluster's (the caller stops it). A command run beside the portal
    /// asks to attach: it then uses the cluster the portal runs, which a start would stop, and its stop leaves that one running.
    /// </summary>
    public static async Task<(string ConnectionString, EmbeddedPostgres? Cluster)> ConnectAsync(WebApplicationBuilder builder, bool attachToRunning = false)
    {
        var configured = builder.Configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        var folder = Path.Combine(DataFolder(builder), "pg");
        var cluster = attachToRunning ? await EmbeddedPostgres.AttachOrStartAsync(folder) : await EmbeddedPostgres.StartAsync(folder);
        await cluster.CreateDatabaseAsync("schoolsupport");
        var connectionString = cluster.ConnectionString("schoolsupport");
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        Serilog.Log.Information("Embedded PostgreSQL in {DataDir} on port {Port}", cluster.DataDirectory, cluster.Port);
        return (connectionString, cluster);
    }

    /// <summary>The embedded cluster, keys and (by default) uploaded files live here.</summary>
    public static string DataFolder(WebApplicationBuilder builder) =>
        builder.Configuration["DataFolder"] ?? Path.Combine(builder.Environment.ContentRootPath, ".data");

    public static string FilesFolder(WebApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Files:Folder"] ?? Path.Combine(DataFolder(builder), "files"));

    /// <summary>Applies migrations, creates roles and, when configured, the demo region with its users.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<SystemDb>().Create())
        {
            await DatabaseMigration.MigrateAsync(db);
        }
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        if (app.Configuration.GetValue<bool>("DemoData:Seed"))
        {
            // By default the results run up to the last completed school year, and its list is the one in force.
            var year = app.Configuration.GetValue("DemoData:LastYear", seeder.LastResultYear());
            var national = string.Equals(app.Configuration["DemoData:Scale"], "national", StringComparison.OrdinalIgnoreCase);
            var logins = await seeder.SeedDemoAsync(year, national);
            foreach (var login in logins)
            {
                Serilog.Log.Information("Demo login: {Email} / {Password} ({Role}, {Scope})", login.Email, DemoSeeder.DemoPassword, login.Role, login.Scope);
            }
        }
    }
}

/// <summary>Stops the embedded cluster when the app stops.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}
