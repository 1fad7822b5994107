using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Mentoring;

public sealed class ProfessionalDevelopmentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private ProfessionalDevelopment As(string role, string region = "a") => portal.Service<ProfessionalDevelopment>(World.Scope(role, region));

    private async Task<Guid> EventAsync(string title, Competences develops, int startInDays = 10, int days = 3)
    {
        var id = await As(Roles.Operator).SaveEventAsync(new EventEdit
        {
            Kind = EventKind.Course, Title = title, Organiser = "ИРО", StartsOn = Today.AddDays(startInDays), EndsOn = Today.AddDays(startInDays + days),
            Hours = 36, Audience = "учителя математики", Format = EventFormat.Blended, Develops = develops,
        });
        return id;
    }

    [Fact]
    public async Task Only_the_operator_keeps_the_catalogue_and_dates_must_be_in_order()
    {
        var schoolAdds = () => As(Roles.School).SaveEventAsync(new EventEdit { Title = "x", Organiser = "y", StartsOn = Today, EndsOn = Today });
        await schoolAdds.Should().ThrowAsync<ScopeException>();
        var backwards = () => As(Roles.Operator).SaveEventAsync(new EventEdit
        {
            Title = "Курс наоборот", Organiser = "ИРО", StartsOn = Today.AddDays(5), EndsOn = Today, Hours = 0,
        });
        (await backwards.Should().ThrowAsync<DomainException>()).Which.Messages
            .Should().Contain("Дата окончания не может быть раньше даты начала.").And.Contain("Объём — от 1 до 1000 часов.");
        await using var db = portal.System();
        (await db.PdEvents.AnyAsync(e => e.Title == "Курс наоборот")).Should().BeFalse();
    }

    [Fact]
    public async Task A_school_applies_once_and_the_operator_records_attendance()
    {
        var id = await EventAsync("Формирующее оценивание", Competences.Assessment);
        await As(Roles.School).ApplyAsync(id, 3, "учителя математики");
        (await FluentActions.Awaiting(() => As(Roles.School).ApplyAsync(id, 2, null)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Школа уже подала заявку на это мероприятие.");
        var application = (await As(Roles.Operator).ApplicationsAsync(id)).Should().ContainSingle().Subject;
        var tooMany = () => As(Roles.Operator).RecordAttendanceAsync(application.Id, 4);
        (await tooMany.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("от 0 до 3");
        await As(Roles.Operator).RecordAttendanceAsync(application.Id, 2);
        (await As(Roles.School).ApplicationsAsync(id)).Single().Attended.Should().Be(2);
        (await As(Roles.Municipal, "a2").ApplicationsAsync(id)).Should().BeEmpty();
        var schoolRecords = () => As(Roles.School).RecordAttendanceAsync(application.Id, 3);
        await schoolRecords.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task A_double_click_on_apply_add_to_programme_or_save_survey_saves_once_and_answers_in_russian()
    {
        var id = await EventAsync("Курс для двойного щелчка", Competences.TeachingTechnologies);
        var applied = await Task.WhenAll(RefusalsOf(As(Roles.School).ApplyAsync(id, 3, null)), RefusalsOf(As(Roles.School).ApplyAsync(id, 3, null)));
        applied.SelectMany(e => e).Should().Equal("Школа уже подала заявку на это мероприятие.");

        var day = Today.AddDays(10);
        var half = day.Month <= 6 ? 1 : 2;
        var added = await Task.WhenAll(RefusalsOf(As(Roles.School).AddToProgrammeAsync(day.Year, half, id, null)),
            RefusalsOf(As(Roles.School).AddToProgrammeAsync(day.Year, half, id, null)));
        added.SelectMany(e => e).Should().Equal("Мероприятие уже есть в программе.");

        var survey = new SurveyEdit { Year = Today.Year - 1, TeachersSurveyed = 10, AssessmentDeficit = 10 };
        var saved = await Task.WhenAll(RefusalsOf(As(Roles.School).SaveSurveyAsync(survey)), RefusalsOf(As(Roles.School).SaveSurveyAsync(survey)));
        saved.Count(e => e.Count == 0).Should().BeGreaterThanOrEqualTo(1);
        saved.SelectMany(e => e).Where(m => m != "Опрос этого года только что сохранён другим пользователем — обновите страницу.").Should().BeEmpty();

        await using var db = portal.System();
        (await db.PdApplications.CountAsync(a => a.EventId == id)).Should().Be(1);
        (await db.ProgrammeEntries.CountAsync(p => p.EventId == id)).Should().Be(1);
        (await db.DeficitSurveys.CountAsync(x => x.SchoolId == World.SchoolA1.Id && x.Year == Today.Year - 1)).Should().Be(1);
    }

    [Fact]
    public async Task Weak_indicators_of_the_survey_bring_courses_that_develop_them()
    {
        var assessment = await EventAsync("Современные способы оценивания", Competences.Assessment);
        var routes = await EventAsync("Индивидуальные образовательные маршруты", Competences.IndividualRoutes);
        var bad = new SurveyEdit { Year = Today.Year, TeachersSurveyed = 20, AssessmentDeficit = 120 };
        (await FluentActions.Awaiting(() => As(Roles.School).SaveSurveyAsync(bad)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Доля педагогов с дефицитом — от 0 до 100 %.");
        await As(Roles.School).SaveSurveyAsync(new SurveyEdit
        {
            Year = Today.Year, TeachersSurveyed = 20, LearningSkillsDeficit = 10, TechnologiesDeficit = 20, AssessmentDeficit = 45, IndividualRoutesDeficit = 5,
        });

        var view = await As(Roles.Municipal).SurveyAsync(World.SchoolA1.Id);
        view!.Weak.Should().Be(Competences.Assessment);
        view.Recommended.Select(e => e.Id).Should().Contain(assessment).And.NotContain(routes);
        (await As(Roles.Municipal, "a2").SurveyAsync(World.SchoolA1.Id)).Should().BeNull();
    }

    [Fact]
    public async Task The_half_year_programme_takes_events_of_that_half_year_only()
    {
        var id = await EventAsync("Семинар для программы", Competences.LearningSkills, startInDays: 1, days: 0);
        var day = Today.AddDays(1);
        var half = day.Month <= 6 ? 1 : 2;
        var school = As(Roles.School);
        await school.AddToProgrammeAsync(day.Year, half, id, "для учителей начальных классов");
        (await FluentActions.Awaiting(() => school.AddToProgrammeAsync(day.Year, 3 - half, id, null)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Мероприятие не проходит в выбранном полугодии.");
        (await FluentActions.Awaiting(() => school.AddToProgrammeAsync(day.Year, half, id, null)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Мероприятие уже есть в программе.");
        (await As(Roles.Operator).ProgrammeAsync(World.SchoolA1.Id, day.Year, half)).Should().ContainSingle(r => r.Event.Id == id);
        (await As(Roles.Municipal, "a2").ProgrammeAsync(World.SchoolA1.Id, day.Year, half)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_practice_card_is_published_after_review_and_then_seen_by_everyone_in_the_region()
    {
        var bank = portal.Service<PracticeBank>(World.Scope(Roles.School));
        var id = await bank.SubmitAsync(new PracticeEdit { Title = "Наставничество «учитель — учитель»", Description = "Пары педагогов внутри школы." });
        var a2 = portal.Service<PracticeBank>(World.Scope(Roles.Municipal, "a2"));
        (await a2.ListAsync()).Should().NotContain(r => r.Card.Id == id);

        var op = portal.Service<PracticeBank>(World.Scope(Roles.Operator));
        var card = (await op.ListAsync()).Single(r => r.Card.Id == id);
        card.CanReview.Should().BeTrue();
        (await FluentActions.Awaiting(() => op.ReviewAsync(id, card.Card.Version, publish: false, " ")).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Укажите, что нужно доработать.");
        await op.ReviewAsync(id, card.Card.Version, publish: false, "Добавьте результаты.");
        var returned = (await bank.ListAsync()).Single(r => r.Card.Id == id);
        returned.Card.Status.Should().Be(PracticeStatus.Returned);
        await bank.SubmitAsync(new PracticeEdit { Id = id, Version = returned.Card.Version, Title = returned.Card.Title, Description = "Пары педагогов; +12 % к результатам ВПР." });
        var schoolReviews = () => bank.ReviewAsync(id, 0, publish: true, null);
        await schoolReviews.Should().ThrowAsync<ScopeException>();
        await op.ReviewAsync(id, (await op.ListAsync()).Single(r => r.Card.Id == id).Card.Version, publish: true, null);

        (await a2.ListAsync()).Should().ContainSingle(r => r.Card.Id == id && r.Card.Status == PracticeStatus.Published);
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        (await portal.Service<PracticeBank>(mentor).ListAsync()).Should().Contain(r => r.Card.Id == id);
        (await portal.Service<PracticeBank>(World.Scope(Roles.Operator, "b")).ListAsync()).Should().BeEmpty();
    }

    /// <summary>The messages a call was refused with, none when it succeeded: two calls at once each have their own outcome.</summary>
    private static async Task<IReadOnlyList<string>> RefusalsOf(Task call)
    {
        try
        {
            await call;
            return [];
        }
        catch (DomainException e)
        {
            return [.. e.Messages];
        }
    }

    private static MemoryStream Pdf(string text) => new(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n"));

    private Task<Domain.Documents.DocumentVersion> UploadPracticeFileAsync(UserScope scope, Guid schoolId, Stream content) =>
        portal.Service<DocumentLibrary>(scope).UploadAsync(new DocumentUpload(World.A1.Id, schoolId, Domain.Documents.DocumentKind.BestPractice,
            "Практика: файлы", "практика.pdf", content));

    [Fact]
    public async Task A_practice_card_is_submitted_with_its_file_and_the_card_links_it()
    {
        var school = World.Scope(Roles.School);
        var version = await UploadPracticeFileAsync(school, World.SchoolA1.Id, Pdf("практика"));
        var bank = portal.Service<PracticeBank>(school);
        var id = await bank.SubmitAsync(new PracticeEdit { Title = "Практика с файлом", Description = "Описание.", DocumentId = version.DocumentId });

        var row = (await portal.Service<PracticeBank>(World.Scope(Roles.Operator)).ListAsync()).Single(r => r.Card.Id == id);
        row.File.Should().Be(new PracticeFile(version.Id, version.FileName));
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.Operator)).OpenAsync(version.Id)).Should().NotBeNull();

        using var page = await portal.LoginAsync(TestWorld.Email(Roles.School));
        (await page.GetStringAsync("/practices")).Should().Contain("Практика с файлом").And.Contain(version.Id.ToString()).And.Contain("for=\"practice-file\"");
    }

    [Fact]
    public async Task A_published_practice_file_is_downloadable_across_the_region_as_published_but_not_before_nor_elsewhere()
    {
        var school = World.Scope(Roles.School);
        var version = await UploadPracticeFileAsync(school, World.SchoolA1.Id, Pdf("опубликованная практика"));
        var id = await portal.Service<PracticeBank>(school).SubmitAsync(new PracticeEdit
        {
            Title = "Практика для всего региона", Description = "Описание.", DocumentId = version.DocumentId,
        });
        var otherMunicipality = World.Scope(Roles.Municipal, "a2");
        (await portal.Service<DocumentLibrary>(otherMunicipality).OpenAsync(version.Id)).Should().BeNull("the practice is not published yet");

        var op = portal.Service<PracticeBank>(World.Scope(Roles.Operator));
        var card = (await op.ListAsync()).Single(r => r.Card.Id == id).Card;
        await op.ReviewAsync(id, card.Version, publish: true, null);
        var later = await portal.Service<DocumentLibrary>(school).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id,
            Domain.Documents.DocumentKind.BestPractice, "Практика: файлы", "черновик.pdf", Pdf("не проверено"), version.DocumentId));

        var row = (await portal.Service<PracticeBank>(otherMunicipality).ListAsync()).Single(r => r.Card.Id == id);
        row.File.Should().Be(new PracticeFile(version.Id, version.FileName), "the region gets the file as it was published");
        (await portal.Service<DocumentLibrary>(otherMunicipality).OpenAsync(version.Id)).Should().NotBeNull();
        (await portal.Service<DocumentLibrary>(otherMunicipality).OpenAsync(later.Id)).Should().BeNull("a version after publication is not reviewed");
        (await portal.Service<PracticeBank>(school).ListAsync()).Single(r => r.Card.Id == id).File!.VersionId.Should().Be(later.Id);
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.Operator, "b")).OpenAsync(version.Id)).Should().BeNull("another region sees nothing");
    }

    [Fact]
    public async Task A_bad_practice_or_file_is_refused_in_russian_and_nothing_is_stored()
    {
        var school = World.Scope(Roles.School);
        await using var db = portal.System();
        var documentsBefore = await db.Documents.CountAsync(d => d.SchoolId == World.SchoolA1.Id);
        var bad = () => UploadPracticeFileAsync(school, World.SchoolA1.Id, new MemoryStream("MZ not a pdf"u8.ToArray()));
        (await bad.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");
        var bank = portal.Service<PracticeBank>(school);
        (await FluentActions.Awaiting(() => bank.SubmitAsync(new PracticeEdit { Title = " ", Description = "Без названия" })).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Укажите название практики.");

        (await db.PracticeCards.AnyAsync(p => p.Description == "Без названия")).Should().BeFalse();
        (await db.Documents.CountAsync(d => d.SchoolId == World.SchoolA1.Id)).Should().Be(documentsBefore);
    }

    [Fact]
    public async Task A_file_of_another_school_municipality_or_region_is_refused()
    {
        var foreign = await UploadPracticeFileAsync(World.Scope(Roles.Municipal), World.SchoolA1Second.Id, Pdf("чужая"));
        var bank = portal.Service<PracticeBank>(World.Scope(Roles.School));
        (await FluentActions.Awaiting(() => bank.SubmitAsync(new PracticeEdit { Title = "Чужой файл", Description = "Описание.", DocumentId = foreign.DocumentId })).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Файлы практики должны быть документом вашей школы.");

        var otherMunicipality = () => UploadPracticeFileAsync(World.Scope(Roles.Municipal, "a2"), World.SchoolA1.Id, Pdf("x"));
        await otherMunicipality.Should().ThrowAsync<ScopeException>();
        var otherRegion = () => UploadPracticeFileAsync(World.Scope(Roles.Operator, "b"), World.SchoolA1.Id, Pdf("x"));
        await otherRegion.Should().ThrowAsync<ScopeException>();

        await using var db = portal.System();
        (await db.PracticeCards.AnyAsync(p => p.Title == "Чужой файл")).Should().BeFalse();
    }
}
