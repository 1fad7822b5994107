using System.Globalization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using SchoolSupport.Infrastructure;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web.Components;
using SchoolSupport.Web.Security;
using SchoolSupport.Web;
using SchoolSupport.Web.Startup;
using Serilog;

var russian = CultureInfo.GetCultureInfo("ru-RU");
CultureInfo.DefaultThreadCurrentCulture = russian;
CultureInfo.DefaultThreadCurrentUICulture = russian;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

var builder = WebApplication.CreateBuilder(args);
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
builder.Services.AddInfrastructure(connectionString, runJobServer: builder.Configuration.GetValue("Hangfire:Server", true));

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
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/access-denied";
    o.Cookie.Name = "schoolsupport.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    o.SlidingExpiration = true;
});
builder.Services.AddAuthorization(Policies.Register);
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddLocalization();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddWebServices();

builder.Services.AddHealthChecks()
    .AddNpgSql(connectionString, name: "database")
    .AddCheck<HangfireStorageHealthCheck>("hangfire");

var app = builder.Build();

if (args.Contains("--migrate"))
{
    await DatabaseStartup.PrepareAsync(app);
    Log.Information("Migrations applied; exiting because of --migrate");
    await app.StopAsync();
    await ((IAsyncDisposable)app).DisposeAsync();
    return;
}
if (app.Configuration.GetValue("Database:MigrateOnStartup", true)) await DatabaseStartup.PrepareAsync(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
app.UseRequestLocalization(new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(russian), SupportedCultures = [russian], SupportedUICultures = [russian] });
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health");
app.MapJobs();
app.MapAccountEndpoints();
app.MapWebEndpoints();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the app.</summary>
public partial class Program;
