namespace SchoolSupport.Domain.Common;

/// <summary>The years the portal accepts: results, lists and the monitoring calendar start with 2015 (the seeds' earliest data).</summary>
public static class SchoolYears
{
    public const int First = 2015;

    /// <summary>Whether a year is one the portal can hold: from <see cref="First"/> to one year after the current one.</summary>
    public static bool IsAllowed(int year, TimeProvider clock) => year >= First && year <= clock.Today().Year + 1;
}
