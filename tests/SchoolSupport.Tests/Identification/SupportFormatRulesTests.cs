using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

/// <summary>The second-year support-format decision as the list itself enforces it, without a database.</summary>
public sealed class SupportFormatRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 10, 7, 0, 0, TimeSpan.Zero);

    private static SupportList InReview(params SupportListEntry[] entries) =>
        new(ListStatus.UnderReview) { Id = Guid.NewGuid(), Year = 2026, Entries = [.. entries] };

    private static SupportListEntry Entry(bool included = true, bool secondYear = false) => new()
    {
        Id = Guid.NewGuid(), SchoolId = Guid.NewGuid(), Computed = included, Included = included, SecondConsecutiveYear = secondYear,
    };

    [Fact]
    public void A_list_with_a_second_year_school_without_a_format_decision_is_not_submitted_and_the_refusal_names_the_school()
    {
        var second = Entry(secondYear: true);
        var first = Entry();
        var list = InReview(second, first);
        var submit = () => list.Submit("Оператор", At, "", new Dictionary<Guid, string> { [second.SchoolId] = "МКОУ СОШ д. Ключи" });
        submit.Should().Throw<DomainException>().WithMessage("*без решения о смене формата поддержки: МКОУ СОШ д. Ключи.*");
        list.Status.Should().Be(ListStatus.UnderReview);
    }

    [Fact]
    public void Once_the_format_is_decided_the_list_is_submitted()
    {
        var second = Entry(secondYear: true);
        var list = InReview(second, Entry());
        list.DecideSupportFormat(second.SchoolId, SupportFormat.ConsultingCentre, " Петрова Ольга Николаевна ", "Результаты не улучшились за год", "Оператор", At);
        list.Submit("Оператор", At);
        list.Status.Should().Be(ListStatus.Submitted);
        (second.NewFormat, second.FormatResponsible, second.FormatDecidedBy, second.FormatDecidedAt)
            .Should().Be((SupportFormat.ConsultingCentre, "Петрова Ольга Николаевна", "Оператор", At));
    }

    [Fact]
    public void A_second_year_school_removed_from_the_list_needs_no_decision()
    {
        var second = Entry(secondYear: true);
        var list = InReview(second, Entry());
        list.Decide(second.SchoolId, include: false, "Программа выполнена досрочно", "Оператор");
        list.LackingFormatDecision().Should().BeEmpty();
        list.Submit("Оператор", At);
        list.Status.Should().Be(ListStatus.Submitted);
    }

    [Theory]
    [InlineData(0, "Петрова О. Н.", "Результаты не улучшились за год", "*формат поддержки из регионального перечня*")]
    [InlineData(2, "", "Результаты не улучшились за год", "*ответственного*")]
    [InlineData(2, "Петрова О. Н.", "мало", "*обоснование*")]
    public void A_decision_without_format_responsible_or_reason_is_refused_and_nothing_is_recorded(int format, string responsible, string reason, string message)
    {
        var second = Entry(secondYear: true);
        var list = InReview(second);
        var decide = () => list.DecideSupportFormat(second.SchoolId, (SupportFormat)format, responsible, reason, "Оператор", At);
        decide.Should().Throw<DomainException>().WithMessage(message);
        (second.NewFormat, second.FormatResponsible, second.FormatReason).Should().Be(((SupportFormat?)null, "", ""));
    }

    [Fact]
    public void Only_a_school_in_its_second_year_and_only_an_editable_list_take_a_format_decision()
    {
        var first = Entry();
        var list = InReview(first);
        var firstYear = () => list.DecideSupportFormat(first.SchoolId, SupportFormat.NetworkPartner, "Петрова О. Н.", "Результаты не улучшились за год", "Оператор", At);
        firstYear.Should().Throw<DomainException>().WithMessage("*только для школы, включённой в перечень второй год подряд*");

        var second = Entry(secondYear: true);
        var submitted = new SupportList(ListStatus.Submitted) { Id = Guid.NewGuid(), Year = 2026, Entries = [second] };
        var late = () => submitted.DecideSupportFormat(second.SchoolId, SupportFormat.NetworkPartner, "Петрова О. Н.", "Результаты не улучшились за год", "Оператор", At);
        late.Should().Throw<DomainException>();
        second.NewFormat.Should().BeNull();
    }

    [Fact]
    public void An_amendment_keeps_the_format_decisions_of_the_published_list()
    {
        var second = Entry(secondYear: true);
        var list = InReview(second);
        list.DecideSupportFormat(second.SchoolId, SupportFormat.OnSiteSupport, "Петрова О. Н.", "Результаты не улучшились за год", "Оператор", At);
        list.Submit("Оператор", At);
        list.Approve("12-п", new DateOnly(2026, 9, 15), "Министерство", At);
        list.Publish("Министерство", At);
        var amendment = list.Amend("Новые данные мониторинга", "Оператор", At);
        amendment.Entries.Single().NewFormat.Should().Be(SupportFormat.OnSiteSupport);
    }
}
