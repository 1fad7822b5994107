using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>
/// Known data: published lists of 2029 (three schools of A) and 2030 (A1 and A2 schools: two); an approved programme of
/// school A1 and an approved roadmap of A1; results of 2029 and 2030 where A1 improves and A2 gets worse.
/// </summary>
public sealed class MonitoringIndicatorTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const int Year = 2030;
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    public async Task InitializeAsync()
    {
        await using var db = portal.System();
        if (db.Set<SupportList>().Any()) return;
        var region = World.RegionA.Id;
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = Year, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
        db.Add(methodology);
        SupportList List(int year, params Guid[] schools)
        {
            var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = year, MethodologyId = methodology.Id };
            list.Entries = schools.Select(s => new SupportListEntry { Id = Guid.NewGuid(), RegionId = region, ListId = list.Id, SchoolId = s, Included = true, Computed = true, EvidenceJson = "{}" }).ToList();
            return list;
        }
        db.Add(List(Year - 1, World.SchoolA1.Id, World.SchoolA1Second.Id, World.SchoolA2.Id));
        db.Add(List(Year, World.SchoolA1.Id, World.SchoolA2.Id));
        db.Plans.Add(new Plan(PlanStatus.InProgress) { Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.School, SchoolId = World.SchoolA1.Id, MunicipalityId = World.A1.Id,
            Title = "Программа", PeriodFrom = new(Year, 11, 1), PeriodTo = new(Year + 1, 12, 31) });
        db.Plans.Add(new Plan(PlanStatus.Draft) { Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.School, SchoolId = World.SchoolA2.Id, MunicipalityId = World.A2.Id,
            Title = "Программа", PeriodFrom = new(Year, 11, 1), PeriodTo = new(Year + 1, 12, 31) });
        db.Plans.Add(new Plan(PlanStatus.Approved) { Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.Municipality, MunicipalityId = World.A1.Id,
            Title = "Дорожная карта", PeriodFrom = new(Year, 11, 1), PeriodTo = new(Year + 1, 12, 31) });
        AssessmentResult Result(Guid school, int year, decimal below) => new()
        {
            RegionId = region, SchoolId = school, Year = year, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Mathematics, Participants = 50,
            MeanScore = 20 - below / 10, BelowMinimumShare = below,
        };
        db.Results.AddRange(Result(World.SchoolA1.Id, Year - 1, 20), Result(World.SchoolA1.Id, Year, 10),
            Result(World.SchoolA2.Id, Year - 1, 10), Result(World.SchoolA2.Id, Year, 15));
        await db.SaveChangesAsync();
        await MonitoringJobTests.Job(portal, MonitoringJobTests.At(Year, 11, 2)).RunAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<IndicatorRow> IndicatorAsync(IndicatorCode code) =>
        (await As<MonitoringIndicators>(Roles.Ministry).ComputeAsync(Year)).Single(r => r.Definition.Code == code);

    [Fact]
    public async Task Indicators_are_counted_from_plans_lists_and_results()
    {
        var schools = await IndicatorAsync(IndicatorCode.ListedSchoolsWithProgrammes);
        schools.Value.Should().Be(50m, "one of the two listed schools has an approved programme; a draft does not count");
        schools.Status.Should().Be(TargetStatus.NotMet);
        (await IndicatorAsync(IndicatorCode.MunicipalitiesWithProgrammes)).Value.Should().Be(50m);
        var reduction = await IndicatorAsync(IndicatorCode.ListReduction);
        reduction.Value.Should().Be(33.3m);
        reduction.Status.Should().Be(TargetStatus.Met, "33.3 % is at least the default 25 %");
        var dynamics = await IndicatorAsync(IndicatorCode.PositiveDynamics);
        dynamics.Value.Should().Be(50m, "A1 has fewer students below the minimum than a year before, A2 more");
        (await IndicatorAsync(IndicatorCode.BasicResults)).Status.Should().Be(TargetStatus.NoData, "neither value nor target is set");
    }

    [Fact]
    public async Task Entered_values_checks_and_targets_change_the_verdict()
    {
        var operatorIndicators = As<MonitoringIndicators>(Roles.Operator);
        await operatorIndicators.EnterValueAsync(Year, IndicatorCode.TeachersInCommunities, 100, "Реестр сообществ министерства", new DateOnly(2025, 12, 1));
        var teachers = await IndicatorAsync(IndicatorCode.TeachersInCommunities);
        teachers.Value.Should().Be(100);
        teachers.Status.Should().Be(TargetStatus.Met);
        teachers.Details.Should().Be("Реестр сообществ министерства");
        (await operatorIndicators.Invoking(m => m.EnterValueAsync(Year, IndicatorCode.Agreements, 6, "Реестр", new DateOnly(2025, 12, 1))).Should().ThrowAsync<DomainException>())
            .WithMessage("*рассчитывается по данным портала*", "agreements are counted from partnerships");

        (await IndicatorAsync(IndicatorCode.Individualisation)).Status.Should().Be(TargetStatus.NoData);
        await As<MonitoringIndicators>(Roles.Ministry).SetTargetAsync(Year, IndicatorCode.Individualisation, 40);
        await operatorIndicators.EnterValueAsync(Year, IndicatorCode.Individualisation, 35, "Анкетирование РЦОКО", new DateOnly(2025, 12, 1));
        (await IndicatorAsync(IndicatorCode.Individualisation)).Status.Should().Be(TargetStatus.NotMet);

        await operatorIndicators.RecordCheckAsync(Year, new QualityCheckInput(World.SchoolA1.Id, true, true, 82.5m, false, new DateOnly(2025, 12, 1), ""));
        (await IndicatorAsync(IndicatorCode.QualityCheckCoverage)).Value.Should().Be(50m);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_russian_messages()
    {
        var ministry = As<MonitoringIndicators>(Roles.Ministry);
        (await ministry.Invoking(m => m.SetTargetAsync(Year, IndicatorCode.ListedSchoolsWithProgrammes, 140)).Should().ThrowAsync<DomainException>())
            .WithMessage("*от 0 до 100*");
        (await As<MonitoringIndicators>(Roles.Operator).Invoking(m => m.EnterValueAsync(Year, IndicatorCode.ListReduction, 10, "x", new DateOnly(2025, 1, 1)))
            .Should().ThrowAsync<DomainException>()).WithMessage("*рассчитывается по данным портала*");
        (await As<MonitoringIndicators>(Roles.Operator).Invoking(m => m.EnterValueAsync(Year, IndicatorCode.TeachersInCommunities, 3, " ", new DateOnly(2025, 1, 1)))
            .Should().ThrowAsync<DomainException>()).WithMessage("Укажите источник*");
        await ministry.Invoking(m => m.EnterValueAsync(Year, IndicatorCode.TeachersInCommunities, 3, "x", new DateOnly(2025, 1, 1))).Should().ThrowAsync<ScopeException>();

        var calendar = As<MonitoringCalendar>(Roles.Operator);
        var view = await calendar.GetAsync(Year);
        var stage = view!.Year.Stages[0];
        (await calendar.Invoking(c => c.UpdateStageAsync(stage.Id, new DateOnly(Year, 12, 1), new DateOnly(Year, 10, 1))).Should().ThrowAsync<DomainException>())
            .WithMessage("Этап 1: дата окончания 01.10.2030 раньше даты начала 01.12.2030.");
        (await calendar.Invoking(c => c.UpdateStageAsync(stage.Id, new DateOnly(Year - 1, 10, 1), new DateOnly(Year, 1, 31))).Should().ThrowAsync<DomainException>())
            .WithMessage("*в пределах*");
        (await calendar.Invoking(c => c.SetReminderDaysAsync(Year, 90)).Should().ThrowAsync<DomainException>()).WithMessage("*от 0 до 60*");
        await As<MonitoringCalendar>(Roles.School).Invoking(c => c.UpdateStageAsync(stage.Id, stage.Opens, stage.Closes)).Should().ThrowAsync<ScopeException>();

        await calendar.UpdateStageAsync(stage.Id, new DateOnly(Year, 10, 5), new DateOnly(Year + 1, 1, 25));
        (await calendar.GetAsync(Year))!.Year.Stages[0].Opens.Should().Be(new DateOnly(Year, 10, 5));
    }

    [Fact]
    public async Task Tasks_cover_the_latest_published_list()
    {
        var view = await As<MonitoringCalendar>(Roles.Operator).GetAsync(Year);
        view!.Basis.Should().Contain("перечня 2030/2031").And.Contain("(2)");
        var schoolTasks = await As<MonitoringTasks>(Roles.Operator).ListAsync(new TaskFilter(Year: Year, Actor: MonitoringActor.School));
        schoolTasks.Select(t => t.SchoolId).Should().BeEquivalentTo(new Guid?[] { World.SchoolA1.Id, World.SchoolA2.Id });
    }

    [Fact]
    public async Task Dashboard_figures_equal_the_underlying_counts()
    {
        var region = await As<MonitoringDashboard>(Roles.Ministry).RegionAsync();
        region.Municipalities.Select(m => m.Municipality).Should().Equal("Городской округ А1", "Район А2");
        var a1 = region.Municipalities.Single(m => m.MunicipalityId == World.A1.Id);
        a1.CoveredSchools.Should().Be(1);
        a1.ApprovedProgrammes.Should().Be(1);
        a1.HasApprovedRoadmap.Should().BeTrue();
        var a1Tasks = await As<MonitoringTasks>(Roles.Ministry).ListAsync(new TaskFilter(MunicipalityId: World.A1.Id, Status: MonitoringTaskStatus.Open));
        a1.OpenTasks.Should().Be(a1Tasks.Count).And.Be(2, "the municipal roadmap and the school roadmap of stage 2");
        var a2 = region.Municipalities.Single(m => m.MunicipalityId == World.A2.Id);
        a2.ApprovedProgrammes.Should().Be(0);
        region.ListTrend.Should().Equal(new ListSize(Year - 1, 3), new ListSize(Year, 2));

        var results = await As<MonitoringDashboard>(Roles.School).ResultsAsync(World.SchoolA1.Id);
        results.Select(r => (r.Year, r.BelowMinimumShare)).Should().Equal((Year - 1, 20m), (Year, 10m));
    }

    [Fact]
    public async Task Each_dashboard_stays_within_its_scope()
    {
        (await As<MonitoringDashboard>(Roles.Municipal).SchoolsAsync()).Select(s => s.SchoolId)
            .Should().BeEquivalentTo(new[] { World.SchoolA1.Id, World.SchoolA1Second.Id });
        (await As<MonitoringDashboard>(Roles.School).SchoolsAsync()).Should().ContainSingle().Which.SchoolId.Should().Be(World.SchoolA1.Id);
        (await As<MonitoringDashboard>(Roles.School).ResultsAsync(World.SchoolA2.Id)).Should().BeEmpty();
        (await As<MonitoringDashboard>(Roles.Mentor).SchoolsAsync()).Should().BeEmpty("a mentor sees only the schools assigned to them, and this one has none");
        (await As<MonitoringTasks>(Roles.Municipal).ListAsync(new TaskFilter())).Should().OnlyContain(t => t.MunicipalityId == World.A1.Id);
        (await As<MonitoringTasks>(Roles.School).ListAsync(new TaskFilter())).Should().OnlyContain(t => t.SchoolId == World.SchoolA1.Id);
        await As<MonitoringDashboard>(Roles.Municipal).Invoking(d => d.RegionAsync()).Should().ThrowAsync<ScopeException>();

        var regionB = await As<MonitoringDashboard>(Roles.Operator, "b").RegionAsync();
        regionB.Municipalities.Should().ContainSingle().Which.MunicipalityId.Should().Be(World.B1.Id);
        regionB.ListTrend.Should().BeEmpty();
        (await As<MonitoringTasks>(Roles.Operator, "b").ListAsync(new TaskFilter())).Should().NotContain(t => t.MunicipalityId == World.A1.Id || t.MunicipalityId == World.A2.Id);
        (await As<MonitoringCalendar>(Roles.Operator, "b").GetAsync(Year))!.Basis.Should().Contain("все школы региона (1)");
    }

    [Fact]
    public async Task Reports_come_as_pdf_and_xlsx_to_regional_staff_only()
    {
        var stageId = (await As<MonitoringCalendar>(Roles.Operator).GetAsync(Year))!.Year.Stages[1].Id;
        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        foreach (var path in new[] { $"/monitoring/reports/stage/{stageId}.pdf", $"/monitoring/reports/stage/{stageId}.xlsx", $"/monitoring/reports/annual/{Year}.pdf", $"/monitoring/reports/annual/{Year}.xlsx" })
        {
            using var response = await ministry.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(500);
        }
        var pdf = await ministry.GetByteArrayAsync($"/monitoring/reports/stage/{stageId}.pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            text.Should().Contain("Министерство").And.Contain("справка");
        }
        using var otherRegion = await portal.LoginAsync(TestWorld.Email(Roles.Operator, "b"));
        (await otherRegion.GetAsync($"/monitoring/reports/stage/{stageId}.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        (await school.GetAsync($"/monitoring/reports/annual/{Year}.pdf")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_quality_check_with_bad_input_or_from_the_wrong_scope_is_refused()
    {
        var bad = () => As<MonitoringIndicators>(Roles.Operator).RecordCheckAsync(Year, new QualityCheckInput(World.SchoolA2.Id, true, true, 140m, true, new DateOnly(2025, 12, 1), ""));
        await bad.Should().ThrowAsync<DomainException>().WithMessage("*от 0 до 100*");
        var municipal = () => As<MonitoringIndicators>(Roles.Municipal).RecordCheckAsync(Year, new QualityCheckInput(World.SchoolA1.Id, true, true, 80m, true, new DateOnly(2025, 12, 1), ""));
        await municipal.Should().ThrowAsync<ScopeException>();
        var foreign = () => As<MonitoringIndicators>(Roles.Operator, "b").RecordCheckAsync(Year, new QualityCheckInput(World.SchoolA2.Id, true, true, 80m, true, new DateOnly(2025, 12, 1), ""));
        await foreign.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Set<SchoolQualityCheck>().AnyAsync(c => c.SchoolId == World.SchoolA2.Id)).Should().BeFalse();
    }
}
