using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Risks;

public enum ReviewDecision
{
    /// <summary>Продолжить реализацию программ.</summary>
    Continue = 0,
    /// <summary>Скорректировать меры.</summary>
    ChangeMeasures = 1,
    /// <summary>Изменить формат поддержки.</summary>
    ChangeSupportFormat = 2,
}

/// <summary>
/// The municipality's review of the effectiveness of support of one school in one half-year (анализ эффективности):
/// findings per key risk and a decision. One per school and half-year; recording again corrects it.
/// </summary>
public sealed class EffectivenessReview : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public int HalfYear { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The region's due date when the review was recorded.</summary>
    public DateOnly Due { get; set; }
    public ReviewDecision Decision { get; set; }
    public string Summary { get; set; } = "";
    public string ReviewerName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public uint Version { get; set; }

    public List<ReviewFinding> Findings { get; set; } = [];

    /// <summary>Recorded after its due date (a review made after its half-year is always past it).</summary>
    public bool IsLate => Date > Due;

    public static IEnumerable<string> Check(int year, int halfYear, DateOnly date, DateOnly today)
    {
        if (halfYear is not (1 or 2)) yield return DomainText.Risk_HalfYear;
        else if (date < RiskCalendar.HalfYear(year, halfYear).From) yield return DomainText.Risk_ReviewBeforeHalfYear;
        if (date > today) yield return DomainText.Risk_ReviewInFuture;
    }
}

/// <summary>What the review found about one key risk of the school.</summary>
public sealed class ReviewFinding : ITenantOwned
{
    public Guid ReviewId { get; set; }
    public Guid FactorId { get; set; }
    public Guid RegionId { get; set; }
    public string Text { get; set; } = "";
}
