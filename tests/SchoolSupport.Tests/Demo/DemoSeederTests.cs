using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.DemoData;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Demo;

/// <summary>The portal seeded with the demo as the embedded default does it: results up to the clock's last school year, its list published.</summary>
public sealed class DemoPortalFixture : PortalFixture
{
    protected override IEnumerable<string> ExtraArgs => ["--DemoData:Seed=true"];
}

public sealed class DemoSeederTests(DemoPortalFixture portal) : IClassFixture<DemoPortalFixture>
{
    private int LastYear
    {
        get
        {
            using var scope = portal.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<DemoSeeder>().LastResultYear();
        }
    }

    [Theory]
    [InlineData(2026, 11, 25, 2026)]
    [InlineData(2026, 9, 1, 2026)]
    [InlineData(2026, 8, 31, 2025)]
    [InlineData(2027, 3, 10, 2026)]
    public void Results_of_spring_are_known_from_the_first_of_September(int year, int month, int day, int lastResultYear) =>
        DemoSeeder.LastResultYear(new DateOnly(year, month, day)).Should().Be(lastResultYear);

    [Fact]
    public void The_generator_gives_the_same_region_for_the_same_seed()
    {
        var first = new DemoDataGenerator(seed: 2026).Generate("X", "Регион", municipalities: 3, schools: 20, lastYear: 2026);
        var second = new DemoDataGenerator(seed: 2026).Generate("X", "Регион", municipalities: 3, schools: 20, lastYear: 2026);
        second.Schools.Select(s => (s.Id, s.ShortName, s.Enrolment)).Should().Equal(first.Schools.Select(s => (s.Id, s.ShortName, s.Enrolment)));
        second.Results.Select(r => (r.SchoolId, r.Year, r.Kind, r.Subject, r.MeanScore, r.BelowMinimumShare))
            .Should().Equal(first.Results.Select(r => (r.SchoolId, r.Year, r.Kind, r.Subject, r.MeanScore, r.BelowMinimumShare)));
        first.Results.Select(r => r.Year).Distinct().Order().Should().Equal(2024, 2025, 2026);
        new DemoDataGenerator(seed: 2026).Generate("X", "Регион", municipalities: 3, schools: 20, lastYear: 2026, years: DemoSeeder.DemoYears)
            .Results.Select(r => r.Year).Distinct().Order().Should().Equal(2023, 2024, 2025, 2026);
    }

