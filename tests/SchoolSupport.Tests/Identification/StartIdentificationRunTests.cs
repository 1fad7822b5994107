using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Identification;

/// <summary>"Run now" on a real database: the operator's run is recorded for the progress bar of its own region only.</summary>
public sealed class StartIdentificationRunTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    private static int Year => DateTime.UtcNow.Year;

    [Fact]
    public async Task The_operator_starts_a_run_that_the_page_shows_as_the_latest_of_the_region()
    {
        var id = await As<StartIdentificationRun>(Roles.Operator).StartAsync(Year);

        var latest = await As<IdentificationRunQueries>(Roles.Operator).LatestAsync();
        (latest!.Id, latest.Year, latest.Status, latest.RegionId).Should().Be((id, Year, "running", World.RegionA.Id));
        (await As<IdentificationRunQueries>(Roles.Operator, "b").LatestAsync())?.Id.Should().NotBe(id);
    }

    [Fact]
    public async Task A_year_outside_the_allowed_range_is_refused_and_nothing_is_recorded()
    {
        var start = () => As<StartIdentificationRun>(Roles.Operator).StartAsync(Year + 5);
        await start.Should().ThrowAsync<DomainException>().WithMessage($"Год расчёта {Year + 5} вне допустимого диапазона.");
        await using var db = portal.System();
        (await db.Set<IdentificationRun>().AnyAsync(r => r.Year == Year + 5)).Should().BeFalse();
    }

    [Fact]
    public async Task A_school_team_cannot_start_a_run()
    {
        var start = () => As<StartIdentificationRun>(Roles.School).StartAsync(Year);
        await start.Should().ThrowAsync<ScopeException>();
    }
}
