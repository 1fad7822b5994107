namespace SchoolSupport.Domain.Common;

/// <summary>The years the portal accepts: results, lists and the monitoring calendar start with 2015 (the seeds' earliest data).</summary>
public static class SchoolYears
{
    public const int First = 2015;

    /// <summary>Whether a year is one the portal can hold: from <see cref="First"/> to one year after the current one.</summary>
    public static bool IsAllowed(int year, TimeProvider clock) => year >= First && year <= clock.Today().Year + 1;

    /// <summary>The school year (by its first calendar year) a day belongs to: a new one starts on 1 September.</summary>
    public static int Of(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>The school year of today.</summary>
    public static int Current(TimeProvider clock) => Of(clock.Today());

    /// <summary>1 September of the school year.</summary>
    public static DateOnly StartOf(int year) => new(year, 9, 1);
}
