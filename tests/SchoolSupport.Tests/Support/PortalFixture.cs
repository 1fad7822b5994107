using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Tests.Support;

/// <summary>
/// The real portal on a loopback port over the class's own database, with a small world of two regions
/// (<see cref="TestWorld"/>). Log in with <see cref="LoginAsync"/> to get a client with the auth cookie.
/// </summary>
public class PortalFixture : DatabaseFixture
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;
    public TestWorld World { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    /// <summary>The loopback SMTP server the portal sends its mail to: read invitations, reset links and reminders here.</summary>
    public TestMailbox Mailbox { get; private set; } = null!;

    protected virtual IEnumerable<string> ExtraArgs => [];

    /// <summary>Whether the small two-region world is created; without it the portal starts on an empty database.</summary>
    protected virtual bool CreatesWorld => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Mailbox = await TestMailbox.StartAsync();
        _app = await AppHost.BuildAsync(AppArgs(ConnectionString, ["--Hangfire:Server=false", .. Mailbox.PortalArgs, .. ExtraArgs]));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        if (CreatesWorld) World = await TestWorld.CreateAsync(_app.Services);
    }

    /// <summary>
    /// How every test hosts the portal: a loopback port, the given database, a data and log folder of its own, quiet logs.
    /// Tests sign in far more often than people do, all from 127.0.0.1, so the sign-in rate limits are lifted here
    /// (<c>SignInRateLimitTests</c> puts them back).
    /// </summary>
    public static string[] AppArgs(string connectionString, params string[] extra)
    {
        var folder = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "app-" + Guid.NewGuid().ToString("N")[..8]);
        return ["--urls=http://127.0.0.1:0", $"--ConnectionStrings:Default={connectionString}", "--DemoData:Seed=false", $"--DataFolder={folder}",
            $"--LogFolder={folder}/logs", "--Serilog:MinimumLevel:Default=Warning",
            "--SignIn:PerAddressPerMinute=100000", "--SignIn:PerEmailPerMinute=100000", .. extra];
    }

    public override async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Mailbox is not null) await Mailbox.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A DI scope acting as the given user, as a Blazor circuit of that user would: resolve services from it.</summary>
    public IServiceScope ActAs(UserScope user)
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(Principal(user));
        return scope;
    }

    public T Service<T>(UserScope user) where T : notnull => ActAs(user).ServiceProvider.GetRequiredService<T>();

    public static ClaimsPrincipal Principal(UserScope user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId.ToString()),
            new(ClaimTypes.Name, user.UserName),
            new(ScopeClaims.Region, user.RegionId.ToString()),
            new(ScopeClaims.FullName, user.UserName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.MunicipalityId is { } m) claims.Add(new Claim(ScopeClaims.Municipality, m.ToString()));
        if (user.SchoolId is { } s) claims.Add(new Claim(ScopeClaims.School, s.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>Signs in through the real login form (antiforgery token and all) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password = TestWorld.Password)
    {
        var client = Anonymous();
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {email} failed: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken(page);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}
