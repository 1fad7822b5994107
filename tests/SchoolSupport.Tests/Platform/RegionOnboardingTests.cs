using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Platform;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Accounts;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Platform;

/// <summary>A new region's first day: the platform administrator creates it, its jobs exist at once, its administrator is invited and sees only it.</summary>
public sealed class RegionOnboardingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private List<string> RecurringIds()
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToList();
    }

    [Fact]
    public async Task A_created_region_gets_its_jobs_at_once_and_its_invited_administrator_sets_a_password_and_sees_only_that_region()
    {
        var code = "N" + Random.Shared.Next(1_000_000);
        var regionId = await portal.Service<SaveRegion>(World.PlatformAdmin).SaveAsync(new RegionEdit
        {
            Code = code, Name = "Кировская область", AuthorityName = "Министерство образования Кировской области", TimeZone = "Europe/Kirov",
        });
        RecurringIds().Should().Contain([RegionJobs.MonitoringId(code), RegionJobs.OverdueId(code), RegionJobs.IdentificationId(code)]);

        var email = $"kirov.admin.{Guid.NewGuid():N}"[..20] + "@test.local";
        await portal.Service<InviteRegionAdministrator>(World.PlatformAdmin).InviteAsync(regionId, email, "Вершинина Ольга Павловна");

        var mail = await portal.Mailbox.WaitForAsync(email);
        mail.TextBody.Should().Contain("Администратор платформы", "the invitation names who invites");
        using var anonymous = portal.Anonymous();
        (await AccountForms.SetPasswordAsync(anonymous, TestMailbox.RelativeLink(mail, "/account/set-password"), "Киров-Pass1!")).Should().Contain("Пароль сохранён");
        using var admin = await portal.LoginAsync(email, "Киров-Pass1!");
        (await admin.GetStringAsync("/admin/users")).Should().Contain("Вершинина Ольга Павловна").And.NotContain("Admin a");
        await using var db = portal.System();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.RegionId.Should().Be(regionId);
        var scope = new UserScope(user.Id, user.FullName, regionId, null, null, new HashSet<string> { Roles.Admin });
        (await portal.Service<SchoolRegistry>(scope).SearchAsync(new SchoolQuery())).Total.Should().Be(0, "the new region has no schools and sees none of region A");
    }

    [Fact]
    public async Task A_region_s_jobs_run_at_its_own_hour_in_its_time_zone()
    {
        var code = "T" + Random.Shared.Next(1_000_000);
        await portal.Service<SaveRegion>(World.PlatformAdmin).SaveAsync(new RegionEdit { Code = code, Name = "Новосибирская область", AuthorityName = "Министерство", TimeZone = "Asia/Novosibirsk" });

        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().Where(j => j.Id.EndsWith("-" + code, StringComparison.Ordinal)).ToList();
        jobs.Should().HaveCount(3).And.OnlyContain(j => j.TimeZoneId == "Asia/Novosibirsk");
    }

    [Fact]
    public async Task A_renamed_region_code_moves_its_jobs()
    {
        var code = "M" + Random.Shared.Next(1_000_000);
        var save = portal.Service<SaveRegion>(World.PlatformAdmin);
        var id = await save.SaveAsync(new RegionEdit { Code = code, Name = "Область", AuthorityName = "Министерство", TimeZone = "Europe/Moscow" });
        await save.SaveAsync(new RegionEdit { Id = id, Code = code + "X", Name = "Область", AuthorityName = "Министерство", TimeZone = "Europe/Moscow" });

        RecurringIds().Should().Contain(RegionJobs.MonitoringId(code + "X")).And.NotContain(RegionJobs.MonitoringId(code));
    }

    [Fact]
    public async Task Only_the_platform_administrator_invites_a_region_administrator_and_a_bad_invitation_changes_nothing()
    {
        var byRegionalAdmin = () => portal.Service<InviteRegionAdministrator>(World.Scope(Roles.Admin)).InviteAsync(World.RegionB.Id, "intruder@test.local", "Чужой");
        await byRegionalAdmin.Should().ThrowAsync<DomainException>();

        var bad = () => portal.Service<InviteRegionAdministrator>(World.PlatformAdmin).InviteAsync(World.RegionB.Id, "не-почта", "");
        (await bad.Should().ThrowAsync<DomainException>()).Which.Refusals.Select(r => r.Field).Should().Contain(["Email", "FullName"]);
        var unknown = () => portal.Service<InviteRegionAdministrator>(World.PlatformAdmin).InviteAsync(Guid.NewGuid(), "nobody.region@test.local", "Никто");
        await unknown.Should().ThrowAsync<DomainException>().WithMessage("*Регион не найден*");

        await using var db = portal.System();
        (await db.Users.AnyAsync(u => u.Email == "intruder@test.local" || u.Email == "nobody.region@test.local")).Should().BeFalse();
    }
}
