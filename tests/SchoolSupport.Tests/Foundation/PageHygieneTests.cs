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
}
