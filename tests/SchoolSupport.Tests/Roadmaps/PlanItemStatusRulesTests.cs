using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;

namespace SchoolSupport.Tests.Roadmaps;

/// <summary>How the status of an activity moves: the owner through the plan, «Просрочено» only through the nightly job; no database.</summary>
public sealed class PlanItemStatusRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 10, 15);

    private static PlanItem Item(PlanItemStatus status) => new()
    {
        Id = Guid.NewGuid(), Activity = "Педсовет", Deadline = Deadline, Responsible = "Директор", Status = status,
    };

    private static PlanItemContent With(PlanItem i, PlanItemStatus status) =>
        new(i.SectionId, i.Activity, i.Deadline, i.Responsible, i.Participants, i.Indicator, i.Target, i.Actual, status, i.Comments);

    [Theory]
    [InlineData(PlanItemStatus.Planned)]
    [InlineData(PlanItemStatus.InProgress)]
    public void A_planned_or_started_activity_becomes_overdue_the_day_after_its_deadline(PlanItemStatus status)
    {
        var item = Item(status);
        item.MarkOverdue(Deadline.AddDays(1));
        item.Status.Should().Be(PlanItemStatus.Overdue);
    }

    [Fact]
    public void An_activity_is_not_overdue_on_its_deadline()
    {
        var item = Item(PlanItemStatus.Planned);
        var mark = () => item.MarkOverdue(Deadline);
        mark.Should().Throw<DomainException>().WithMessage("Просроченным становится только*");
        item.Status.Should().Be(PlanItemStatus.Planned);
    }

    [Theory]
    [InlineData(PlanItemStatus.Done)]
    [InlineData(PlanItemStatus.Cancelled)]
    [InlineData(PlanItemStatus.Overdue)]
    public void A_done_cancelled_or_already_overdue_activity_is_not_marked_overdue(PlanItemStatus status)
    {
        var item = Item(status);
        var mark = () => item.MarkOverdue(Deadline.AddDays(30));
        mark.Should().Throw<DomainException>();
        item.Status.Should().Be(status);
    }

    [Fact]
    public void The_owner_of_a_plan_being_carried_out_completes_or_cancels_an_activity()
    {
        var item = Item(PlanItemStatus.InProgress);
        new Plan(PlanStatus.InProgress).WriteItem(item, With(item, PlanItemStatus.Done));
        item.Status.Should().Be(PlanItemStatus.Done);
        new Plan(PlanStatus.InProgress).WriteItem(item, With(item, PlanItemStatus.Cancelled));
        item.Status.Should().Be(PlanItemStatus.Cancelled);
    }

    [Fact]
    public void A_status_outside_the_list_is_refused()
    {
        var item = Item(PlanItemStatus.Planned);
        var write = () => new Plan().WriteItem(item, With(item, (PlanItemStatus)42));
        write.Should().Throw<DomainException>().WithMessage("Выберите статус мероприятия.");
        item.Status.Should().Be(PlanItemStatus.Planned);
    }
}
