using System.Runtime.Versioning;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSupport.Infrastructure;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var cluster = await TestCluster.GetAsync();
        var name = "t_empty_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.CreateDatabaseAsync(name);
        var errors = new List<string>();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDb(options, cluster.ConnectionString(name));
        options.LogTo(errors.Add, Microsoft.Extensions.Logging.LogLevel.Error);
        await using var db = new AppDbContext(options.Options, SystemScope.Instance);
        (await db.Database.GetPendingMigrationsAsync()).Should().NotBeEmpty();
        errors.Clear(); // asking for pending migrations reads the history table that is not there yet
        await DatabaseMigration.MigrateAsync(db);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        errors.Should().BeEmpty("a first start logs no error");
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs a committed migration");
        (await db.Schools.CountAsync()).Should().Be(0);

        // The identification and the trial read a region's schools, results and profiles of a few years: each of these tables
        // needs an index led by the region, or every region's run scans all regions' rows (85 regions took 14 s instead of 9).
        await using var conn = new NpgsqlConnection(cluster.ConnectionString(name));
        await conn.OpenAsync();
        foreach (var table in new[] { "schools", "assessment_results", "school_year_profiles" })
        {
            await using var cmd = new NpgsqlCommand("""
                select count(*) from pg_index i join pg_class t on t.oid = i.indrelid join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
                where t.relname = $1 and a.attname = 'region_id'
                """, conn);
            cmd.Parameters.AddWithValue(table);
            ((long)(await cmd.ExecuteScalarAsync())!).Should().BePositive($"{table} is read region by region");
        }
    }

    [Fact]
    public async Task The_embedded_cluster_starts_in_its_own_folder_and_stops()
    {
        var dir = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "own-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await EmbeddedPostgres.StartAsync(dir);
        try
        {
            await using (var conn = new NpgsqlConnection(cluster.ConnectionString("postgres")))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand("select 1", conn);
                (await cmd.ExecuteScalarAsync()).Should().Be(1);
            }
            File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")).Should().BeTrue();
        }
        finally
        {
            await cluster.StopAsync();
        }
        var afterStop = async () =>
        {
            await using var conn = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Timeout=2");
            await conn.OpenAsync();
        };
        await afterStop.Should().ThrowAsync<NpgsqlException>();
        Directory.Delete(cluster.DataDirectory, recursive: true);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_embedded_cluster_admits_only_the_generated_password_kept_for_its_owner()
    {
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "auth-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            TrustRules(cluster).Should().BeEmpty();
            File.GetUnixFileMode(cluster.PasswordFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await AssertOnlyThePasswordOpensAsync(cluster);
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(cluster.DataDirectory, recursive: true);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_cluster_of_an_earlier_version_that_trusted_local_connections_starts_and_then_requires_a_password()
    {
        var dir = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "trust-" + Guid.NewGuid().ToString("N")[..8]);
        var cluster = await EmbeddedPostgres.StartAsync(dir);
        await cluster.StopAsync();
        // What initdb --auth=trust made, with no password kept.
        var hba = Path.Combine(cluster.DataDirectory, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, (await File.ReadAllTextAsync(hba)).Replace("scram-sha-256", "trust"));
        File.Delete(cluster.PasswordFile);
        TrustRules(cluster).Should().NotBeEmpty();

        cluster = await EmbeddedPostgres.StartAsync(dir);
        try
        {
            TrustRules(cluster).Should().BeEmpty();
            File.GetUnixFileMode(cluster.PasswordFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await AssertOnlyThePasswordOpensAsync(cluster);
        }
        finally
        {
            await cluster.StopAsync();
            Directory.Delete(cluster.DataDirectory, recursive: true);
        }
    }

    private static string[] TrustRules(EmbeddedPostgres cluster) =>
        File.ReadAllLines(Path.Combine(cluster.DataDirectory, "pg_hba.conf"))
            .Where(l => !l.TrimStart().StartsWith('#') && l.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Contains("trust"))
            .ToArray();

    private static async Task AssertOnlyThePasswordOpensAsync(EmbeddedPostgres cluster)
    {
        var withPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false, Timeout = 5 };
        withPassword.Password.Should().Be((await File.ReadAllTextAsync(cluster.PasswordFile)).Trim());
        await using (var conn = new NpgsqlConnection(withPassword.ConnectionString))
        {
            await conn.OpenAsync();
        }
        var without = new NpgsqlConnectionStringBuilder(withPassword.ConnectionString) { Password = null };
        var open = async () =>
        {
            await using var conn = new NpgsqlConnection(without.ConnectionString);
            await conn.OpenAsync();
        };
        await open.Should().ThrowAsync<NpgsqlException>();
        without.Password = "not-the-password";
        (await open.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InvalidPassword);
    }
}
