using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Platform;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Platform;

/// <summary>The platform administrator: manages regions (code, name, time zone) and sees nothing of any region's data.</summary>
public sealed class PlatformAdminTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static string NewCode() => "R" + Random.Shared.Next(1_000_000);

    [Fact]
    public async Task Platform_administrator_creates_and_edits_a_region_with_its_time_zone_and_the_change_is_audited()
    {
        var code = NewCode();
        var edit = new RegionEdit { Code = code, Name = "Кировская область", AuthorityName = "Министерство образования Кировской области", TimeZone = "Europe/Kirov" };
        var id = await portal.Service<SaveRegion>(World.PlatformAdmin).SaveAsync(edit);

        var renamed = new RegionEdit { Id = id, Code = code, Name = "Новосибирская область", TimeZone = "Asia/Novosibirsk" };
        await portal.Service<SaveRegion>(World.PlatformAdmin).SaveAsync(renamed);

        var rows = await portal.Service<RegionQueries>(World.PlatformAdmin).ListAsync();
        rows.Should().ContainSingle(r => r.Id == id).Which.Should().Be(new RegionRow(id, code, "Новосибирская область", "Asia/Novosibirsk", 0));
        await using var db = portal.System();
        (await db.Audit.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync())
            .Should().BeEquivalentTo(["region.create", "region.update"]);
    }

    [Fact]
    public async Task A_region_needs_a_unique_code_a_name_and_a_time_zone_of_the_list_and_a_refused_one_changes_nothing()
    {
        var save = portal.Service<SaveRegion>(World.PlatformAdmin);
        var empty = () => save.SaveAsync(new RegionEdit { Code = "", Name = " ", TimeZone = "Europe/London" });
        (await empty.Should().ThrowAsync<DomainException>()).Which.Messages.Should().BeEquivalentTo(
            ["Укажите код региона.", "Укажите наименование региона.", "Выберите часовой пояс из списка."]);

        var duplicate = () => save.SaveAsync(new RegionEdit { Code = World.RegionA.Code, Name = "Другая область" });
        (await duplicate.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal($"Регион с кодом {World.RegionA.Code} уже есть.");

        var renameB = () => save.SaveAsync(new RegionEdit { Id = World.RegionB.Id, Code = World.RegionA.Code, Name = "Область Б" });
        await renameB.Should().ThrowAsync<DomainException>();

        await using var db = portal.System();
        (await db.Regions.CountAsync(r => r.Name == "Другая область")).Should().Be(0);
        (await db.Regions.SingleAsync(r => r.Id == World.RegionB.Id)).Code.Should().Be(World.RegionB.Code);
    }

    [Fact]
    public async Task A_regional_administrator_may_neither_create_nor_change_a_region()
    {
        var create = () => portal.Service<SaveRegion>(World.Scope(Roles.Admin)).SaveAsync(new RegionEdit { Code = NewCode(), Name = "Самозванная" });
        await create.Should().ThrowAsync<ScopeException>();
        var list = () => portal.Service<RegionQueries>(World.Scope(Roles.Admin)).ListAsync();
        await list.Should().ThrowAsync<ScopeException>();

        // Even past the services: the data layer refuses a region changed by anyone but the platform administrator.
        await using var db = portal.As(World.Scope(Roles.Admin));
        var other = await db.Regions.SingleAsync(r => r.Id == World.RegionB.Id);
        other.Name = "Переименована чужим администратором";
        var saving = () => db.SaveChangesAsync();
        (await saving.Should().ThrowAsync<ScopeException>()).Which.Message.Should().Be("Регионы изменяет только администратор платформы.");
        await using var system = portal.System();
        (await system.Regions.SingleAsync(r => r.Id == World.RegionB.Id)).Name.Should().Be(World.RegionB.Name);
    }

    [Fact]
    public async Task Platform_administrator_sees_no_school_result_or_municipality_of_any_region()
    {
        await using (var db = portal.As(World.PlatformAdmin))
        {
            (await db.Schools.CountAsync()).Should().Be(0);
            (await db.Municipalities.CountAsync()).Should().Be(0);
            (await db.Results.CountAsync()).Should().Be(0);
            (await db.Notifications.CountAsync()).Should().Be(0);
        }
        var (rows, total) = await portal.Service<SchoolRegistry>(World.PlatformAdmin).SearchAsync(new SchoolQuery());
        rows.Should().BeEmpty();
        total.Should().Be(0);
        var registry = () => portal.Service<SchoolRegistry>(World.PlatformAdmin).SaveAsync(new SchoolEdit());
        await registry.Should().ThrowAsync<ScopeException>();

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.PlatformAdmin));
        foreach (var path in new[] { "/schools/export.xlsx", "/results/export.xlsx", "/lists", $"/schools/{World.SchoolA1.Id}", "/admin/users" })
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.Should().Contain("/account/access-denied", path);
        }
    }

    [Fact]
    public async Task Platform_administrator_cannot_write_a_row_of_any_region()
    {
        await using var db = portal.As(World.PlatformAdmin);
        db.Municipalities.Add(new Municipality { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Code = "PX", Name = "Подброшенный" });
        var saving = () => db.SaveChangesAsync();
        await saving.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task The_region_card_shows_its_administrators_by_full_name_and_no_one_of_another_region()
    {
        var card = await portal.Service<RegionQueries>(World.PlatformAdmin).CardAsync(World.RegionA.Id);
        card!.Region.Code.Should().Be(World.RegionA.Code);
        card.Administrators.Select(a => a.FullName).Should().Equal("Admin a");

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.PlatformAdmin));
        var page = await client.GetStringAsync($"/platform/regions/{World.RegionA.Id}");
        page.Should().Contain("Admin a").And.NotContain("Admin b").And.NotContain("admin.a@test.local").And.Contain("invite-administrator");
        using var missing = await client.GetAsync($"/platform/regions/{Guid.NewGuid()}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_home_page_of_the_platform_administrator_leads_to_the_regions_and_counts_nothing()
    {
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.PlatformAdmin));
        var home = await client.GetStringAsync("/");
        home.Should().Contain("platform-regions").And.Contain("Администратор платформы").And.NotContain("data-testid=\"scope\"");
    }
}
