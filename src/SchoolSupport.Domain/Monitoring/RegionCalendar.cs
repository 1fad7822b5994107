using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Monitoring;

/// <summary>The calendar templates a region chooses from.</summary>
public enum CalendarTemplate
{
    /// <summary>Saratov model (order 1852 of 29.12.2020): four stages from October to September, identification on 1 September.</summary>
    Saratov = 0,
    /// <summary>Kirov model (appendix 2 to the РСОКО model): identification by 1 November, deficits survey in March, participation summary in May–June.</summary>
    Kirov = 1,
}

/// <summary>
/// A region's own calendar settings: the template its new monitoring years start from and the day (month and day) of the
/// yearly identification. Without a row the region runs the Saratov model with identification on 1 September.
/// </summary>
public sealed class RegionCalendar : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public CalendarTemplate Template { get; private set; }
    public int IdentificationMonth { get; private set; } = 9;
    public int IdentificationDay { get; private set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }

    public static RegionCalendar For(Guid regionId, CalendarTemplate template, DateTimeOffset now)
    {
        var result = new RegionCalendar { Id = Guid.NewGuid(), RegionId = regionId, UpdatedAt = now };
        result.Choose(template);
        return result;
    }

    /// <summary>The template's identification day comes with it; the region may move it afterwards.</summary>
    public void Choose(CalendarTemplate template)
    {
        if (!Enum.IsDefined(template)) throw new DomainException(DomainText.Monitoring_UnknownTemplate, nameof(Template));
        Template = template;
        (IdentificationMonth, IdentificationDay) = CalendarTemplates.IdentificationDayOf(template);
    }

    /// <summary>
    /// The identification runs in the autumn of the school year it computes the list for: from 1 September to 31 December
    /// (a list computed in the spring would belong to the previous year). 29 February is refused: it is not every year.
    /// </summary>
    public void SetIdentificationDay(int month, int day)
    {
        if (month is < 9 or > 12)
            throw new DomainException(DomainText.Monitoring_BadIdentificationMonth, nameof(IdentificationMonth));
        if (day < 1 || day > DateTime.DaysInMonth(2025, month))
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Monitoring_NoSuchDay, day), nameof(IdentificationDay));
        IdentificationMonth = month;
        IdentificationDay = day;
    }

    public DateOnly IdentificationDateIn(int year) => new(year, IdentificationMonth, IdentificationDay);

    /// <summary>Hangfire's cron: at 02:00 on the region's day every year.</summary>
    public string IdentificationCron => $"0 2 {IdentificationDay} {IdentificationMonth} *";

    public static string TitleOf(CalendarTemplate template) => template switch
    {
        CalendarTemplate.Kirov => DomainText.CalendarTemplate_Kirov,
        _ => DomainText.CalendarTemplate_Saratov,
    };
}
