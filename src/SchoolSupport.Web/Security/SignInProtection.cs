using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Security;

/// <summary>
/// Sign-in that tells nobody which e-mails exist: an unknown e-mail, a wrong password and a locked account get the same
/// answer after the same work (a password hash), and sign-in posts are rate limited per client address and per e-mail.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new();
    // Hashed once with the configured hasher, so verifying against it costs what verifying a real password costs.
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<bool> SignInAsync(string email, string password, bool remember)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            return false;
        }
        return (await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true)).Succeeded;
    }
}

/// <summary>Fixed one-minute windows on sign-in posts, per client address and per e-mail (settings <c>SignIn:PerAddressPerMinute</c>, <c>SignIn:PerEmailPerMinute</c>).</summary>
public static class SignInLimits
{
    private const string LoginPath = "/account/login";
    private const string EmailField = "Input.Email";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("SignIn:PerAddressPerMinute", 10);
        var perEmail = configuration.GetValue("SignIn:PerEmailPerMinute", 10);
        services.AddScoped<PasswordSignIn>();
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerMinute(perAddress, c => "address:" + c.Connection.RemoteIpAddress),
                PerMinute(perEmail, c => "email:" + (c.Request.HasFormContentType ? c.Request.Form[EmailField].ToString().Trim().ToUpperInvariant() : "")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = "60";
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>{Ui.SignIn_TooMany_Title}</title></head><body>" +
                    $"<h1>{Ui.SignIn_TooMany_Title}</h1><p>{Ui.SignIn_TooMany_Text}</p><p><a href=\"{LoginPath}\">{Ui.Login_Title}</a></p></body></html>"), ct);
            };
        });
    }

    /// <summary>Reads the form of a sign-in post first (asynchronously) so that the limiter can see the e-mail.</summary>
    public static IApplicationBuilder UseSignInLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignIn(context) && context.Request.HasFormContentType) await context.Request.ReadFormAsync(context.RequestAborted);
            await next();
        });
        return app.UseRateLimiter();
    }

    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);

    private static PartitionedRateLimiter<HttpContext> PerMinute(int permits, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(key(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("none"));
}
