using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Inbox;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

public sealed class InboxQueriesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private Task<IReadOnlyList<InboxItem>> InboxOf(string role, string region = "a") =>
        portal.Service<InboxQueries>(World.Scope(role, region)).ItemsAsync();

    private async Task<Guid> ListAsync(Guid regionId, int year, ListStatus status, string returnComment = "")
    {
        await using var db = portal.System();
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = regionId, Year = year, Version = 1, Name = "Методика", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(status) { Id = Guid.NewGuid(), RegionId = regionId, Year = year, MethodologyId = methodology.Id, ReturnComment = returnComment };
        db.AddRange(methodology, list);
        await db.SaveChangesAsync();
        return list.Id;
    }

    /// <summary>A school programme being carried out, started <paramref name="startedMonthsAgo"/> months ago, with one activity past its deadline.</summary>
    private async Task<(Guid Plan, Guid Item)> ProgrammeInProgressAsync(Guid schoolId, Guid municipalityId, int startedMonthsAgo)
    {
        await using var db = portal.System();
        var plan = new Plan(PlanStatus.InProgress)
        {
            Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Level = PlanLevel.School, Kind = PlanKind.TransitionProgramme, SchoolId = schoolId,
            MunicipalityId = municipalityId, Title = "Программа перехода " + Guid.NewGuid().ToString("N")[..6], PeriodFrom = Today.AddMonths(-6), PeriodTo = Today.AddMonths(6),
            CreatedAt = DateTimeOffset.UtcNow.AddMonths(-startedMonthsAgo),
        };
        var item = new PlanItem
        {
            Id = Guid.NewGuid(), RegionId = plan.RegionId, PlanId = plan.Id, Activity = "Педсовет по итогам диагностики", Deadline = Today.AddDays(-1),
            Responsible = "Заместитель директора", Status = PlanItemStatus.Planned,
        };
        db.Plans.Add(plan);
        db.PlanItems.Add(item);
        await db.SaveChangesAsync();
        return (plan.Id, item.Id);
    }

    [Fact]
    public async Task The_ministry_is_asked_to_approve_a_submitted_list_and_the_operator_to_rework_a_returned_one()
    {
        var submitted = await ListAsync(World.RegionA.Id, 2031, ListStatus.Submitted);
        var returned = await ListAsync(World.RegionA.Id, 2032, ListStatus.Returned, "Добавьте обоснования по школам района А2.");
        var otherRegion = await ListAsync(World.RegionB.Id, 2031, ListStatus.Returned);

        var ministry = await InboxOf(Roles.Ministry);
        ministry.Should().ContainSingle(i => i.Link == $"/lists/{submitted}").Which.Title.Should().Contain("ожидает утверждения");
        ministry.Should().NotContain(i => i.Link == $"/lists/{returned}", "a returned list waits for the operator, not the ministry");

        var op = await InboxOf(Roles.Operator);
        op.Should().ContainSingle(i => i.Link == $"/lists/{returned}").Which.Detail.Should().Be("Добавьте обоснования по школам района А2.");
        op.Should().NotContain(i => i.Link == $"/lists/{submitted}");

        (await InboxOf(Roles.Operator, "b")).Should().Contain(i => i.Link == $"/lists/{otherRegion}")
            .And.NotContain(i => i.Link == $"/lists/{returned}", "another region's list is invisible");
        (await InboxOf(Roles.Municipal)).Should().NotContain(i => i.Kind == InboxKind.List);
        (await InboxOf(Roles.School)).Should().NotContain(i => i.Kind == InboxKind.List);
    }

    [Fact]
    public async Task A_submitted_school_programme_waits_for_its_own_coordinator_and_a_returned_one_for_the_school()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        var coordinator = World.Scope(Roles.Municipal);
        async Task<uint> V() => (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, await V(), PlanStatus.Submitted, null);

        (await InboxOf(Roles.Municipal)).Should().ContainSingle(i => i.Link == $"/roadmaps/{id}").Which.Title.Should().Contain("направлен(а) на рассмотрение");
        (await InboxOf(Roles.Municipal, "a2")).Should().NotContain(i => i.Link == $"/roadmaps/{id}", "another municipality's school");
        (await InboxOf(Roles.School)).Should().NotContain(i => i.Link == $"/roadmaps/{id}", "the school waits for the review");

        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.Returned, "Уточните показатели раздела 3.");

        (await InboxOf(Roles.School)).Should().ContainSingle(i => i.Link == $"/roadmaps/{id}").Which.Detail.Should().Be("Уточните показатели раздела 3.");
        (await InboxOf(Roles.Municipal)).Should().NotContain(i => i.Link == $"/roadmaps/{id}");
        (await InboxOf(Roles.School, "b")).Should().NotContain(i => i.Link == $"/roadmaps/{id}");
    }

    [Fact]
    public async Task An_activity_past_its_deadline_is_overdue_the_same_day_for_the_school_and_its_coordinator()
    {
        var (plan, _) = await ProgrammeInProgressAsync(World.SchoolA1.Id, World.A1.Id, startedMonthsAgo: 0);

        var school = await InboxOf(Roles.School);
        school.Should().Contain(i => i.Kind == InboxKind.Activity && i.Link == $"/roadmaps/{plan}" && i.Overdue && i.Title.StartsWith("Просрочено"),
            "no nightly job has run: the deadline alone makes it overdue");
        (await InboxOf(Roles.Municipal)).Should().ContainSingle(i => i.Kind == InboxKind.Activity && i.Link == $"/roadmaps/{plan}")
            .Which.Title.Should().Contain("просрочено мероприятий — 1");
        (await InboxOf(Roles.Municipal, "a2")).Should().NotContain(i => i.Link == $"/roadmaps/{plan}");
        (await InboxOf(Roles.School, "b")).Should().NotContain(i => i.Link == $"/roadmaps/{plan}");
        (await InboxOf(Roles.Mentor)).Should().NotContain(i => i.Link == $"/roadmaps/{plan}");
    }

    [Fact]
    public async Task A_programme_in_progress_owes_a_monthly_report_reminded_before_and_overdue_after()
    {
        var (late, _) = await ProgrammeInProgressAsync(World.SchoolA1.Id, World.A1.Id, startedMonthsAgo: 2);
        var (fresh, _) = await ProgrammeInProgressAsync(World.SchoolA1.Id, World.A1.Id, startedMonthsAgo: 0);
        var (other, _) = await ProgrammeInProgressAsync(World.SchoolA2.Id, World.A2.Id, startedMonthsAgo: 2);

        var school = await InboxOf(Roles.School);
        school.Should().ContainSingle(i => i.Kind == InboxKind.Report && i.Link == $"/roadmaps/{late}").Which.Overdue.Should().BeTrue();
        school.Should().NotContain(i => i.Kind == InboxKind.Report && i.Link == $"/roadmaps/{fresh}", "its first report is due in a month");
        (await InboxOf(Roles.Municipal)).Should().Contain(i => i.Kind == InboxKind.Report && i.Link == $"/roadmaps/{late}" && i.Overdue)
            .And.NotContain(i => i.Link == $"/roadmaps/{other}");
        (await InboxOf(Roles.Municipal, "a2")).Should().Contain(i => i.Kind == InboxKind.Report && i.Link == $"/roadmaps/{other}")
            .And.NotContain(i => i.Link == $"/roadmaps/{late}");
    }

    [Fact]
    public void The_monthly_report_rule_reminds_a_week_before_and_marks_overdue_after_the_due_day()
    {
        var plan = new Plan(PlanStatus.InProgress);
        var started = new DateOnly(2026, 10, 1);
        plan.MonthlyReportOn(new DateOnly(2026, 10, 20), started).State.Should().Be(MonthlyReportState.NotYet);
        plan.MonthlyReportOn(new DateOnly(2026, 10, 25), started).Should().Be(new MonthlyReport(MonthlyReportState.DueSoon, new DateOnly(2026, 11, 1)));
        plan.MonthlyReportOn(new DateOnly(2026, 11, 1), started).State.Should().Be(MonthlyReportState.DueSoon);
        plan.MonthlyReportOn(new DateOnly(2026, 11, 2), started).State.Should().Be(MonthlyReportState.Overdue);
        new Plan(PlanStatus.Reported).MonthlyReportOn(new DateOnly(2027, 1, 1), started).State.Should().Be(MonthlyReportState.NotOwed, "the reviewer has the report");
    }

    [Fact]
    public void An_activity_is_overdue_from_the_day_after_its_deadline_unless_done_or_cancelled()
    {
        var item = new PlanItem { Deadline = new DateOnly(2026, 10, 15), Status = PlanItemStatus.InProgress };
        item.IsOverdueOn(new DateOnly(2026, 10, 15)).Should().BeFalse();
        item.IsOverdueOn(new DateOnly(2026, 11, 30)).Should().BeTrue();
        item.StatusOn(new DateOnly(2026, 11, 30)).Should().Be(PlanItemStatus.Overdue);
        new PlanItem { Deadline = new DateOnly(2026, 10, 15), Status = PlanItemStatus.Done }.IsOverdueOn(new DateOnly(2026, 11, 30)).Should().BeFalse();
        new PlanItem { Deadline = new DateOnly(2026, 10, 15), Status = PlanItemStatus.Cancelled }.IsOverdueOn(new DateOnly(2026, 11, 30)).Should().BeFalse();
    }

    [Fact]
    public async Task A_mentor_is_asked_to_visit_an_assigned_school_without_a_recent_consultation()
    {
        var mentor = World.Scope(Roles.Mentor);
        await using (var db = portal.System())
        {
            db.MentorAssignments.Add(new MentorAssignment
            {
                Id = Guid.NewGuid(), RegionId = World.RegionA.Id, MentorId = mentor.UserId, MentorName = "Наставник", SchoolId = World.SchoolA1Second.Id,
                From = Today.AddMonths(-3), To = Today.AddMonths(9), Responsibilities = "Сопровождение", AssignedByName = "Оператор", AssignedAt = DateTimeOffset.UtcNow,
            });
            db.Consultations.Add(new Consultation
            {
                Id = Guid.NewGuid(), RegionId = World.RegionA.Id, SchoolId = World.SchoolA1Second.Id, MentorId = mentor.UserId, MentorName = "Наставник",
                Date = Today.AddDays(-45), Topic = "Анализ ВПР", DurationMinutes = 60, ParticipantsCount = 5, Outcome = "План работы", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var inbox = await InboxOf(Roles.Mentor);
        inbox.Should().ContainSingle(i => i.Kind == InboxKind.Consultation).Which.Title.Should().Contain(World.SchoolA1Second.ShortName);
        inbox.Should().NotContain(i => i.Title.Contains(World.SchoolA2.ShortName), "a school not assigned to the mentor");
        (await InboxOf(Roles.School)).Should().NotContain(i => i.Kind == InboxKind.Consultation);

        await using (var db = portal.System())
        {
            db.Consultations.Add(new Consultation
            {
                Id = Guid.NewGuid(), RegionId = World.RegionA.Id, SchoolId = World.SchoolA1Second.Id, MentorId = mentor.UserId, MentorName = "Наставник",
                Date = Today, Topic = "Разбор уроков", DurationMinutes = 60, ParticipantsCount = 5, Outcome = "Рекомендации", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        (await InboxOf(Roles.Mentor)).Should().NotContain(i => i.Kind == InboxKind.Consultation, "a consultation was held today");
    }

    [Fact]
    public async Task Each_role_sees_its_own_figures_instead_of_result_rows()
    {
        var ministry = await portal.Service<InboxQueries>(World.Scope(Roles.Ministry)).LoadAsync();
        ministry.Figures.Select(f => f.Title).Should().Contain("Школ в действующем перечне").And.NotContain("Строк результатов");
        var school = await portal.Service<InboxQueries>(World.Scope(Roles.School)).LoadAsync();
        school.Figures.Select(f => f.Title).Should().Contain("Мероприятий программы").And.NotContain("Школ в действующем перечне");
    }

    [Fact]
    public async Task The_home_page_shows_the_inbox_and_the_menu_counts_it_and_anonymous_users_are_sent_to_login()
    {
        await ProgrammeInProgressAsync(World.SchoolA1.Id, World.A1.Id, startedMonthsAgo: 0);
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.School));
        var html = await client.GetStringAsync("/");
        html.Should().Contain("Ожидает вашего действия").And.Contain("Педсовет по итогам диагностики").And.Contain("data-testid=\"inbox-count\"");

        using var anonymous = portal.Anonymous();
        using var response = await anonymous.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/account/login");
    }
}
