using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>The portal with the sign-in limits of production (10 posts a minute per client address and per e-mail).</summary>
public sealed class SignInLimitedPortal : PortalFixture
{
    protected override IEnumerable<string> ExtraArgs => ["--SignIn:PerAddressPerMinute=10", "--SignIn:PerEmailPerMinute=10"];
}

public sealed class SignInRateLimitTests(SignInLimitedPortal portal) : IClassFixture<SignInLimitedPortal>
{
    [Fact]
    public async Task The_eleventh_sign_in_post_from_one_address_within_a_minute_is_refused()
    {
        for (var i = 0; i < 10; i++)
        {
            using var allowed = await PostFromAsync("10.1.0.1", $"guess{i}@test.local");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK, $"attempt {i + 1}");
        }
        using var refused = await PostFromAsync("10.1.0.1", "guess-more@test.local");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Слишком много попыток входа");
        refused.Headers.RetryAfter.Should().NotBeNull();

        using var otherAddress = await PostFromAsync("10.1.0.2", "guess-more@test.local");
        otherAddress.StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per address");
    }

    [Fact]
    public async Task A_script_trying_one_email_from_many_addresses_is_stopped_at_ten_a_minute()
    {
        var victim = TestWorld.Email(Roles.Municipal, "b");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await PostFromAsync($"10.2.0.{i + 1}", victim.ToUpperInvariant());
            statuses.Add(response.StatusCode);
        }
        statuses.Take(10).Should().OnlyContain(s => s == HttpStatusCode.OK);
        statuses[10].Should().Be(HttpStatusCode.TooManyRequests);
    }

    /// <summary>A wrong-password sign-in post as a client at the given address behind the loopback proxy.</summary>
    private async Task<HttpResponseMessage> PostFromAsync(string address, string email)
    {
        using var client = portal.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        var page = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page),
            ["Input.Email"] = email,
            ["Input.Password"] = "Wrong-pass1!",
        }));
    }
}
