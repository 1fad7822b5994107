using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Partnerships;

public sealed class PartnershipTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    /// <summary>The partnership use cases as one user runs them.</summary>
    private sealed record Actor(PartnershipQueries Queries, SavePartnership Save, MovePartnership Move, UploadAgreement Agreement,
        AddPartnershipActivity Activity, AddPartnershipReport Report);

    private Actor As(string role, string region = "a")
    {
        var scope = World.Scope(role, region);
        return new Actor(portal.Service<PartnershipQueries>(scope), portal.Service<SavePartnership>(scope), portal.Service<MovePartnership>(scope),
            portal.Service<UploadAgreement>(scope), portal.Service<AddPartnershipActivity>(scope), portal.Service<AddPartnershipReport>(scope));
    }

    private PartnershipEdit Agreement(string title, Guid leader, params Guid[] schools) => new()
    {
        Title = title, LeaderSchoolId = leader, LeaderRole = PartnerRole.LeaderSchool, Model = NetworkModel.Horizontal,
        AgreementNumber = "С-" + title.Length, AgreementDate = new DateOnly(2026, 2, 1), ValidFrom = new DateOnly(2026, 2, 10), ValidTo = new DateOnly(2027, 6, 30),
        SupportTypes = SupportTypes.Consulting | SupportTypes.Methodological, SchoolIds = [.. schools],
    };

    private async Task<Guid> CreateAsync(Actor service, PartnershipEdit edit)
    {
        var id = await service.Save.SaveAsync(edit);
        return id;
    }

    private async Task SignAsync(Actor service, Guid id)
    {
        var view = await service.Queries.GetAsync(id);
        await service.Move.MoveAsync(id, view!.Partnership.Version, PartnershipStatus.Signed);
    }

    [Fact]
    public async Task A_partnership_goes_proposed_signed_active_ended_and_refuses_other_steps()
    {
        var op = As(Roles.Operator);
        var id = await CreateAsync(op, Agreement("Сеть школ А1", World.SchoolA1.Id, World.SchoolA1Second.Id, World.SchoolA2.Id));
        var view = await op.Queries.GetAsync(id);
        view!.Partnership.Status.Should().Be(PartnershipStatus.Proposed);
        view.NextSteps.Should().BeEquivalentTo([PartnershipStatus.Signed, PartnershipStatus.Ended]);

        var skip = () => op.Move.MoveAsync(id, view.Partnership.Version, PartnershipStatus.Active);
        (await skip.Should().ThrowAsync<DomainException>()).WithMessage("Недопустимый переход статуса: «Предложено» → «Действует».");
        await SignAsync(op, id);
        var version = (await op.Queries.GetAsync(id))!.Partnership.Version;
        version = await op.Move.MoveAsync(id, version, PartnershipStatus.Active);
        await op.Activity.AddAsync(id, "Взаимопосещение уроков", new DateOnly(2026, 4, 15), "Заместители по УВР");
        (await FluentActions.Awaiting(() => op.Activity.AddAsync(id, "Вне срока", new DateOnly(2028, 1, 1), "")).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Срок мероприятия должен быть в пределах срока действия соглашения.");
        await As(Roles.School).Report.AddAsync(id, new DateOnly(2026, 5, 1), "Проведено 4 взаимопосещения.");
        await op.Move.MoveAsync(id, version, PartnershipStatus.Ended);
        var back = async () => await op.Move.MoveAsync(id, (await op.Queries.GetAsync(id))!.Partnership.Version, PartnershipStatus.Active);
        await back.Should().ThrowAsync<DomainException>();

        var ended = await op.Queries.GetAsync(id);
        ended!.Partnership.Activities.Should().ContainSingle();
        ended.Partnership.Reports.Should().ContainSingle().Which.Text.Should().Be("Проведено 4 взаимопосещения.");
    }

    [Fact]
    public async Task A_signed_partnership_is_announced_to_its_schools_and_their_coordinator_in_app_and_by_email_and_to_nobody_else()
    {
        var op = As(Roles.Operator);
        var id = await CreateAsync(op, Agreement("Сеть для уведомлений", World.SchoolA1.Id, World.SchoolA1Second.Id));
        await SignAsync(op, id);

        async Task<bool> NotifiedAsync(string role, string region = "a")
        {
            await using var db = portal.System();
            var user = World.Scope(role, region).UserId;
            return await db.Notifications.AnyAsync(n => n.UserId == user && n.Link == $"/partnerships/{id}");
        }

        (await NotifiedAsync(Roles.School)).Should().BeTrue("the school team of a partner school acts next");
        (await NotifiedAsync(Roles.Municipal)).Should().BeTrue("so does its coordinator");
        (await NotifiedAsync(Roles.Municipal, "a2")).Should().BeFalse("no school of A2 is in the partnership");
        (await NotifiedAsync(Roles.Operator, "b")).Should().BeFalse("another region");
        (await NotifiedAsync(Roles.Operator)).Should().BeFalse("the actor is not told of their own step");
        (await portal.Mailbox.ReceivedAsync(TestWorld.Email(Roles.Municipal), "Сеть для уведомлений")).Should().BeTrue("the coordinator gets the letter on the loopback SMTP server");
    }

    [Fact]
    public async Task Dates_in_the_wrong_order_and_missing_support_types_are_refused_and_nothing_is_stored()
    {
        var edit = Agreement("Неверные даты", World.SchoolA1.Id, World.SchoolA1Second.Id);
        edit.ValidTo = new DateOnly(2026, 1, 1);
        edit.AgreementDate = new DateOnly(2026, 3, 1);
        edit.SupportTypes = SupportTypes.None;
        var wrong = () => As(Roles.Operator).Save.SaveAsync(edit);
        (await wrong.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Дата окончания действия соглашения не может быть раньше даты начала.")
            .And.Contain("Дата соглашения не может быть позже начала его действия.")
            .And.Contain("Отметьте хотя бы один вид поддержки.");
        var self = Agreement("Сама с собой", World.SchoolA1.Id, World.SchoolA1.Id);
        (await FluentActions.Awaiting(() => As(Roles.Operator).Save.SaveAsync(self)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Школа-лидер не может быть среди поддерживаемых школ.");
        await using var db = portal.System();
        (await db.Partnerships.AnyAsync(p => p.Title == "Неверные даты" || p.Title == "Сама с собой")).Should().BeFalse();
    }

    [Fact]
    public async Task Signing_needs_the_agreement_number_and_date()
    {
        var edit = Agreement("Без номера", World.SchoolA1.Id, World.SchoolA1Second.Id);
        edit.AgreementNumber = "";
        var id = await CreateAsync(As(Roles.Operator), edit);
        var sign = () => SignAsync(As(Roles.Operator), id);
        (await sign.Should().ThrowAsync<DomainException>()).WithMessage("*номер и дату*");
    }

    [Fact]
    public async Task The_coordinator_manages_partnerships_of_the_municipality_and_others_cannot_see_or_change_them()
    {
        var coordinator = As(Roles.Municipal);
        var id = await CreateAsync(coordinator, Agreement("Муниципальная пара", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var crossing = () => coordinator.Save.SaveAsync(Agreement("Чужая школа", World.SchoolA1.Id, World.SchoolA2.Id));
        await crossing.Should().ThrowAsync<ScopeException>();

        (await As(Roles.Municipal, "a2").Queries.GetAsync(id)).Should().BeNull();
        (await As(Roles.Municipal, "a2").Queries.ListAsync()).Should().NotContain(r => r.Id == id);
        var a2Moves = () => As(Roles.Municipal, "a2").Move.MoveAsync(id, 0, PartnershipStatus.Signed);
        await a2Moves.Should().ThrowAsync<ScopeException>();
        (await As(Roles.Operator, "b").Queries.GetAsync(id)).Should().BeNull();
        var otherRegion = () => As(Roles.Operator, "b").Move.MoveAsync(id, 0, PartnershipStatus.Signed);
        await otherRegion.Should().ThrowAsync<ScopeException>();
        var schoolMoves = () => As(Roles.School).Move.MoveAsync(id, 0, PartnershipStatus.Signed);
        await schoolMoves.Should().ThrowAsync<ScopeException>();
        (await As(Roles.School).Queries.GetAsync(id))!.CanManage.Should().BeFalse();
    }

    [Fact]
    public async Task The_kpi_counts_agreements_signed_in_the_year_against_the_target()
    {
        var b = As(Roles.Operator, "b");
        (await b.Queries.KpiAsync(2026)).Should().Be(new AgreementsKpi(2026, 0, 5));
        await using (var db = portal.System())
        {
            var leader = new School
            {
                Id = Guid.NewGuid(), RegionId = World.RegionB.Id, MunicipalityId = World.B1.Id, Code = "B1-LEAD", ShortName = "Лидер Б1", FullName = "МОУ Лидер Б1",
                Leader = LeaderKind.Donor,
            };
            db.Schools.Add(leader);
            await db.SaveChangesAsync();
        }
        var leaderId = (await b.Queries.SchoolsAsync()).Single(s => s.Name == "Лидер Б1").Id;
        for (var i = 0; i < 3; i++)
        {
            var id = await CreateAsync(b, Agreement("Соглашение Б " + new string('x', i), leaderId, World.SchoolB1.Id));
            if (i < 2) await SignAsync(b, id);
        }
        var lastYear = Agreement("Прошлый год", leaderId, World.SchoolB1.Id);
        lastYear.AgreementDate = new DateOnly(2025, 12, 1);
        await SignAsync(b, await CreateAsync(b, lastYear));

        (await b.Queries.KpiAsync(2026)).Should().Be(new AgreementsKpi(2026, 2, 5), "proposed agreements and those of 2025 do not count");
        (await b.Queries.KpiAsync(2026)).Met.Should().BeFalse();
        (await b.Queries.KpiAsync(2025)).Signed.Should().Be(1);
        (await As(Roles.Operator).Queries.KpiAsync(2026)).Signed.Should().BeLessThan(10, "region A does not count region B's agreements");
    }

    [Fact]
    public async Task Leader_eligibility_comes_from_registry_flags_and_three_years_of_results()
    {
        await using (var db = portal.System())
        {
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                db.Results.Add(new AssessmentResult { RegionId = World.RegionA.Id, SchoolId = World.SchoolA1Second.Id, Year = year, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Mathematics, Participants = 40, MeanScore = 18, BelowMinimumShare = 2 });
                db.Results.Add(new AssessmentResult { RegionId = World.RegionA.Id, SchoolId = World.SchoolA2.Id, Year = year, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Mathematics, Participants = 40, MeanScore = 12, BelowMinimumShare = year == 2024 ? 12 : 1 });
            }
            var a1 = await db.Schools.SingleAsync(s => s.Id == World.SchoolA1.Id);
            a1.IsInnovationSite = true;
            await db.SaveChangesAsync();
        }
        var rows = await As(Roles.Operator).Queries.EligibilityAsync(eligibleOnly: false);
        rows.Single(r => r.SchoolId == World.SchoolA1Second.Id).StableHighResults.Should().BeTrue();
        rows.Single(r => r.SchoolId == World.SchoolA2.Id).StableHighResults.Should().BeFalse("12 % below the minimum in 2024 is above 5 %");
        rows.Single(r => r.SchoolId == World.SchoolA1.Id).IsEligible.Should().BeTrue("an innovation site may lead");
        (await As(Roles.Operator).Queries.EligibilityAsync()).Select(r => r.SchoolId).Should().NotContain(World.SchoolA2.Id);
        (await As(Roles.Municipal).Queries.EligibilityAsync(eligibleOnly: false)).Select(r => r.SchoolId).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA1Second.Id]);
    }

    private static MemoryStream Pdf(string text) => new(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n"));

    [Fact]
    public async Task The_card_edits_the_agreement_and_uploads_its_file()
    {
        var coordinator = As(Roles.Municipal);
        var id = await CreateAsync(coordinator, Agreement("Карточка соглашения", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var edit = PartnershipEdit.From((await coordinator.Queries.GetAsync(id))!.Partnership);
        edit.AgreementNumber = "С-77";
        edit.AgreementDate = new DateOnly(2026, 3, 1);
        edit.ValidFrom = new DateOnly(2026, 3, 2);
        edit.ValidTo = new DateOnly(2027, 8, 31);
        edit.Model = NetworkModel.Vertical;
        edit.SupportTypes = SupportTypes.Resource;
        await coordinator.Save.SaveAsync(edit);

        var version = await coordinator.Agreement.UploadAsync(id, "соглашение.pdf", Pdf("соглашение"));

        var view = (await As(Roles.School).Queries.GetAsync(id))!;
        view.Partnership.AgreementNumber.Should().Be("С-77");
        view.Partnership.ValidTo.Should().Be(new DateOnly(2027, 8, 31));
        view.Partnership.Model.Should().Be(NetworkModel.Vertical);
        view.Partnership.SupportTypes.Should().Be(SupportTypes.Resource);
        view.AgreementVersionId.Should().Be(version.Id);

        using var municipal = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        (await municipal.GetStringAsync($"/partnerships/{id}")).Should().Contain("Изменить соглашение").And.Contain("for=\"agreement-file\"")
            .And.Contain("С-77").And.Contain(version.Id.ToString());
        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        (await school.GetStringAsync($"/partnerships/{id}")).Should().Contain("С-77").And.NotContain("Изменить соглашение");
    }

    [Fact]
    public async Task A_bad_agreement_edit_is_refused_in_russian_and_nothing_changes()
    {
        var op = As(Roles.Operator);
        var id = await CreateAsync(op, Agreement("Неверная правка", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var edit = PartnershipEdit.From((await op.Queries.GetAsync(id))!.Partnership);
        edit.ValidTo = edit.ValidFrom!.Value.AddDays(-1);
        edit.SupportTypes = SupportTypes.None;
        (await FluentActions.Awaiting(() => op.Save.SaveAsync(edit)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Дата окончания действия соглашения не может быть раньше даты начала.")
            .And.Contain("Отметьте хотя бы один вид поддержки.");

        await SignAsync(op, id);
        var signed = PartnershipEdit.From((await op.Queries.GetAsync(id))!.Partnership);
        signed.AgreementNumber = "Другой";
        (await FluentActions.Awaiting(() => op.Save.SaveAsync(signed)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Номер и дата подписанного соглашения не изменяются.");

        await using var db = portal.System();
        var stored = await db.Partnerships.SingleAsync(p => p.Id == id);
        stored.AgreementNumber.Should().Be("С-" + "Неверная правка".Length);
        stored.ValidTo.Should().Be(new DateOnly(2027, 6, 30));
        stored.SupportTypes.Should().Be(SupportTypes.Consulting | SupportTypes.Methodological);
    }

    [Fact]
    public async Task Another_municipality_or_region_cannot_edit_the_agreement_or_attach_its_file()
    {
        var id = await CreateAsync(As(Roles.Municipal), Agreement("Чужое соглашение", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var edit = PartnershipEdit.From((await As(Roles.Municipal).Queries.GetAsync(id))!.Partnership);
        edit.AgreementNumber = "Подмена";
        var otherMunicipality = () => As(Roles.Municipal, "a2").Save.SaveAsync(edit);
        await otherMunicipality.Should().ThrowAsync<ScopeException>();
        var otherRegion = () => As(Roles.Operator, "b").Save.SaveAsync(edit);
        await otherRegion.Should().ThrowAsync<ScopeException>();

        var attach = () => As(Roles.Municipal, "a2").Agreement.UploadAsync(id, "с.pdf", Pdf("с"));
        await attach.Should().ThrowAsync<ScopeException>();
        var schoolAttach = () => As(Roles.School).Agreement.UploadAsync(id, "с.pdf", Pdf("с"));
        await schoolAttach.Should().ThrowAsync<ScopeException>();

        using var other = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        using var unseen = await other.GetAsync($"/partnerships/{id}");
        unseen.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unseen.Content.ReadAsStringAsync()).Should().NotContain("Чужое соглашение").And.NotContain("Изменить соглашение");
        await using var db = portal.System();
        var stored = await db.Partnerships.SingleAsync(p => p.Id == id);
        stored.AgreementNumber.Should().NotBe("Подмена");
        stored.AgreementDocumentId.Should().BeNull();
    }

    [Fact]
    public async Task A_refused_agreement_file_stores_neither_the_document_nor_the_link()
    {
        var coordinator = As(Roles.Municipal);
        var id = await CreateAsync(coordinator, Agreement("Отклонённый файл", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var disguised = () => coordinator.Agreement.UploadAsync(id, "соглашение.pdf", new MemoryStream("MZ not a pdf"u8.ToArray()));
        (await disguised.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");

        await using var db = portal.System();
        (await db.Partnerships.SingleAsync(p => p.Id == id)).AgreementDocumentId.Should().BeNull();
        (await db.Documents.AnyAsync(d => d.Title == "Соглашение: Отклонённый файл")).Should().BeFalse();
    }

    [Fact]
    public async Task A_second_agreement_file_becomes_the_next_version_of_the_same_document()
    {
        var coordinator = As(Roles.Municipal);
        var id = await CreateAsync(coordinator, Agreement("Две версии", World.SchoolA1.Id, World.SchoolA1Second.Id));
        var first = await coordinator.Agreement.UploadAsync(id, "проект.pdf", Pdf("проект"));
        var second = await coordinator.Agreement.UploadAsync(id, "подписанное.pdf", Pdf("подписанное"));

        second.DocumentId.Should().Be(first.DocumentId);
        second.Number.Should().Be(2);
        var view = (await coordinator.Queries.GetAsync(id))!;
        view.Partnership.AgreementDocumentId.Should().Be(first.DocumentId);
        view.AgreementVersionId.Should().Be(second.Id);
    }
}
