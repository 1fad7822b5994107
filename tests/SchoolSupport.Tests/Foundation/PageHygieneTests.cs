using System.Net;
using System.Text.RegularExpressions;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>What a browser and a monitor see of every page: the CSP lets only the framework's own inline script run, HEAD answers like GET.</summary>
public sealed class PageHygieneTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/schools", true)]
    public async Task The_import_map_carries_the_nonce_of_the_content_security_policy(string url, bool signedIn)
    {
        var client = signedIn ? await portal.LoginAsync(TestWorld.Email(Domain.Common.Roles.Operator)) : portal.Anonymous();
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "script-src 'self' 'nonce-([^']+)'").Groups[1].Value;
        nonce.Should().NotBeEmpty("inline scripts run only with the request's nonce");
        policy.Should().NotContain("unsafe-inline'; style").And.NotContain("script-src 'self' 'unsafe-inline'");
        var html = await response.Content.ReadAsStringAsync();
        var inline = Regex.Matches(html, "<script(?![^>]*\\bsrc=)([^>]*)>").Select(m => m.Groups[1].Value).ToList();
        inline.Should().NotBeEmpty().And.OnlyContain(attributes => attributes.Contains($"nonce=\"{nonce}\""), "every inline script carries the nonce");
    }

    [Fact]
    public async Task A_new_nonce_for_every_response()
    {
        string Nonce(HttpResponseMessage r) => Regex.Match(string.Join(";", r.Headers.GetValues("Content-Security-Policy")), "nonce-([^']+)").Groups[1].Value;
        using var first = await portal.Anonymous().GetAsync("/account/login");
        using var second = await portal.Anonymous().GetAsync("/account/login");
        Nonce(first).Should().NotBe(Nonce(second));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/public/lists/NO-SUCH-REGION/2026")]
    public async Task Head_of_a_page_answers_like_get_without_a_body(string url)
    {
        using var client = portal.Anonymous();
        using var get = await client.GetAsync(url);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        head.StatusCode.Should().Be(get.StatusCode);
        head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/identification", "prerendered")]
    [InlineData("/schools", "static")]
    [InlineData("/risks", "static")]
    public async Task The_layout_says_whether_a_page_waits_for_its_circuit(string url, string marker)
    {
        var client = await portal.LoginAsync(TestWorld.Email(Domain.Common.Roles.Operator));
        var html = await client.GetStringAsync(url);
        html.Should().Contain($"data-circuit=\"{marker}\"", "browser tests wait for the circuit on interactive pages and not on static ones");
    }

    [Theory]
    [InlineData("/identification")]
    [InlineData("/schools")]
    public async Task The_theme_is_one_cached_stylesheet_not_text_in_every_page(string url)
    {
        var client = await portal.LoginAsync(TestWorld.Email(Domain.Common.Roles.Operator));
        var html = await client.GetStringAsync(url);
        html.Should().NotContain("<style", "the theme's 12 KB of CSS is not rendered into each page (nor held by each circuit)");
        var href = Regex.Match(html, "<link href=\"(theme\\.css\\?v=[0-9a-f]+)\" rel=\"stylesheet\"").Groups[1].Value;
        href.Should().NotBeEmpty("the page links the theme by its version");

        using var css = await portal.Anonymous().GetAsync("/" + href);
        css.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in page needs the theme too");
        css.Content.Headers.ContentType?.MediaType.Should().Be("text/css");
        css.Headers.CacheControl!.MaxAge.Should().BeGreaterThan(TimeSpan.FromDays(30), "a versioned address never changes");
        var text = await css.Content.ReadAsStringAsync();
        text.Should().Contain("--mud-palette-primary: rgba(31,78,121,1);", "the portal's own primary colour (#1f4e79)")
            .And.Contain("--mud-palette-warning: rgba(154,75,0,1);", "the contrast-safe warning colour, not MudBlazor's default");
    }
}
