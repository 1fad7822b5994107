using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;

namespace SchoolSupport.Tests.Roadmaps;

/// <summary>The workflow rules of <see cref="Plan"/> on their own, without a database.</summary>
public sealed class PlanRulesTests
{
    private static readonly List<PlanSection> Sections = PlanSection.DefaultsFor(Guid.NewGuid());

    private static Plan FullSchoolPlan()
    {
        var plan = new Plan { Id = Guid.NewGuid(), Level = PlanLevel.School, Title = "Программа" };
        plan.Items.AddRange(Sections.Select(s => new PlanItem { Id = Guid.NewGuid(), SectionId = s.Id, Activity = s.Title }));
        return plan;
    }

    private static void Cancel(Plan plan, PlanItem i) => plan.WriteItem(i,
        new(i.SectionId, i.Activity, i.Deadline, i.Responsible, i.Participants, i.Indicator, i.Target, i.Actual, PlanItemStatus.Cancelled, i.Comments));

    private static void Move(Plan plan, PlanStatus to, PlanRole role, string? comment = null) =>
        plan.MoveTo(to, role, comment, Sections, Guid.NewGuid(), "user", DateTimeOffset.UtcNow);

    [Fact]
    public void A_returned_plan_is_editable_and_can_be_submitted_again()
    {
        var plan = FullSchoolPlan();
        Move(plan, PlanStatus.Submitted, PlanRole.Owner);
        plan.IsEditable.Should().BeFalse();
        Move(plan, PlanStatus.UnderReview, PlanRole.Reviewer);
        Move(plan, PlanStatus.Returned, PlanRole.Reviewer, "Уточните сроки");
        plan.IsEditable.Should().BeTrue();
        Move(plan, PlanStatus.Submitted, PlanRole.Owner);
        plan.Transitions.Select(t => (t.From, t.To)).Should().Equal(
            (PlanStatus.Draft, PlanStatus.Submitted), (PlanStatus.Submitted, PlanStatus.UnderReview),
            (PlanStatus.UnderReview, PlanStatus.Returned), (PlanStatus.Returned, PlanStatus.Submitted));
    }

    [Fact]
    public void An_approved_plan_cannot_go_back_to_draft_and_a_reader_moves_nothing()
    {
        var plan = FullSchoolPlan();
        Move(plan, PlanStatus.Submitted, PlanRole.Owner);
        Move(plan, PlanStatus.UnderReview, PlanRole.Reviewer);
        Move(plan, PlanStatus.Approved, PlanRole.Reviewer);
        var back = () => Move(plan, PlanStatus.Draft, PlanRole.Owner);
        back.Should().Throw<DomainException>().WithMessage("Переход из статуса «Утверждён» в статус «Черновик» не предусмотрен.");
        var reader = () => Move(plan, PlanStatus.InProgress, PlanRole.Reader);
        reader.Should().Throw<ScopeException>();
        var report = () => { Move(plan, PlanStatus.InProgress, PlanRole.Owner); Move(plan, PlanStatus.Reported, PlanRole.Owner); };
        report.Should().Throw<DomainException>().WithMessage("Заполните текст отчёта о ходе реализации.");
    }

    [Fact]
    public void Cancelled_activities_do_not_fill_a_mandatory_section_and_other_levels_have_no_checklist()
    {
        var plan = FullSchoolPlan();
        Cancel(plan, plan.Items[0]);
        plan.MissingSections(Sections).Should().ContainSingle().Which.Title.Should().Be("Повышение качества преподавания");
        Sections[1].IsMandatory = false;
        Cancel(plan, plan.Items[1]);
        plan.MissingSections(Sections).Should().HaveCount(1);
        Sections[1].IsMandatory = true;

        var roadmap = new Plan { Level = PlanLevel.Municipality, Items = [new PlanItem { Activity = "Совещание" }] };
        roadmap.MissingSections(Sections).Should().BeEmpty();
    }
}
