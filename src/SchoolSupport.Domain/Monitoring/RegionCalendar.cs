using SchoolSupport.Domain.Common;

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
        if (!Enum.IsDefined(template)) throw new DomainException("Неизвестный шаблон календаря.", nameof(Template));
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
            throw new DomainException("Дата выявления школ должна быть в период с 1 сентября по 31 декабря.", nameof(IdentificationMonth));
        if (day < 1 || day > DateTime.DaysInMonth(2025, month))
            throw new DomainException($"В выбранном месяце нет {day}-го числа.", nameof(IdentificationDay));
        IdentificationMonth = month;
        IdentificationDay = day;
    }

    public DateOnly IdentificationDateIn(int year) => new(year, IdentificationMonth, IdentificationDay);

    /// <summary>Hangfire's cron: at 02:00 on the region's day every year.</summary>
    public string IdentificationCron => $"0 2 {IdentificationDay} {IdentificationMonth} *";

    public static string TitleOf(CalendarTemplate template) => template switch
    {
        CalendarTemplate.Kirov => "Кировская модель",
        _ => "Саратовская модель",
    };
}

/// <summary>The default stages and tasks of each template for a school year.</summary>
public static class CalendarTemplates
{
    public static (int Month, int Day) IdentificationDayOf(CalendarTemplate template) => template == CalendarTemplate.Kirov ? (11, 1) : (9, 1);

    public static MonitoringYear Create(CalendarTemplate template, Guid regionId, int year, DateTimeOffset now) => template switch
    {
        CalendarTemplate.Kirov => Kirov(regionId, year, now),
        _ => DefaultCalendar.Create(regionId, year, now),
    };

    private static MonitoringYear Kirov(Guid regionId, int year, DateTimeOffset now)
    {
        var y = year;
        var n = year + 1;
        var stages = new (string Title, string Description, DateOnly Opens, DateOnly Closes, (MonitoringActor Actor, string What, DateOnly Due, string Output)[] Tasks)[]
        {
            ("Выявление школ и динамика результатов",
                "Мониторинг выявления школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, и динамики их результатов; ежегодно до 1 ноября.",
                new(y, 9, 1), new(y, 11, 1),
                [
                    (MonitoringActor.Operator, "Выявить школы с низкими образовательными результатами и школы в неблагоприятных социальных условиях", new(y, 11, 1), "Перечень"),
                    (MonitoringActor.Operator, "Аналитическая справка по динамике образовательных результатов школ перечня", new(y, 11, 1), "Аналитическая справка"),
                ]),
            ("Профессиональные дефициты педагогов",
                "Мониторинг по выявлению профессиональных дефицитов педагогических работников школ перечня; ежегодно в марте.",
                new(n, 3, 1), new(n, 3, 31),
                [
                    (MonitoringActor.School, "Организовать участие педагогов в диагностике профессиональных дефицитов", new(n, 3, 20), "Результаты диагностики"),
                    (MonitoringActor.Operator, "Аналитическая справка по профессиональным дефицитам педагогов", new(n, 3, 31), "Аналитическая справка"),
                ]),
            ("Участие в мероприятиях ИРО",
                "Мониторинг участия образовательных организаций в мероприятиях ИРО, направленных на повышение качества образования; ежегодно в мае – июне.",
                new(n, 5, 1), new(n, 6, 30),
                [
                    (MonitoringActor.Municipal, "Свести участие школ муниципалитета в мероприятиях ИРО за учебный год", new(n, 6, 15), "Сводка участия"),
                    (MonitoringActor.Operator, "Аналитическая справка об участии школ в мероприятиях ИРО", new(n, 6, 30), "Аналитическая справка"),
                ]),
        };
        return DefaultCalendar.Build(regionId, year, now, stages);
    }
}
