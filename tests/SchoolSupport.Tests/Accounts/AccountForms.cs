using System.Net;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Accounts;

/// <summary>The static forms of the account pages, posted as a browser posts them (antiforgery token and all).</summary>
public static class AccountForms
{
    /// <summary>Opens the set-password link and posts the password; returns the page that answers.</summary>
    public static async Task<string> SetPasswordAsync(HttpClient client, string link, string password, string? confirmation = null)
    {
        using var response = await PostSetPasswordAsync(client, link, password, confirmation);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <remarks>A dead link shows no form: <paramref name="formFrom"/> is a live link whose form gives the antiforgery token.</remarks>
    public static async Task<HttpResponseMessage> PostSetPasswordAsync(HttpClient client, string link, string password, string? confirmation = null, string? formFrom = null)
    {
        var page = await client.GetStringAsync(formFrom ?? link);
        return await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page),
            ["Input.Password"] = password,
            ["Input.Confirmation"] = confirmation ?? password,
        }));
    }

    public static async Task<string> ForgotPasswordAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/account/forgot-password");
        using var response = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "forgot-password",
            ["__RequestVerificationToken"] = PortalFixture.AntiforgeryToken(page),
            ["Input.Email"] = email,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
