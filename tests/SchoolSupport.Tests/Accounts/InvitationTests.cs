using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Accounts;

public sealed class InvitationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string NewPassword = "Новый-Pass1!";

    private TestWorld World => portal.World;

    private InviteUser InviterOf(string region = "a") => portal.Service<InviteUser>(World.Scope(Roles.Admin, region));

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}"[..(name.Length + 9)] + "@test.local";

    private async Task<(Guid Id, string Email)> InviteMentorAsync(string fullName = "Соколова Анна Ильинична")
    {
        var email = Unique("mentor");
        var id = await InviterOf().InviteAsync(new NewUser { FullName = fullName, Email = email, Role = Roles.Mentor });
        return (id, email);
    }

    [Fact]
    public async Task An_invitee_sets_a_password_through_the_link_in_the_mail_signs_in_and_the_link_then_stops_working()
    {
        var (id, email) = await InviteMentorAsync();

        var mail = await portal.Mailbox.WaitForAsync(email);
        mail.Subject.Should().Be("Приглашение в портал поддержки школ");
        mail.TextBody.Should().Contain("Соколова Анна Ильинична").And.Contain("Admin a", "the invitation names who invites by full name");
        var link = TestMailbox.RelativeLink(mail, "/account/set-password");
        using var anonymous = portal.Anonymous();
        var form = await anonymous.GetStringAsync(link);
        form.Should().Contain("Здравствуйте, Соколова Анна Ильинична").And.Contain("Не менее 8 символов");

        var done = await AccountForms.SetPasswordAsync(anonymous, link, NewPassword);

        done.Should().Contain("Пароль сохранён");
        using var signedIn = await portal.LoginAsync(email, NewPassword);
        (await signedIn.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetStringAsync(link)).Should().Contain(SetPassword.UsedLink);
        await using var db = portal.System();
        (await db.Audit.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()).Should().Contain(["user.invite", "user.password"]);
        (await db.Audit.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "user.invite")).UserName.Should().Be("Admin a");
    }

    [Fact]
    public async Task The_invited_account_has_no_password_and_cannot_sign_in_before_the_link_is_used()
    {
        var (id, email) = await InviteMentorAsync();
        await using var db = portal.System();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.PasswordHash.Should().BeNull();
        var (rows, _) = await portal.Service<UserAdministration>(World.Scope(Roles.Admin)).ListAsync(email, 0, 10);
        rows.Should().ContainSingle().Which.Status.Should().Be(AccountStatus.Invited);
        using var client = portal.Anonymous();
        (await PortalFixture.PostLoginAsync(client, email, "")).StatusCode.Should().Be(HttpStatusCode.OK, "the login form answers with its message");
    }

    [Fact]
    public async Task A_weak_or_mistyped_password_is_refused_in_russian_and_the_link_still_works()
    {
        var (id, email) = await InviteMentorAsync();
        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");
        using var anonymous = portal.Anonymous();

        (await AccountForms.SetPasswordAsync(anonymous, link, "weakpass")).Should().Contain("Пароль должен содержать цифру");
        (await AccountForms.SetPasswordAsync(anonymous, link, NewPassword, "Другой-Pass1!")).Should().Contain("Пароли не совпадают");

        await using (var db = portal.System()) (await db.Users.SingleAsync(u => u.Id == id)).PasswordHash.Should().BeNull();
        (await AccountForms.SetPasswordAsync(anonymous, link, NewPassword)).Should().Contain("Пароль сохранён");
    }

    [Fact]
    public async Task A_garbled_or_forged_link_is_refused_with_a_russian_message()
    {
        var (id, email) = await InviteMentorAsync();
        var link = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");
        using var anonymous = portal.Anonymous();

        (await anonymous.GetStringAsync(link[..^6])).Should().Contain(SetPassword.InvalidLink);
        (await anonymous.GetStringAsync(link.Replace(id.ToString("N"), World.Scope(Roles.Operator).UserId.ToString("N"), StringComparison.Ordinal)))
            .Should().Contain(SetPassword.InvalidLink, "a token of one account does not open another");
        (await anonymous.GetStringAsync(link.Replace("kind=invite", "kind=reset", StringComparison.Ordinal))).Should().Contain(SetPassword.InvalidLink);
        (await anonymous.GetStringAsync("/account/set-password")).Should().Contain(SetPassword.InvalidLink);
        using var post = await AccountForms.PostSetPasswordAsync(anonymous, link[..^6], NewPassword, formFrom: link);
        post.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a dead link has no form to post to");
        await using var db = portal.System();
        (await db.Users.SingleAsync(u => u.Id == id)).PasswordHash.Should().BeNull();
    }

    [Fact]
    public async Task An_invitation_link_expires_after_the_configured_days()
    {
        var (id, _) = await InviteMentorAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(id.ToString()))!;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new AccountLinkTokens(scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>(), new AccountLinkOptions(InvitationDays: 7), clock);
        var token = await tokens.GenerateAsync(AccountLinkTokens.Invitation, users, user);

        clock.Advance(TimeSpan.FromDays(6.9));
        (await tokens.CheckAsync(AccountLinkTokens.Invitation, token, users, user)).Should().Be(LinkState.Valid);
        clock.Advance(TimeSpan.FromDays(0.2));
        (await tokens.CheckAsync(AccountLinkTokens.Invitation, token, users, user)).Should().Be(LinkState.Expired);
        SetPassword.Message(LinkState.Expired).Should().Contain("Срок действия ссылки истёк");
    }

    [Fact]
    public async Task Resending_an_invitation_sends_a_new_link_and_the_old_one_stops_working()
    {
        var (id, email) = await InviteMentorAsync();
        var first = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email), "/account/set-password");

        await InviterOf().ResendAsync(id);

        var second = TestMailbox.RelativeLink(await portal.Mailbox.WaitForAsync(email, skip: 1), "/account/set-password");
        second.Should().NotBe(first);
        using var anonymous = portal.Anonymous();
        (await anonymous.GetStringAsync(first)).Should().Contain(SetPassword.UsedLink);
        (await AccountForms.SetPasswordAsync(anonymous, second, NewPassword)).Should().Contain("Пароль сохранён");
        var again = () => InviterOf().ResendAsync(id);
        (await again.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("уже задал пароль");
    }

    [Fact]
    public async Task Bad_invitations_are_refused_in_russian_and_nothing_is_created_or_sent()
    {
        var taken = () => InviterOf().InviteAsync(new NewUser { FullName = "Дубль", Email = TestWorld.Email(Roles.Operator), Role = Roles.Mentor });
        (await taken.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("уже есть");
        var bad = () => InviterOf().InviteAsync(new NewUser { FullName = " ", Email = "без@точки", Role = Roles.Mentor });
        (await bad.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Укажите ФИО.").And.Contain("Укажите корректный адрес электронной почты.");
        portal.Mailbox.To("без@точки").Should().BeEmpty();
        await using var db = portal.System();
        (await db.Users.CountAsync(u => u.Email == TestWorld.Email(Roles.Operator))).Should().Be(1);
    }

    [Fact]
    public async Task Only_an_admin_invites_and_only_into_their_own_region()
    {
        var asOperator = () => portal.Service<InviteUser>(World.Scope(Roles.Operator)).InviteAsync(new NewUser { FullName = "Кто-то", Email = Unique("op"), Role = Roles.Mentor });
        await asOperator.Should().ThrowAsync<ScopeException>();
        var (id, _) = await InviteMentorAsync();
        var resendFromB = () => InviterOf("b").ResendAsync(id);
        await resendFromB.Should().ThrowAsync<ScopeException>();
        var foreignSchool = () => InviterOf().InviteAsync(new NewUser { FullName = "Чужой", Email = Unique("alien"), Role = Roles.School, SchoolId = World.SchoolB1.Id });
        (await foreignSchool.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("своего региона");
    }

    [Fact]
    public async Task The_lead_can_invite_a_regional_administrator_into_a_named_region()
    {
        var email = Unique("regadmin");
        var id = await portal.Service<InviteUser>(World.Scope(Roles.Admin)).InviteIntoRegionAsync(
            new Invitation(email, "Белова Ирина Сергеевна", Roles.Admin, World.RegionB.Id), World.Scope(Roles.Admin));
        await using var db = portal.System();
        (await db.Users.SingleAsync(u => u.Id == id)).RegionId.Should().Be(World.RegionB.Id);
        (await portal.Mailbox.WaitForAsync(email)).TextBody.Should().Contain("Белова Ирина Сергеевна");
    }
}
