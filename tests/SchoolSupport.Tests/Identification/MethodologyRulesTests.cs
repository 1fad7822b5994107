using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;

namespace SchoolSupport.Tests.Identification;

/// <summary>Who may approve a methodology version and when it is frozen, without a database.</summary>
public sealed class MethodologyRulesTests
{
    private const int Year = 2026;
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static MethodologyVersion Draft(Methodology? methodology = null) => new()
    {
        Id = Guid.NewGuid(), Year = Year, Version = 1, Name = "Кировская",
        Json = MethodologyJson.Serialize(methodology ?? DefaultMethodologies.Kirov(Year)), Status = MethodologyStatus.Draft,
    };

    [Fact]
    public void A_valid_draft_is_approved_with_who_and_when()
    {
        var version = Draft();
        version.Approve("Министерство", At);
        (version.Status, version.ApprovedBy, version.ApprovedAt).Should().Be((MethodologyStatus.Approved, "Министерство", (DateTimeOffset?)At));
    }

    [Fact]
    public void An_approved_version_is_not_approved_again_nor_changed()
    {
        var version = Draft();
        version.Approve("Министерство", At);
        var again = () => version.Approve("Другой", At.AddDays(1));
        again.Should().Throw<DomainException>().WithMessage("Утверждённую методику изменить нельзя*");
        version.ApprovedBy.Should().Be("Министерство");
    }

    [Fact]
    public void A_version_already_used_for_a_list_is_not_approved()
    {
        var version = Draft();
        version.UsedAt = At;
        var approve = () => version.Approve("Министерство", At);
        approve.Should().Throw<DomainException>().WithMessage("По этой методике уже выполнен расчёт*");
        version.Status.Should().Be(MethodologyStatus.Draft);
    }

    [Fact]
    public void An_invalid_description_is_not_approved()
    {
        var version = Draft(DefaultMethodologies.Kirov(Year) with { Name = "" });
        var approve = () => version.Approve("Министерство", At);
        approve.Should().Throw<DomainException>();
        (version.Status, version.ApprovedAt).Should().Be((MethodologyStatus.Draft, (DateTimeOffset?)null));
    }
}
