using System.Net;
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
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var email = TestWorld.Email(Roles.Mentor);
        using var client = portal.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await PortalFixture.PostLoginAsync(client, email, "Wrong-pass1!");
        }
        using var response = await PortalFixture.PostLoginAsync(client, email, TestWorld.Password);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("временно заблокирована");
    }

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
