using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Accounts;

public sealed class UserAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private ChangeUserAccess AccessOf(string region = "a") => portal.Service<ChangeUserAccess>(World.Scope(Roles.Admin, region));

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_can_again_once_reactivated()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var email = await EmailOf(mentor.UserId);
        using (await portal.LoginAsync(email)) { }

        await AccessOf().DeactivateAsync(mentor.UserId);

        using (var client = portal.Anonymous())
        {
            var refused = await PortalFixture.PostLoginAsync(client, email, TestWorld.Password);
            refused.StatusCode.Should().Be(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("Неверный адрес электронной почты или пароль", "a deactivated account gets the answer of a wrong password");
        }
        var (rows, _) = await portal.Service<UserAdministration>(World.Scope(Roles.Admin)).ListAsync(email, 0, 10);
        rows.Should().ContainSingle().Which.Status.Should().Be(AccountStatus.Deactivated);

        await AccessOf().ReactivateAsync(mentor.UserId);
        using (await portal.LoginAsync(email)) { }
        await using var db = portal.System();
        (await db.Audit.Where(a => a.EntityId == mentor.UserId.ToString()).Select(a => a.Action).ToListAsync())
            .Should().Contain(["user.deactivate", "user.reactivate"]);
    }

    [Fact]
    public async Task A_deactivated_user_gets_no_reset_mail_and_their_links_stop_working()
    {
        var email = $"gone.{Guid.NewGuid():N}"[..17] + "@test.local";
        var id = await portal.Service<InviteUser>(World.Scope(Roles.Admin)).InviteAsync(new NewUser { FullName = "Уволенный Пётр", Email = email, Role = Roles.Mentor });
        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");

        await AccessOf().DeactivateAsync(id);

        using var anonymous = portal.Anonymous();
        (await anonymous.GetStringAsync(link)).Should().Contain(SetPassword.InvalidLink);
        var resend = () => portal.Service<InviteUser>(World.Scope(Roles.Admin)).ResendAsync(id);
        (await resend.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("отключена");
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themself_or_twice_and_messages_say_why()
    {
        var self = () => AccessOf().DeactivateAsync(World.Scope(Roles.Admin).UserId);
        (await self.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Нельзя отключить собственную учётную запись.");
        var active = () => AccessOf().ReactivateAsync(World.Scope(Roles.Ministry).UserId);
        (await active.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("не отключена");
        var notLocked = () => AccessOf().UnlockAsync(World.Scope(Roles.Ministry).UserId);
        (await notLocked.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("не заблокирована");
    }

    [Fact]
    public async Task An_admin_unlocks_a_locked_account()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        await using (var db = portal.System())
        {
            var user = await db.Users.SingleAsync(u => u.Id == mentor.UserId);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
        }
        var email = await EmailOf(mentor.UserId);
        using (var client = portal.Anonymous()) (await PortalFixture.PostLoginAsync(client, email, TestWorld.Password)).StatusCode.Should().Be(HttpStatusCode.OK);

        await AccessOf().UnlockAsync(mentor.UserId);

        using (await portal.LoginAsync(email)) { }
    }

    [Fact]
    public async Task Another_regions_admin_and_other_roles_cannot_change_access()
    {
        var mentorA = World.Scope(Roles.Mentor).UserId;
        var fromB = () => AccessOf("b").DeactivateAsync(mentorA);
        await fromB.Should().ThrowAsync<ScopeException>();
        var asOperator = () => portal.Service<ChangeUserAccess>(World.Scope(Roles.Operator)).DeactivateAsync(mentorA);
        await asOperator.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Users.SingleAsync(u => u.Id == mentorA)).DeactivatedAt.Should().BeNull();
    }

    private async Task<string> EmailOf(Guid id)
    {
        await using var db = portal.System();
        return (await db.Users.SingleAsync(u => u.Id == id)).Email!;
    }
}
