using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>Each role against each page and endpoint: allowed (200) or refused (redirect to access denied, or 403).</summary>
public sealed class AuthorizationMatrixTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] Regional = [Roles.Admin, Roles.Ministry, Roles.Operator];
    private static readonly string[] Platform = [Roles.PlatformAdmin];

    /// <summary>
    /// The matrix. Add every new page here with the roles that may open it. «Everyone» is every role of a region; the platform
    /// administrator opens only the home page and the regions, and is refused every page and export of regional data.
    /// </summary>
    public static readonly TheoryData<string, string[]> Pages = new()
    {
        { "/", [.. Everyone, Roles.PlatformAdmin] },
        { "/notifications", Everyone },
        { "/platform/regions", Platform },
        { "/admin/users", [Roles.Admin] },
        { "/admin/structure", [Roles.Admin] },
        { "/admin/registry", [Roles.Admin] },
        { "/admin/structure/template/municipalities.xlsx", [Roles.Admin] },
        { "/admin/registry/template.xlsx", [Roles.Admin] },
        { "/admin/users/template.xlsx", [Roles.Admin] },
        { "/admin/registry/export.xlsx", [Roles.Admin] },
        { "/admin/audit", Regional },
        { "/jobs", [Roles.Admin, Roles.Operator] },
        { "/schools", Everyone },
        { "/schools/new", [Roles.Admin, Roles.Operator] },
        { "/results", Everyone },
        { "/import", [Roles.Admin, Roles.Operator] },
        { "/import/template/Results.xlsx", [Roles.Admin, Roles.Operator] },
        { "/schools/export.xlsx", Everyone },
        { "/results/export.xlsx", Everyone },
        { "/identification", Regional },
        { "/identification/trial", [Roles.Ministry, Roles.Operator] },
        { "/identification/matrix", Regional },
        { "/lists", Everyone },
        { "/roadmaps", Everyone },
        { "/roadmaps/new", [Roles.Operator, Roles.Municipal, Roles.School] },
        { "/roadmaps/sections", [Roles.Admin, Roles.Ministry, Roles.Operator] },
        { "/documents", Everyone },
        { "/monitoring/dashboard", Everyone },
        { "/monitoring/tasks", Everyone },
        { "/monitoring/indicators", Regional },
        { "/monitoring/overview", [Roles.Admin, Roles.Ministry, Roles.Operator, Roles.Municipal] },
        { "/monitoring/overview/drill", [Roles.Admin, Roles.Ministry, Roles.Operator, Roles.Municipal] },
        { "/monitoring/calendar", [Roles.Admin, Roles.Ministry, Roles.Operator] },
        { "/admin/new-year", [Roles.Admin] },
        { "/partnerships", Everyone },
        { "/partnerships/export.xlsx", Everyone },
        { "/mentoring", Everyone },
        { "/mentoring/journal", Everyone },
        { "/mentoring/journal/export.xlsx", Everyone },
        { "/mentoring/feedback/export.xlsx", Everyone },
        { "/mentoring/summary/export.xlsx", Everyone },
        { "/development", Everyone },
        { "/development/applications.xlsx", Everyone },
        { "/practices", Everyone },
        { "/calendar", Everyone },
        { "/risks", Everyone },
        { "/risks/profile", [Roles.School] },
        { "/risks/reviews", Everyone },
        { "/risks/decisions", Everyone },
        { "/risks/setup", Regional },
        { "/risks/export/2026.xlsx", Everyone },
        { "/risks/export/2026.pdf", Everyone },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_role_is_allowed_or_refused_as_the_matrix_says(string path, string[] allowed)
    {
        foreach (var role in Roles.Everyone)
        {
            using var client = await portal.LoginAsync(TestWorld.Email(role));
            using var response = await client.GetAsync(path);
            if (allowed.Contains(role))
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{role} may open {path}");
            }
            else
            {
                var refused = response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied"));
                refused.Should().BeTrue($"{role} may not open {path}, got {response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_users_are_sent_to_the_login_page(string path, string[] allowed)
    {
        _ = allowed;
        using var client = portal.Anonymous();
        using var response = await client.GetAsync(path);
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login"));
        refused.Should().BeTrue($"anonymous may not open {path}, got {response.StatusCode}");
    }

    [Fact]
    public async Task Health_is_open_and_reports_database_and_job_storage()
    {
        using var client = portal.Anonymous();
        using var response = await client.GetAsync("/health");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = portal.Anonymous();
        using var response = await client.GetAsync("/account/login");
        response.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task Logout_needs_an_antiforgery_token()
    {
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Operator));
        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var stillIn = await client.GetAsync("/admin/audit");
        stillIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
