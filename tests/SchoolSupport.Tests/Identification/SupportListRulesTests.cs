using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

/// <summary>The list's own rules, without a database.</summary>
public sealed class SupportListRulesTests
{
    private static SupportList InReview(params SupportListEntry[] entries) =>
        new(ListStatus.UnderReview) { Id = Guid.NewGuid(), Year = 2026, Entries = [.. entries] };

    private static SupportListEntry Entry(bool computed, bool secondYear = false, bool exited = false) => new()
    {
        Id = Guid.NewGuid(), SchoolId = Guid.NewGuid(), Computed = computed, Included = computed, SecondConsecutiveYear = secondYear, Exited = exited,
    };

    [Fact]
    public void Removing_a_school_in_its_second_year_makes_it_leave_the_list()
    {
        var entry = Entry(computed: true, secondYear: true);
        InReview(entry).Decide(entry.SchoolId, include: false, "Программа выполнена досрочно", "Оператор");
        (entry.Included, entry.SecondConsecutiveYear, entry.Exited, entry.Decision).Should().Be((false, false, true, ManualDecision.Removed));
    }

    [Fact]
    public void Adding_back_a_school_that_was_leaving_makes_it_its_second_year()
    {
        var entry = Entry(computed: false, exited: true);
        InReview(entry).Decide(entry.SchoolId, include: true, "Отрицательная динамика по итогам мониторинга", "Оператор");
        (entry.Included, entry.SecondConsecutiveYear, entry.Exited, entry.Decision).Should().Be((true, true, false, ManualDecision.Added));
    }

    [Fact]
    public void Adding_a_school_not_listed_before_is_neither_second_year_nor_exit()
    {
        var entry = Entry(computed: false);
        InReview(entry).Decide(entry.SchoolId, include: true, "Отрицательная динамика по итогам мониторинга", "Оператор");
        (entry.SecondConsecutiveYear, entry.Exited).Should().Be((false, false));
    }

    [Fact]
    public void A_decision_needs_a_justification_and_an_editable_list()
    {
        var entry = Entry(computed: true);
        var list = InReview(entry);
        var bare = () => list.Decide(entry.SchoolId, include: false, "мало", "Оператор");
        bare.Should().Throw<DomainException>().WithMessage("Обоснование обязательно*");
        list.Submit("Оператор", DateTimeOffset.UtcNow);
        list.Approve("12-п", new DateOnly(2026, 9, 1), "Министерство", DateTimeOffset.UtcNow);
        list.Publish("Министерство", DateTimeOffset.UtcNow);
        var late = () => list.Decide(entry.SchoolId, include: false, "Программа выполнена досрочно", "Оператор");
        late.Should().Throw<DomainException>();
        entry.Included.Should().BeTrue();
    }
}
