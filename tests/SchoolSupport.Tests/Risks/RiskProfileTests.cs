using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Risks;

/// <summary>
/// Profiles, key risks, reviews and decisions through the services and the export endpoints, against a real database.
/// Each test works on a school and year of its own, so that the order of the tests does not matter.
/// </summary>
public sealed class RiskProfileTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly int Year = RiskCalendar.SchoolYearOf(DateOnly.FromDateTime(DateTime.UtcNow));
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private TestWorld World => portal.World;

    private T As<T>(UserScope user) where T : notnull => portal.Service<T>(user);

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    /// <summary>
    /// Fills the first factor with answers pointing 90 % to the risk (high), the second 45 % (medium), the third 10 % (low);
    /// the rest is left unanswered. Returns the year's factors.
    /// </summary>
    private async Task<IReadOnlyList<RiskFactor>> FillAsync(UserScope school, int year)
    {
        var factors = await As<ConfigureRiskFactors>(school).FactorsAsync(year);
        var shares = new Dictionary<Guid, decimal>();
        foreach (var (factor, risk) in factors.Take(3).Zip(new decimal[] { 90, 45, 10 }))
        {
            foreach (var q in factor.Questions) shares[q.Id] = q.RiskWhenHigh ? risk : 100 - risk;
        }
        var version = (await As<RiskQueries>(school).ProfileAsync(school.SchoolId!.Value, year)).Version;
        await As<FillRiskProfile>(school).SaveAsync(year, shares, version);
        return factors;
    }

    private async Task<UserScope> SchoolTeamAsync(Guid municipalityId, Guid schoolId) =>
        await ExtraUsers.AddAsync(portal, Roles.School, municipalityId, schoolId);

    [Fact]
    public async Task A_school_fills_its_profile_and_sees_the_levels_with_the_answers_behind_them()
    {
        var school = World.Scope(Roles.School);
        var factors = await FillAsync(school, Year);

        var view = await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, Year);
        view.Filled.Should().BeTrue();
        view.CanFill.Should().BeTrue();
        view.Results.Should().HaveCount(10);
        view.Results.Take(4).Select(r => (r.Score, r.Level)).Should().Equal((90m, RiskLevel.High), (45m, RiskLevel.Medium), (10m, RiskLevel.Low), (null, null));
        view.Results[0].Because.Should().HaveCount(factors[0].Questions.Count).And.OnlyContain(c => c.RiskShare == 90m);
        (await As<RiskQueries>(Roles.Municipal).ProfileAsync(World.SchoolA1.Id, Year)).CanFill.Should().BeFalse();
    }

    [Fact]
    public async Task Each_key_risk_opens_an_anti_risk_programme_that_the_coordinator_reviews_and_a_draft_goes_with_its_risk()
    {
        var school = World.Scope(Roles.School);
        var factors = await FillAsync(school, Year);
        var view = await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, Year);

        var version = await As<ChooseKeyRisks>(school).ChooseAsync(Year, [factors[0].Id, factors[1].Id], view.Version);

        view = await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, Year);
        view.KeyRisks.Select(k => (k.FactorId, k.Level, k.PlanStatus)).Should().Equal(
            (factors[0].Id, RiskLevel.High, PlanStatus.Draft), (factors[1].Id, RiskLevel.Medium, PlanStatus.Draft));
        var planId = view.KeyRisks[0].PlanId!.Value;
        var plan = (await As<PlanQueries>(Roles.Municipal).GetAsync(planId))!;
        plan.Plan.Kind.Should().Be(PlanKind.AntiRiskProgramme);
        plan.Plan.SchoolId.Should().Be(World.SchoolA1.Id);
        plan.Plan.Goals.Should().Be($"Снижение риска «{factors[0].Title}»: уровень риска по профилю высокий (90 из 100).");
        plan.Role.Should().Be(PlanRole.Reviewer);
        (await As<PlanQueries>(school).GetAsync(planId))!.Role.Should().Be(PlanRole.Owner);
        plan.MissingSections.Should().NotBeEmpty("the anti-risk programme has the mandatory sections of a school programme");

        var dropped = view.KeyRisks[1].PlanId!.Value;
        await As<ChooseKeyRisks>(school).ChooseAsync(Year, [factors[0].Id], version);
        (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, Year)).KeyRisks.Should().ContainSingle().Which.PlanId.Should().Be(planId);
        await using var db = portal.System();
        (await db.Plans.AnyAsync(p => p.Id == dropped)).Should().BeFalse();
    }

    [Fact]
    public async Task Choosing_more_key_risks_than_the_region_allows_is_refused_in_Russian_and_nothing_is_saved()
    {
        var school = await SchoolTeamAsync(World.A1.Id, World.SchoolA1Second.Id);
        var factors = await FillAsync(school, Year);
        var version = (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1Second.Id, Year)).Version;

        var tooMany = () => As<ChooseKeyRisks>(school).ChooseAsync(Year, [.. factors.Take(4).Select(f => f.Id)], version);

        (await tooMany.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Можно выбрать не больше 3 ключевых рисков, выбрано 4.");
        (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1Second.Id, Year)).KeyRisks.Should().BeEmpty();
        await using var db = portal.System();
        (await db.Plans.AnyAsync(p => p.SchoolId == World.SchoolA1Second.Id && p.Kind == PlanKind.AntiRiskProgramme && p.PeriodFrom.Year == Year)).Should().BeFalse();
    }

    [Fact]
    public async Task Bad_answers_and_a_wrong_year_are_refused_in_Russian_and_nothing_is_saved()
    {
        var school = await SchoolTeamAsync(World.A2.Id, World.SchoolA2.Id);
        var factors = await As<ConfigureRiskFactors>(school).FactorsAsync(Year);
        var question = factors[0].Questions[0];
        var fill = As<FillRiskProfile>(school);

        var outOfRange = () => fill.SaveAsync(Year, new Dictionary<Guid, decimal> { [question.Id] = 120, [factors[1].Questions[0].Id] = -5 }, 0);
        (await outOfRange.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal(
            $"Доля по вопросу «{question.Text}» должна быть от 0 до 100 %.", $"Доля по вопросу «{factors[1].Questions[0].Text}» должна быть от 0 до 100 %.");
        var unknown = () => fill.SaveAsync(Year, new Dictionary<Guid, decimal> { [Guid.NewGuid()] = 50 }, 0);
        (await unknown.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Неизвестный вопрос анкеты: анкета изменилась, обновите страницу.");
        var wrongYear = () => fill.SaveAsync(1990, new Dictionary<Guid, decimal> { [question.Id] = 50 }, 0);
        (await wrongYear.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal(
            $"Учебный год 1990/1991 недопустим: возможны текущий ({Year}/{Year + 1}), прошлый или следующий.");
        var unknownFactor = () => As<ChooseKeyRisks>(school).ChooseAsync(Year, [Guid.NewGuid()], 0);
        (await unknownFactor.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal($"Сначала заполните рисковый профиль за {Year}/{Year + 1} учебный год.");

        await using var db = portal.System();
        (await db.RiskProfiles.AnyAsync(p => p.SchoolId == World.SchoolA2.Id)).Should().BeFalse();
        (await db.RiskFactors.AnyAsync(f => f.Year == 1990)).Should().BeFalse();
    }

    [Fact]
    public async Task A_school_sees_its_profile_a_coordinator_its_schools_and_another_municipality_or_region_nothing()
    {
        await FillAsync(World.Scope(Roles.School), Year);

        var ownSchool = await As<RiskQueries>(Roles.School).OverviewAsync(Year);
        ownSchool.Schools.Select(s => s.SchoolId).Should().Equal(World.SchoolA1.Id);
        var otherSchool = () => As<RiskQueries>(Roles.School).ProfileAsync(World.SchoolA1Second.Id, Year);
        await otherSchool.Should().ThrowAsync<ScopeException>();

        var coordinator = await As<RiskQueries>(Roles.Municipal).OverviewAsync(Year);
        coordinator.Schools.Select(s => s.SchoolId).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA1Second.Id]);
        coordinator.ByFactor[0].High.Should().Be(coordinator.Schools.Count(s => s.Levels[coordinator.Factors[0].Code] == RiskLevel.High)).And.BeGreaterThan(0);

        var otherMunicipality = await As<RiskQueries>(Roles.Municipal, "a2").OverviewAsync(Year);
        otherMunicipality.Schools.Select(s => s.SchoolId).Should().Equal(World.SchoolA2.Id);
        var a1FromA2 = () => As<RiskQueries>(Roles.Municipal, "a2").ProfileAsync(World.SchoolA1.Id, Year);
        await a1FromA2.Should().ThrowAsync<ScopeException>();

        var otherRegion = await As<RiskQueries>(Roles.Operator, "b").OverviewAsync(Year);
        otherRegion.Schools.Select(s => s.SchoolId).Should().Equal(World.SchoolB1.Id);
        var a1FromB = () => As<RiskQueries>(Roles.Operator, "b").ProfileAsync(World.SchoolA1.Id, Year);
        await a1FromB.Should().ThrowAsync<ScopeException>();

        (await As<RiskQueries>(Roles.Mentor).OverviewAsync(Year)).Schools.Should().BeEmpty("the mentor has no assigned school");
        (await As<RiskQueries>(Roles.Ministry).OverviewAsync(Year)).Schools.Select(s => s.SchoolId).Should().BeEquivalentTo(
            [World.SchoolA1.Id, World.SchoolA1Second.Id, World.SchoolA2.Id]);
    }

    [Fact]
    public async Task The_exports_hold_only_the_users_schools_and_are_not_cached()
    {
        await FillAsync(World.Scope(Roles.School), Year);

        async Task<IReadOnlyList<object?>> SchoolsInXlsx(string role, string region = "a")
        {
            using var client = await portal.LoginAsync(TestWorld.Email(role, region));
            using var response = await client.GetAsync($"/risks/export/{Year}.xlsx");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            return XlsxExport.Read(stream, "Профили").Select(r => r["Школа"]).ToList();
        }

        (await SchoolsInXlsx(Roles.School)).Should().Equal(World.SchoolA1.ShortName);
        (await SchoolsInXlsx(Roles.Municipal)).Should().BeEquivalentTo([World.SchoolA1.ShortName, World.SchoolA1Second.ShortName]);
        (await SchoolsInXlsx(Roles.Municipal, "a2")).Should().Equal(World.SchoolA2.ShortName);
        (await SchoolsInXlsx(Roles.Operator, "b")).Should().Equal(World.SchoolB1.ShortName);

        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        using var pdf = await ministry.GetAsync($"/risks/export/{Year}.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        pdf.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await pdf.Content.ReadAsByteArrayAsync()).Take(4).Should().Equal("%PDF"u8.ToArray());
        using var anonymous = portal.Anonymous();
        using var refused = await anonymous.GetAsync($"/risks/export/{Year}.xlsx");
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_coordinator_records_a_review_per_half_year_with_findings_per_key_risk_and_one_after_its_half_year_is_late()
    {
        var year = Year - 1;
        var school = await SchoolTeamAsync(World.A1.Id, World.SchoolA1Second.Id);
        var factors = await FillAsync(school, year);
        var version = (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1Second.Id, year)).Version;
        await As<ChooseKeyRisks>(school).ChooseAsync(year, [factors[0].Id], version);
        var record = As<RecordEffectivenessReview>(Roles.Municipal);

        var noFinding = () => record.RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, Today, ReviewDecision.Continue, "Итог", new Dictionary<Guid, string>()));
        (await noFinding.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal($"Укажите выводы по ключевому риску «{factors[0].Title}».");
        var notAKeyRisk = () => record.RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, Today, ReviewDecision.Continue, "Итог",
            new Dictionary<Guid, string> { [factors[0].Id] = "Есть сдвиги", [factors[5].Id] = "Лишнее" }));
        (await notAKeyRisk.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Неизвестный фактор риска: выводы даются по ключевым рискам школы.");
        var otherMunicipality = () => As<RecordEffectivenessReview>(Roles.Municipal, "a2").RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, Today,
            ReviewDecision.Continue, "Итог", new Dictionary<Guid, string> { [factors[0].Id] = "Чужая школа" }));
        await otherMunicipality.Should().ThrowAsync<ScopeException>();
        var bySchool = () => As<RecordEffectivenessReview>(school).RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, Today,
            ReviewDecision.Continue, "Итог", new Dictionary<Guid, string> { [factors[0].Id] = "Сама себе" }));
        await bySchool.Should().ThrowAsync<ScopeException>();

        await record.RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, Today, ReviewDecision.ChangeMeasures, "Меры не дали результата",
            new Dictionary<Guid, string> { [factors[0].Id] = "Оснащённость не изменилась" }));

        var board = await As<RiskQueries>(Roles.Municipal).ReviewsAsync(year);
        var row = board.Rows.Should().ContainSingle(r => r.SchoolId == World.SchoolA1Second.Id).Subject;
        row.KeyRisks.Should().Equal((factors[0].Id, factors[0].Title));
        // The second half-year ended on 31 August; a review made after it is past its due date (31 May).
        row.Second.Review!.IsLate.Should().BeTrue();
        row.Second.Due.Should().Be(new DateOnly(year + 1, 5, 31));
        row.Second.Review.Findings.Should().ContainSingle().Which.Text.Should().Be("Оснащённость не изменилась");
        // Nothing was recorded for the first half-year, whose due date (25 December) has passed.
        row.First.Review.Should().BeNull();
        row.First.Overdue.Should().BeTrue();
        (await As<RiskQueries>(Roles.Municipal, "a2").ReviewsAsync(year)).Rows.Should().NotContain(r => r.SchoolId == World.SchoolA1Second.Id);
        (await As<RiskQueries>(Roles.Operator, "b").ReviewsAsync(year)).Rows.Should().NotContain(r => r.SchoolId == World.SchoolA1Second.Id);
    }

    [Fact]
    public async Task Decisions_are_registered_within_the_users_scope_and_one_after_the_June_deadline_is_late()
    {
        var register = As<RegisterRiskDecision>(Roles.Municipal);
        var decision = new DecisionEdit(Year, DecisionKind.Operational, DecisionLevel.School, null, World.SchoolA1.Id, "staff-shortage",
            "Привлечь учителя математики по договору", "Директор школы", Today, Today.AddMonths(2));

        var lateId = await register.RegisterAsync(decision);
        var nextYear = await register.RegisterAsync(decision with { Year = Year + 1, Kind = DecisionKind.Strategic, Level = DecisionLevel.Municipality,
            MunicipalityId = World.A1.Id, SchoolId = null, Text = "Целевое обучение педагогов" });

        var current = await As<RiskQueries>(Roles.Municipal).DecisionsAsync(Year);
        current.Deadline.Should().Be(new DateOnly(Year, 6, 30));
        current.Rows.Should().ContainSingle(r => r.Decision.Id == lateId).Which.Decision.IsLate.Should().BeTrue("decisions on this school year's risks were due by June");
        var upcoming = await As<RiskQueries>(Roles.Municipal).DecisionsAsync(Year + 1);
        upcoming.Rows.Should().ContainSingle(r => r.Decision.Id == nextYear).Which.Decision.IsLate.Should().BeFalse();
        upcoming.Rows.Single(r => r.Decision.Id == nextYear).Owner.Should().Be(World.A1.Name);

        (await As<RiskQueries>(Roles.School).DecisionsAsync(Year)).Rows.Select(r => r.Decision.Id).Should().Contain(lateId);
        (await As<RiskQueries>(Roles.School).DecisionsAsync(Year + 1)).Rows.Should().BeEmpty("a municipal decision is the coordinator's");
        (await As<RiskQueries>(Roles.Municipal, "a2").DecisionsAsync(Year)).Rows.Should().BeEmpty();
        (await As<RiskQueries>(Roles.Operator, "b").DecisionsAsync(Year)).Rows.Should().BeEmpty();

        var regional = () => register.RegisterAsync(decision with { Level = DecisionLevel.Region, SchoolId = null });
        await regional.Should().ThrowAsync<ScopeException>();
        var otherMunicipality = () => As<RegisterRiskDecision>(Roles.Municipal, "a2").RegisterAsync(decision);
        await otherMunicipality.Should().ThrowAsync<ScopeException>();
        var bad = () => register.RegisterAsync(decision with { FactorCode = "unknown", Text = " ", TakenOn = Today.AddDays(3), DueDate = Today, PlanId = Guid.NewGuid() });
        (await bad.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal(
            "Дата принятия решения не может быть в будущем.", "Срок исполнения не может быть раньше даты принятия решения.", "Опишите решение.");
        var badLinks = () => register.RegisterAsync(decision with { FactorCode = "unknown", PlanId = Guid.NewGuid() });
        (await badLinks.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal(
            "Неизвестный фактор риска.", "Антирисковая программа не найдена среди программ этой школы.");
        await using var db = portal.System();
        (await db.RiskDecisions.CountAsync(d => d.RegionId == World.RegionA.Id)).Should().Be(2);
    }

    [Fact]
    public async Task The_pages_show_the_users_schools_and_a_profile_out_of_scope_as_not_found()
    {
        var factors = await FillAsync(World.Scope(Roles.School), Year);

        using var coordinator = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        var overview = await coordinator.GetStringAsync($"/risks?year={Year}");
        overview.Should().Contain("<h1").And.Contain(World.SchoolA1.ShortName).And.Contain(World.SchoolA1Second.ShortName).And.NotContain(World.SchoolA2.ShortName);
        overview.Should().Contain("Распределение уровней риска по факторам");
        var profile = await coordinator.GetStringAsync($"/risks/schools/{World.SchoolA1.Id}/{Year}");
        profile.Should().Contain(System.Net.WebUtility.HtmlEncode(factors[0].Title)).And.Contain("высокий");

        using var otherMunicipality = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        using var refused = await otherMunicipality.GetAsync($"/risks/schools/{World.SchoolA1.Id}/{Year}");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("не найдена").And.NotContain(System.Net.WebUtility.HtmlEncode(factors[0].Title));
    }

    [Fact]
    public async Task The_demo_school_gets_two_years_of_profile_and_its_three_highest_risks_as_key_risks()
    {
        var school = World.Scope(Roles.School, "b");
        await DemoSeeder.SeedRiskProfileAsync(portal.Services.GetRequiredService<SystemDb>(), TimeProvider.System, school, default);

        var view = await As<RiskQueries>(school).ProfileAsync(World.SchoolB1.Id, Year);
        // Demo risk shares 72, 35, 58, 25, 12, 64, 41, 80, 30, 55: the highest are factors 8, 1 and 6.
        view.KeyRisks.Select(k => k.FactorId).Should().Equal(view.Factors[0].Id, view.Factors[5].Id, view.Factors[7].Id);
        view.KeyRisks.Should().OnlyContain(k => k.PlanStatus == PlanStatus.Draft);
        view.Results[1].Level.Should().Be(RiskLevel.Medium);
        // Last year every risk share was 8 points higher: factor 4 had 25 + 8 = 33 (medium) and now has 25 (low).
        view.PreviousLevels[view.Factors[3].Code].Should().Be(RiskLevel.Medium);
        view.Results[3].Level.Should().Be(RiskLevel.Low);
    }

    [Fact]
    public async Task Regional_staff_edit_a_years_thresholds_and_questions_and_the_levels_follow_while_others_are_refused()
    {
        var year = Year + 1;
        var setup = As<ConfigureRiskFactors>(Roles.Operator);
        var factor = (await setup.FactorsAsync(year))[1];
        var school = World.Scope(Roles.School);
        await FillAsync(school, year);
        (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, year)).Results[1].Level.Should().Be(RiskLevel.Medium, "45 is between 30 and 60");

        var inverted = () => setup.SaveFactorAsync(new RiskFactorEdit(factor.Id, factor.Version, factor.Title, 60, 40));
        (await inverted.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Порог высокого уровня риска должен быть больше порога среднего.");
        var bySchool = () => As<ConfigureRiskFactors>(school).SaveFactorAsync(new RiskFactorEdit(factor.Id, factor.Version, factor.Title, 20, 40));
        await bySchool.Should().ThrowAsync<ScopeException>();
        var otherRegion = () => As<ConfigureRiskFactors>(Roles.Operator, "b").SaveFactorAsync(new RiskFactorEdit(factor.Id, factor.Version, factor.Title, 20, 40));
        await otherRegion.Should().ThrowAsync<ScopeException>();

        await setup.SaveFactorAsync(new RiskFactorEdit(factor.Id, factor.Version, factor.Title, 20, 40));
        (await As<RiskQueries>(school).ProfileAsync(World.SchoolA1.Id, year)).Results[1].Level.Should().Be(RiskLevel.High, "45 is above the new 40");
        (await As<ConfigureRiskFactors>(school).FactorsAsync(Year))[1].HighFrom.Should().Be(60, "another year's set is not touched");

        var noText = () => setup.SaveQuestionAsync(new RiskQuestionEdit(null, 0, factor.Id, RespondentGroup.Parents, " ", 1, true));
        (await noText.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Текст вопроса: от 1 до 1000 символов.");
        await setup.SaveQuestionAsync(new RiskQuestionEdit(null, 0, factor.Id, RespondentGroup.Parents, "Доля родителей, отмечающих частую смену учителей", 1, true));
        (await setup.FactorsAsync(year))[1].Questions.Should().Contain(q => q.Group == RespondentGroup.Parents && q.Text == "Доля родителей, отмечающих частую смену учителей");
    }
}
