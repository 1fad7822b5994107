using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>Two instances of the daily job at the same moment: one set of tasks, one reminder of each kind.</summary>
public sealed class MonitoringConcurrencyTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Two_concurrent_runs_and_a_rerun_produce_no_duplicate_tasks_reminders_or_notifications()
    {
        var clock = MonitoringJobTests.At(2030, 11, 24);
        var email = new RecordingEmail();
        var one = MonitoringJobTests.Job(portal, clock, email);
        var two = MonitoringJobTests.Job(portal, clock, email);

        var results = await Task.WhenAll(one.RunAsync(CancellationToken.None), two.RunAsync(CancellationToken.None));
        var rerun = await one.RunAsync(CancellationToken.None);

        await using var db = portal.System();
        var tasks = await db.Set<MonitoringTask>().ToListAsync();
        tasks.Should().NotBeEmpty();
        tasks.GroupBy(t => (t.StageId, t.TemplateId, t.TargetId)).Should().OnlyContain(g => g.Count() == 1);
        results.Sum(r => r.TasksCreated).Should().Be(tasks.Count);
        results.Should().Contain(r => r.TasksCreated == 0, "the second run waited for the first and found everything done");
        rerun.TasksCreated.Should().Be(0);
        rerun.Reminders.Should().Be(0);

        var reminders = await db.Set<TaskReminder>().ToListAsync();
        reminders.Should().HaveCount(tasks.Count(t => t.Due == new DateOnly(2030, 11, 30)), "every stage 2 task was reminded once, 6 days ahead");
        reminders.GroupBy(r => (r.TaskId, r.Kind)).Should().OnlyContain(g => g.Count() == 1);
        var notes = await db.Notifications.Where(n => n.Link!.StartsWith("/monitoring/tasks")).ToListAsync();
        notes.GroupBy(n => (n.UserId, n.Link)).Should().OnlyContain(g => g.Count() == 1);
        email.Sent.Should().HaveCount(notes.Count);
        (await db.Set<MonitoringYear>().CountAsync()).Should().Be(2, "one calendar per region");
    }
}
