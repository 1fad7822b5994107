using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web;

namespace SchoolSupport.Tests.Reliability;

/// <summary>The portal on a PostgreSQL cluster of its own, so that the test can restart the server under it.</summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private EmbeddedPostgres _cluster = null!;
    private WebApplication _app = null!;
    private Uri _base = null!;
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "restart-" + Guid.NewGuid().ToString("N")[..8]));
        await _cluster.CreateDatabaseAsync("portal");
        _app = await AppHost.BuildAsync(PortalFixture.AppArgs(_cluster.ConnectionString("portal"), "--Hangfire:Server=false", "--Serilog:MinimumLevel:Default=Fatal"));
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _world = await TestWorld.CreateAsync(_app.Services);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _cluster.StopAsync();
        Directory.Delete(_cluster.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task After_a_database_restart_the_portal_recovers_by_itself_and_no_committed_data_is_lost()
    {
        using var http = new HttpClient { BaseAddress = _base };
        (await http.GetStringAsync("/health")).Should().Be("Healthy");

        var operatorScope = _world.Scope(Roles.Operator);
        SchoolRegistry Registry()
        {
            var scope = _app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<SchoolSupport.Web.Security.CurrentUser>().SetCircuitUser(PortalFixture.Principal(operatorScope));
            return scope.ServiceProvider.GetRequiredService<SchoolRegistry>();
        }
        var before = new SchoolEdit { Code = "R-1", FullName = "Школа до перезапуска", ShortName = "До перезапуска", MunicipalityId = _world.A1.Id, Enrolment = 100, Locality = Locality.Urban };
        await Registry().SaveAsync(before);

        await _cluster.RestartAsync();

        // The first requests may meet broken pooled connections; the retrying execution strategy absorbs them.
        var (rows, _) = await Registry().SearchAsync(new SchoolQuery(Search: "перезапуска"));
        rows.Should().ContainSingle().Which.Code.Should().Be("R-1");
        var after = new SchoolEdit { Code = "R-2", FullName = "Школа после перезапуска", ShortName = "После перезапуска", MunicipalityId = _world.A1.Id, Enrolment = 100, Locality = Locality.Urban };
        await Registry().SaveAsync(after);

        HttpStatusCode status = default;
        for (var i = 0; i < 20 && status != HttpStatusCode.OK; i++)
        {
            using var response = await http.GetAsync("/health");
            status = response.StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(500);
        }
        status.Should().Be(HttpStatusCode.OK);
        await using var db = TestCluster.CreateContext(_cluster.ConnectionString("portal"), SystemScope.Instance);
        (await db.Schools.CountAsync(s => s.Code == "R-1" || s.Code == "R-2")).Should().Be(2);
    }
}
