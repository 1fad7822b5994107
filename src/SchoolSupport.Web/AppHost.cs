using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using SchoolSupport.Infrastructure;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Web.Components;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Startup;
using Serilog;

namespace SchoolSupport.Web;

/// <summary>Builds the whole portal. Program runs it; tests build it the same way on a loopback port with their own database.</summary>
public static class AppHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, bool prepareDatabase = true)
    {
        var russian = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.DefaultThreadCurrentCulture = russian;
        CultureInfo.DefaultThreadCurrentUICulture = russian;

        // The application name is fixed so that static assets resolve the same when tests host the app.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(AppHost).Assembly.GetName().Name });
        // Serve library assets (MudBlazor) from the build output in every environment, not only Development; a no-op when published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(builder.Configuration["LogFolder"] ?? "logs", "schoolsupport-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));

        var connectionString = await DatabaseStartup.ResolveConnectionStringAsync(builder);
        builder.Services.AddSingleton(builder.Configuration.GetSection("SupportTargets").Get<SupportTargets>() ?? new SupportTargets());
        builder.Services.AddSingleton(builder.Configuration.GetSection("Import").Get<ImportLimits>() ?? new ImportLimits());
        if (builder.Configuration["Smtp:Host"] is { Length: > 0 } smtpHost)
        {
            builder.Services.AddSingleton(new SmtpOptions(smtpHost, builder.Configuration.GetValue("Smtp:Port", 25),
                builder.Configuration["Smtp:From"] ?? "", builder.Configuration["Smtp:User"], builder.Configuration["Smtp:Password"],
                builder.Configuration.GetValue("Smtp:EnableSsl", false)));
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        builder.Services.AddInfrastructure(connectionString, runJobServer: builder.Configuration.GetValue("Hangfire:Server", true));

        builder.Services.AddSingleton(new FileStorageOptions(DatabaseStartup.FilesFolder(builder),
            builder.Configuration.GetValue("Files:MaxUploadBytes", FileStorageOptions.DefaultMaxUploadBytes)));

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<ICurrentScope>(sp => sp.GetRequiredService<CurrentUser>());
        builder.Services.AddScoped<CircuitHandler, UserCircuitHandler>();
        builder.Services.AddScoped<DemoSeeder>();

        builder.Services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AccountLinkTokens>(AccountLinkTokens.ProviderName);
        builder.Services.AddSingleton(new AccountLinkOptions(builder.Configuration.GetValue("Accounts:InvitationDays", 7),
            builder.Configuration.GetValue("Accounts:ResetHours", 24)));
        builder.Services.AddSingleton(sp => new PortalAddress(() => PublicUrl(sp, builder.Configuration)));
        // A deactivated account (its security stamp changed) loses its session within a minute, not the default half hour.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "schoolsupport.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS, which behind the proxy the forwarded headers say: plain http stays usable on a developer's machine.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Signing in on the login page redirects to its ReturnUrl; a raw Cyrillic one would fail the Location header with a 500.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalUrl.ReturnTo(context.RedirectUri));
                return Task.CompletedTask;
            };
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization(Policies.Register);
        builder.Services.AddCascadingAuthenticationState();

        // Keys in the database under one application name: auth cookies and antiforgery tokens survive restarts and are read by
        // every node on the same database, whatever its folder or content root.
        builder.Services.AddDataProtection().SetApplicationName("SchoolSupport").PersistKeysToDbContext<AppDbContext>();
        // Cyrillic as text, not as &#x...; entities: readable pages and smaller responses.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddLocalization();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudBlazor.MudLocalizer, Localization.RussianMudLocalizer>();

        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "database")
            .AddCheck<HangfireStorageHealthCheck>("hangfire");
        builder.Services.AddSharedHealthReport();
        builder.Services.AddSignInLimits(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, builder.Configuration));
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var app = builder.Build();
        if (prepareDatabase && app.Configuration.GetValue("Database:MigrateOnStartup", true)) await DatabaseStartup.PrepareAsync(app);
        await ThemeStylesheet.PrepareAsync(app.Services);

        // First: the scheme and client address of a request through the TLS-terminating proxy decide HSTS, the cookie's Secure flag and the rate limits.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseNotFoundPage();
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        // Routing after the HEAD rewrite, so that a HEAD finds the page's GET endpoint; after the error and not-found pages, so that they re-run it.
        app.UseRouting();
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(russian), SupportedCultures = [russian], SupportedUICultures = [russian] });
        app.UseStaticFiles();
        app.UseSignInLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapJobs();
        app.MapAccountEndpoints();
        app.MapWebEndpoints();
        app.MapStaticAssets();
        app.MapThemeStylesheet();
        // Our own CSP already says frame-ancestors 'none'; Blazor's default header would be a second, weaker one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>
    /// The address people reach the portal at, for links in e-mails: <c>Portal:PublicUrl</c>, else the first address this server
    /// listens on (a developer's machine, the tests), else the first of <c>urls</c>, else http://localhost:8080.
    /// </summary>
    public static Uri PublicUrl(IServiceProvider services, IConfiguration configuration)
    {
        var configured = configuration["Portal:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            configured = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
                ?? "http://localhost:8080";
        }
        return new Uri(configured.TrimEnd('/') + "/");
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are trusted only from the proxies in <c>ForwardedHeaders:KnownProxies</c> (addresses)
    /// and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); with neither set, only from this machine (loopback).
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = ListSetting(configuration, "ForwardedHeaders:KnownProxies");
        var networks = ListSetting(configuration, "ForwardedHeaders:KnownNetworks");
        if (proxies.Length == 0 && networks.Length == 0) return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    /// <summary>A list setting given either as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value (handy in an environment variable).</summary>
    private static string[] ListSetting(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.Value is { Length: > 0 } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.Get<string[]>() ?? [];
    }
}
