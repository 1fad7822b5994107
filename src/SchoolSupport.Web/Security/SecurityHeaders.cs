using System.Security.Cryptography;

namespace SchoolSupport.Web.Security;

public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The request's nonce for the one inline script the framework writes (the import map): a script carrying it runs, any
    /// other inline script is refused by the CSP.
    /// </summary>
    public static string NonceOf(HttpContext context) => context?.Items[NonceKey] as string ?? "";

    /// <summary>CSP, no MIME sniffing, no framing, no referrer leaks. The Hangfire dashboard uses inline scripts, so its CSP allows them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var policy = string.Format(System.Globalization.CultureInfo.InvariantCulture, ContentSecurityPolicy, nonce);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/jobs")
            ? ContentSecurityPolicy.Replace("script-src 'self' 'nonce-{0}'", "script-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
            : policy;
        await next();
    });

    /// <summary>
    /// HEAD of a page answers as its GET would, without the body: monitors and link checkers ask HEAD, and the page endpoints
    /// are mapped for GET only.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
