using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

/// <summary>The list writes its own history: computation, recomputation, workflow steps and amendments, without a database.</summary>
public sealed class SupportListHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Region = Guid.NewGuid();
    private static readonly Guid Methodology = Guid.NewGuid();

    private static SupportList Published()
    {
        var list = SupportList.FromComputation(Region, 2026, Methodology, "система", At, "Школ: 2.");
        list.Entries =
        [
            new() { Id = Guid.NewGuid(), RegionId = Region, ListId = list.Id, SchoolId = Guid.NewGuid(), Computed = true, Included = true, LowResults = true },
            new() { Id = Guid.NewGuid(), RegionId = Region, ListId = list.Id, SchoolId = Guid.NewGuid(), Computed = true, Included = false,
                Decision = ManualDecision.Removed, Justification = "Программа выполнена досрочно" },
        ];
        list.StartReview("Оператор", At.AddDays(1));
        list.Submit("Оператор", At.AddDays(2));
        list.Approve("12-п", new DateOnly(2026, 9, 5), "Министерство", At.AddDays(3));
        list.Publish("Министерство", At.AddDays(4));
        return list;
    }

    [Fact]
    public void A_computed_list_is_a_draft_whose_history_says_what_was_computed()
    {
        var list = SupportList.FromComputation(Region, 2026, Methodology, "Оператор", At, "Школ: 120.");
        (list.Status, list.Version, list.MethodologyId, list.ComputedAt).Should().Be((ListStatus.Draft, 1, Methodology, At));
        var entry = list.History.Should().ContainSingle().Subject;
        (entry.From, entry.To, entry.UserName, entry.At, entry.ListId, entry.RegionId).Should().Be((ListStatus.Draft, ListStatus.Draft, "Оператор", At, list.Id, Region));
        entry.Comment.Should().Be("Расчёт проекта перечня. Школ: 120.");
    }

    [Theory]
    [InlineData(ListStatus.Draft)]
    [InlineData(ListStatus.UnderReview)]
    [InlineData(ListStatus.Returned)]
    public void A_recomputation_keeps_the_status_and_is_recorded(ListStatus status)
    {
        var list = new SupportList(status) { Id = Guid.NewGuid(), RegionId = Region, Year = 2026 };
        var newer = Guid.NewGuid();
        list.Recompute(newer, "Оператор", At, "Школ: 121.");
        (list.Status, list.MethodologyId, list.ComputedAt).Should().Be((status, newer, At));
        var entry = list.History.Should().ContainSingle().Subject;
        (entry.From, entry.To, entry.Comment).Should().Be((status, status, "Пересчёт проекта перечня. Школ: 121."));
    }

    [Theory]
    [InlineData(ListStatus.Submitted)]
    [InlineData(ListStatus.Approved)]
    [InlineData(ListStatus.Published)]
    public void A_list_on_approval_or_published_is_not_recomputed(ListStatus status)
    {
        var list = new SupportList(status) { Id = Guid.NewGuid(), Year = 2026, MethodologyId = Methodology };
        var recompute = () => list.Recompute(Guid.NewGuid(), "Оператор", At, "");
        recompute.Should().Throw<DomainException>();
        (list.MethodologyId, list.History.Count).Should().Be((Methodology, 0));
    }

    [Fact]
    public void Every_workflow_step_is_recorded_in_order()
    {
        Published().History.Select(h => (h.From, h.To, h.UserName)).Should().Equal(
            (ListStatus.Draft, ListStatus.Draft, "система"),
            (ListStatus.Draft, ListStatus.UnderReview, "Оператор"),
            (ListStatus.UnderReview, ListStatus.Submitted, "Оператор"),
            (ListStatus.Submitted, ListStatus.Approved, "Министерство"),
            (ListStatus.Approved, ListStatus.Published, "Министерство"));
    }

    [Fact]
    public void A_refused_step_leaves_no_trace()
    {
        var list = SupportList.FromComputation(Region, 2026, Methodology, "система", At, "");
        var publish = () => list.Publish("Министерство", At);
        publish.Should().Throw<DomainException>();
        (list.Status, list.History.Count).Should().Be((ListStatus.Draft, 1));
    }

    [Fact]
    public void An_amendment_is_the_next_version_in_review_starting_from_what_was_published()
    {
        var published = Published();
        var amendment = published.Amend("  Реорганизация школы в марте  ", "Оператор", At.AddMonths(6));
        (amendment.Status, amendment.Version, amendment.AmendsListId, amendment.AmendmentReason, amendment.Year, amendment.MethodologyId)
            .Should().Be((ListStatus.UnderReview, 2, published.Id, "Реорганизация школы в марте", 2026, Methodology));
        amendment.Id.Should().NotBe(published.Id);
        amendment.Entries.Select(e => (e.SchoolId, e.Computed, e.Included, e.Decision)).Should().Equal(
            published.Entries.Select(e => (e.SchoolId, e.Included, e.Included, ManualDecision.None)));
        amendment.Entries.Should().OnlyContain(e => e.ListId == amendment.Id);
        var entry = amendment.History.Should().ContainSingle().Subject;
        (entry.From, entry.To, entry.UserName, entry.ListId, entry.Comment)
            .Should().Be((ListStatus.Published, ListStatus.UnderReview, "Оператор", amendment.Id, "Изменение перечня: Реорганизация школы в марте"));
        published.Status.Should().Be(ListStatus.Published, "the published list is superseded only when the amendment is published");
    }

    [Fact]
    public void Only_a_published_list_is_amended_and_only_with_a_reason()
    {
        var draft = SupportList.FromComputation(Region, 2026, Methodology, "система", At, "");
        var early = () => draft.Amend("Реорганизация школы в марте", "Оператор", At);
        early.Should().Throw<DomainException>().WithMessage("Изменение можно создать только для опубликованного перечня.");
        var bare = () => Published().Amend("мало", "Оператор", At);
        bare.Should().Throw<DomainException>().WithMessage("Укажите основание изменения перечня (не короче 10 символов).");
    }

    [Fact]
    public void A_published_list_replaced_by_its_amendment_records_it()
    {
        var list = Published();
        list.Supersede("Министерство", At.AddMonths(7));
        list.Status.Should().Be(ListStatus.Superseded);
        list.History[^1].Comment.Should().Be("Заменён изменением перечня");
    }
}
