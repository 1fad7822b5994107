using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Inbox;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>
/// Schools on watch («на контроле») in the list in force get the preventive tasks their region's calendar sets for them,
/// and their municipal coordinator sees them in the inbox; nobody else's coordinator does.
/// </summary>
public sealed class WatchSchoolTasksTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly int Year = MonitoringYear.YearOf(Today);
    private static readonly DateOnly Due = Today.AddDays(10);
    private TestWorld World => portal.World;

    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock(int plusDays = 0) =>
        new(new DateTimeOffset(Today.AddDays(plusDays).ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));

    /// <summary>Region's published list of <see cref="Year"/> with one listed and one watch school, and a calendar of that year.</summary>
    private async Task ArrangeAsync(Guid regionId, Guid? listed, Guid watch, bool preventiveTask)
    {
        await using var db = portal.System();
        if (await db.Set<MonitoringYear>().AnyAsync(y => y.RegionId == regionId && y.Year == Year)) return;
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = regionId, Year = Year, Version = 1, Name = "Методика", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = regionId, Year = Year, MethodologyId = methodology.Id, OrderNumber = "7-п", OrderDate = Today };
        list.Entries = [new SupportListEntry { Id = Guid.NewGuid(), RegionId = regionId, ListId = list.Id, SchoolId = watch, Watch = true }];
        if (listed is { } l)
            list.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = regionId, ListId = list.Id, SchoolId = l, LowResults = true, Included = true, Computed = true });
        var year = new MonitoringYear { Id = Guid.NewGuid(), RegionId = regionId, Year = Year, CreatedAt = DateTimeOffset.UtcNow };
        var stage = year.AddStage("Превентивная поддержка", "", Today, Today.AddDays(30));
        year.AddTemplate(stage, MonitoringActor.School, "Представить дорожную карту", Due, "Программа школы");
        if (preventiveTask)
            year.AddTemplate(stage, MonitoringActor.WatchSchool, "Провести самодиагностику рисков и обсудить её с муниципалитетом", Due, "Отчёт о самодиагностике");
        db.AddRange(methodology, list, year);
        await db.SaveChangesAsync();
    }

    private async Task<List<MonitoringTask>> TasksAsync(Guid regionId)
    {
        await using var db = portal.System();
        return await db.Set<MonitoringTask>().Where(t => t.RegionId == regionId && t.Due == Due).ToListAsync();
    }

    [Fact]
    public async Task The_daily_job_gives_the_watch_school_of_A1_its_preventive_task_and_only_A1s_coordinator_sees_it_in_the_inbox()
    {
        await ArrangeAsync(World.RegionA.Id, World.SchoolA2.Id, World.SchoolA1.Id, preventiveTask: true);

        await MonitoringJobTests.Job(portal, Clock()).RunRegionAsync(World.RegionA.Id, CancellationToken.None);
        await MonitoringJobTests.Job(portal, Clock(1)).RunRegionAsync(World.RegionA.Id, CancellationToken.None);

        var tasks = await TasksAsync(World.RegionA.Id);
        var preventive = tasks.Where(t => t.Actor == MonitoringActor.WatchSchool).ToList();
        preventive.Should().ContainSingle("one watch school, and a second run adds nothing");
        preventive[0].SchoolId.Should().Be(World.SchoolA1.Id);
        preventive[0].MunicipalityId.Should().Be(World.A1.Id);
        tasks.Where(t => t.Actor == MonitoringActor.School).Select(t => t.SchoolId).Should().Equal(World.SchoolA2.Id);

        var coordinator = await portal.Service<InboxQueries>(World.Scope(Roles.Municipal)).ItemsAsync();
        coordinator.Should().ContainSingle(i => i.Link == $"/monitoring/tasks?task={preventive[0].Id}")
            .Which.Title.Should().Be($"«{World.SchoolA1.ShortName}» на контроле: превентивная задача «Провести самодиагностику рисков и обсудить её с муниципалитетом» — до {Due:dd.MM.yyyy}");
        var rows = await portal.Service<MonitoringTasks>(World.Scope(Roles.Municipal)).ListAsync(new TaskFilter(TaskId: preventive[0].Id));
        rows.Should().ContainSingle().Which.Should().Match<TaskRow>(r => r.Target == World.SchoolA1.ShortName && r.CanComplete);

        var otherCoordinator = await portal.Service<InboxQueries>(World.Scope(Roles.Municipal, "a2")).ItemsAsync();
        otherCoordinator.Should().NotContain(i => i.Link.Contains(preventive[0].Id.ToString()));
        (await portal.Service<MonitoringTasks>(World.Scope(Roles.Municipal, "a2")).ListAsync(new TaskFilter(TaskId: preventive[0].Id))).Should().BeEmpty();
        (await portal.Service<InboxQueries>(World.Scope(Roles.Municipal, "b")).ItemsAsync()).Should().NotContain(i => i.Link.Contains(preventive[0].Id.ToString()));
    }

    [Fact]
    public async Task Another_municipalitys_coordinator_cannot_complete_a_preventive_task_and_it_stays_open()
    {
        await ArrangeAsync(World.RegionA.Id, World.SchoolA2.Id, World.SchoolA1.Id, preventiveTask: true);
        await MonitoringJobTests.Job(portal, Clock()).RunRegionAsync(World.RegionA.Id, CancellationToken.None);
        var task = (await TasksAsync(World.RegionA.Id)).Single(t => t.Actor == MonitoringActor.WatchSchool);

        var act = () => portal.Service<MonitoringTasks>(World.Scope(Roles.Municipal, "a2")).CompleteAsync(task.Id, "чужая");
        await act.Should().ThrowAsync<ScopeException>();
        (await TasksAsync(World.RegionA.Id)).Single(t => t.Id == task.Id).IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task A_calendar_without_preventive_tasks_creates_none_for_watch_schools()
    {
        await ArrangeAsync(World.RegionB.Id, null, World.SchoolB1.Id, preventiveTask: false);
        var run = await MonitoringJobTests.Job(portal, Clock()).RunRegionAsync(World.RegionB.Id, CancellationToken.None);

        run.FailedRegions.Should().Be(0);
        (await TasksAsync(World.RegionB.Id)).Should().NotContain(t => t.Actor == MonitoringActor.WatchSchool);
    }

    [Fact]
    public void A_preventive_task_is_one_of_the_calendars_actors_and_a_task_without_text_is_refused()
    {
        var year = new MonitoringYear { Id = Guid.NewGuid(), RegionId = Guid.NewGuid(), Year = Year };
        var stage = year.AddStage("Этап", "", Today, Today.AddDays(30));
        var act = () => year.AddTemplate(stage, MonitoringActor.WatchSchool, " ", Due, "");
        act.Should().Throw<DomainException>().WithMessage("*Укажите, что нужно сделать*");
        stage.Templates.Should().BeEmpty();
        Titles.Of(MonitoringActor.WatchSchool).Should().Be("Школы на контроле (превентивно)");
    }
}
