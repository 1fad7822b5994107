using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web.Startup;

namespace SchoolSupport.Tests.Accounts;

/// <summary>The <c>--create-admin</c> command run as Program runs it, against the test database; the link it prints is followed on the portal.</summary>
public sealed class CreateAdminCommandTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private Task<(int ExitCode, Uri? Link)?> RunAsync(params string[] command) =>
        CreateAdminCommand.RunIfAskedAsync(PortalFixture.AppArgs(portal.ConnectionString, [.. command, $"--Portal:PublicUrl={portal.BaseAddress}"]));

    [Fact]
    public async Task The_command_creates_an_administrator_without_a_password_and_prints_a_link_that_sets_one()
    {
        var result = await RunAsync("--create-admin", "first.admin@test.local", "--name", "Кузнецова Ольга Викторовна", "--region", portal.World.RegionA.Code);

        result.Should().NotBeNull();
        result!.Value.ExitCode.Should().Be(0);
        var link = result.Value.Link!;
        link.GetLeftPart(UriPartial.Authority).Should().Be(portal.BaseAddress.GetLeftPart(UriPartial.Authority), "links point at Portal:PublicUrl");
        await using (var db = portal.System())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "first.admin@test.local");
            (user.FullName, user.RegionId, user.PasswordHash).Should().Be(("Кузнецова Ольга Викторовна", portal.World.RegionA.Id, (string?)null));
        }
        using var anonymous = portal.Anonymous();
        (await AccountForms.SetPasswordAsync(anonymous, link.PathAndQuery, "Первый-Pass1!")).Should().Contain("Пароль сохранён");
        using var admin = await portal.LoginAsync("first.admin@test.local", "Первый-Pass1!");
        (await admin.GetStringAsync("/admin/users")).Should().Contain("Пользователи");
    }

    [Fact]
    public async Task Without_a_region_the_command_creates_the_platform_administrator_who_manages_regions_and_sees_no_regional_data()
    {
        var result = await RunAsync("--create-admin", "platform.first@test.local", "--name", "Орлов Пётр Ильич");

        result!.Value.ExitCode.Should().Be(0);
        await using (var db = portal.System())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "platform.first@test.local");
            (user.RegionId, user.PasswordHash).Should().Be((Guid.Empty, (string?)null));
        }
        using var anonymous = portal.Anonymous();
        (await AccountForms.SetPasswordAsync(anonymous, result.Value.Link!.PathAndQuery, "Платформа-Pass1!")).Should().Contain("Пароль сохранён");
        using var platform = await portal.LoginAsync("platform.first@test.local", "Платформа-Pass1!");
        (await platform.GetStringAsync("/platform/regions")).Should().Contain(portal.World.RegionA.Name);
        using var schools = await platform.GetAsync("/schools");
        schools.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        schools.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
    }

    [Fact]
    public async Task The_command_refuses_an_existing_account_and_changes_nothing()
    {
        string? hashBefore;
        await using (var db = portal.System()) hashBefore = (await db.Users.SingleAsync(u => u.Email == TestWorld.Email(Roles.Operator))).PasswordHash;

        var result = await RunAsync("--create-admin", TestWorld.Email(Roles.Operator), "--region", portal.World.RegionA.Code);

        result!.Value.Should().Be((2, (Uri?)null));
        await using var after = portal.System();
        var user = await after.Users.SingleAsync(u => u.Email == TestWorld.Email(Roles.Operator));
        user.PasswordHash.Should().Be(hashBefore);
        await using var scope = portal.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user)).Should().Equal(Roles.Operator);
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        (await RunAsync("--create-admin"))!.Value.ExitCode.Should().Be(2);
        (await RunAsync("--create-admin", "not-an-email", "--region", portal.World.RegionA.Code))!.Value.ExitCode.Should().Be(2);
        (await RunAsync("--create-admin", "unknown.region@test.local", "--region", "НЕТ"))!.Value.ExitCode.Should().Be(2);
        await using var db = portal.System();
        (await db.Users.AnyAsync(u => u.Email == "unknown.region@test.local" || u.Email == "not-an-email")).Should().BeFalse();
        (await CreateAdminCommand.RunIfAskedAsync(["--urls=http://127.0.0.1:0"])).Should().BeNull("without --create-admin the portal starts as usual");
    }

    [Fact]
    public async Task An_administrator_of_a_new_region_sees_only_that_region()
    {
        var result = await RunAsync("--create-admin", "new.region@test.local", "--name", "Новиков Илья", "--region", "77", "--region-name", "Новая область");

        result!.Value.ExitCode.Should().Be(0);
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == "77");
        region.Name.Should().Be("Новая область");
        var admin = await db.Users.SingleAsync(u => u.Email == "new.region@test.local");
        var scope = new UserScope(admin.Id, admin.FullName, region.Id, null, null, new HashSet<string> { Roles.Admin });
        var (rows, total) = await portal.Service<UserAdministration>(scope).ListAsync(null, 0, 100);
        rows.Should().ContainSingle().Which.FullName.Should().Be("Новиков Илья");
        total.Should().Be(1);
    }
}
