using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.DemoData;

namespace SchoolSupport.Tests.Support;

public static class ExtraUsers
{
    /// <summary>A further user of region A (e.g. a second mentor or a second member of a school team), for tests that need one of their own.</summary>
    public static async Task<UserScope> AddAsync(PortalFixture portal, string role, Guid? municipalityId = null, Guid? schoolId = null, Guid? regionId = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.local";
        var region = regionId ?? portal.World.RegionA.Id;
        await seeder.EnsureUserAsync(email, $"{role} {email[..12]}", role, region, municipalityId, schoolId, TestWorld.Password);
        return new UserScope(await seeder.UserIdAsync(email), $"{role} {email[..12]}", region, municipalityId, schoolId, new HashSet<string> { role });
    }
}
