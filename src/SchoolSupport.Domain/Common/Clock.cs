namespace SchoolSupport.Domain.Common;

/// <summary>
/// What day it is, in one place: every service, job and page asks the injected <see cref="TimeProvider"/>, so that tests can
/// fix the date and nothing disagrees around midnight. The day is the portal's local day.
/// </summary>
public static class Clock
{
    public static DateOnly Today(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }
}
