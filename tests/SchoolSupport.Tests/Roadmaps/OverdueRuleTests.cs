using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;

namespace SchoolSupport.Tests.Roadmaps;

/// <summary>One overdue rule: the stored «Просрочено» of the nightly job never disagrees with <see cref="PlanItem.OverdueOn"/>.</summary>
public sealed class OverdueRuleTests
{
    private static readonly DateOnly Deadline = new(2026, 10, 15);

    private static PlanItem OverdueItem(PlanItemStatus status = PlanItemStatus.Overdue) => new()
    {
        Id = Guid.NewGuid(), Activity = "Взаимопосещение уроков", Deadline = Deadline, Responsible = "Завуч", Status = status,
    };

    private static PlanItemContent Same(PlanItem i) =>
        new(i.SectionId, i.Activity, i.Deadline, i.Responsible, i.Participants, i.Indicator, i.Target, i.Actual, i.Status, i.Comments);

    [Fact]
    public void An_activity_past_its_deadline_is_overdue_the_next_day_before_any_job_ran()
    {
        var item = OverdueItem(PlanItemStatus.InProgress);
        (item.IsOverdueOn(Deadline), item.IsOverdueOn(Deadline.AddDays(1)), item.StatusOn(new DateOnly(2026, 11, 30)))
            .Should().Be((false, true, PlanItemStatus.Overdue));
    }

    [Fact]
    public void Moving_the_deadline_of_an_overdue_activity_in_a_returned_plan_makes_it_planned_again_so_no_view_shows_it_overdue()
    {
        var item = OverdueItem();
        new Plan(PlanStatus.Returned).WriteItem(item, Same(item) with { Deadline = new DateOnly(2026, 12, 20) });
        item.Status.Should().Be(PlanItemStatus.Planned);
        item.IsOverdueOn(new DateOnly(2026, 11, 30)).Should().BeFalse();
    }

    [Fact]
    public void Nobody_marks_an_activity_overdue_by_hand()
    {
        var item = OverdueItem(PlanItemStatus.InProgress);
        var write = () => new Plan(PlanStatus.InProgress).WriteItem(item, Same(item) with { Status = PlanItemStatus.Overdue });
        write.Should().Throw<DomainException>().WithMessage("*устанавливается автоматически*");
        item.Status.Should().Be(PlanItemStatus.InProgress);
    }

    [Fact]
    public void An_overdue_activity_that_is_done_is_no_longer_overdue()
    {
        var item = OverdueItem();
        new Plan(PlanStatus.InProgress).WriteItem(item, Same(item) with { Status = PlanItemStatus.Done, Actual = "10" });
        item.IsOverdueOn(new DateOnly(2026, 11, 30)).Should().BeFalse();
    }
}
