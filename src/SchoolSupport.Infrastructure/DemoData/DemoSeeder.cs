using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;

namespace SchoolSupport.Infrastructure.DemoData;

public sealed record DemoLogin(string Email, string Role, string Scope);

/// <summary>Seeds roles always, and on request a demo region with one user per role. Idempotent: a second run adds nothing.</summary>
public sealed class DemoSeeder(SystemDb systemDb, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const string DemoRegionCode = "DEMO";
    public const string DemoPassword = "Demo-2026!";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
    }

    public async Task<IReadOnlyList<DemoLogin>> SeedDemoAsync(int lastYear, CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        await using var db = systemDb.Create();
        if (!await db.Regions.AnyAsync(r => r.Code == DemoRegionCode, ct))
        {
            var demo = new DemoDataGenerator(seed: 2026).Generate(DemoRegionCode, "Демонстрационная область", municipalities: 40, schools: 600, lastYear);
            await DemoDataWriter.WriteAsync(db, demo, ct);
            log.LogInformation("Demo region seeded: {Schools} schools, {Results} result rows", demo.Schools.Count, demo.Results.Count);
        }

        var region = await db.Regions.SingleAsync(r => r.Code == DemoRegionCode, ct);
        var municipality = await db.Municipalities.Where(m => m.RegionId == region.Id).OrderBy(m => m.Code).Skip(1).FirstAsync(ct);
        var school = await db.Schools.Where(s => s.MunicipalityId == municipality.Id).OrderBy(s => s.Code).FirstAsync(ct);

        var logins = new List<DemoLogin>
        {
            await EnsureUserAsync("admin@demo.local", "Администратор Демо", Roles.Admin, region.Id, null, null),
            await EnsureUserAsync("ministry@demo.local", "Иванова Мария Петровна", Roles.Ministry, region.Id, null, null),
            await EnsureUserAsync("operator@demo.local", "Петров Олег Николаевич", Roles.Operator, region.Id, null, null),
            await EnsureUserAsync("municipal@demo.local", "Сидорова Анна Викторовна", Roles.Municipal, region.Id, municipality.Id, null),
            await EnsureUserAsync("school@demo.local", "Кузнецов Игорь Сергеевич", Roles.School, region.Id, municipality.Id, school.Id),
            await EnsureUserAsync("mentor@demo.local", "Смирнова Елена Андреевна", Roles.Mentor, region.Id, null, null),
        };
        return logins;
    }

    public async Task<Guid> UserIdAsync(string email) => (await users.FindByEmailAsync(email))?.Id ?? Guid.Empty;

    public async Task<DemoLogin> EnsureUserAsync(string email, string fullName, string role, Guid regionId, Guid? municipalityId, Guid? schoolId,
        string password = DemoPassword)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
                RegionId = regionId, MunicipalityId = municipalityId, SchoolId = schoolId, CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        return new DemoLogin(email, role, municipalityId is null ? "регион" : schoolId is null ? "муниципалитет" : "школа");
    }
}
