using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;

namespace SchoolSupport.Tests.Partnerships;

/// <summary>The agreement's own rules, without a database.</summary>
public sealed class PartnershipRulesTests
{
    private static readonly DateOnly From = new(2026, 2, 10);
    private static readonly DateOnly To = new(2027, 6, 30);

    private static Partnership Proposed()
    {
        var p = new Partnership { Id = Guid.NewGuid(), Title = "Партнёрство", ValidFrom = From, ValidTo = To };
        p.Schools.Add(new PartnershipSchool { Id = Guid.NewGuid(), SchoolId = Guid.NewGuid() });
        return p;
    }

    private static Partnership Signed()
    {
        var p = Proposed();
        p.SetAgreement("С-1", new DateOnly(2026, 2, 1));
        p.MoveTo(PartnershipStatus.Signed);
        return p;
    }

    [Fact]
    public void A_proposed_agreement_may_be_renumbered_and_redated()
    {
        var p = Proposed();
        p.SetAgreement(" С-1 ", new DateOnly(2026, 2, 1));
        p.SetAgreement("С-2", new DateOnly(2026, 2, 5));
        (p.AgreementNumber, p.AgreementDate).Should().Be(("С-2", new DateOnly(2026, 2, 5)));
    }

    [Fact]
    public void A_signed_agreement_keeps_its_number_and_date()
    {
        var p = Signed();
        var renumber = () => p.SetAgreement("С-2", p.AgreementDate);
        var redate = () => p.SetAgreement(p.AgreementNumber, new DateOnly(2026, 2, 2));
        renumber.Should().Throw<DomainException>().WithMessage("Номер и дата подписанного соглашения не изменяются.");
        redate.Should().Throw<DomainException>().WithMessage("Номер и дата подписанного соглашения не изменяются.");
        p.SetAgreement("С-1 ", new DateOnly(2026, 2, 1));
        (p.AgreementNumber, p.AgreementDate, p.SignedOn).Should().Be(("С-1", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1)));
    }

    [Fact]
    public void Signing_needs_a_number_and_a_date()
    {
        var p = Proposed();
        var sign = () => p.MoveTo(PartnershipStatus.Signed);
        sign.Should().Throw<DomainException>().WithMessage("Чтобы отметить соглашение подписанным*");
        p.Status.Should().Be(PartnershipStatus.Proposed);
    }

    [Theory]
    [InlineData(2026, 2, 10)]
    [InlineData(2027, 6, 30)]
    public void An_activity_may_fall_on_the_first_or_last_day_of_the_agreement(int y, int m, int d)
    {
        var p = Signed();
        var activity = p.AddActivity(" Взаимопосещение уроков ", new DateOnly(y, m, d), "Заместители по УВР");
        p.Activities.Should().ContainSingle().Which.Should().BeSameAs(activity);
        (activity.Title, activity.PartnershipId, activity.Id).Should().Be(("Взаимопосещение уроков", p.Id, Guid.Empty));
    }

    [Theory]
    [InlineData(2026, 2, 9)]
    [InlineData(2027, 7, 1)]
    public void An_activity_outside_the_agreements_term_is_refused(int y, int m, int d)
    {
        var p = Signed();
        var add = () => p.AddActivity("Вне срока", new DateOnly(y, m, d), "");
        add.Should().Throw<DomainException>().WithMessage("Срок мероприятия должен быть в пределах срока действия соглашения.");
        p.Activities.Should().BeEmpty();
    }

    [Fact]
    public void An_ended_partnership_changes_no_more()
    {
        var p = Signed();
        p.MoveTo(PartnershipStatus.Ended);
        var add = () => p.AddActivity("Поздно", From, "");
        var renumber = () => p.SetAgreement("С-1", p.AgreementDate);
        add.Should().Throw<DomainException>().WithMessage("Завершённое партнёрство не изменяется.");
        renumber.Should().Throw<DomainException>().WithMessage("Завершённое партнёрство не изменяется.");
    }
}
