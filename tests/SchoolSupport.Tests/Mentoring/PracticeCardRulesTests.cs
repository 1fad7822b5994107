using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;

namespace SchoolSupport.Tests.Mentoring;

/// <summary>The review of a best-practice card, without a database.</summary>
public sealed class PracticeCardRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private static PracticeCard Submitted()
    {
        var card = new PracticeCard { Id = Guid.NewGuid(), Title = "Технология «перевёрнутый класс»" };
        card.Submit(At);
        return card;
    }

    [Fact]
    public void A_returned_card_says_what_to_fix_and_may_be_submitted_again()
    {
        var card = Submitted();
        card.Review(publish: false, " Добавьте описание результатов ", "Оператор", At.AddDays(1));
        (card.Status, card.ReviewComment, card.ReviewedByName, card.ReviewedAt).Should().Be((PracticeStatus.Returned, "Добавьте описание результатов", "Оператор", At.AddDays(1)));
        card.Submit(At.AddDays(2));
        (card.Status, card.SubmittedAt).Should().Be((PracticeStatus.Submitted, At.AddDays(2)));
    }

    [Fact]
    public void A_return_needs_a_comment()
    {
        var card = Submitted();
        var bare = () => card.Review(publish: false, " ", "Оператор", At);
        bare.Should().Throw<DomainException>().WithMessage("Укажите, что нужно доработать.");
        card.Status.Should().Be(PracticeStatus.Submitted);
    }

    [Fact]
    public void A_published_practice_is_neither_resubmitted_nor_reviewed_again()
    {
        var card = Submitted();
        card.Review(publish: true, null, "Оператор", At);
        var resubmit = () => card.Submit(At.AddDays(1));
        var review = () => card.Review(publish: false, "Ещё раз", "Оператор", At.AddDays(1));
        resubmit.Should().Throw<DomainException>().WithMessage("Опубликованная практика не изменяется.");
        review.Should().Throw<DomainException>().WithMessage("Рассматривается только поданная карточка.");
        card.Status.Should().Be(PracticeStatus.Published);
    }
}
