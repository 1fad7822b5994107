using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>
/// A hand-built world of region A for the monitoring year 2026/27: published lists of 2024 (A1Second), 2025 (A1, A2) and 2026
/// (A1, A1Second — A2 left, A1Second is listed again; A2 computed but not included); an approved programme of A1 and a draft
/// of A1Second; an approved roadmap of A1; ОГЭ results where A1 improves and A1Second gets worse; ВПР marks of listed A1 and
/// the unlisted A2; one consultation at A1 this school year; one agreement signed in 2026 (leader A2, supported A1).
/// </summary>
public sealed class DecisionDashboardTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private const int Year = 2026;
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    public async Task InitializeAsync()
    {
        await using var db = portal.System();
        if (db.Set<SupportList>().Any()) return;
        var region = World.RegionA.Id;
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = Year, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
        db.Add(methodology);
        SupportList List(int year, params (Guid School, bool Included, MatrixCell Cell)[] schools)
        {
            var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = year, MethodologyId = methodology.Id };
            list.Entries = schools.Select(s => new SupportListEntry { Id = Guid.NewGuid(), RegionId = region, ListId = list.Id, SchoolId = s.School, Included = s.Included,
                Computed = true, Cell = s.Cell, EvidenceJson = "{}" }).ToList();
            return list;
        }
        db.Add(List(Year - 2, (World.SchoolA1Second.Id, true, MatrixCell.LowLow)));
        db.Add(List(Year - 1, (World.SchoolA1.Id, true, MatrixCell.LowLow), (World.SchoolA2.Id, true, MatrixCell.LowLow)));
        db.Add(List(Year, (World.SchoolA1.Id, true, MatrixCell.LowLow), (World.SchoolA1Second.Id, true, MatrixCell.Ineffective), (World.SchoolA2.Id, false, MatrixCell.Normal)));
        Plan NewPlan(PlanStatus status, PlanLevel level, Guid municipality, Guid? school) => new(status)
        {
            Id = Guid.NewGuid(), RegionId = region, Level = level, SchoolId = school, MunicipalityId = municipality, Title = "План",
            PeriodFrom = new(Year, 10, 1), PeriodTo = new(Year + 1, 12, 31),
        };
        db.Plans.AddRange(NewPlan(PlanStatus.InProgress, PlanLevel.School, World.A1.Id, World.SchoolA1.Id),
            NewPlan(PlanStatus.Draft, PlanLevel.School, World.A1.Id, World.SchoolA1Second.Id),
            NewPlan(PlanStatus.Approved, PlanLevel.Municipality, World.A1.Id, null));
        AssessmentResult Result(Guid school, int year, AssessmentKind kind, Subject subject, decimal mean, decimal below) => new()
        {
            RegionId = region, SchoolId = school, Year = year, Kind = kind, Grade = kind == AssessmentKind.Oge ? 9 : 5, Subject = subject,
            Participants = 50, MeanScore = mean, BelowMinimumShare = below,
        };
        db.Results.AddRange(
            Result(World.SchoolA1.Id, Year - 1, AssessmentKind.Oge, Subject.Mathematics, 14, 20), Result(World.SchoolA1.Id, Year, AssessmentKind.Oge, Subject.Mathematics, 16, 10),
            Result(World.SchoolA1Second.Id, Year - 1, AssessmentKind.Oge, Subject.Mathematics, 15, 10), Result(World.SchoolA1Second.Id, Year, AssessmentKind.Oge, Subject.Mathematics, 13, 15),
            Result(World.SchoolA1.Id, Year - 1, AssessmentKind.Vpr, Subject.Russian, 3.2m, 12), Result(World.SchoolA1.Id, Year, AssessmentKind.Vpr, Subject.Russian, 3.4m, 8),
            Result(World.SchoolA2.Id, Year - 1, AssessmentKind.Vpr, Subject.Russian, 3.8m, 4), Result(World.SchoolA2.Id, Year, AssessmentKind.Vpr, Subject.Russian, 4.0m, 2));
        var mentor = World.Scope(Roles.Mentor);
        db.Consultations.Add(new Consultation { Id = Guid.NewGuid(), RegionId = region, SchoolId = World.SchoolA1.Id, MentorId = mentor.UserId, MentorName = mentor.UserName,
            Date = new DateOnly(Year, 10, 5), Topic = "Анализ ВПР", DurationMinutes = 60, ParticipantsCount = 5 });
        var partnership = new Partnership(PartnershipStatus.Signed) { Id = Guid.NewGuid(), RegionId = region, LeaderSchoolId = World.SchoolA2.Id, Title = "Сеть А",
            ValidFrom = new(Year, 3, 1), ValidTo = new(Year + 1, 6, 30), SignedOn = new(Year, 2, 20), CreatedAt = DateTimeOffset.UtcNow };
        partnership.Schools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = region, PartnershipId = partnership.Id, SchoolId = World.SchoolA1.Id });
        db.Partnerships.Add(partnership);
        await db.SaveChangesAsync();
        await MonitoringJobTests.Job(portal, MonitoringJobTests.At(Year, 11, 2)).RunAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static decimal? Kpi(DecisionDashboard d, IndicatorCode code) => d.Kpis.Single(k => k.Row.Definition.Code == code).Row.Value;

    [Fact]
    public async Task Each_indicator_shows_the_same_figure_on_the_dashboard_roadmaps_partnerships_the_indicator_table_and_the_reports()
    {
        var dashboard = await As<DecisionDashboardQueries>(Roles.Ministry).GetAsync(new DashboardFilter(Year));
        Kpi(dashboard, IndicatorCode.MunicipalitiesWithProgrammes).Should().Be(100m, "A1, the only municipality with listed schools, has its roadmap approved");
        Kpi(dashboard, IndicatorCode.ListedSchoolsWithProgrammes).Should().Be(50m, "A1's programme is approved, A1Second's is a draft");
        Kpi(dashboard, IndicatorCode.Agreements).Should().Be(1m, "one agreement signed in 2026, counted from partnerships");
        Kpi(dashboard, IndicatorCode.ListReduction).Should().Be(0m, "two schools in 2025, two in 2026");
        Kpi(dashboard, IndicatorCode.PositiveDynamics).Should().Be(50m, "A1 has fewer below the minimum, A1Second more");
        Kpi(dashboard, IndicatorCode.Consultations).Should().Be(50m, "A1 had a consultation this school year, A1Second none");
        dashboard.Kpis.Single(k => k.Row.Definition.Code == IndicatorCode.Agreements).Light.Should().Be(Light.Red, "1 of a target of 5");
        dashboard.Kpis.Single(k => k.Row.Definition.Code == IndicatorCode.MunicipalitiesWithProgrammes).LightText.Should().Be("цель достигнута");

        var table = await As<MonitoringIndicators>(Roles.Operator).ComputeAsync(Year);
        foreach (var card in dashboard.Kpis)
            table.Single(r => r.Definition.Code == card.Row.Definition.Code).Value.Should().Be(card.Row.Value, card.Row.Definition.Title);

        var coverage = await As<PlanBoard>(Roles.Ministry).CoverageAsync();
        coverage.SchoolShare.Should().Be(50m);
        (coverage.SchoolsWithApprovedProgramme, coverage.Schools).Should().Be((1, 2), "/roadmaps counts the schools of the list in force, not every school");
        coverage.MunicipalityShare.Should().Be(100m);
        coverage.Basis.Should().Contain("перечня 2026/2027").And.NotContain("пока");
        (await As<PartnershipQueries>(Roles.Ministry).KpiAsync(Year)).Signed.Should().Be(1);

        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var annual = XlsxExport.Read(new MemoryStream(await ministry.GetByteArrayAsync($"/monitoring/reports/annual/{Year}.xlsx")));
        var exported = XlsxExport.Read(new MemoryStream(await ministry.GetByteArrayAsync($"/monitoring/overview/export.xlsx?year={Year}")), "Показатели");
        foreach (var card in dashboard.Kpis)
        {
            Convert.ToDecimal(annual.Single(r => (string?)r["Показатель"] == card.Row.Definition.Title)["Значение"]).Should().Be(card.Row.Value!.Value, card.Row.Definition.Title);
            Convert.ToDecimal(exported.Single(r => (string?)r["Показатель"] == card.Row.Definition.Title)["Значение"]).Should().Be(card.Row.Value!.Value, card.Row.Definition.Title);
        }
        var roadmaps = await ministry.GetStringAsync("/roadmaps");
        roadmaps.Should().Contain("1 из 2; охват: школы опубликованного перечня 2026/2027").And.NotContain("пока перечень не утверждён");
    }

    [Fact]
    public async Task Each_figure_drills_down_to_the_schools_or_municipalities_behind_it()
    {
        var queries = As<DecisionDashboardQueries>(Roles.Ministry);
        var filter = new DashboardFilter(Year);
        (await queries.DrillDownAsync(IndicatorCode.ListedSchoolsWithProgrammes, filter, false)).Rows.Select(r => r.Id).Should().Equal(World.SchoolA1Second.Id);
        (await queries.DrillDownAsync(IndicatorCode.ListedSchoolsWithProgrammes, filter, null)).Rows.Should().HaveCount(2);
        (await queries.DrillDownAsync(IndicatorCode.PositiveDynamics, filter, true)).Rows.Select(r => r.Id).Should().Equal(World.SchoolA1.Id);
        (await queries.DrillDownAsync(IndicatorCode.Consultations, filter, true)).Rows.Select(r => r.Id).Should().Equal(World.SchoolA1.Id);
        (await queries.DrillDownAsync(IndicatorCode.MunicipalitiesWithProgrammes, filter, null)).Rows.Should().ContainSingle()
            .Which.State.Should().Be("дорожная карта утверждена");
        var changes = await queries.DrillDownAsync(IndicatorCode.ListReduction, filter, null);
        changes.Rows.Select(r => (r.Id, r.State)).Should().BeEquivalentTo(new[]
        {
            (World.SchoolA2.Id, "вышла из перечня 2026/2027"), (World.SchoolA1Second.Id, "вошла в перечень 2026/2027"),
        });

        var dashboard = await queries.GetAsync(filter);
        var card = dashboard.Kpis.Single(k => k.Row.Definition.Code == IndicatorCode.ListedSchoolsWithProgrammes);
        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var page = await ministry.GetStringAsync(card.DrillDown + "&counted=false");
        page.Should().Contain(World.SchoolA1Second.ShortName).And.Contain("утверждённой программы нет").And.NotContain(">" + World.SchoolA1.ShortName + "<");
        dashboard.Kpis.Single(k => k.Row.Definition.Code == IndicatorCode.Agreements).DrillDown.Should().Be("/partnerships");
    }

    [Fact]
    public async Task The_dashboard_ranks_municipalities_and_shows_list_movements_the_matrix_and_results_of_listed_schools_against_the_rest()
    {
        var byCoverage = await As<DecisionDashboardQueries>(Roles.Ministry).GetAsync(new DashboardFilter(Year, Sort: RankingSort.Listed));
        byCoverage.Ranking.Select(m => (m.Municipality, m.ListedSchools)).Should().Equal(("Городской округ А1", 2), ("Район А2", 0));
        var a1 = byCoverage.Ranking[0];
        (a1.WithProgramme, a1.ApprovedRoadmap, a1.Compared, a1.Positive).Should().Be((1, true, 2, 1));
        (await As<DecisionDashboardQueries>(Roles.Ministry).GetAsync(new DashboardFilter(Year, Sort: RankingSort.Listed, Ascending: true)))
            .Ranking.Select(m => m.Municipality).Should().Equal("Район А2", "Городской округ А1");

        byCoverage.LeftTheList.Select(s => s.SchoolId).Should().Equal(World.SchoolA2.Id);
        byCoverage.ListedAgain.Select(s => s.SchoolId).Should().Equal(World.SchoolA1Second.Id);
        byCoverage.Matrix.Select(m => (m.Cell, m.Schools, m.Listed)).Should().Equal(
            (MatrixCell.LowLow, 1, 1), (MatrixCell.Ineffective, 1, 1), (MatrixCell.Resilient, 0, 0), (MatrixCell.Normal, 1, 0));
        byCoverage.ListTrend.Should().Equal(new ListSize(Year - 2, 1), new ListSize(Year - 1, 2), new ListSize(Year, 2));
        var vpr = byCoverage.Results.Where(r => r.Kind == AssessmentKind.Vpr && r.Year == Year).ToList();
        vpr.Single(r => r.Listed).MeanScore.Should().Be(3.4m);
        vpr.Single(r => !r.Listed).MeanScore.Should().Be(4.0m);
    }

    [Fact]
    public async Task A_municipal_coordinator_sees_its_municipality_only()
    {
        var a1 = await As<DecisionDashboardQueries>(Roles.Municipal).GetAsync(new DashboardFilter(Year));
        a1.MunicipalityId.Should().Be(World.A1.Id);
        a1.Ranking.Should().ContainSingle().Which.MunicipalityId.Should().Be(World.A1.Id);
        a1.Municipalities.Should().BeEmpty("a coordinator cannot choose another municipality");
        a1.LeftTheList.Should().BeEmpty("A2's school left the list, but it is not A1's");
        Kpi(a1, IndicatorCode.ListedSchoolsWithProgrammes).Should().Be(50m);
        a1.Results.Should().NotContain(r => !r.Listed && r.Kind == AssessmentKind.Vpr, "A2's results are not the coordinator's");
        await As<DecisionDashboardQueries>(Roles.Municipal).Invoking(q => q.GetAsync(new DashboardFilter(Year, World.A2.Id))).Should().ThrowAsync<ScopeException>();
        await As<DecisionDashboardQueries>(Roles.Municipal).Invoking(q => q.DrillDownAsync(IndicatorCode.PositiveDynamics, new DashboardFilter(Year, World.A2.Id), null))
            .Should().ThrowAsync<ScopeException>();

        var a2 = await As<DecisionDashboardQueries>(Roles.Municipal, "a2").GetAsync(new DashboardFilter(Year));
        a2.Ranking.Should().ContainSingle().Which.MunicipalityId.Should().Be(World.A2.Id);
        Kpi(a2, IndicatorCode.ListedSchoolsWithProgrammes).Should().BeNull("A2 has no school in the list in force");
        a2.LeftTheList.Select(s => s.SchoolId).Should().Equal(World.SchoolA2.Id);

        var b = await As<DecisionDashboardQueries>(Roles.Operator, "b").GetAsync(new DashboardFilter(Year));
        b.Ranking.Should().ContainSingle().Which.MunicipalityId.Should().Be(World.B1.Id);
        b.Results.Should().BeEmpty();
        Kpi(b, IndicatorCode.Agreements).Should().Be(0m, "region A's agreement is not region B's");
        await As<DecisionDashboardQueries>(Roles.Operator, "b").Invoking(q => q.GetAsync(new DashboardFilter(Year, World.A1.Id))).Should().ThrowAsync<ScopeException>();
        await As<DecisionDashboardQueries>(Roles.School).Invoking(q => q.GetAsync(new DashboardFilter(Year))).Should().ThrowAsync<ScopeException>();

        using var coordinator = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        (await coordinator.GetAsync($"/monitoring/overview/export.xlsx?year={Year}&municipality={World.A2.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/monitoring/overview/export.pdf?year={Year}")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        (await school.GetAsync($"/monitoring/overview/export.xlsx?year={Year}")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_year_out_of_range_is_refused_with_a_russian_message()
    {
        await As<DecisionDashboardQueries>(Roles.Ministry).Invoking(q => q.GetAsync(new DashboardFilter(1990)))
            .Should().ThrowAsync<DomainException>().WithMessage("Год мониторинга 1990 вне допустимого диапазона.");
        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        using var response = await ministry.GetAsync("/monitoring/overview/export.xlsx?year=1990");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("Год мониторинга 1990 вне допустимого диапазона.");
    }

    [Fact]
    public async Task The_exports_carry_the_dashboard_as_filtered()
    {
        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var xlsx = await ministry.GetByteArrayAsync($"/monitoring/overview/export.xlsx?year={Year}&municipality={World.A1.Id}&sort=Coverage&asc=true");
        var ranking = XlsxExport.Read(new MemoryStream(xlsx), "Муниципалитеты");
        ranking.Should().ContainSingle().Which["Муниципалитет"].Should().Be("Городской округ А1");
        Convert.ToInt32(ranking[0]["Школ в перечне"]).Should().Be(2);
        var results = XlsxExport.Read(new MemoryStream(xlsx), "Результаты");
        results.Should().NotContain(r => (string?)r["Группа"] == "остальные школы" && (string?)r["Процедура"] == "ВПР", "A2 is outside the chosen municipality");
        var movement = XlsxExport.Read(new MemoryStream(xlsx), "Движение перечня");
        movement.Select(r => ((string?)r["Школа"], (string?)r["Изменение"])).Should().Equal(new (string?, string?)[] { (World.SchoolA1Second.ShortName, "вновь в перечне") },
            "A2's school left the list, but A2 is not the chosen municipality");

        var pdf = await ministry.GetByteArrayAsync($"/monitoring/overview/export.pdf?year={Year}");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        text.Should().Contain("Сводная панель").And.Contain("Городской округ А1").And.Contain("Район А2").And.Contain("цель не достигнута").And.Contain(World.SchoolA2.ShortName);
    }

    [Fact]
    public async Task The_pages_render_the_cards_the_ranking_and_charts_on_sensible_axes()
    {
        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var html = await ministry.GetStringAsync($"/monitoring/overview?year={Year}&kind=Vpr&subject=Russian");
        foreach (var expected in new[] { "data-testid=\"kpi-ListedSchoolsWithProgrammes\"", "50 %", "data-testid=\"ranking\"", "/monitoring/reports/annual/2026.pdf",
                     "/monitoring/overview/export.xlsx?year=2026", "цель достигнута", "цель не достигнута" })
            html.Contains(expected, StringComparison.Ordinal).Should().BeTrue(expected);
        var mean = html[html.IndexOf("data-testid=\"chart-mean\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"chart-below\"", StringComparison.Ordinal)];
        foreach (var expected in new[] { ">2,0</text>", ">5,0</text>", ">3,40</text>", ">4,00</text>" }) mean.Contains(expected, StringComparison.Ordinal).Should().BeTrue(expected);
        mean.Contains(">20</text>", StringComparison.Ordinal).Should().BeFalse("ВПР marks are drawn on a 2–5 axis");
        var below = html[html.IndexOf("data-testid=\"chart-below\"", StringComparison.Ordinal)..];
        foreach (var expected in new[] { ">0</text>", ">100</text>" }) below.Contains(expected, StringComparison.Ordinal).Should().BeTrue(expected);

        using var school = await portal.LoginAsync(TestWorld.Email(Roles.School));
        var dashboard = await school.GetStringAsync("/monitoring/dashboard");
        var schoolMean = dashboard[dashboard.IndexOf("data-testid=\"school-mean\"", StringComparison.Ordinal)..dashboard.IndexOf("data-testid=\"school-below\"", StringComparison.Ordinal)];
        foreach (var expected in new[] { ">2,0</text>", ">5,0</text>" }) schoolMean.Contains(expected, StringComparison.Ordinal).Should().BeTrue(expected);
        schoolMean.Contains(">20</text>", StringComparison.Ordinal).Should().BeFalse("ВПР marks are drawn on a 2–5 axis, not 0–20");
        dashboard.Contains("<!--Blazor:", StringComparison.Ordinal).Should().BeFalse("the dashboard only shows data: no circuit (#18)");
        dashboard.Should().Contain("<option value=\"Vpr\" selected>").And.Contain("<option value=\"Oge\">");

        // The assessment is chosen by a plain GET form; an unknown one shows the default.
        var oge = await school.GetStringAsync("/monitoring/dashboard?kind=Oge");
        oge.Should().Contain("<option value=\"Oge\" selected>");
        var ogeMean = oge[oge.IndexOf("data-testid=\"school-mean\"", StringComparison.Ordinal)..oge.IndexOf("data-testid=\"school-below\"", StringComparison.Ordinal)];
        ogeMean.Should().Contain("Математика").And.NotContain("Русский язык");
        schoolMean.Should().Contain("Русский язык").And.NotContain("Математика");
        (await school.GetStringAsync("/monitoring/dashboard?kind=Pisa")).Should().Contain("<option value=\"Vpr\" selected>");

        using var coordinator = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        (await coordinator.GetAsync($"/monitoring/overview?municipality={World.A2.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/monitoring/overview/drill?indicator=PositiveDynamics&municipality={World.A2.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await school.GetAsync("/monitoring/overview")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
