using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;

namespace SchoolSupport.Infrastructure.DemoData;

public sealed record DemoLogin(string Email, string Role, string Scope);

/// <summary>Seeds roles always, and on request a demo region with one user per role. Idempotent: a second run adds nothing.</summary>
public sealed class DemoSeeder(SystemDb systemDb, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock, RunIdentification identification, ILogger<DemoSeeder> log)
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

    public async Task<IReadOnlyList<DemoLogin>> SeedDemoAsync(int lastYear, bool nationalScale = false, CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        await using var db = systemDb.Create();
        if (nationalScale && !await db.Regions.AnyAsync(r => r.Code == "R01", ct))
        {
            foreach (var generated in DemoDataGenerator.National(lastYear))
            {
                await using var regionDb = systemDb.Create();
                await DemoDataWriter.WriteAsync(regionDb, generated, ct);
            }
            log.LogInformation("National demo seeded: {Regions} regions", DemoDataGenerator.NationalRegions);
        }
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
        await SeedWorkAsync(region.Id, municipality.Id, lastYear, ct);
        return logins;
    }

    /// <summary>
    /// Something to look at on the first visit: the demo mentor assigned to three schools of the demo municipality,
    /// and a computed draft list for the last year of results. Runs once.
    /// </summary>
    private async Task SeedWorkAsync(Guid regionId, Guid municipalityId, int lastYear, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var mentor = await users.FindByEmailAsync("mentor@demo.local");
        if (mentor is not null && !await db.MentorAssignments.AnyAsync(a => a.MentorId == mentor.Id, ct))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var schools = await db.Schools.Where(s => s.MunicipalityId == municipalityId).OrderBy(s => s.Code).Take(3).Select(s => s.Id).ToListAsync(ct);
            db.MentorAssignments.AddRange(schools.Select(id => new MentorAssignment
            {
                Id = Guid.NewGuid(), RegionId = regionId, MentorId = mentor.Id, MentorName = mentor.FullName, SchoolId = id, Kind = MentorKind.Mentor,
                From = today.AddMonths(-2), To = today.AddMonths(10), Responsibilities = "Сопровождение программы перехода в эффективный режим",
                AssignedByName = "демонстрационные данные", AssignedAt = clock.GetUtcNow(),
            }));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Set<SupportList>().AnyAsync(l => l.RegionId == regionId, ct))
        {
            await identification.RunAsync(regionId, lastYear, "демонстрационные данные", null, ct);
        }
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
