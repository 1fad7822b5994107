using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>How monitoring tasks and stages change status, without a database.</summary>
public sealed class MonitoringRulesTests
{
    private static readonly DateOnly Due = new(2026, 11, 10);
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    private static MonitoringStage Stage(StageStatus status = StageStatus.Planned) => new()
    {
        Id = Guid.NewGuid(), Number = 2, Title = "Этап", Opens = new DateOnly(2026, 11, 1), Closes = new DateOnly(2026, 11, 30), Status = status,
    };

    [Fact]
    public void An_open_task_becomes_overdue_only_after_its_due_date()
    {
        var task = new MonitoringTask { Due = Due };
        var early = () => task.MarkOverdue(Due);
        early.Should().Throw<DomainException>().WithMessage("Просроченной становится только*");
        task.Status.Should().Be(MonitoringTaskStatus.Open);
        task.MarkOverdue(Due.AddDays(1));
        task.Status.Should().Be(MonitoringTaskStatus.Overdue);
        task.IsOpen.Should().BeTrue();
    }

    [Theory]
    [InlineData(MonitoringTaskStatus.Done)]
    [InlineData(MonitoringTaskStatus.Overdue)]
    public void A_done_or_already_overdue_task_is_not_marked_overdue(MonitoringTaskStatus status)
    {
        var task = new MonitoringTask { Due = Due, Status = status };
        var mark = () => task.MarkOverdue(Due.AddDays(5));
        mark.Should().Throw<DomainException>();
        task.Status.Should().Be(status);
    }

    [Fact]
    public void An_overdue_task_can_still_be_completed_but_only_once()
    {
        var task = new MonitoringTask { Due = Due, Status = MonitoringTaskStatus.Overdue };
        task.Complete("Координатор", " сделано ", Now);
        (task.Status, task.CompletedBy, task.Note).Should().Be((MonitoringTaskStatus.Done, "Координатор", "сделано"));
        var again = () => task.Complete("Координатор", "", Now);
        again.Should().Throw<DomainException>().WithMessage("Задача уже отмечена как выполненная.");
        task.CloseByEvidence("план", "/roadmaps", Now).Should().BeFalse();
    }

    [Fact]
    public void A_stage_opens_in_its_window_and_closes_after_it_keeping_the_first_opening()
    {
        var stage = Stage();
        stage.FollowCalendar(new DateOnly(2026, 10, 31), Now).Should().BeFalse();
        stage.FollowCalendar(new DateOnly(2026, 11, 1), Now).Should().BeTrue();
        (stage.Status, stage.OpenedAt).Should().Be((StageStatus.Open, Now));
        stage.FollowCalendar(new DateOnly(2026, 11, 30), Now.AddDays(1)).Should().BeFalse();
        stage.FollowCalendar(new DateOnly(2026, 12, 1), Now.AddDays(30)).Should().BeTrue();
        (stage.Status, stage.OpenedAt, stage.ClosedAt).Should().Be((StageStatus.Closed, Now, Now.AddDays(30)));
    }

    [Fact]
    public void A_stage_is_not_opened_outside_its_window_nor_closed_before_its_last_day()
    {
        var stage = Stage();
        var early = () => stage.Open(new DateOnly(2026, 10, 31), Now);
        early.Should().Throw<DomainException>().WithMessage("Этап 2 открывается только в свои сроки: с 01.11.2026 по 30.11.2026.");
        var closing = () => stage.Close(new DateOnly(2026, 11, 30), Now);
        closing.Should().Throw<DomainException>().WithMessage("Этап 2 завершается только после 30.11.2026.");
        var late = () => stage.Open(new DateOnly(2026, 12, 1), Now);
        late.Should().Throw<DomainException>();
        (stage.Status, stage.OpenedAt, stage.ClosedAt).Should().Be((StageStatus.Planned, (DateTimeOffset?)null, (DateTimeOffset?)null));
    }

    [Fact]
    public void A_window_moved_later_takes_an_opened_stage_back_to_planned()
    {
        var stage = Stage(StageStatus.Open);
        stage.FollowCalendar(new DateOnly(2026, 10, 20), Now).Should().BeTrue();
        stage.Status.Should().Be(StageStatus.Planned);
    }
}
