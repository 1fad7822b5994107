namespace SchoolSupport.Domain.Monitoring;

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
