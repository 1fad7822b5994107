using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Inbox;
using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Risks;

/// <summary>
/// Issue #17, what follows a review: a half-year effectiveness review past its due date (the region's risk settings) waits in
/// the coordinator's inbox; a decision names the anti-risk programme and the review it changes.
/// </summary>
public sealed class RiskFollowUpTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private async Task<IReadOnlyList<InboxItem>> ReviewsInInboxOf(string role, string region = "a") =>
        [.. (await portal.Service<InboxQueries>(World.Scope(role, region)).ItemsAsync()).Where(i => i.Kind == InboxKind.Review)];

    [Fact]
    public async Task A_review_past_its_due_date_waits_in_the_inbox_of_the_schools_coordinator_until_it_is_recorded()
    {
        var today = TimeProvider.System.Today();
        var year = RiskCalendar.SchoolYearOf(today);
        // Region A's first review is due on 1 September, already past whenever the test runs (but on that very day).
        var configure = portal.Service<ConfigureRiskFactors>(World.Scope(Roles.Operator));
        var settings = await configure.SettingsAsync();
        (settings.FirstReviewMonth, settings.FirstReviewDay) = (9, 1);
        await configure.SaveSettingsAsync(settings);
        var due = new DateOnly(year, 9, 1);
        var past = today > due;

        // No list is published, so every school of the municipality is followed: A1 and A1-2 for the coordinator of A1.
        var inbox = await ReviewsInInboxOf(Roles.Municipal);
        inbox.Select(i => i.Title).Should().BeEquivalentTo(past
            ? [$"«{World.SchoolA1.ShortName}»: не проведён анализ эффективности за первое полугодие {year}/{year + 1} учебного года",
               $"«{World.SchoolA1Second.ShortName}»: не проведён анализ эффективности за первое полугодие {year}/{year + 1} учебного года"]
            : Array.Empty<string>());
        inbox.Should().OnlyContain(i => i.Overdue && i.Due == due && i.Link == "/risks/reviews" && i.Detail.StartsWith($"Срок — {due:dd.MM.yyyy}."));

        await portal.Service<RecordEffectivenessReview>(World.Scope(Roles.Municipal)).RecordAsync(
            new ReviewEdit(World.SchoolA1.Id, year, 1, today, ReviewDecision.Continue, "Меры действуют", new Dictionary<Guid, string>()));

        (await ReviewsInInboxOf(Roles.Municipal)).Select(i => i.Title).Should().BeEquivalentTo(past
            ? [$"«{World.SchoolA1Second.ShortName}»: не проведён анализ эффективности за первое полугодие {year}/{year + 1} учебного года"]
            : Array.Empty<string>(), "the recorded review leaves the inbox");
        (await ReviewsInInboxOf(Roles.Municipal, "a2")).Select(i => i.Title).Should().BeEquivalentTo(past
            ? [$"«{World.SchoolA2.ShortName}»: не проведён анализ эффективности за первое полугодие {year}/{year + 1} учебного года"]
            : Array.Empty<string>(), "another municipality's coordinator sees only their own school");
        (await ReviewsInInboxOf(Roles.Municipal, "b")).Should().NotContain(i => i.Title.Contains(World.SchoolA1Second.ShortName), "another region");
        (await ReviewsInInboxOf(Roles.School)).Should().BeEmpty("the municipality records reviews, not the school");
    }

    [Fact]
    public async Task A_decision_names_the_programme_and_the_review_it_changes_and_those_of_another_school_are_refused()
    {
        var today = TimeProvider.System.Today();
        var year = RiskCalendar.SchoolYearOf(today) - 1;
        var school = await ExtraUsers.AddAsync(portal, Roles.School, World.A1.Id, World.SchoolA1Second.Id);
        var factors = await portal.Service<ConfigureRiskFactors>(school).FactorsAsync(year);
        var shares = factors[0].Questions.ToDictionary(q => q.Id, q => q.RiskWhenHigh ? 90m : 10m);
        var version = (await portal.Service<RiskQueries>(school).ProfileAsync(World.SchoolA1Second.Id, year)).Version;
        version = await portal.Service<FillRiskProfile>(school).SaveAsync(year, shares, version);
        await portal.Service<ChooseKeyRisks>(school).ChooseAsync(year, [factors[0].Id], version);
        var programme = (await portal.Service<RiskQueries>(school).ProfileAsync(World.SchoolA1Second.Id, year)).KeyRisks.Single();
        var coordinator = World.Scope(Roles.Municipal);
        var review = await portal.Service<RecordEffectivenessReview>(coordinator).RecordAsync(new ReviewEdit(World.SchoolA1Second.Id, year, 2, today,
            ReviewDecision.ChangeMeasures, "Меры не дали результата", new Dictionary<Guid, string> { [factors[0].Id] = "Оснащённость не изменилась" }));
        var register = portal.Service<RegisterRiskDecision>(coordinator);
        var decision = new DecisionEdit(year, DecisionKind.Operational, DecisionLevel.School, null, World.SchoolA1Second.Id, factors[0].Code,
            "Заменить мероприятие по оснащению кабинетов", "Директор школы", today, today.AddMonths(1), programme.PlanId, review);

        var id = await register.RegisterAsync(decision);

        var row = (await portal.Service<RiskQueries>(coordinator).DecisionsAsync(year)).Rows.Should().ContainSingle(r => r.Decision.Id == id).Subject;
        (row.Decision.PlanId, row.PlanTitle, row.Decision.ReviewId).Should().Be((programme.PlanId, programme.PlanTitle, (Guid?)review));
        row.Review.Should().EndWith(today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var ofAnotherSchool = () => register.RegisterAsync(decision with { SchoolId = World.SchoolA1.Id });
        (await ofAnotherSchool.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal(
            "Антирисковая программа не найдена среди программ этой школы.", "Анализ эффективности не найден среди анализов этой школы.");
        (await portal.Service<RiskQueries>(World.Scope(Roles.Municipal, "a2")).DecisionsAsync(year)).Rows.Should().NotContain(r => r.Decision.Id == id);
    }

    [Fact]
    public async Task The_overview_shows_how_each_schools_level_changed_since_last_year()
    {
        var year = RiskCalendar.SchoolYearOf(TimeProvider.System.Today());
        var school = await ExtraUsers.AddAsync(portal, Roles.School, World.A2.Id, World.SchoolA2.Id);
        async Task FillAsync(int y, decimal risk)
        {
            var factors = await portal.Service<ConfigureRiskFactors>(school).FactorsAsync(y);
            var shares = factors[0].Questions.ToDictionary(q => q.Id, q => q.RiskWhenHigh ? risk : 100 - risk);
            var version = (await portal.Service<RiskQueries>(school).ProfileAsync(World.SchoolA2.Id, y)).Version;
            await portal.Service<FillRiskProfile>(school).SaveAsync(y, shares, version);
        }
        await FillAsync(year - 1, 90);
        await FillAsync(year, 10);

        var overview = await portal.Service<RiskQueries>(World.Scope(Roles.Municipal, "a2")).OverviewAsync(year);

        var row = overview.Schools.Should().ContainSingle(s => s.SchoolId == World.SchoolA2.Id).Subject;
        var code = overview.Factors[0].Code;
        (row.Previous[code], row.Levels[code], row.Change(code)).Should().Be(((RiskLevel?)RiskLevel.High, (RiskLevel?)RiskLevel.Low, (int?)-1));
        row.Change(overview.Factors[1].Code).Should().BeNull("a factor without answers has no level in either year");
        (await portal.Service<RiskQueries>(World.Scope(Roles.Municipal)).OverviewAsync(year)).Schools.Should().NotContain(s => s.SchoolId == World.SchoolA2.Id);
    }
}
