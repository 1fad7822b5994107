using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Tests.Support;
using SchoolSupport.Web.Components.Shared;

namespace SchoolSupport.Tests.Accounts;

/// <summary>The regional administrator invites many people from a file: checked whole, written all or nothing, mailed after the commit.</summary>
public sealed class BulkInvitationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Header = "E-mail;ФИО;Роль;Код муниципалитета;Код школы;Коды школ наставника";

    private TestWorld World => portal.World;

    private BulkInvitation ImporterOf(string role = Roles.Admin, string region = "a") => portal.Service<BulkInvitation>(World.Scope(role, region));

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}"[..(name.Length + 9)] + "@test.local";

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines])));

    [Fact]
    public async Task A_valid_file_creates_every_account_in_its_scope_mails_each_invitee_and_assigns_the_mentor_to_its_schools()
    {
        var (municipal, school, mentor, operatorEmail) = (Unique("mun"), Unique("team"), Unique("mentor"), Unique("oper"));
        var importer = ImporterOf();
        var preview = await importer.PrepareAsync(Csv(
            $"{municipal};Иванова Мария Петровна;Муниципальный координатор;{World.A1.Code};;",
            $"{school};Петров Иван Сергеевич;команда школы;;{World.SchoolA2.Code};",
            $"{mentor};Сидорова Анна Викторовна;Наставник / тьютор;;;\"{World.SchoolA1.Code}; {World.SchoolA2.Code}\"",
            $"{operatorEmail};Орлов Пётр Андреевич;Оператор (РЦОКО/СОИРО);;;"), "приглашения.csv", Labels.Role);

        preview.Errors.Should().BeEmpty();
        preview.CanCommit.Should().BeTrue();
        var outcome = await importer.CommitAsync(preview);

        outcome.Should().Be(new InvitationOutcome(4, 2));
        foreach (var email in new[] { municipal, school, mentor, operatorEmail })
        {
            (await portal.Mailbox.WaitForAsync(email)).Subject.Should().Be("Приглашение в портал поддержки школ");
        }
        await using var db = portal.System();
        var users = await db.Users.Where(u => u.Email == municipal || u.Email == school || u.Email == mentor || u.Email == operatorEmail).ToListAsync();
        users.Should().HaveCount(4).And.OnlyContain(u => u.RegionId == World.RegionA.Id && u.PasswordHash == null);
        users.Single(u => u.Email == municipal).MunicipalityId.Should().Be(World.A1.Id);
        users.Single(u => u.Email == school).Should().Match<Infrastructure.Identity.AppUser>(u => u.SchoolId == World.SchoolA2.Id && u.MunicipalityId == World.A2.Id);
        var mentorId = users.Single(u => u.Email == mentor).Id;
        var roles = await db.UserRoles.Where(ur => ur.UserId == mentorId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
        roles.Should().Equal(Roles.Mentor);
        var assignments = await db.MentorAssignments.Where(a => a.MentorId == mentorId).ToListAsync();
        assignments.Select(a => a.SchoolId).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA2.Id]);
        assignments.Should().OnlyContain(a => a.Kind == MentorKind.Mentor && a.RegionId == World.RegionA.Id && a.MentorName == "Сидорова Анна Викторовна");
        (await db.Audit.CountAsync(a => a.Action == "import.invitations" && a.EntityId == "приглашения.csv")).Should().Be(1);
    }

    [Fact]
    public async Task A_file_with_errors_names_each_error_by_row_writes_nothing_and_mails_nobody()
    {
        var (good, twice) = (Unique("good"), Unique("twice"));
        await using (var db = portal.System())
        {
            db.Municipalities.IgnoreQueryFilters().Single(m => m.Id == World.A2.Id).IsActive = false;
            await db.SaveChangesAsync();
        }
        try
        {
            var importer = ImporterOf();
            var preview = await importer.PrepareAsync(Csv(
                $"{good};Годный Пётр;Наставник / тьютор;;;{World.SchoolA1.Code}",
                "не-почта;Плохой Адрес;Оператор (РЦОКО/СОИРО);;;",
                $"{twice};Первый Раз;Министерство;;;",
                $"{twice};Второй Раз;Министерство;;;",
                $"{TestWorld.Email(Roles.Operator)};Уже Есть;Министерство;;;",
                $"{Unique("role")};Неизвестная Роль;Директор;;;",
                $"{Unique("muni")};Нет Муниципалитета;Муниципальный координатор;NO-SUCH;;",
                $"{Unique("off")};Отключённый;Муниципальный координатор;{World.A2.Code};;",
                $"{Unique("school")};Нет Школы;Команда школы;;NO-SCHOOL;"), "ошибки.csv", Labels.Role);

            preview.CanCommit.Should().BeFalse();
            preview.Errors.Should().Equal(
                new ImportError(3, "«не-почта» — некорректный адрес электронной почты."),
                new ImportError(5, $"Почта {twice} повторяется в файле (впервые в строке 4)."),
                new ImportError(6, $"Пользователь с почтой {TestWorld.Email(Roles.Operator)} уже есть."),
                new ImportError(7, "Неизвестная роль «Директор». Допустимые роли: " + string.Join(", ", Roles.All.Select(r => $"«{Labels.Role(r)}»")) + "."),
                new ImportError(8, "Муниципалитет с кодом «NO-SUCH» не найден."),
                new ImportError(9, $"Муниципалитет «{World.A2.Name}» не действует."),
                new ImportError(10, "Школа с кодом «NO-SCHOOL» не найдена."));
            var commit = () => importer.CommitAsync(preview);
            (await commit.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("В файле есть ошибки: исправьте их и загрузите файл снова.");
        }
        finally
        {
            await using var db = portal.System();
            db.Municipalities.IgnoreQueryFilters().Single(m => m.Id == World.A2.Id).IsActive = true;
            await db.SaveChangesAsync();
        }
        await using var check = portal.System();
        (await check.Users.AnyAsync(u => u.Email == good || u.Email == twice)).Should().BeFalse();
        portal.Mailbox.To(good).Should().BeEmpty();
    }

    [Fact]
    public async Task A_school_or_municipality_code_of_another_region_is_refused_and_nothing_is_written()
    {
        var (team, mentor, muni) = (Unique("team"), Unique("mentor"), Unique("muni"));
        var preview = await ImporterOf().PrepareAsync(Csv(
            $"{team};Чужая Школа;Команда школы;;{World.SchoolB1.Code};",
            $"{mentor};Чужой Наставник;Наставник / тьютор;;;\"{World.SchoolA1.Code};{World.SchoolB1.Code}\"",
            $"{muni};Чужой Муниципалитет;Муниципальный координатор;{World.B1.Code};;"), "чужие.csv", Labels.Role);

        preview.Errors.Should().Equal(
            new ImportError(2, $"Школа с кодом «{World.SchoolB1.Code}» относится к другому региону."),
            new ImportError(3, $"Школа с кодом «{World.SchoolB1.Code}» относится к другому региону."),
            new ImportError(4, $"Муниципалитет с кодом «{World.B1.Code}» относится к другому региону."));
        preview.CanCommit.Should().BeFalse();
        var forged = preview with { Errors = [] };
        var commitElsewhere = () => ImporterOf(region: "b").CommitAsync(forged);
        await commitElsewhere.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Users.AnyAsync(u => u.Email == team || u.Email == mentor || u.Email == muni)).Should().BeFalse();
    }

    [Fact]
    public async Task Only_the_regional_administrator_may_invite_from_a_file_or_download_its_template()
    {
        foreach (var role in new[] { Roles.Operator, Roles.Ministry, Roles.Municipal })
        {
            var prepare = () => ImporterOf(role).PrepareAsync(Csv($"{Unique("x")};Кто-то;Министерство;;;"), "x.csv", Labels.Role);
            (await prepare.Should().ThrowAsync<ScopeException>()).Which.Message.Should().Be("Недостаточно прав для этого действия.");
        }
        var commit = () => ImporterOf(Roles.Operator).CommitAsync(new InvitationPreview(World.RegionA.Id, "x.csv",
            [new InvitationRow(2, Unique("x"), "Кто-то", Roles.Ministry, null, null, [])], []));
        await commit.Should().ThrowAsync<ScopeException>();

        using var operatorClient = await portal.LoginAsync(TestWorld.Email(Roles.Operator));
        var refused = await operatorClient.GetAsync("/admin/users/template.csv");
        (refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/account/access-denied") == true).Should().BeTrue();
        using var adminClient = await portal.LoginAsync(TestWorld.Email(Roles.Admin));
        var template = await adminClient.GetAsync("/admin/users/template.csv");
        template.StatusCode.Should().Be(HttpStatusCode.OK);
        (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Should().StartWith(Header).And.Contain("Наставник / тьютор");
    }
}
