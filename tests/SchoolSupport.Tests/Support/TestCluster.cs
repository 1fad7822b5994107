using Microsoft.EntityFrameworkCore;
using SchoolSupport.Infrastructure;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Tests.Support;

/// <summary>
/// One private PostgreSQL cluster for the whole test run, started with the same helper as the app's embedded default.
/// A template database is migrated once; each test class copies it (fast) into a database of its own.
/// </summary>
public static class TestCluster
{
    private const string Template = "ss_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EmbeddedPostgres? _cluster;

    public static async Task<EmbeddedPostgres> GetAsync()
    {
        if (_cluster is not null) return _cluster;
        await Gate.WaitAsync();
        try
        {
            if (_cluster is not null) return _cluster;
            var root = Path.Combine(Path.GetTempPath(), "schoolsupport-tests");
            RemoveStoppedClusters(root);
            var dir = Path.Combine(root, Guid.NewGuid().ToString("N")[..12]);
            var cluster = await EmbeddedPostgres.StartAsync(dir);
            await cluster.CreateDatabaseAsync(Template);
            await using (var db = CreateContext(cluster.ConnectionString(Template), SystemScope.Instance))
            {
                await DatabaseMigration.MigrateAsync(db);
            }
            Npgsql.NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                cluster.StopAsync().GetAwaiter().GetResult();
                try { Directory.Delete(cluster.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            _cluster = cluster;
            return cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The test host is ended when the run is over, often before its exit handler has deleted the cluster, so every run left one
    /// behind (2,000 of them filled this machine's disk). Folders of earlier runs whose server is no longer running and that are an
    /// hour old are removed before a new cluster starts; a running cluster (another run, another checkout) keeps its postmaster.pid.
    /// </summary>
    private static void RemoveStoppedClusters(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddHours(-1)) continue;
                var pid = Path.Combine(dir, "postmaster.pid");
                if (File.Exists(pid) && int.TryParse(File.ReadLines(pid).FirstOrDefault(), out var id) && Directory.Exists($"/proc/{id}")) continue;
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is using it or removing it: leave it.
            }
        }
    }

    /// <summary>A new database with the schema applied, named after the test class.</summary>
    public static async Task<string> CreateDatabaseAsync(string owner)
    {
        var cluster = await GetAsync();
        var name = $"t_{new string(owner.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(30).ToArray())}_{Guid.NewGuid().ToString("N")[..12]}";
        await Gate.WaitAsync(); // CREATE DATABASE ... TEMPLATE needs the template to have no other sessions.
        try
        {
            await cluster.CreateDatabaseAsync(name, Template);
        }
        finally
        {
            Gate.Release();
        }
        return cluster.ConnectionString(name);
    }

    public static AppDbContext CreateContext(string connectionString, ICurrentScope scope)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDb(options, connectionString);
        return new AppDbContext(options.Options, scope);
    }
}
