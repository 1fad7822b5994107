using System.Globalization;
using System.Resources;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Tests.Common;

/// <summary>Domain text comes from Resources/DomainText.resx: every enum value has its title, and the titles are the Russian ones users know.</summary>
public sealed class DomainTextTests
{
    private static readonly Type[] TitledEnums =
    [
        typeof(PartnershipStatus), typeof(NetworkModel), typeof(PartnerRole), typeof(SupportTypes),
        typeof(EventKind), typeof(EventFormat), typeof(PracticeStatus), typeof(Competences),
        typeof(MentorKind), typeof(ConsultationFormat), typeof(AssessmentKind), typeof(Subject),
        typeof(RiskLevel), typeof(RespondentGroup), typeof(ReviewDecision), typeof(DecisionKind), typeof(DecisionLevel),
        typeof(PlanStatus), typeof(PlanKind), typeof(PlanLevel), typeof(PlanItemStatus), typeof(ListStatus), typeof(SupportFormat),
        typeof(QuartileBand), typeof(MatrixCell), typeof(AssessmentMeasure), typeof(ProfileMeasure), typeof(IndicatorCode),
        typeof(Locality), typeof(LeaderKind), typeof(EducationLevels), typeof(CalendarTemplate),
        typeof(DocumentKind), typeof(ReviewStatus), typeof(MonitoringActor), typeof(MonitoringTaskStatus), typeof(StageStatus),
    ];

    [Fact]
    public void Every_value_of_a_titled_enum_has_its_title_in_the_resources()
    {
        var missing = TitledEnums
            .SelectMany(type => Enum.GetNames(type).Where(name => name != "None").Select(name => $"{type.Name}_{name}"))
            .Where(key => string.IsNullOrWhiteSpace(DomainText.ResourceManager.GetString(key, CultureInfo.InvariantCulture)))
            .ToList();
        missing.Should().BeEmpty();
    }

    [Fact]
    public void Titles_are_the_russian_names_pages_and_exports_show()
    {
        Titles.Of(AssessmentKind.Vpr).Should().Be("ВПР");
        Titles.Of(Subject.WorldAround).Should().Be("Окружающий мир");
        Titles.Of(PartnershipStatus.Signed).Should().Be("Подписано");
        Titles.Of(SupportTypes.Consulting | SupportTypes.Resource).Should().Be("консультационная, ресурсная");
        Titles.Of(SupportTypes.None).Should().Be("—");
        Titles.Of(Competences.None).Should().Be("—");
        Titles.Of(Competences.LearningSkills | Competences.Assessment).Should().Be(
            "Реализация программы развития УУД в преподавании учебного предмета; Использование современных способов оценивания в преподавании учебного предмета");
        Titles.Indicators.Select(i => i.Indicator).Should().Equal(Competences.LearningSkills, Competences.TeachingTechnologies, Competences.Assessment, Competences.IndividualRoutes);
        Titles.Of(EventFormat.Blended).Should().Be("Смешанный");
        Titles.Of(MentorKind.Tutor).Should().Be("Тьютор");
        Titles.Of((RiskLevel?)null).Should().Be("нет данных");
        Titles.Of(RiskLevel.High).Should().Be("высокий");
        Titles.Of(DecisionLevel.Region).Should().Be("регион");
        Titles.HalfYear(2).Should().Be("II полугодие");
        Titles.Of(PlanStatus.Returned).Should().Be("Возвращён на доработку");
        Titles.ActionTo(PlanStatus.Submitted).Should().Be("Направить на согласование");
        Titles.ActionTo(PlanStatus.Draft).Should().Be("Черновик");
        Titles.Of(ListStatus.Superseded).Should().Be("Заменён изменением");
        Titles.InSentence(AssessmentKind.Regional).Should().Be("региональная работа");
        Titles.InSentence(Subject.Mathematics).Should().Be("математика");
        Titles.Of(new AssessmentSource(AssessmentKind.Vpr, Subject.Mathematics, AssessmentMeasure.FailShare, 5)).Should().Be("ВПР, 5 класс, математика: доля отметок «2»");
        Titles.ListStatus(lowResults: true, disadvantaged: true, included: true, watch: false).Should().Be("ШНОР и ШНСУ");
        Titles.ListYear(2026, 3).Should().Be("перечень на 2026/2027 по результатам 2024–2026");
        Titles.ListYear(2026, 1).Should().Be("перечень на 2026/2027 по результатам 2026 года");
        Titles.Of(EducationLevels.Primary | EducationLevels.Secondary).Should().Be("НОО, СОО");
        Titles.Of(EducationLevels.None).Should().BeEmpty();
        Titles.Of(LeaderKind.None).Should().BeEmpty();
        Titles.TryParse("впр", out AssessmentKind kind).Should().BeTrue();
        kind.Should().Be(AssessmentKind.Vpr);
        TargetIndicator.Of(IndicatorCode.Agreements).Title.Should().Be("Соглашения о партнёрстве за год");
        RegionCalendar.TitleOf(CalendarTemplate.Kirov).Should().Be("Кировская модель");
        Titles.Of(DocumentKind.InternalQualityOrder).Should().Be("Приказ о ВСОКО");
        Titles.Of(ReviewStatus.Pending).Should().Be("на рассмотрении");
        Titles.Of(MonitoringActor.Operator).Should().Be("Оператор (РЦОКО/СОИРО)");
        Titles.Of(StageStatus.Closed).Should().Be("Завершён");
    }

    [Fact]
    public void Domain_refusals_read_their_text_from_the_resources()
    {
        var refusal = new DomainException(Array.Empty<Refusal>());
        refusal.Messages.Should().Equal("Действие отклонено.");
        new ResourceManager(typeof(DomainText)).GetString(nameof(DomainText.Partnership_BadTransition), CultureInfo.InvariantCulture)
            .Should().Be("Недопустимый переход статуса: «{0}» → «{1}».");
    }
}
