using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Schools;

/// <summary>
/// The school card tells the school's whole story — results by year, programmes with progress, mentor and consultations with
/// feedback, partnerships, documents, monitoring tasks and the second-year support-format decision — each in scope.
/// </summary>
public sealed class SchoolCardTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private TestWorld World => portal.World;

    private Task<SchoolStoryView> StoryAs(string role, string region = "a", Guid? school = null) =>
        portal.Service<SchoolStory>(World.Scope(role, region)).ForAsync(school ?? World.SchoolA1.Id);

    /// <summary>SchoolA1's story: two years of ВПР, a programme with one of two activities done, a mentor with a consultation
    /// and the school's feedback, a partnership it leads with an agreement, a document, a monitoring task and a 2nd-year decision.</summary>
    private async Task SeedAsync()
    {
        await using var db = portal.System();
        if (await db.Plans.AnyAsync(p => p.SchoolId == World.SchoolA1.Id)) return;
        var region = World.RegionA.Id;
        var school = World.SchoolA1.Id;
        db.Results.AddRange(
            new AssessmentResult { RegionId = region, SchoolId = school, Year = 2024, Kind = AssessmentKind.Vpr, Grade = 5, Subject = Subject.Russian, Participants = 20, MeanScore = 3.2m, FailShare = 20m },
            new AssessmentResult { RegionId = region, SchoolId = school, Year = 2024, Kind = AssessmentKind.Vpr, Grade = 5, Subject = Subject.Mathematics, Participants = 20, MeanScore = 3.4m, FailShare = 10m },
            new AssessmentResult { RegionId = region, SchoolId = school, Year = 2025, Kind = AssessmentKind.Vpr, Grade = 5, Subject = Subject.Russian, Participants = 25, MeanScore = 3.6m, FailShare = 8m },
            new AssessmentResult { RegionId = region, SchoolId = school, Year = 2025, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Russian, Participants = 25, MeanScore = 24m, FailShare = 4m });

        var plan = new Plan(PlanStatus.InProgress)
        {
            Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.School, Kind = PlanKind.TransitionProgramme, SchoolId = school, MunicipalityId = World.A1.Id,
            Title = "Программа перехода в эффективный режим", PeriodFrom = Today.AddMonths(-3), PeriodTo = Today.AddMonths(9), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Plans.Add(plan);
        db.PlanItems.AddRange(
            new PlanItem { Id = Guid.NewGuid(), RegionId = region, PlanId = plan.Id, Activity = "Диагностика дефицитов", Deadline = Today.AddDays(-20), Responsible = "Завуч", Status = PlanItemStatus.Done },
            new PlanItem { Id = Guid.NewGuid(), RegionId = region, PlanId = plan.Id, Activity = "Педсовет", Deadline = Today.AddDays(-2), Responsible = "Директор", Status = PlanItemStatus.Planned });

        var mentor = World.Scope(Roles.Mentor);
        db.MentorAssignments.Add(new MentorAssignment
        {
            Id = Guid.NewGuid(), RegionId = region, MentorId = mentor.UserId, MentorName = "Соколова Анна Викторовна", SchoolId = school, Kind = MentorKind.Mentor,
            From = Today.AddMonths(-2), To = Today.AddMonths(10), AssignedByName = "Оператор", AssignedAt = DateTimeOffset.UtcNow,
        });
        var consultation = new Consultation
        {
            Id = Guid.NewGuid(), RegionId = region, SchoolId = school, MentorId = mentor.UserId, MentorName = "Соколова Анна Викторовна", Date = Today.AddDays(-10),
            Format = ConsultationFormat.InPerson, Topic = "Формирующее оценивание", DurationMinutes = 90, ParticipantsCount = 6, Outcome = "План посещения уроков", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Consultations.Add(consultation);
        db.ConsultationFeedback.Add(new ConsultationFeedback
        {
            Id = Guid.NewGuid(), RegionId = region, ConsultationId = consultation.Id, SchoolId = school, UserId = World.Scope(Roles.School).UserId,
            UserName = "Кузнецова Елена Сергеевна", Rating = 5, Comment = "Полезно, ждём следующую встречу", At = DateTimeOffset.UtcNow,
        });

        var partnership = new Partnership
        {
            Id = Guid.NewGuid(), RegionId = region, LeaderSchoolId = World.SchoolA1Second.Id, Title = "Сетевое партнёрство по математике",
            ValidFrom = Today.AddMonths(-1), ValidTo = Today.AddMonths(11), SupportTypes = SupportTypes.Methodological, CreatedAt = DateTimeOffset.UtcNow,
        };
        partnership.SetAgreement("15-с", Today.AddMonths(-1));
        partnership.Schools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = region, PartnershipId = partnership.Id, SchoolId = school });
        partnership.MoveTo(PartnershipStatus.Signed);
        partnership.MoveTo(PartnershipStatus.Active);
        db.Partnerships.Add(partnership);

        var document = new Document { Id = Guid.NewGuid(), RegionId = region, MunicipalityId = World.A1.Id, SchoolId = school, Kind = DocumentKind.InternalQualityOrder, Title = "Приказ о ВСОКО", CreatedAt = DateTimeOffset.UtcNow };
        document.Versions.Add(new DocumentVersion
        {
            Id = Guid.NewGuid(), RegionId = region, DocumentId = document.Id, Number = 1, FileName = "prikaz.pdf", Type = FileType.Pdf, Size = 10, Sha256 = new string('a', 64),
            StoragePath = "x/prikaz.pdf", UploadedAt = DateTimeOffset.UtcNow, UploadedById = World.Scope(Roles.School).UserId, UploadedByName = "Кузнецова Елена Сергеевна",
        });
        db.Documents.Add(document);

        var year = new MonitoringYear { Id = Guid.NewGuid(), RegionId = region, Year = MonitoringYear.YearOf(Today), CreatedAt = DateTimeOffset.UtcNow };
        var stage = year.AddStage("Дорожные карты", "", Today, Today.AddDays(30));
        var template = year.AddTemplate(stage, MonitoringActor.School, "Представить дорожную карту", Today.AddDays(20), "Программа школы");
        db.Add(year);
        db.Add(new MonitoringTask
        {
            Id = Guid.NewGuid(), RegionId = region, StageId = stage.Id, TemplateId = template.Id, TargetId = school, Actor = MonitoringActor.School, MunicipalityId = World.A1.Id,
            SchoolId = school, Title = template.What, Due = template.Due, OutputDocument = template.OutputDocument, CreatedAt = DateTimeOffset.UtcNow,
        });

        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = 2025, Version = 1, Name = "Методика", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = 2025, MethodologyId = methodology.Id, OrderNumber = "88-п", OrderDate = new DateOnly(2025, 9, 20) };
        var entry = new SupportListEntry { Id = Guid.NewGuid(), RegionId = region, ListId = list.Id, SchoolId = school, LowResults = true, Included = true, Computed = true, SecondConsecutiveYear = true };
        (entry.NewFormat, entry.FormatResponsible, entry.FormatReason) = (SupportFormat.ConsultingCentre, "Петрова Ольга Николаевна", "Результаты не улучшились");
        list.Entries.Add(entry);
        db.AddRange(methodology, list);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_coordinator_sees_every_section_of_the_school_story()
    {
        await SeedAsync();
        var story = await StoryAs(Roles.Municipal);

        story.Results.Should().Equal(new ResultYear(2024, 3.30m, 15.0m, 40), new ResultYear(2025, 3.60m, 8.0m, 25));
        story.Programmes.Should().ContainSingle().Which.Should().Match<StoryProgramme>(p => p.Done == 1 && p.Total == 2 && p.Percent == 50 && p.Overdue == 1);
        story.Mentors.Should().ContainSingle().Which.Should().Match<StoryMentor>(m => m.Name == "Соколова Анна Викторовна" && m.Active);
        story.Consultations.Should().ContainSingle().Which.Feedback.Should().Equal(new StoryFeedback("Кузнецова Елена Сергеевна", 5, "Полезно, ждём следующую встречу"));
        story.Partnerships.Should().ContainSingle().Which.Should().Match<StoryPartnership>(p => !p.Leads && p.AgreementNumber == "15-с" && p.Status == PartnershipStatus.Active);
        story.Documents.Should().ContainSingle().Which.Should().Match<StoryDocument>(d => d.Kind == DocumentKind.InternalQualityOrder && d.Version == 1 && d.Review == ReviewStatus.Pending);
        story.Tasks.Should().ContainSingle().Which.Title.Should().Be("Представить дорожную карту");
    }

    [Fact]
    public async Task The_second_year_support_format_decision_shows_for_the_school_and_its_municipality_only()
    {
        await SeedAsync();
        var decisions = portal.Service<SupportFormatDecisions>(World.Scope(Roles.Municipal));
        (await decisions.ForAsync(schoolId: World.SchoolA1.Id)).Should().ContainSingle().Which.Should().Match<FormatDecision>(d =>
            d.Format == SupportFormat.ConsultingCentre && d.Responsible == "Петрова Ольга Николаевна" && d.Reason == "Результаты не улучшились" && d.Year == 2025);
        (await decisions.ForAsync(municipalityId: World.A1.Id)).Should().ContainSingle();
        (await decisions.ForAsync(municipalityId: World.A2.Id)).Should().BeEmpty();
        (await portal.Service<SupportFormatDecisions>(World.Scope(Roles.Municipal, "a2")).ForAsync()).Should().BeEmpty();
        (await portal.Service<SupportFormatDecisions>(World.Scope(Roles.Operator, "b")).ForAsync(schoolId: World.SchoolA1.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_school_sees_its_own_story_and_is_refused_another_schools()
    {
        await SeedAsync();
        (await StoryAs(Roles.School)).Consultations.Should().ContainSingle();
        var other = () => StoryAs(Roles.School, school: World.SchoolA1Second.Id);
        await other.Should().ThrowAsync<ScopeException>();
    }

    [Theory]
    [InlineData(Roles.Municipal, "a2")]
    [InlineData(Roles.Operator, "b")]
    public async Task Another_municipality_or_region_is_refused_the_story(string role, string region)
    {
        await SeedAsync();
        var act = () => StoryAs(role, region);
        await act.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task The_card_page_shows_the_story_to_the_coordinator_and_is_404_for_another_municipality_and_another_school()
    {
        await SeedAsync();
        using (var coordinator = await portal.LoginAsync(TestWorld.Email(Roles.Municipal)))
        {
            var html = await coordinator.GetStringAsync($"/schools/{World.SchoolA1.Id}");
            html.Should().Contain(World.SchoolA1.ShortName).And.Contain("Наставничество").And.Contain("Задачи мониторинга");
        }
        using (var other = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2")))
        using (var card = await other.GetAsync($"/schools/{World.SchoolA1.Id}"))
        {
            card.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await card.Content.ReadAsStringAsync()).Should().NotContain(World.SchoolA1.ShortName);
        }
        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        using var foreign = await school.GetAsync($"/schools/{World.SchoolA1Second.Id}");
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
