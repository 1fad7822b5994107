using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web;

namespace SchoolSupport.Tests.Reliability;

/// <summary>
/// Two portal nodes on one database, each with its own data folder, behind nginx sticky by client address: a user signed in on one
/// node goes on without a new sign-in when that node stops, an antiforgery token of the stopped node is accepted by the other,
/// and a recurring job registered by both runs once.
/// </summary>
public sealed class TwoNodesBehindProxyTests : DatabaseFixture
{
    private readonly Dictionary<int, WebApplication> _nodes = [];

    public override async Task DisposeAsync()
    {
        foreach (var app in _nodes.Values)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    private async Task<WebApplication> StartNodeAsync()
    {
        var app = await AppHost.BuildAsync(PortalFixture.AppArgs(ConnectionString, "--Hangfire:Server=true"));
        await app.StartAsync();
        _nodes.Add(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port, app);
        return app;
    }

    private HttpClient Client(NginxProxy proxy) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = proxy.Address };

    [Fact]
    public async Task The_other_node_serves_a_signed_in_user_when_its_node_stops_and_a_recurring_job_runs_once()
    {
        var first = await StartNodeAsync();
        await TestWorld.CreateAsync(first.Services);
        // The first node makes the key ring in the database before the second starts, as an existing install has it.
        using (var direct = new HttpClient { BaseAddress = new Uri(first.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) })
        {
            (await direct.GetAsync("/account/login")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        await StartNodeAsync();
        await using var proxy = await NginxProxy.StartAsync(_nodes.Keys);

        using var user = Client(proxy);
        (await PortalFixture.PostLoginAsync(user, TestWorld.Email(Roles.Ministry), TestWorld.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await user.GetStringAsync("/")).Should().Contain("Добро пожаловать");
        var serving = await proxy.ServedByAsync(3);
        (await proxy.ServedByAsync(1)).Should().Be(serving, "the proxy is sticky by client address");
        // A second visitor opens the sign-in form on the same node: its antiforgery token and cookie come from that node.
        using var visitor = Client(proxy);
        var token = PortalFixture.AntiforgeryToken(await visitor.GetStringAsync("/account/login"));
        (await proxy.ServedByAsync(4)).Should().Be(serving);

        (await TwoInstancesTests.RunsOfARecurringJobRegisteredByEachAsync([.. _nodes.Values])).Should().Be(1);

        await _nodes[serving].StopAsync();
        await _nodes[serving].DisposeAsync();
        _nodes.Remove(serving);
        var other = _nodes.Keys.Single();

        using var home = await user.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.OK, "the other node reads the auth cookie: no new sign-in");
        (await home.Content.ReadAsStringAsync()).Should().Contain("Добро пожаловать");
        (await proxy.ServedByAsync(5)).Should().Be(other);
        using var signIn = await visitor.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = TestWorld.Email(Roles.Operator),
            ["Input.Password"] = TestWorld.Password,
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the other node accepts the stopped node's antiforgery token");
        (await proxy.ServedByAsync(6)).Should().Be(other);
    }
}
