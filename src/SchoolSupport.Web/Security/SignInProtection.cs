using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Security;

/// <summary>
/// Sign-in that tells nobody which e-mails exist: an unknown e-mail, a wrong password and a locked account get the same
/// answer after the same work (a password hash), and sign-in posts are rate limited per client address and per e-mail.
/// Failures lock the pair of e-mail and client address, not the account: five wrong passwords in a row from one address
/// stop that address for 15 minutes, so a script elsewhere cannot lock a colleague out of their own desk. An account that an
/// administrator locks stays locked everywhere.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, IHttpContextAccessor http, SignInFailures failures)
{
    private static readonly AppUser Nobody = new();
    // Hashed once with the configured hasher, so verifying against it costs what verifying a real password costs.
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<bool> SignInAsync(string email, string password, bool remember)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(email);
        var pair = $"{email.Trim().ToUpperInvariant()}|{http.HttpContext?.Connection.RemoteIpAddress}";
        if (user is null || user.DeactivatedAt is not null || await users.IsLockedOutAsync(user) || failures.IsLocked(pair))
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            if (user is null) failures.Fail(pair);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (result.Succeeded) failures.Reset(pair);
        else failures.Fail(pair);
        return result.Succeeded;
    }
}

/// <summary>Failed sign-ins in a row per e-mail and client address, kept in memory: 5 lock the pair for 15 minutes.</summary>
public sealed class SignInFailures(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Count, DateTimeOffset Last)> _pairs = new();

    public bool IsLocked(string pair) =>
        _pairs.TryGetValue(pair, out var f) && f.Count >= MaxFailures && clock.GetUtcNow() - f.Last < LockFor;

    public void Fail(string pair)
    {
        var now = clock.GetUtcNow();
        _pairs.AddOrUpdate(pair, (1, now), (_, f) => (now - f.Last >= LockFor ? 1 : f.Count + 1, now));
        if (_pairs.Count > 100_000) Forget(now);
    }

    public void Reset(string pair) => _pairs.TryRemove(pair, out _);

    /// <summary>Bounded memory: pairs whose lock has passed are forgotten.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, f) in _pairs)
        {
            if (now - f.Last >= LockFor) _pairs.TryRemove(key, out _);
        }
    }
}

/// <summary>Fixed one-minute windows on sign-in posts, per client address and per e-mail (settings <c>SignIn:PerAddressPerMinute</c>, <c>SignIn:PerEmailPerMinute</c>).</summary>
public static class SignInLimits
{
    private const string LoginPath = "/account/login";
    private const string ForgotPasswordPath = "/account/forgot-password";
    private const string EmailField = "Input.Email";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perAddress = configuration.GetValue("SignIn:PerAddressPerMinute", 10);
        var perEmail = configuration.GetValue("SignIn:PerEmailPerMinute", 10);
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<SignInFailures>();
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

    /// <summary>Sign-in posts and «Забыли пароль?» posts share the limits (both take an e-mail in <c>Input.Email</c>).</summary>
    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && (context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.Equals(ForgotPasswordPath, StringComparison.OrdinalIgnoreCase));

    private static PartitionedRateLimiter<HttpContext> PerMinute(int permits, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
            ? RateLimitPartition.GetFixedWindowLimiter(key(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("none"));
}
