using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

public sealed class NoticesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string EmptyOnPurpose = "Тестовый перечень без школ: проверяются только уведомления.";
    private sealed class Mailbox : IEmailSender
    {
        private readonly List<(string To, string Subject, string Body)> _sent = [];

        public IReadOnlyList<(string To, string Subject, string Body)> Sent
        {
            get
            {
                lock (_sent) return [.. _sent];
            }
        }

        public Task SendAsync(string to, string subject, string body, CancellationToken ct)
        {
            lock (_sent) _sent.Add((to, subject, body));
            return Task.CompletedTask;
        }
    }

    private TestWorld World => portal.World;

    private IDbContextFactory<AppDbContext> Dbs(UserScope user) => portal.ActAs(user).ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static Notices NoticesTo(Mailbox mailbox) => new(mailbox, TimeProvider.System, NullLogger<Notices>.Instance);

    private async Task<List<Notification>> NoticesOfAsync(string role, string region = "a")
    {
        await using var db = portal.System();
        var user = World.Scope(role, region).UserId;
        return await db.Notifications.Where(n => n.UserId == user).ToListAsync();
    }

    private async Task<SupportList> ListUnderReviewAsync(int year)
    {
        await using var db = portal.System();
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, Version = 1, Name = "Методика", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(ListStatus.UnderReview) { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, MethodologyId = methodology.Id };
        db.AddRange(methodology, list);
        await db.SaveChangesAsync();
        return list;
    }

    private async Task<uint> RowVersionAsync(Guid listId)
    {
        await using var db = portal.System();
        return await db.Set<SupportList>().Where(l => l.Id == listId).Select(l => l.RowVersion).FirstAsync();
    }

    [Fact]
    public async Task A_submitted_list_is_announced_to_the_ministry_in_app_and_by_email_naming_who_submitted_it()
    {
        var list = await ListUnderReviewAsync(2041);
        var mailbox = new Mailbox();
        var op = World.Scope(Roles.Operator);
        await new SubmitList(Dbs(op), new FixedScope(op), TimeProvider.System, NoticesTo(mailbox)).SubmitAsync(list.Id, await RowVersionAsync(list.Id), emptyListJustification: EmptyOnPurpose);

        var notice = (await NoticesOfAsync(Roles.Ministry)).Should().ContainSingle(n => n.Link == $"/lists/{list.Id}").Subject;
        notice.Title.Should().Be("Перечень ШНОР/ШНСУ на 2041/2042 учебный год (версия 1): направлен на утверждение");
        notice.Body.Should().Contain("Operator a").And.NotContain("@", "people are named by full name, never by e-mail");
        notice.MailPending.Should().BeFalse("the ministry chose immediate letters (the default) and the letter went out");
        mailbox.Sent.Should().ContainSingle(m => m.To == TestWorld.Email(Roles.Ministry)).Which.Body.Should().Contain($"/lists/{list.Id}");

        (await NoticesOfAsync(Roles.Operator)).Should().NotContain(n => n.Link == $"/lists/{list.Id}", "the actor is not told of their own step");
        (await NoticesOfAsync(Roles.Operator, "b")).Should().NotContain(n => n.Link == $"/lists/{list.Id}", "another region");
        (await NoticesOfAsync(Roles.Municipal)).Should().NotContain(n => n.Link == $"/lists/{list.Id}");
    }

    [Fact]
    public async Task A_returned_list_is_announced_to_the_operators_with_the_comment_and_an_empty_comment_is_refused()
    {
        var list = await ListUnderReviewAsync(2042);
        await portal.Service<SubmitList>(World.Scope(Roles.Operator)).SubmitAsync(list.Id, await RowVersionAsync(list.Id), emptyListJustification: EmptyOnPurpose);
        var ministry = portal.Service<ReturnList>(World.Scope(Roles.Ministry));

        var empty = () => ministry.ReturnAsync(list.Id, RowVersionAsync(list.Id).Result, " ");
        await empty.Should().ThrowAsync<DomainException>();
        (await NoticesOfAsync(Roles.Operator)).Should().NotContain(n => n.Link == $"/lists/{list.Id}", "nothing happened");

        await ministry.ReturnAsync(list.Id, await RowVersionAsync(list.Id), "Приложите обоснования по школам района А2.");
        var notice = (await NoticesOfAsync(Roles.Operator)).Should().ContainSingle(n => n.Link == $"/lists/{list.Id}").Subject;
        notice.Title.Should().EndWith("возвращён на доработку");
        notice.Body.Should().Contain("Ministry a").And.Contain("Приложите обоснования по школам района А2.");
        (await NoticesOfAsync(Roles.Operator, "b")).Should().NotContain(n => n.Link == $"/lists/{list.Id}");
    }

    [Fact]
    public async Task A_submitted_school_programme_is_announced_to_its_own_coordinator_only()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        var version = (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, version, PlanStatus.Submitted, null);

        var notice = (await NoticesOfAsync(Roles.Municipal)).Should().ContainSingle(n => n.Link == $"/roadmaps/{id}").Subject;
        notice.Title.Should().EndWith("направлен на согласование");
        notice.Body.Should().Contain("School a");
        (await NoticesOfAsync(Roles.Municipal, "a2")).Should().NotContain(n => n.Link == $"/roadmaps/{id}");
        (await NoticesOfAsync(Roles.Municipal, "b")).Should().NotContain(n => n.Link == $"/roadmaps/{id}");
    }

    [Fact]
    public async Task An_uploaded_school_document_is_announced_to_its_coordinator_and_the_decision_to_the_uploader()
    {
        var team = World.Scope(Roles.School);
        var version = await portal.Service<DocumentLibrary>(team).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, DocumentKind.SelfAssessmentReport,
            "Отчёт о самообследовании", "report.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\nотчёт\n%%EOF\n"))));
        var link = $"/documents?school={World.SchoolA1.Id}";
        (await NoticesOfAsync(Roles.Municipal)).Should().ContainSingle(n => n.Link == link && n.Title.Contains("Отчёт о самообследовании"))
            .Which.Title.Should().EndWith("ожидает рассмотрения");
        (await NoticesOfAsync(Roles.Municipal, "a2")).Should().NotContain(n => n.Link == link);

        var returnWithout = () => portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal)).ReviewAsync(version.Id, false, null);
        await returnWithout.Should().ThrowAsync<DomainException>();
        (await NoticesOfAsync(Roles.School)).Should().NotContain(n => n.Link == link);

        await portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal)).ReviewAsync(version.Id, false, "Нет подписи директора.");
        var decision = (await NoticesOfAsync(Roles.School)).Should().ContainSingle(n => n.Link == link).Subject;
        decision.Title.Should().EndWith("возвращён на доработку");
        decision.Body.Should().Contain("Municipal a").And.Contain("Нет подписи директора.");
    }

    [Fact]
    public async Task A_user_who_chose_the_daily_digest_gets_one_letter_a_day_and_each_notice_once()
    {
        await portal.Service<NotificationService>(World.Scope(Roles.Ministry)).SetDeliveryAsync(NoticeDelivery.DailyDigest);
        var bogus = () => portal.Service<NotificationService>(World.Scope(Roles.Ministry)).SetDeliveryAsync((NoticeDelivery)7);
        await bogus.Should().ThrowAsync<DomainException>();
        (await portal.Service<NotificationService>(World.Scope(Roles.Ministry)).DeliveryAsync()).Should().Be(NoticeDelivery.DailyDigest);
        try
        {
            var first = await ListUnderReviewAsync(2043);
            var second = await ListUnderReviewAsync(2044);
            var mailbox = new Mailbox();
            var op = World.Scope(Roles.Operator);
            var submit = new SubmitList(Dbs(op), new FixedScope(op), TimeProvider.System, NoticesTo(mailbox));
            await submit.SubmitAsync(first.Id, await RowVersionAsync(first.Id), emptyListJustification: EmptyOnPurpose);
            await submit.SubmitAsync(second.Id, await RowVersionAsync(second.Id), emptyListJustification: EmptyOnPurpose);
            mailbox.Sent.Should().NotContain(m => m.To == TestWorld.Email(Roles.Ministry), "the ministry waits for the digest");

            var digest = new NoticeDigestJob(portal.Services.GetRequiredService<SystemDb>(), mailbox, NullLogger<NoticeDigestJob>.Instance);
            await digest.RunAsync(CancellationToken.None);
            var letter = mailbox.Sent.Should().ContainSingle(m => m.To == TestWorld.Email(Roles.Ministry)).Subject;
            letter.Body.Should().Contain($"/lists/{first.Id}").And.Contain($"/lists/{second.Id}");

            await digest.RunAsync(CancellationToken.None);
            mailbox.Sent.Count(m => m.To == TestWorld.Email(Roles.Ministry)).Should().Be(1, "a notice is mailed once");
            mailbox.Sent.Should().NotContain(m => m.To == TestWorld.Email(Roles.Operator, "b"));
        }
        finally
        {
            await portal.Service<NotificationService>(World.Scope(Roles.Ministry)).SetDeliveryAsync(NoticeDelivery.Immediate);
        }
    }
}
