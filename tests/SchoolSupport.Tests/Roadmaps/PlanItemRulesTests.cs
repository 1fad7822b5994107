using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;

namespace SchoolSupport.Tests.Roadmaps;

/// <summary>What of an activity may change in which state of its plan, without a database.</summary>
public sealed class PlanItemRulesTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 1);

    private static PlanItem Item() => new()
    {
        Id = Guid.NewGuid(), Activity = "Взаимопосещение уроков", Deadline = Deadline, Responsible = "Завуч", Participants = "Учителя",
        Indicator = "Число уроков", Target = "10",
    };

    private static PlanItemContent Same(PlanItem i, string actual = "", PlanItemStatus status = PlanItemStatus.Planned) =>
        new(i.SectionId, i.Activity, i.Deadline, i.Responsible, i.Participants, i.Indicator, i.Target, actual, status, "");

    [Fact]
    public void A_draft_plan_changes_every_field_of_an_activity()
    {
        var item = Item();
        new Plan().WriteItem(item, Same(item) with { Activity = "Открытые уроки", Deadline = Deadline.AddDays(30), Target = "12" });
        (item.Activity, item.Deadline, item.Target).Should().Be(("Открытые уроки", Deadline.AddDays(30), "12"));
    }

    [Theory]
    [InlineData(PlanStatus.Approved)]
    [InlineData(PlanStatus.InProgress)]
    [InlineData(PlanStatus.Reported)]
    public void A_plan_being_carried_out_records_progress(PlanStatus status)
    {
        var item = Item();
        new Plan(status).WriteItem(item, Same(item, actual: "4", status: PlanItemStatus.InProgress) with { Comments = "идёт" });
        (item.Actual, item.Status, item.Comments).Should().Be(("4", PlanItemStatus.InProgress, "идёт"));
    }

    public static TheoryData<string> FrozenFields => ["section", "activity", "deadline", "responsible", "participants", "indicator", "target"];

    [Theory]
    [MemberData(nameof(FrozenFields))]
    public void A_plan_being_carried_out_keeps_what_was_approved(string field)
    {
        var item = Item();
        var same = Same(item, actual: "4");
        var changed = field switch
        {
            "section" => same with { SectionId = Guid.NewGuid() },
            "activity" => same with { Activity = "Другое" },
            "deadline" => same with { Deadline = Deadline.AddDays(1) },
            "responsible" => same with { Responsible = "Директор" },
            "participants" => same with { Participants = "Учителя, родители" },
            "indicator" => same with { Indicator = "Другой показатель" },
            _ => same with { Target = "20" },
        };
        var write = () => new Plan(PlanStatus.InProgress).WriteItem(item, changed);
        write.Should().Throw<DomainException>().WithMessage("В утверждённом плане меняются только фактическое значение, статус и примечания мероприятия.");
        item.Actual.Should().BeEmpty("nothing of a refused change is kept");
    }

    [Theory]
    [InlineData(PlanStatus.Submitted)]
    [InlineData(PlanStatus.UnderReview)]
    [InlineData(PlanStatus.Assessed)]
    public void A_plan_on_review_or_assessed_changes_nothing(PlanStatus status)
    {
        var item = Item();
        var write = () => new Plan(status).WriteItem(item, Same(item, actual: "4"));
        write.Should().Throw<DomainException>().WithMessage("План в статусе*нельзя изменять*");
        item.Actual.Should().BeEmpty();
    }

    [Fact]
    public void Overdue_is_set_by_the_job_not_by_hand()
    {
        var item = Item();
        var write = () => new Plan(PlanStatus.InProgress).WriteItem(item, Same(item, status: PlanItemStatus.Overdue));
        write.Should().Throw<DomainException>().WithMessage("Статус «Просрочено» устанавливается автоматически.");
        item.MarkOverdue(Deadline.AddDays(1));
        new Plan(PlanStatus.InProgress).WriteItem(item, Same(item, actual: "2", status: PlanItemStatus.Overdue));
        item.Actual.Should().Be("2");
    }

    [Fact]
    public void Each_step_is_recorded_once_in_the_plans_history()
    {
        var plan = new Plan { Level = PlanLevel.Municipality, Items = [Item()] };
        var step = plan.MoveTo(PlanStatus.Submitted, PlanRole.Owner, null, [], Guid.NewGuid(), "Координатор", DateTimeOffset.UtcNow);
        plan.Transitions.Should().ContainSingle().Which.Should().BeSameAs(step);
        step.Id.Should().BeEmpty("the database gives the id, so the new row is inserted");
    }
}
