using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

public sealed class UserAdministrationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private UserAdministration AdminOf(string region = "a") => portal.Service<UserAdministration>(World.Scope(Roles.Admin, region));

    private InviteUser InviterOf(string region = "a") => portal.Service<InviteUser>(World.Scope(Roles.Admin, region));

    [Fact]
    public async Task An_admin_invites_a_school_user_who_sets_a_password_signs_in_and_the_audit_log_names_them()
    {
        await InviterOf().InviteAsync(new NewUser
        {
            FullName = "Орлова Нина Павловна", Email = "orlova@test.local", Role = Roles.School, SchoolId = World.SchoolA2.Id,
        });
        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync("orlova@test.local"), "/account/set-password");
        using (var anonymous = portal.Anonymous()) await Accounts.AccountForms.SetPasswordAsync(anonymous, link, "Strong-Pass1!");
        using var client = await portal.LoginAsync("orlova@test.local", "Strong-Pass1!");
        (await client.GetStringAsync("/")).Should().Contain(World.SchoolA2.ShortName);
        await using var db = portal.System();
        (await db.Audit.AnyAsync(a => a.Action == "user.invite" && a.Details.Contains("Орлова Нина Павловна"))).Should().BeTrue();
    }

    [Fact]
    public async Task Bad_input_is_refused_with_russian_messages_and_nothing_is_created()
    {
        var bad = () => InviterOf().InviteAsync(new NewUser { FullName = "", Email = "not-an-email", Role = Roles.Municipal });
        var refused = (await bad.Should().ThrowAsync<DomainException>()).Which;
        refused.Messages.Should().Contain("Укажите ФИО.").And.Contain("Укажите корректный адрес электронной почты.");
        refused.Refusals.Should().Contain(new Refusal("Укажите ФИО.", nameof(NewUser.FullName)), "a message belongs to the field it is about");

        var noMunicipality = () => InviterOf().InviteAsync(new NewUser { FullName = "Без муниципалитета", Email = "nomuni@test.local", Role = Roles.Municipal });
        (await noMunicipality.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("выберите муниципалитет");

        await using var db = portal.System();
        (await db.Users.AnyAsync(u => u.Email == "nomuni@test.local")).Should().BeFalse();
    }

    [Fact]
    public async Task An_admin_cannot_place_a_user_in_another_regions_municipality_or_school()
    {
        var foreignMunicipality = () => InviterOf().InviteAsync(new NewUser
        {
            FullName = "Чужой", Email = "alien@test.local", Role = Roles.Municipal, MunicipalityId = World.B1.Id,
        });
        (await foreignMunicipality.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("своего региона");
        var foreignSchool = () => InviterOf().InviteAsync(new NewUser
        {
            FullName = "Чужой", Email = "alien2@test.local", Role = Roles.School, SchoolId = World.SchoolB1.Id,
        });
        (await foreignSchool.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("своего региона");
    }

    [Fact]
    public async Task An_admin_lists_only_users_of_their_region_and_cannot_change_others()
    {
        var (rows, _) = await AdminOf().ListAsync(null, 0, 100);
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.Email.EndsWith(".a@test.local") || r.Email.EndsWith(".a2@test.local") || !r.Email.EndsWith(".b@test.local"));
        var foreign = World.Scope(Roles.Operator, "b").UserId;
        var change = () => AdminOf().ChangeRoleAsync(foreign, Roles.Ministry);
        await change.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task Only_an_admin_may_administer_users()
    {
        var asOperator = portal.Service<UserAdministration>(World.Scope(Roles.Operator));
        var list = () => asOperator.ListAsync(null, 0, 10);
        await list.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task A_role_change_is_audited()
    {
        var mentor = World.Scope(Roles.Mentor).UserId;
        await AdminOf().ChangeRoleAsync(mentor, Roles.Operator);
        await using var db = portal.System();
        (await db.Audit.AnyAsync(a => a.Action == "user.role" && a.EntityId == mentor.ToString())).Should().BeTrue();
        await AdminOf().ChangeRoleAsync(mentor, Roles.Mentor);
    }

    [Fact]
    public async Task Passwords_are_stored_only_as_identity_hashes()
    {
        await using var db = portal.System();
        var user = await db.Users.SingleAsync(u => u.Email == TestWorld.Email(Roles.Operator));
        user.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain(TestWorld.Password);
        Convert.FromBase64String(user.PasswordHash!)[0].Should().Be(0x01, "Identity's v3 format: PBKDF2 with a per-user salt");
    }

    [Fact]
    public async Task The_audit_log_is_read_only_in_the_ui()
    {
        await AdminOf().ChangeRoleAsync(World.Scope(Roles.Mentor).UserId, Roles.Operator);
        await AdminOf().ChangeRoleAsync(World.Scope(Roles.Mentor).UserId, Roles.Mentor);
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Admin));
        var page = await client.GetStringAsync("/admin/audit");
        page.Should().Contain("Изменена роль").And.NotContain("user.role");
        page.Should().NotContain("Удалить").And.NotContain("Изменить");
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, "/admin/audit"));
            ((int)response.StatusCode).Should().BeOneOf(400, 404, 405);
        }
    }

    [Fact]
    public async Task Housekeeping_removes_only_old_read_notifications_and_can_run_twice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var user = World.Scope(Roles.School).UserId;
        await using (var db = portal.System())
        {
            db.Notifications.AddRange(
                new Notification { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, UserId = user, Title = "старое", CreatedAt = clock.GetUtcNow().AddDays(-400), ReadAt = clock.GetUtcNow().AddDays(-300) },
                new Notification { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, UserId = user, Title = "непрочитанное", CreatedAt = clock.GetUtcNow().AddDays(-400) },
                new Notification { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, UserId = user, Title = "свежее", CreatedAt = clock.GetUtcNow().AddDays(-10), ReadAt = clock.GetUtcNow().AddDays(-5) });
            await db.SaveChangesAsync();
        }
        var job = new HousekeepingJob(new SchoolSupport.Infrastructure.Data.SystemDb(OptionsFor(portal.ConnectionString)), clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<HousekeepingJob>.Instance);
        (await job.RunAsync(CancellationToken.None)).Should().Be(1);
        (await job.RunAsync(CancellationToken.None)).Should().Be(0);
    }

    private static DbContextOptions<SchoolSupport.Infrastructure.Data.AppDbContext> OptionsFor(string cs)
    {
        var options = new DbContextOptionsBuilder<SchoolSupport.Infrastructure.Data.AppDbContext>();
        SchoolSupport.Infrastructure.DependencyInjection.ConfigureDb(options, cs);
        return options.Options;
    }
}
