using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace SchoolSupport.Web.Startup;

/// <summary>
/// The portal's MudBlazor theme as one stylesheet, <c>/theme.css</c>: the CSS that <see cref="MudThemeProvider"/> would write
/// into every page (about 12 KB of variables, scrollbar and chart rules), rendered once at start-up from <see cref="Theme"/> and
/// served with a version in its address, so browsers keep it. Before, each prerendered page built and sent that text again, and
/// each circuit held it.
/// </summary>
public static partial class ThemeStylesheet
{
    /// <summary>
    /// Every colour carries white text (filled buttons, chips, alerts) and coloured text on white (outlined, text variants) at
    /// 4.5:1 or more (WCAG 2.1 AA, ГОСТ Р 52872-2019); MudBlazor's defaults (#ff9800, #00c853, #2196f3) fall to 2:1.
    /// </summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79", Secondary = "#a8423f", AppbarBackground = "#1f4e79",
            Info = "#1565c0", Success = "#2e7d32", Warning = "#9a4b00", Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)", ActionDefault = "rgba(0,0,0,0.68)",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["DejaVu Sans", "Arial", "sans-serif"] } },
    };

    private static string? s_css;

    /// <summary>The stylesheet's text (after <see cref="PrepareAsync"/>).</summary>
    public static string Css => s_css ?? throw new InvalidOperationException("ThemeStylesheet.PrepareAsync has not run.");

    /// <summary>A short hash of <see cref="Css"/>: the page links <c>/theme.css?v=…</c>, so a changed theme is fetched anew.</summary>
    public static string Version { get; private set; } = "";

    /// <summary>The address pages link.</summary>
    public static string Href => "theme.css?v=" + Version;

    /// <summary>Renders <see cref="MudThemeProvider"/> with <see cref="Theme"/> once and keeps the text of its style elements.</summary>
    public static async Task PrepareAsync(IServiceProvider services)
    {
        if (s_css is not null) return;
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = Theme,
            }));
            return output.ToHtmlString();
        });
        var css = string.Join("\n", StyleElement().Matches(html).Select(m => m.Groups[1].Value));
        if (!css.Contains("--mud-palette-primary", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("MudThemeProvider rendered no theme variables: " + html[..Math.Min(html.Length, 200)]);
        }
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        s_css = css;
    }

    /// <summary>GET /theme.css for everyone (the sign-in page uses it too); kept a year when asked for by its current version.</summary>
    public static IEndpointConventionBuilder MapThemeStylesheet(this IEndpointRouteBuilder app) =>
        app.MapGet("/theme.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = context.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Text(Css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
