using System.Globalization;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Risks;

/// <summary>
/// The region's risk settings: how many key risks a school may choose, when each half-year's effectiveness review is due
/// and the deadline of decisions on the new school year's risks (seed 001: reviews at least twice a year, decisions by June).
/// Dates are a day and month; the school year Y runs from 1 September Y to 31 August Y+1.
/// </summary>
public sealed class RiskSettings : ITenantOwned
{
    public Guid RegionId { get; set; }
    public int KeyRiskLimit { get; set; } = 3;
    public int FirstReviewMonth { get; set; } = 12;
    public int FirstReviewDay { get; set; } = 25;
    public int SecondReviewMonth { get; set; } = 5;
    public int SecondReviewDay { get; set; } = 31;
    public int DecisionsMonth { get; set; } = 6;
    public int DecisionsDay { get; set; } = 30;
    public uint Version { get; set; }

    /// <summary>The due date of the review of a half-year (1: September–December, 2: January–June) of school year <paramref name="year"/>.</summary>
    public DateOnly ReviewDue(int year, int halfYear) => halfYear == 1
        ? RiskCalendar.InSchoolYear(year, FirstReviewMonth, FirstReviewDay)
        : RiskCalendar.InSchoolYear(year, SecondReviewMonth, SecondReviewDay);

    /// <summary>Decisions on the risks of school year <paramref name="year"/> are taken by this day of the spring before it.</summary>
    public DateOnly DecisionsDue(int year) => RiskCalendar.InSchoolYear(year - 1, DecisionsMonth, DecisionsDay);

    public IEnumerable<string> Check()
    {
        if (KeyRiskLimit is < 1 or > 10) yield return DomainText.Risk_KeyRiskLimit;
        if (!RiskCalendar.IsDay(FirstReviewMonth, FirstReviewDay) || FirstReviewMonth is > 1 and < 9)
            yield return DomainText.Risk_FirstReviewDue;
        if (!RiskCalendar.IsDay(SecondReviewMonth, SecondReviewDay) || SecondReviewMonth is < 2 or > 8)
            yield return DomainText.Risk_SecondReviewDue;
        if (!RiskCalendar.IsDay(DecisionsMonth, DecisionsDay) || DecisionsMonth is < 1 or > 8)
            yield return DomainText.Risk_DecisionsDue;
    }
}

public static class RiskCalendar
{
    /// <summary>The school year a day belongs to: from 1 September.</summary>
    public static int SchoolYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>The day of the given month and day within school year <paramref name="year"/> (September–December of Y, January–August of Y+1).</summary>
    public static DateOnly InSchoolYear(int year, int month, int day) =>
        new(month >= 9 ? year : year + 1, month, Math.Min(day, DateTime.DaysInMonth(month >= 9 ? year : year + 1, month)));

    public static bool IsDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);

    /// <summary>The first and last day of a half-year: 1 — September–December of Y, 2 — January–August of Y+1.</summary>
    public static (DateOnly From, DateOnly To) HalfYear(int year, int halfYear) => halfYear == 1
        ? (new DateOnly(year, 9, 1), new DateOnly(year, 12, 31))
        : (new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 8, 31));

    /// <summary>
    /// Profiles, reviews and decisions are for the current school year, the last one (corrections) or the next one
    /// (decisions by June are about the coming year); any other year is a typing error.
    /// </summary>
    public static string? CheckYear(int year, DateOnly today)
    {
        var current = SchoolYearOf(today);
        return year >= current - 1 && year <= current + 1
            ? null
            : string.Format(CultureInfo.CurrentCulture, DomainText.Risk_BadYear, year, year + 1, current, current + 1);
    }

    public static string YearTitle(int year) => $"{year}/{year + 1}";
}
