using SchoolSupport.Infrastructure.DemoData;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

public sealed class LoginTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_user_signs_in_and_sees_the_russian_home_page()
    {
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var home = await client.GetStringAsync("/");
        home.Should().Contain("lang=\"ru\"").And.Contain("Добро пожаловать");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_russian_message_and_no_cookie()
    {
        using var client = portal.Anonymous();
        using var response = await PortalFixture.PostLoginAsync(client, TestWorld.Email(Roles.Operator), "wrong-password");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Неверный адрес электронной почты или пароль.");
        using var home = await client.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_email_at_that_address_even_for_the_right_password()
    {
        var email = TestWorld.Email(Roles.Mentor);
        using var client = portal.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await PortalFixture.PostLoginAsync(client, email, "Wrong-pass1!");
        }
        using var response = await PortalFixture.PostLoginAsync(client, email, TestWorld.Password);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // The lock is not announced: an unknown e-mail would never be locked, so a different message would tell that this one exists.
        (await ErrorOf(response)).Should().Be(await ErrorOf(await PortalFixture.PostLoginAsync(portal.Anonymous(), "nobody@test.local", TestWorld.Password)));
        using var home = await client.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Failures_lock_the_email_at_that_address_only_so_a_script_elsewhere_cannot_lock_a_colleague_out()
    {
        var email = $"colleague.{Guid.NewGuid():N}@test.local";
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureUserAsync(email, "Коллега", Roles.Operator, portal.World.RegionA.Id, null, null, TestWorld.Password);
        }
        using var script = portal.Anonymous();
        for (var i = 0; i < 6; i++)
        {
            using var _ = await PortalFixture.PostLoginAsync(script, email, "Wrong-pass1!");
        }
        using (var locked = await PortalFixture.PostLoginAsync(script, email, TestWorld.Password))
        {
            locked.StatusCode.Should().Be(HttpStatusCode.OK, "the script's address is locked for this e-mail");
        }

        // The colleague at their own desk (another client address, as the proxy forwards it) signs in.
        using var desk = portal.Anonymous();
        desk.DefaultRequestHeaders.Add("X-Forwarded-For", "127.0.0.2");
        using var response = await PortalFixture.PostLoginAsync(desk, email, TestWorld.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        using var unknown = await PortalFixture.PostLoginAsync(portal.Anonymous(), "no-such-user@test.local", "Wrong-pass1!");
        using var known = await PortalFixture.PostLoginAsync(portal.Anonymous(), TestWorld.Email(Roles.Ministry), "Wrong-pass1!");
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        known.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ErrorOf(unknown)).Should().Be(await ErrorOf(known)).And.StartWith("Неверный адрес электронной почты или пароль.");
    }

    [Fact]
    public async Task An_unknown_email_takes_as_long_as_a_wrong_password()
    {
        // A password check is a deliberately slow hash (tens of milliseconds); without a dummy hash an unknown e-mail answers in a few.
        using var client = portal.Anonymous();
        var known = TestWorld.Email(Roles.Admin, "b");
        async Task<double> TimeAsync(string email)
        {
            var page = await client.GetStringAsync("/account/login");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page), ["Input.Email"] = email, ["Input.Password"] = "Wrong-pass1!",
            });
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync("/account/login", form);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return clock.Elapsed.TotalMilliseconds;
        }
        await TimeAsync("warm-up@test.local");
        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            unknownTimes.Add(await TimeAsync($"unknown{i}@test.local"));
            knownTimes.Add(await TimeAsync(known));
        }
        // The fastest of each: other load on the machine only ever adds time, so the minimum shows the work itself.
        unknownTimes.Min().Should().BeGreaterThan(knownTimes.Min() * 0.5,
            $"unknown {string.Join(", ", unknownTimes.Select(t => t.ToString("F0")))} ms, known {string.Join(", ", knownTimes.Select(t => t.ToString("F0")))} ms");
    }

    [Fact]
    public async Task A_cyrillic_return_url_does_not_break_a_valid_sign_in()
    {
        using var client = portal.Anonymous();
        const string query = "?returnUrl=%2Fschools%3Fsearch%3D%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0";
        var page = await client.GetStringAsync("/account/login" + query);
        using var response = await client.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page),
            ["Input.Email"] = TestWorld.Email(Roles.Operator, "b"),
            ["Input.Password"] = TestWorld.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().EndWith("/schools?search=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0");
        using var target = await client.GetAsync(response.Headers.Location);
        target.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        Regex.Match(await response.Content.ReadAsStringAsync(), "data-testid=\"login-error\">([^<]*)<").Groups[1].Value;

    [Fact]
    public async Task The_return_url_cannot_point_to_another_site()
    {
        using var client = portal.Anonymous();
        var page = await client.GetStringAsync("/account/login?returnUrl=//evil.example");
        using var response = await client.PostAsync("/account/login?returnUrl=//evil.example", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page),
            ["Input.Email"] = TestWorld.Email(Roles.Admin),
            ["Input.Password"] = TestWorld.Password,
        }));
        response.Headers.Location!.OriginalString.Should().NotContain("evil");
    }
}
