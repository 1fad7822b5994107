using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Mentoring;

public sealed class ConsultationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<UserScope> AssignedMentorAsync(Guid schoolId)
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(MentorScopeTests.Assignment(mentor.UserId, schoolId));
        return mentor;
    }

    private static ConsultationEdit Entry(Guid schoolId, DateOnly? date = null, string topic = "Самооценка и ВСОКО") => new()
    {
        SchoolId = schoolId, Date = date ?? Today.AddDays(-1), Format = ConsultationFormat.Remote, Topic = topic, DurationMinutes = 90,
        ParticipantsCount = 4, ParticipantRoles = "директор, заместитель по УВР, учителя математики", Outcome = "Согласован план самооценки",
        Steps = [new StepEdit { Text = "Подготовить приказ о ВСОКО", Deadline = (date ?? Today).AddDays(14) }],
    };

    [Fact]
    public async Task A_mentor_logs_a_consultation_at_an_assigned_school_and_the_school_sees_it()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var id = await portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA1.Id));

        var seenBySchool = await portal.Service<ConsultationQueries>(World.Scope(Roles.School)).ListAsync(new ConsultationQuery());
        var row = seenBySchool.Should().ContainSingle(r => r.Consultation.Id == id).Subject;
        row.Consultation.NextSteps.Should().ContainSingle();
        row.CanEdit.Should().BeFalse();
        row.CanGiveFeedback.Should().BeTrue();
        (await portal.Service<ConsultationQueries>(World.Scope(Roles.Municipal, "a2")).ListAsync(new ConsultationQuery())).Should().NotContain(r => r.Consultation.Id == id);
        (await portal.Service<ConsultationQueries>(World.Scope(Roles.Operator, "b")).ListAsync(new ConsultationQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task A_mentor_cannot_log_for_a_school_not_assigned_and_nobody_else_edits_the_record()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var notAssigned = () => portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA2.Id));
        await notAssigned.Should().ThrowAsync<ScopeException>();

        var id = await portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA1.Id));
        var other = await AssignedMentorAsync(World.SchoolA1.Id);
        var edit = Entry(World.SchoolA1.Id, topic: "Подмена");
        edit.Id = id;
        var foreign = () => portal.Service<RecordConsultation>(other).SaveAsync(edit);
        (await foreign.Should().ThrowAsync<ScopeException>()).WithMessage("*только её автор*");
        var schoolWrites = () => portal.Service<RecordConsultation>(World.Scope(Roles.School)).SaveAsync(Entry(World.SchoolA1.Id));
        await schoolWrites.Should().ThrowAsync<ScopeException>();
        var operatorWrites = () => portal.Service<RecordConsultation>(World.Scope(Roles.Operator)).SaveAsync(Entry(World.SchoolA1.Id));
        await operatorWrites.Should().ThrowAsync<ScopeException>();

        await using var db = portal.System();
        (await db.Consultations.SingleAsync(c => c.Id == id)).Topic.Should().Be("Самооценка и ВСОКО");
    }

    [Fact]
    public async Task Bad_input_is_refused_in_russian_and_nothing_is_stored()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1Second.Id);
        var journal = portal.Service<RecordConsultation>(mentor);
        var zero = Entry(World.SchoolA1Second.Id);
        zero.DurationMinutes = 0;
        (await FluentActions.Awaiting(() => journal.SaveAsync(zero)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Продолжительность — больше 0 и не более 1440 минут.");
        var earlyStep = Entry(World.SchoolA1Second.Id, date: Today);
        earlyStep.Steps[0].Deadline = Today.AddDays(-1);
        (await FluentActions.Awaiting(() => journal.SaveAsync(earlyStep)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Срок следующего шага не может быть раньше даты консультации.");
        var noTopic = Entry(World.SchoolA1Second.Id, topic: " ");
        (await FluentActions.Awaiting(() => journal.SaveAsync(noTopic)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Укажите тему консультации.");

        await using var db = portal.System();
        (await db.Consultations.AnyAsync(c => c.MentorId == mentor.UserId)).Should().BeFalse();
    }

    [Fact]
    public async Task Feedback_comes_only_from_the_school_once_per_user_with_a_rating_from_1_to_5()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var id = await portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA1.Id, topic: "Обратная связь"));
        var school = portal.Service<GiveFeedback>(World.Scope(Roles.School));

        (await FluentActions.Awaiting(() => school.GiveAsync(id, 6, "слишком хорошо")).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Оценка должна быть от 1 до 5.");
        (await FluentActions.Awaiting(() => school.GiveAsync(id, 0, null)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Оценка должна быть от 1 до 5.");
        await school.GiveAsync(id, 5, "Полезно");
        (await FluentActions.Awaiting(() => school.GiveAsync(id, 4, "Ещё раз")).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Вы уже оставили отзыв об этой консультации.");
        var colleague = await ExtraUsers.AddAsync(portal, Roles.School, World.A1.Id, World.SchoolA1.Id);
        await portal.Service<GiveFeedback>(colleague).GiveAsync(id, 3, "");

        var otherSchool = await ExtraUsers.AddAsync(portal, Roles.School, World.A1.Id, World.SchoolA1Second.Id);
        var foreign = () => portal.Service<GiveFeedback>(otherSchool).GiveAsync(id, 1, "");
        await foreign.Should().ThrowAsync<ScopeException>();
        var mentorRates = () => portal.Service<GiveFeedback>(mentor).GiveAsync(id, 5, "");
        await mentorRates.Should().ThrowAsync<ScopeException>();

        var row = (await portal.Service<ConsultationQueries>(mentor).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id);
        row.Ratings.Should().Be(2);
        row.AverageRating.Should().Be(4);
        (await portal.Service<ConsultationQueries>(World.Scope(Roles.Municipal)).FeedbackAsync(new ConsultationQuery()))
            .Where(f => f.ConsultationId == id).Select(f => f.Rating).Should().BeEquivalentTo([5, 3]);
    }

    [Fact]
    public async Task The_summary_counts_per_school_and_month_and_highlights_schools_without_recent_consultations()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA2.Id);
        var journal = portal.Service<RecordConsultation>(mentor);
        var longAgo = Today.AddDays(-45);
        await journal.SaveAsync(Entry(World.SchoolA2.Id, date: longAgo));

        var a2 = portal.Service<ConsultationQueries>(World.Scope(Roles.Municipal, "a2"));
        var row = (await a2.SummaryAsync(longAgo.Year)).Should().ContainSingle().Subject;
        row.SchoolId.Should().Be(World.SchoolA2.Id);
        row.ByMonth[longAgo.Month - 1].Should().Be(1);
        row.Last.Should().Be(longAgo);
        row.Highlighted.Should().BeTrue("45 days is more than the default 30");

        await journal.SaveAsync(Entry(World.SchoolA2.Id, date: Today.AddDays(-2)));
        (await a2.SummaryAsync(Today.Year)).Single().Highlighted.Should().BeFalse();

        using var xlsx = new MemoryStream();
        await portal.Service<MentoringExports>(World.Scope(Roles.Municipal, "a2")).WriteSummaryXlsxAsync(Today.Year, xlsx);
        xlsx.Position = 0;
        XlsxExport.Read(xlsx).Should().ContainSingle().Which["Школа"].Should().Be(World.SchoolA2.ShortName);
    }

    [Fact]
    public async Task The_workload_shows_schools_and_consultations_per_month_of_each_mentor()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1Second.Id);
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(MentorScopeTests.Assignment(mentor.UserId, World.SchoolA2.Id));
        await portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA1Second.Id, date: Today));

        var load = (await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).WorkloadAsync()).Single(w => w.MentorId == mentor.UserId);
        load.Schools.Should().Be(2);
        load.ConsultationsByMonth[Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)].Should().Be(1);
        var a1 = (await portal.Service<MentorAssignments>(World.Scope(Roles.Municipal)).WorkloadAsync()).Single(w => w.MentorId == mentor.UserId);
        a1.Schools.Should().Be(1, "the coordinator of A1 counts only schools of A1");
    }

    [Fact]
    public async Task The_calendar_shows_consultations_and_their_next_steps_within_scope()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var day = new DateOnly(Today.Year, Today.Month, 1);
        await portal.Service<RecordConsultation>(mentor).SaveAsync(Entry(World.SchoolA1.Id, date: day, topic: "Календарная тема"));
        var month = await portal.Service<SupportCalendar>(mentor).MonthAsync(day.Year, day.Month);
        month.Should().Contain(e => e.Kind == CalendarEntryKind.Consultation && e.Date == day && e.Title.Contains("Календарная тема"));
        month.Should().Contain(e => e.Kind == CalendarEntryKind.NextStep && e.Date == day.AddDays(14));
        (await portal.Service<SupportCalendar>(World.Scope(Roles.Municipal, "a2")).MonthAsync(day.Year, day.Month))
            .Should().NotContain(e => e.Title.Contains("Календарная тема"));
    }

    private static MemoryStream Pdf(string text) => new(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n"));

    [Fact]
    public async Task The_author_edits_a_record_and_attaches_materials_that_the_school_can_download()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var journal = portal.Service<RecordConsultation>(mentor);
        var id = await journal.SaveAsync(Entry(World.SchoolA1.Id, topic: "До правки"));

        var row = (await portal.Service<ConsultationQueries>(mentor).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id);
        var edit = Entry(World.SchoolA1.Id, topic: "После правки");
        edit.Id = id;
        edit.Version = row.Consultation.Version;
        await journal.SaveAsync(edit, new MaterialsUpload("памятка.pdf", Pdf("памятка")));

        var seen = (await portal.Service<ConsultationQueries>(World.Scope(Roles.School)).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id);
        seen.Consultation.Topic.Should().Be("После правки");
        seen.Consultation.MaterialsDocumentId.Should().Be(edit.MaterialsDocumentId);
        var version = seen.Materials!.VersionId;
        seen.Materials.FileName.Should().EndWith(".pdf");
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.School)).OpenAsync(version)).Should().NotBeNull();
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal, "a2")).OpenAsync(version)).Should().BeNull();

        await journal.SaveAsync(edit, new MaterialsUpload("памятка-2.pdf", Pdf("памятка 2")));
        var again = (await portal.Service<ConsultationQueries>(mentor).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id);
        again.Consultation.MaterialsDocumentId.Should().Be(seen.Consultation.MaterialsDocumentId, "a new file is the next version of the same materials");
        again.Materials!.VersionId.Should().NotBe(version);
    }

    [Fact]
    public async Task A_refused_materials_file_stores_neither_the_record_nor_the_document()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var journal = portal.Service<RecordConsultation>(mentor);
        static MaterialsUpload Disguised() => new("слайды.pdf", new MemoryStream("MZ not a pdf"u8.ToArray()));

        var create = () => journal.SaveAsync(Entry(World.SchoolA1.Id, topic: "Отклонённые материалы"), Disguised());
        (await create.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");

        var id = await journal.SaveAsync(Entry(World.SchoolA1.Id, topic: "Без материалов"));
        var edit = Entry(World.SchoolA1.Id, topic: "Правка с отклонённым файлом");
        edit.Id = id;
        edit.Version = (await portal.Service<ConsultationQueries>(mentor).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id).Consultation.Version;
        var update = () => journal.SaveAsync(edit, Disguised());
        await update.Should().ThrowAsync<DomainException>();

        await using var db = portal.System();
        (await db.Consultations.AnyAsync(c => c.Topic == "Отклонённые материалы")).Should().BeFalse();
        var kept = await db.Consultations.SingleAsync(c => c.Id == id);
        kept.Topic.Should().Be("Без материалов");
        kept.MaterialsDocumentId.Should().BeNull();
        (await db.Documents.AnyAsync(d => d.Title == "Материалы консультации: Отклонённые материалы" || d.Title == "Материалы консультации: Правка с отклонённым файлом"))
            .Should().BeFalse();
    }

    [Fact]
    public async Task A_stale_edit_is_refused_in_russian_and_keeps_the_newer_record()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var journal = portal.Service<RecordConsultation>(mentor);
        var id = await journal.SaveAsync(Entry(World.SchoolA1.Id, topic: "Первая"));
        var version = (await portal.Service<ConsultationQueries>(mentor).ListAsync(new ConsultationQuery())).Single(r => r.Consultation.Id == id).Consultation.Version;
        var first = Entry(World.SchoolA1.Id, topic: "Вторая");
        first.Id = id;
        first.Version = version;
        await journal.SaveAsync(first);

        var stale = Entry(World.SchoolA1.Id, topic: "Устаревшая");
        stale.Id = id;
        stale.Version = version;
        var save = () => journal.SaveAsync(stale);
        (await save.Should().ThrowAsync<StaleEditException>()).WithMessage("*уже изменил другой пользователь*");
        await using var db = portal.System();
        (await db.Consultations.SingleAsync(c => c.Id == id)).Topic.Should().Be("Вторая");
    }

    [Fact]
    public async Task Materials_of_another_school_or_a_bad_file_are_refused_and_nothing_is_linked()
    {
        var mentor = await AssignedMentorAsync(World.SchoolA1.Id);
        var library = portal.Service<DocumentLibrary>(mentor);
        var bad = () => library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, Domain.Documents.DocumentKind.ConsultationMaterials,
            "Материалы консультации", "вирус.pdf", new MemoryStream("MZ not a pdf"u8.ToArray())));
        (await bad.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");

        var foreignDoc = await portal.Service<DocumentLibrary>(World.Scope(Roles.School)).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id,
            Domain.Documents.DocumentKind.SchoolProgramme, "Программа", "программа.pdf", Pdf("программа")));
        var otherSchoolMentor = await AssignedMentorAsync(World.SchoolA1Second.Id);
        var edit = Entry(World.SchoolA1Second.Id, topic: "Чужие материалы");
        edit.MaterialsDocumentId = foreignDoc.DocumentId;
        (await FluentActions.Awaiting(() => portal.Service<RecordConsultation>(otherSchoolMentor).SaveAsync(edit)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Материалы должны быть документом этой школы.");

        var otherRegion = () => portal.Service<DocumentLibrary>(World.Scope(Roles.Operator, "b")).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id,
            Domain.Documents.DocumentKind.ConsultationMaterials, "Материалы", "m.pdf", Pdf("m")));
        await otherRegion.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Consultations.AnyAsync(c => c.Topic == "Чужие материалы")).Should().BeFalse();
    }

    [Fact]
    public async Task The_journal_page_offers_the_author_edit_and_materials_upload_and_links_the_materials()
    {
        var mentor = World.Scope(Roles.Mentor);
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(MentorScopeTests.Assignment(mentor.UserId, World.SchoolA1Second.Id));
        var version = await portal.Service<DocumentLibrary>(mentor).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1Second.Id,
            Domain.Documents.DocumentKind.ConsultationMaterials, "Материалы консультации: Страница", "слайды.pdf", Pdf("слайды")));
        var entry = Entry(World.SchoolA1Second.Id, topic: "Страница журнала");
        entry.MaterialsDocumentId = version!.DocumentId;
        await portal.Service<RecordConsultation>(mentor).SaveAsync(entry);

        using var author = await portal.LoginAsync(TestWorld.Email(Roles.Mentor));
        (await author.GetStringAsync("/mentoring/journal")).Should().Contain("Страница журнала").And.Contain("consultation-edit")
            .And.Contain("Новая запись").And.Contain($"/documents/files/{version.Id}"); // the form and its materials upload open in a dialog
        using var municipal = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        (await municipal.GetStringAsync("/mentoring/journal")).Should().Contain("Страница журнала").And.Contain($"/documents/files/{version.Id}")
            .And.NotContain("consultation-edit");
        using var other = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        (await other.GetStringAsync("/mentoring/journal")).Should().NotContain("Страница журнала");
    }
}