    [Fact]
    public async Task The_demo_results_end_with_the_last_completed_school_year()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var years = await db.Results.Where(r => r.RegionId == region.Id).Select(r => r.Year).Distinct().OrderBy(y => y).ToListAsync();
        years.Should().Equal(LastYear - 3, LastYear - 2, LastYear - 1, LastYear);
    }

    [Fact]
    public async Task The_list_of_the_current_cycle_is_published_through_the_workflow_by_the_demo_operator_and_ministry()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var list = await db.Set<SupportList>().Include(l => l.History).SingleAsync(l => l.RegionId == region.Id && l.Year == LastYear);
        list.Status.Should().Be(ListStatus.Published);
        list.OrderNumber.Should().Be(DemoSeeder.DemoOrderNumber);
        list.OrderDate.Should().NotBeNull().And.BeOnOrBefore(DateOnly.FromDateTime(DateTime.UtcNow));
        list.History.OrderBy(h => h.At).Select(h => (h.To, h.UserName)).Should().Equal(
            (ListStatus.Draft, "демонстрационные данные"), (ListStatus.UnderReview, "Петров Олег Николаевич"), (ListStatus.Submitted, "Петров Олег Николаевич"),
            (ListStatus.Approved, "Иванова Мария Петровна"), (ListStatus.Published, "Иванова Мария Петровна"));
        list.History.Single(h => h.To == ListStatus.Approved).Comment.Should().StartWith($"Приказ № {DemoSeeder.DemoOrderNumber} от ");
        // The second-year schools get their support-format decision between review and submission, one audit entry each.
        (await db.Audit.Where(a => a.EntityId == list.Id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync()).Distinct()
            .Should().Equal("list.review", "list.support-format", "list.submit", "list.approve", "list.publish");
        (await db.Set<SupportListEntry>().CountAsync(e => e.ListId == list.Id && e.Included && e.SecondConsecutiveYear && e.NewFormat == null))
            .Should().Be(0, "every demo school in its second year has its support-format decision, so the demo list could be submitted");

        var listed = await db.Set<SupportListEntry>().Where(e => e.ListId == list.Id && e.Included).Select(e => e.SchoolId).ToListAsync();
        listed.Should().HaveCountGreaterThan(30).And.HaveCountLessThan(150, "a realistic list is a minority of the region's 600 schools");
        var covered = await MonitoringCoverage.CoveredAsync(db, region.Id, null, CancellationToken.None);
        covered.ListYear.Should().Be(LastYear);
        covered.SchoolIds.Should().BeEquivalentTo(listed);

        using var http = portal.Anonymous();
        var page = await http.GetStringAsync($"/public/lists/{DemoSeeder.DemoRegionCode}/{LastYear}");
        page.Should().Contain($"Всего школ: {listed.Count}");
    }

    [Fact]
    public async Task The_list_of_the_previous_cycle_was_published_through_the_workflow_in_its_September_before_the_current_one()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var lists = await db.Set<SupportList>().Include(l => l.History).Where(l => l.RegionId == region.Id).OrderBy(l => l.Year).ToListAsync();
        lists.Select(l => (l.Year, l.Version, l.Status)).Should().Equal((LastYear - 1, 1, ListStatus.Published), (LastYear, 1, ListStatus.Published));
        var (previous, current) = (lists[0], lists[1]);
        previous.OrderNumber.Should().Be(DemoSeeder.PreviousOrderNumber).And.NotBe(current.OrderNumber);
        previous.OrderDate.Should().Be(new DateOnly(LastYear - 1, 9, 15));
        previous.History.OrderBy(h => h.At).Select(h => (h.To, h.UserName)).Should().Equal(
            (ListStatus.Draft, "демонстрационные данные"), (ListStatus.UnderReview, "Петров Олег Николаевич"), (ListStatus.Submitted, "Петров Олег Николаевич"),
            (ListStatus.Approved, "Иванова Мария Петровна"), (ListStatus.Published, "Иванова Мария Петровна"));
        previous.History.Single(h => h.To == ListStatus.Approved).Comment.Should().Be($"Приказ № {DemoSeeder.PreviousOrderNumber} от 15.09.{LastYear - 1}");
        previous.History.Should().OnlyContain(h => h.At.Year == LastYear - 1 && h.At.Month == 9, "the previous cycle's steps were taken in its September");
        previous.History.Max(h => h.At).Should().BeBefore(current.History.Min(h => h.At));
        (await db.Audit.Where(a => a.EntityId == previous.Id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync())
            .Should().Equal("list.review", "list.submit", "list.approve", "list.publish");
        (await db.Set<IdentificationRun>().SingleAsync(r => r.RegionId == region.Id && r.Year == LastYear - 1)).StartedAt.Year.Should().Be(LastYear - 1);

        // The current computation read the previous list: the schools listed in both years are in their second year.
        var before = await db.Set<SupportListEntry>().Where(e => e.ListId == previous.Id && e.Included).Select(e => e.SchoolId).ToListAsync();
        var now = await db.Set<SupportListEntry>().Where(e => e.ListId == current.Id && e.Included).ToListAsync();
        before.Should().HaveCountGreaterThan(30).And.HaveCountLessThan(150);
        now.Where(e => e.SecondConsecutiveYear).Select(e => e.SchoolId).Should().BeEquivalentTo(now.Select(e => e.SchoolId).Intersect(before));

        var ministry = await db.Users.SingleAsync(u => u.Email == "ministry@demo.local");
        var scope = new UserScope(ministry.Id, ministry.Email!, region.Id, null, null, new HashSet<string> { Roles.Ministry });
        using var acting = portal.ActAs(scope);
        var indicators = await acting.ServiceProvider.GetRequiredService<MonitoringIndicators>().ComputeAsync(MonitoringYear.YearOf(DateOnly.FromDateTime(DateTime.UtcNow)));
        var reduction = indicators.Single(i => i.Definition.Code == IndicatorCode.ListReduction);
        reduction.Value.Should().Be(Math.Round(100m * (before.Count - now.Count) / before.Count, 1));
        reduction.Details.Should().Be($"{before.Count} → {now.Count} школ");
        (await acting.ServiceProvider.GetRequiredService<ListQueries>().YearOverYearAsync()).Select(y => (y.Year, y.Listed, y.TwoYearsOrMore))
            .Should().Equal((LastYear - 1, before.Count, 0), (LastYear, now.Count, now.Count(e => e.SecondConsecutiveYear)));
    }

    [Fact]
    public async Task The_demo_users_work_with_listed_schools_and_the_monitoring_of_the_year_has_started()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var list = await db.Set<SupportList>().SingleAsync(l => l.RegionId == region.Id && l.Year == LastYear);
        var listed = await db.Set<SupportListEntry>().Where(e => e.ListId == list.Id && e.Included).Select(e => e.SchoolId).ToListAsync();
        var school = await db.Users.SingleAsync(u => u.Email == "school@demo.local");
        var mentor = await db.Users.SingleAsync(u => u.Email == "mentor@demo.local");
        listed.Should().Contain(school.SchoolId!.Value);
        var municipal = await db.Users.SingleAsync(u => u.Email == "municipal@demo.local");
        municipal.MunicipalityId.Should().Be(school.MunicipalityId);
        foreach (var user in new[] { school, municipal })
        {
            (await db.Notifications.CountAsync(n => n.UserId == user.Id && n.Title.StartsWith("Опубликован перечень"))).Should().Be(1, user.Email + " hears of the publication");
        }

        var programme = await db.Plans.SingleAsync(p => p.SchoolId == school.SchoolId && p.Kind != PlanKind.AntiRiskProgramme);
        programme.Status.Should().Be(PlanStatus.InProgress);
        (await db.PlanItems.CountAsync(i => i.PlanId == programme.Id && i.Status == PlanItemStatus.Done)).Should().Be(1);
        (await db.Plans.SingleAsync(p => p.Level == PlanLevel.Municipality && p.MunicipalityId == school.MunicipalityId)).Status.Should().Be(PlanStatus.Approved);
        var assigned = await db.MentorAssignments.Where(a => a.MentorId == mentor.Id).Select(a => a.SchoolId).ToListAsync();
        assigned.Should().HaveCount(3).And.Contain(school.SchoolId.Value);
        (await db.Consultations.SingleAsync(c => c.MentorId == mentor.Id)).SchoolId.Should().Be(school.SchoolId.Value);

        var calendar = await db.Set<RegionCalendar>().SingleAsync(c => c.RegionId == region.Id);
        (calendar.Template, calendar.IdentificationMonth, calendar.IdentificationDay).Should().Be((CalendarTemplate.Saratov, 9, 1), "the demo runs the Saratov model");
        var year = await db.Set<MonitoringYear>().Include(y => y.Stages).SingleAsync(y => y.RegionId == region.Id);
        year.Stages.Should().HaveCount(4);
        year.Year.Should().Be(MonitoringYear.YearOf(DateOnly.FromDateTime(DateTime.UtcNow)));
        var schoolTasks = await db.Set<MonitoringTask>().Where(t => t.RegionId == region.Id && t.Actor == MonitoringActor.School)
            .Select(t => t.SchoolId!.Value).Distinct().ToListAsync();
        schoolTasks.Should().OnlyContain(id => listed.Contains(id), "tasks go to the schools of the published list");
    }

    [Fact]
    public async Task The_list_in_force_was_computed_before_the_order_that_approves_it()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        foreach (var list in await db.Set<SupportList>().Include(l => l.History).Where(l => l.RegionId == region.Id).ToListAsync())
        {
            var computed = list.History.Where(h => h.To == ListStatus.Draft).Min(h => h.At);
            DateOnly.FromDateTime(computed.UtcDateTime).Should().BeOnOrBefore(list.OrderDate!.Value, $"the list of {list.Year} is computed before order {list.OrderNumber}");
            var run = await db.Set<IdentificationRun>().Where(r => r.RegionId == region.Id && r.Year == list.Year).MinAsync(r => r.StartedAt);
            DateOnly.FromDateTime(run.UtcDateTime).Should().BeOnOrBefore(list.OrderDate!.Value);
        }
    }

    [Fact]
    public async Task Tasks_whose_evidence_exists_are_done_and_activities_past_their_deadline_are_overdue()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var school = await db.Users.SingleAsync(u => u.Email == "school@demo.local");
        var programme = await db.Plans.SingleAsync(p => p.SchoolId == school.SchoolId && p.Kind == PlanKind.TransitionProgramme);
        var roadmap = await db.Plans.SingleAsync(p => p.Level == PlanLevel.Municipality && p.MunicipalityId == school.MunicipalityId);
        // Open tasks whose output already exists: the school's programme was submitted and approved, the municipal roadmap approved.
        (await db.Set<MonitoringTask>().Where(t => t.RegionId == region.Id && t.Status != MonitoringTaskStatus.Done)
            .Where(t => (t.TargetId == school.SchoolId && t.OutputDocument == TaskEvidence.SchoolProgramme)
                || (t.TargetId == school.MunicipalityId && t.OutputDocument == TaskEvidence.MunicipalProgramme)
                || (t.TargetId == region.Id && t.OutputDocument == TaskEvidence.List && t.Due >= new DateOnly(LastYear, 9, 1) && t.Due <= new DateOnly(LastYear, 9, 30)))
            .ToListAsync()).Should().BeEmpty("a task whose evidence exists is done");
        var closed = await db.Set<MonitoringTask>().Where(t => t.TargetId == school.SchoolId && t.OutputDocument == TaskEvidence.SchoolProgramme).ToListAsync();
        closed.Should().OnlyContain(t => t.EvidenceLink == $"/roadmaps/{programme.Id}");

        var items = await db.PlanItems.Where(i => i.PlanId == programme.Id || i.PlanId == roadmap.Id).ToListAsync();
        var overdueRule = PlanItem.OverdueOn(today).Compile();
        items.Where(i => i.Deadline < today && i.Status is not (PlanItemStatus.Done or PlanItemStatus.Cancelled)).Should().NotBeEmpty()
            .And.OnlyContain(i => overdueRule(i), "an activity past its deadline is overdue");
        items.Where(i => i.Deadline >= today || i.Status == PlanItemStatus.Done).Should().NotContain(i => overdueRule(i));
    }

    [Fact]
    public async Task Watch_schools_have_their_preventive_task_and_the_coordinator_sees_those_of_its_municipality()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = await db.Set<MonitoringYear>().Include(y => y.Stages).ThenInclude(s => s.Templates).SingleAsync(y => y.RegionId == region.Id);
        if (!year.Stages.Any(s => s.Opens <= today && today <= s.Closes)) return; // September and February: no stage open to carry the task.
        year.Stages.SelectMany(s => s.Templates).Should().ContainSingle(t => t.Actor == MonitoringActor.WatchSchool);
        var list = await db.Set<SupportList>().SingleAsync(l => l.RegionId == region.Id && l.Year == LastYear);
        var watch = await db.Set<SupportListEntry>().Where(e => e.ListId == list.Id && e.Watch && !e.Included).Select(e => e.SchoolId).ToListAsync();
        watch.Should().NotBeEmpty("the demo list has schools on watch");
        var preventive = await db.Set<MonitoringTask>().Where(t => t.RegionId == region.Id && t.Actor == MonitoringActor.WatchSchool).Select(t => t.SchoolId!.Value).ToListAsync();
        preventive.Should().BeEquivalentTo(watch);
    }

    [Fact]
    public async Task Partnerships_practices_the_course_catalogue_and_consultation_feedback_have_content()
    {
        await using var db = portal.System();
        var region = await db.Regions.SingleAsync(r => r.Code == DemoSeeder.DemoRegionCode);
        var partnerships = await db.Partnerships.Where(p => p.RegionId == region.Id).ToListAsync();
        partnerships.Select(p => p.Status).Distinct().Should().HaveCountGreaterThanOrEqualTo(3);
        partnerships.Should().Contain(p => p.AgreementNumber != "" && p.AgreementDate != null && p.Status == PartnershipStatus.Active);
        var practices = await db.PracticeCards.Where(p => p.RegionId == region.Id).Select(p => p.Status).ToListAsync();
        practices.Should().Contain(PracticeStatus.Published).And.Contain(PracticeStatus.Submitted);
        (await db.PdEvents.CountAsync(e => e.RegionId == region.Id)).Should().BeGreaterThanOrEqualTo(3);
        (await db.PdApplications.CountAsync(a => a.RegionId == region.Id)).Should().BeGreaterThan(0);
        var school = await db.Users.SingleAsync(u => u.Email == "school@demo.local");
        (await db.ConsultationFeedback.CountAsync(f => f.SchoolId == school.SchoolId)).Should().Be(1);
    }

    [Theory]
    [InlineData("municipal@demo.local", "/partnerships", "Сетевое партнёрство по повышению качества преподавания математики")]
    [InlineData("operator@demo.local", "/practices", "Индивидуальные образовательные маршруты для обучающихся группы риска")]
    [InlineData("school@demo.local", "/development", "Современные способы оценивания образовательных результатов")]
    [InlineData("mentor@demo.local", "/mentoring/journal", "Анализ результатов ВПР и ОГЭ прошлого учебного года")]
    public async Task Each_page_of_the_demo_has_rows_to_show(string email, string path, string row)
    {
        using var client = await portal.LoginAsync(email, DemoSeeder.DemoPassword);
        var html = await client.GetStringAsync(path);
        html.Should().Contain(row);
    }

    [Fact]
    public async Task The_demo_schools_card_tells_its_story()
    {
        Guid schoolId;
        await using (var db = portal.System()) schoolId = (await db.Users.SingleAsync(u => u.Email == "school@demo.local")).SchoolId!.Value;
        using var client = await portal.LoginAsync("municipal@demo.local", DemoSeeder.DemoPassword);
        var html = await client.GetStringAsync($"/schools/{schoolId}");
        html.Should().Contain("data-testid=\"list-history-row\"").And.Contain("data-testid=\"story-programme\"").And.Contain("data-testid=\"story-consultation\"")
            .And.Contain("data-testid=\"results-charts\"");
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await CountsAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoAsync(LastYear);
        }
        (await CountsAsync()).Should().Equal(before);
    }

    private async Task<int[]> CountsAsync()
    {
        await using var db = portal.System();
        return
        [
            await db.Regions.CountAsync(), await db.Schools.CountAsync(), await db.Results.CountAsync(), await db.Users.CountAsync(),
            await db.Set<SupportList>().CountAsync(), await db.Set<SupportListEntry>().CountAsync(), await db.Set<ListTransition>().CountAsync(),
            await db.Set<IdentificationRun>().CountAsync(), await db.Set<MethodologyVersion>().CountAsync(),
            await db.Audit.CountAsync(), await db.Notifications.CountAsync(), await db.Plans.CountAsync(), await db.PlanItems.CountAsync(),
            await db.PlanTransitions.CountAsync(), await db.MentorAssignments.CountAsync(), await db.Consultations.CountAsync(),
            await db.Set<MonitoringYear>().CountAsync(), await db.Set<MonitoringTask>().CountAsync(),
            await db.Partnerships.CountAsync(), await db.PracticeCards.CountAsync(), await db.PdEvents.CountAsync(), await db.PdApplications.CountAsync(),
            await db.ConsultationFeedback.CountAsync(), await db.Set<TaskTemplate>().CountAsync(),
        ];
    }
}
