using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

/// <summary>
/// Issue #18: pages that only show data are rendered on the server without a Blazor circuit. Their HTML carries no interactive
/// server component marker (which is what makes blazor.web.js open a circuit) and still shows its data; search, filters, sort
/// and paging of the registry are GET query parameters.
/// </summary>
public sealed class StaticPagesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string CircuitMarker = "<!--Blazor:{\"type\":\"server\"";

    private TestWorld World => portal.World;

    private async Task<string> PageAsync(string role, string path, string region = "a")
    {
        using var client = await portal.LoginAsync(TestWorld.Email(role, region));
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_home_page_is_served_without_a_circuit_and_shows_the_inbox()
    {
        var html = await PageAsync(Roles.Operator, "/");
        html.Should().NotContain(CircuitMarker);
        html.Should().Contain("data-circuit=\"static\"");
        html.Should().Contain("<h1").And.Contain("Добро пожаловать").And.Contain("data-testid=\"inbox\"").And.Contain("data-testid=\"scope\"");
    }

    [Fact]
    public async Task An_interactive_page_still_opens_a_circuit()
    {
        var html = await PageAsync(Roles.Operator, "/notifications");
        html.Should().Contain(CircuitMarker);
    }

    [Fact]
    public async Task The_registry_is_served_without_a_circuit_and_lists_the_regions_schools_only()
    {
        var html = await PageAsync(Roles.Operator, "/schools");
        html.Should().NotContain(CircuitMarker);
        html.Should().Contain("<h1").And.Contain(World.SchoolA1.ShortName).And.Contain(World.SchoolA1Second.ShortName).And.Contain(World.SchoolA2.ShortName);
        html.Should().Contain($"href=\"/schools/{World.SchoolA1.Id}\"");
        html.Should().NotContain(World.SchoolB1.ShortName, "region B's schools are not region A's operator's");

        var other = await PageAsync(Roles.Operator, "/schools", "b");
        other.Should().Contain(World.SchoolB1.ShortName).And.NotContain(World.SchoolA1.ShortName);
    }

    [Fact]
    public async Task The_registry_filters_searches_and_sorts_by_query_parameters_and_the_export_link_carries_them()
    {
        var byMunicipality = await PageAsync(Roles.Operator, $"/schools?municipality={World.A2.Id}");
        byMunicipality.Should().Contain(World.SchoolA2.ShortName).And.NotContain(World.SchoolA1.ShortName);
        byMunicipality.Should().Contain($"<option value=\"{World.A2.Id}\" selected");

        var searched = await PageAsync(Roles.Operator, "/schools?search=" + Uri.EscapeDataString("№ 2 а1"));
        searched.Should().Contain(World.SchoolA1Second.ShortName).And.NotContain(World.SchoolA1.ShortName + "<");
        searched.Should().Contain("value=\"№ 2 а1\"", "the search box keeps what was searched");

        var descending = await PageAsync(Roles.Operator, "/schools?sort=Code&desc=true");
        descending.IndexOf(World.SchoolA2.ShortName, StringComparison.Ordinal).Should()
            .BeLessThan(descending.IndexOf(World.SchoolA1.ShortName, StringComparison.Ordinal), "A2-001 comes before A1-001 in descending code order");
        descending.Should().Contain("aria-sort=\"descending\"");
        descending.Should().Contain("href=\"/schools/export.xlsx?sort=Code&desc=true\"");

        var export = await (await portal.LoginAsync(TestWorld.Email(Roles.Operator))).GetAsync($"/schools/export.xlsx?municipality={World.A2.Id}&sort=Code&desc=true");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_filter_values_and_a_page_past_the_end_show_the_registry_rather_than_an_error()
    {
        var html = await PageAsync(Roles.Operator, "/schools?locality=Марс&flag=nothing&sort=bogus&page=-4&size=100000");
        html.Should().Contain(World.SchoolA1.ShortName).And.Contain(World.SchoolA2.ShortName);

        var past = await PageAsync(Roles.Operator, "/schools?page=40");
        past.Should().Contain(World.SchoolA1.ShortName, "a page past the end shows the last page");
    }

    [Fact]
    public async Task A_municipal_user_filtering_by_another_municipality_sees_no_schools()
    {
        var html = await PageAsync(Roles.Municipal, $"/schools?municipality={World.A2.Id}");
        html.Should().NotContain(World.SchoolA2.ShortName).And.NotContain(World.SchoolA1.ShortName + "<").And.Contain("Записей нет");
    }

    [Fact]
    public async Task The_lists_page_is_served_without_a_circuit()
    {
        var html = await PageAsync(Roles.Ministry, "/lists");
        html.Should().NotContain(CircuitMarker);
        html.Should().Contain("<h1");
    }
}
