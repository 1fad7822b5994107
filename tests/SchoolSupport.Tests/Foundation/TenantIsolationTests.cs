using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

public sealed class TenantIsolationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    [Fact]
    public async Task A_user_of_region_A_sees_nothing_of_region_B()
    {
        await using var db = portal.As(World.Scope(Roles.Operator));
        var schools = await db.Schools.Select(s => s.RegionId).Distinct().ToListAsync();
        schools.Should().Equal(World.RegionA.Id);
        (await db.Municipalities.AnyAsync(m => m.Id == World.B1.Id)).Should().BeFalse();
        (await db.Schools.FindAsync(World.SchoolB1.Id)).Should().BeNull("the tenant filter applies to lookups by key too");
    }

    [Fact]
    public async Task A_municipal_user_sees_only_schools_of_their_municipality()
    {
        var scope = World.Scope(Roles.Municipal);
        await using var db = portal.As(scope);
        var visible = await db.Schools.VisibleTo(scope, db).Select(s => s.Id).ToListAsync();
        visible.Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA1Second.Id]);
    }

    [Fact]
    public async Task A_school_team_sees_only_its_school_and_the_home_page_counts_agree()
    {
        var scope = World.Scope(Roles.School);
        var figures = await portal.Service<HomeDashboard>(scope).LoadAsync();
        figures.Schools.Should().Be(1);
        figures.ScopeName.Should().Be(World.SchoolA1.ShortName);
    }

    [Fact]
    public async Task A_row_with_a_forged_region_id_is_refused_on_save()
    {
        await using var db = portal.As(World.Scope(Roles.Operator));
        db.Municipalities.Add(new Municipality { Id = Guid.NewGuid(), RegionId = World.RegionB.Id, Code = "X", Name = "Подделка" });
        var save = () => db.SaveChangesAsync();
        await save.Should().ThrowAsync<ScopeException>();
        await using var system = portal.System();
        (await system.Municipalities.AnyAsync(m => m.Code == "X")).Should().BeFalse();
    }

    [Fact]
    public async Task A_new_row_takes_the_users_region()
    {
        await using var db = portal.As(World.Scope(Roles.Operator));
        var municipality = new Municipality { Id = Guid.NewGuid(), Code = "NEW", Name = "Новый" };
        db.Municipalities.Add(municipality);
        await db.SaveChangesAsync();
        municipality.RegionId.Should().Be(World.RegionA.Id);
    }

    [Fact]
    public async Task An_anonymous_context_sees_no_tenant_rows()
    {
        await using var db = TestCluster.CreateContext(portal.ConnectionString, new SchoolSupport.Infrastructure.Data.FixedScope(
            new UserScope(Guid.Empty, "", Guid.Empty, null, null, new HashSet<string>())));
        (await db.Schools.CountAsync()).Should().Be(0);
    }
}
