using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;

namespace SchoolSupport.Tests.Support;

/// <summary>
/// Two regions, A and B. A has municipalities A1 and A2 with two schools each; B has B1 with one school.
/// One user per role in A (municipal and school users in A1), plus a municipal user of A2 and users of B, and a platform
/// administrator above both (no region; signs in as <c>Email(Roles.PlatformAdmin)</c>, kept apart from <see cref="Users"/>).
/// </summary>
public sealed class TestWorld
{
    public const string Password = "Test-Pass1!";

    public Region RegionA { get; } = new() { Id = Guid.NewGuid(), Code = "A" + Random.Shared.Next(100000), Name = "Область А", AuthorityName = "Министерство образования области А" };
    public Region RegionB { get; } = new() { Id = Guid.NewGuid(), Code = "B" + Random.Shared.Next(100000), Name = "Область Б", AuthorityName = "Министерство образования области Б" };
    public Municipality A1 { get; private set; } = null!;
    public Municipality A2 { get; private set; } = null!;
    public Municipality B1 { get; private set; } = null!;
    public School SchoolA1 { get; private set; } = null!;
    public School SchoolA1Second { get; private set; } = null!;
    public School SchoolA2 { get; private set; } = null!;
    public School SchoolB1 { get; private set; } = null!;
    public Dictionary<string, UserScope> Users { get; } = [];
    public UserScope PlatformAdmin { get; private set; } = null!;

    public static string Email(string role, string region = "a") => $"{role.ToLowerInvariant()}.{region}@test.local";

    public static async Task<TestWorld> CreateAsync(IServiceProvider services)
    {
        var world = new TestWorld();
        await using var scope = services.CreateAsyncScope();
        await using (var db = scope.ServiceProvider.GetRequiredService<SystemDb>().Create())
        {
            db.Regions.AddRange(world.RegionA, world.RegionB);
            world.A1 = Muni(world.RegionA, "A1", "Городской округ А1");
            world.A2 = Muni(world.RegionA, "A2", "Район А2");
            world.B1 = Muni(world.RegionB, "B1", "Район Б1");
            db.Municipalities.AddRange(world.A1, world.A2, world.B1);
            world.SchoolA1 = NewSchool(world.A1, "A1-001", "Школа № 1 А1");
            world.SchoolA1Second = NewSchool(world.A1, "A1-002", "Школа № 2 А1");
            world.SchoolA2 = NewSchool(world.A2, "A2-001", "Школа № 1 А2");
            world.SchoolB1 = NewSchool(world.B1, "B1-001", "Школа № 1 Б1");
            db.Schools.AddRange(world.SchoolA1, world.SchoolA1Second, world.SchoolA2, world.SchoolB1);
            await db.SaveChangesAsync();
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync();
        await world.AddUser(seeder, Roles.Admin, "a", world.RegionA.Id, null, null);
        await world.AddUser(seeder, Roles.Ministry, "a", world.RegionA.Id, null, null);
        await world.AddUser(seeder, Roles.Operator, "a", world.RegionA.Id, null, null);
        await world.AddUser(seeder, Roles.Municipal, "a", world.RegionA.Id, world.A1.Id, null);
        await world.AddUser(seeder, Roles.Municipal, "a2", world.RegionA.Id, world.A2.Id, null);
        await world.AddUser(seeder, Roles.School, "a", world.RegionA.Id, world.A1.Id, world.SchoolA1.Id);
        await world.AddUser(seeder, Roles.Mentor, "a", world.RegionA.Id, null, null);
        await world.AddUser(seeder, Roles.Admin, "b", world.RegionB.Id, null, null);
        await world.AddUser(seeder, Roles.Operator, "b", world.RegionB.Id, null, null);
        await world.AddUser(seeder, Roles.Municipal, "b", world.RegionB.Id, world.B1.Id, null);
        await world.AddUser(seeder, Roles.School, "b", world.RegionB.Id, world.B1.Id, world.SchoolB1.Id);
        var platformEmail = Email(Roles.PlatformAdmin);
        await seeder.EnsureUserAsync(platformEmail, "Администратор платформы", Roles.PlatformAdmin, Guid.Empty, null, null, Password);
        world.PlatformAdmin = new UserScope(await seeder.UserIdAsync(platformEmail), "Администратор платформы", Guid.Empty, null, null,
            new HashSet<string> { Roles.PlatformAdmin });
        return world;
    }

    /// <summary>The scope of a test user, as the claims would give it (its UserName is the full name, «Operator a»).</summary>
    public UserScope Scope(string role, string region = "a") => Users[Email(role, region)];

    private async Task AddUser(DemoSeeder seeder, string role, string region, Guid regionId, Guid? municipalityId, Guid? schoolId)
    {
        var email = Email(role, region);
        await seeder.EnsureUserAsync(email, $"{role} {region}", role, regionId, municipalityId, schoolId, Password);
        Users[email] = new UserScope(await seeder.UserIdAsync(email), $"{role} {region}", regionId, municipalityId, schoolId, new HashSet<string> { role });
    }

    private static Municipality Muni(Region region, string code, string name) =>
        new() { Id = Guid.NewGuid(), RegionId = region.Id, Code = code, Name = name };

    private static School NewSchool(Municipality m, string code, string name) => new()
    {
        Id = Guid.NewGuid(), RegionId = m.RegionId, MunicipalityId = m.Id, Code = code, ShortName = name, FullName = "МОУ " + name,
        Address = "ул. Школьная, 1", Locality = Locality.Urban, Levels = EducationLevels.Primary | EducationLevels.Basic | EducationLevels.Secondary,
        Enrolment = 500,
    };
}
