using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

internal sealed class RecordingEmail : IEmailSender
{
    private readonly List<string> _sent = [];

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent) return [.. _sent];
        }
    }

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        lock (_sent) _sent.Add(to);
        return Task.CompletedTask;
    }
}

/// <summary>The default Saratov calendar of 2030/2031 walked through day by day with a fake clock.</summary>
public sealed class MonitoringJobTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    internal static MonitoringJob Job(PortalFixture portal, TimeProvider clock, IEmailSender? email = null) =>
        new(portal.Services.GetRequiredService<SystemDb>(), clock, email ?? new NoEmailSender(), NullLogger<MonitoringJob>.Instance);

    internal static FakeTimeProvider At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 5, 0, 0, TimeSpan.Zero));

    private async Task<List<MonitoringTask>> TasksAsync(int stage)
    {
        await using var db = portal.System();
        return await db.Set<MonitoringTask>().Where(t => t.RegionId == World.RegionA.Id)
            .Join(db.Set<MonitoringStage>().Where(s => s.Number == stage), t => t.StageId, s => s.Id, (t, _) => t).ToListAsync();
    }

    private async Task<List<Notification>> NotesAsync(Guid userId)
    {
        await using var db = portal.System();
        return await db.Notifications.Where(n => n.UserId == userId && n.Link!.StartsWith("/monitoring/tasks")).ToListAsync();
    }

    [Fact]
    public async Task The_year_opens_stages_makes_tasks_reminds_before_and_on_the_due_date_and_marks_overdue()
    {
        var clock = At(2030, 10, 1);
        var email = new RecordingEmail();
        var job = Job(portal, clock, email);
        var school = World.Scope(Roles.School);
        var coordinator = World.Scope(Roles.Municipal);

        // 1 October: stage 1 opens; only the operators' tasks of stage 1 exist.
        var first = await job.RunAsync(CancellationToken.None);
        first.StagesChanged.Should().BeGreaterThan(0);
        await using (var db = portal.System())
        {
            var year = await db.Set<MonitoringYear>().Include(y => y.Stages).SingleAsync(y => y.RegionId == World.RegionA.Id && y.Year == 2030);
            year.Stages.OrderBy(s => s.Number).Select(s => s.Status).Should().Equal(StageStatus.Open, StageStatus.Planned, StageStatus.Planned, StageStatus.Planned);
            year.ReminderDaysBefore.Should().Be(7);
            (await db.Set<MonitoringTask>().CountAsync(t => t.RegionId == World.RegionB.Id)).Should().Be(3, "every region gets its own calendar");
        }
        (await TasksAsync(1)).Should().HaveCount(3).And.OnlyContain(t => t.Actor == MonitoringActor.Operator && t.TargetId == World.RegionA.Id);
        (await TasksAsync(2)).Should().BeEmpty();

        // 1 November: stage 2 opens; without a published list every school of the region gets the task.
        clock.SetUtcNow(new DateTimeOffset(2030, 11, 1, 5, 0, 0, TimeSpan.Zero));
        await job.RunAsync(CancellationToken.None);
        var stage2 = await TasksAsync(2);
        stage2.Where(t => t.Actor == MonitoringActor.School).Select(t => t.SchoolId)
            .Should().BeEquivalentTo(new[] { World.SchoolA1.Id, World.SchoolA1Second.Id, World.SchoolA2.Id });
        stage2.Where(t => t.Actor == MonitoringActor.Municipal).Select(t => t.MunicipalityId).Should().BeEquivalentTo(new[] { World.A1.Id, World.A2.Id });
        stage2.Should().OnlyContain(t => t.Due == new DateOnly(2030, 11, 30) && t.Status == MonitoringTaskStatus.Open);
        (await NotesAsync(school.UserId)).Should().BeEmpty("the due date is more than 7 days away");

        // 23 November: seven days before the due date.
        clock.SetUtcNow(new DateTimeOffset(2030, 11, 23, 5, 0, 0, TimeSpan.Zero));
        await job.RunAsync(CancellationToken.None);
        (await NotesAsync(school.UserId)).Should().ContainSingle().Which.Title.Should().Contain("30.11.2030").And.Contain("через 7 дн.");
        (await NotesAsync(coordinator.UserId)).Should().ContainSingle("the coordinator hears about the municipality's own task only");
        email.Sent.Should().Contain(TestWorld.Email(Roles.School));

        // The school reports its roadmap; 30 November, the due date: the others are reminded, the school is not.
        var mine = (await portal.Service<MonitoringTasks>(school).ListAsync(new TaskFilter(Stage: 2))).Should().ContainSingle().Subject;
        mine.CanComplete.Should().BeTrue();
        await portal.Service<MonitoringTasks>(school).CompleteAsync(mine.Id, "размещена на сайте");
        clock.SetUtcNow(new DateTimeOffset(2030, 11, 30, 5, 0, 0, TimeSpan.Zero));
        await job.RunAsync(CancellationToken.None);
        (await NotesAsync(school.UserId)).Should().HaveCount(1);
        (await NotesAsync(coordinator.UserId)).Should().HaveCount(2).And.Contain(n => n.Title == "Сегодня срок задачи мониторинга");

        // 1 December: stage 2 closes, open tasks become overdue; the coordinator hears of the school that missed it.
        clock.SetUtcNow(new DateTimeOffset(2030, 12, 1, 5, 0, 0, TimeSpan.Zero));
        var december = await job.RunAsync(CancellationToken.None);
        december.BecameOverdue.Should().Be(stage2.Count - 1 + 2, "all of stage 2 but the done task, in both regions (region B has a school and a municipality)");
        stage2 = await TasksAsync(2);
        stage2.Single(t => t.SchoolId == World.SchoolA1.Id).Status.Should().Be(MonitoringTaskStatus.Done);
        stage2.Where(t => t.SchoolId != World.SchoolA1.Id).Should().OnlyContain(t => t.Status == MonitoringTaskStatus.Overdue);
        var coordinatorNotes = await NotesAsync(coordinator.UserId);
        coordinatorNotes.Count(n => n.Title == "Просрочена задача мониторинга").Should().Be(2, "the municipality's own task and the second school's");
        (await NotesAsync(World.Scope(Roles.Municipal, "a2").UserId)).Count(n => n.Title == "Просрочена задача мониторинга").Should().Be(2);
        await using (var db = portal.System())
        {
            var stages = await db.Set<MonitoringStage>().Where(s => s.RegionId == World.RegionA.Id).OrderBy(s => s.Number).Select(s => s.Status).ToListAsync();
            stages.Should().Equal(StageStatus.Open, StageStatus.Closed, StageStatus.Planned, StageStatus.Planned);
        }

        // A rerun on the same day changes nothing.
        var again = await job.RunAsync(CancellationToken.None);
        again.Should().Be(new MonitoringRunResult(0, 0, 0, 0));
    }

    [Fact]
    public void A_task_is_reminded_from_the_lead_day_on_the_due_day_and_after_it()
    {
        var task = new MonitoringTask { Due = new DateOnly(2031, 2, 28) };
        task.ReminderOn(new DateOnly(2031, 2, 20), 7).Should().BeNull();
        task.ReminderOn(new DateOnly(2031, 2, 21), 7).Should().Be(ReminderKind.BeforeDue);
        task.ReminderOn(new DateOnly(2031, 2, 28), 7).Should().Be(ReminderKind.OnDue);
        task.ReminderOn(new DateOnly(2031, 3, 1), 7).Should().Be(ReminderKind.Overdue);
        task.Complete("школа", "", DateTimeOffset.UnixEpoch);
        task.ReminderOn(new DateOnly(2031, 3, 1), 7).Should().BeNull();
    }

    [Fact]
    public void The_february_order_is_generated_before_its_stage_opens_in_march()
    {
        var year = DefaultCalendar.Create(Guid.NewGuid(), 2030, DateTimeOffset.UnixEpoch);
        var stage3 = year.Stages.Single(s => s.Number == 3);
        var order = stage3.Templates.Single(t => t.OutputDocument == "Приказ о ВСОКО");
        order.Due.Should().Be(new DateOnly(2031, 2, 28));
        order.GeneratedFrom(stage3, 7).Should().Be(new DateOnly(2031, 2, 21));
        year.Stages.Single(s => s.Number == 4).Opens.Should().Be(new DateOnly(2031, 9, 1));
    }
}
