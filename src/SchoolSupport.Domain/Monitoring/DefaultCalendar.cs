namespace SchoolSupport.Domain.Monitoring;

/// <summary>
/// The four stages of the Saratov model (order 1852 of 29.12.2020) with their default windows and task templates.
/// A region edits the dates afterwards; the defaults only start it off.
/// </summary>
public static class DefaultCalendar
{
    private sealed record StageDefault(string Title, string Description, DateOnly Opens, DateOnly Closes, (MonitoringActor Actor, string What, DateOnly Due, string Output)[] Tasks);

    public static MonitoringYear Create(Guid regionId, int year, DateTimeOffset now)
    {
        var y = year;
        var n = year + 1;
        StageDefault[] stages =
        [
            new("Исследования качества образования",
                "РЦОКО проводит исследования качества образования по утверждённым критериям; СОИРО выборочно анализирует ВСОКО и программы развития; аналитические справки публикуются.",
                new(y, 10, 1), new(n, 1, 31),
                [
                    (MonitoringActor.Operator, "Исследования качества образования в школах перечня по утверждённым критериям (РЦОКО)", new(y, 12, 20), "Аналитический отчёт"),
                    (MonitoringActor.Operator, "Выборочный анализ ВСОКО и программ развития школ перечня (СОИРО)", new(n, 1, 20), "Аналитическая справка"),
                    (MonitoringActor.Operator, "Публикация аналитических справок на сайтах РЦОКО и СОИРО", new(n, 1, 31), "Аналитическая справка"),
                ]),
            new("Дорожные карты",
                "Муниципалитеты и школы разрабатывают дорожные карты по повышению качества образования; школьные дорожные карты представляются в муниципальный орган управления образованием и размещаются на сайтах школ.",
                new(y, 11, 1), new(y, 11, 30),
                [
                    (MonitoringActor.Municipal, "Разработать и утвердить муниципальную дорожную карту поддержки школ", new(y, 11, 30), "Муниципальная программа"),
                    (MonitoringActor.School, "Представить внутришкольную дорожную карту в муниципалитет и разместить её на сайте школы", new(y, 11, 30), "Программа школы"),
                ]),
            new("Динамика результатов",
                "По данным мониторинга определяется динамика результатов обучения; совместные рекомендации по ВСОКО; приказ школы о ВСОКО в феврале; анализ результативности программ не реже двух раз в год.",
                new(n, 3, 1), new(n, 10, 31),
                [
                    (MonitoringActor.School, "Издать приказ о внутренней системе оценки качества образования (ВСОКО)", new(n, 2, DateTime.DaysInMonth(n, 2)), "Приказ о ВСОКО"),
                    (MonitoringActor.Municipal, "Анализ результативности программ школ (первое полугодие), решения по рискам", new(n, 6, 30), "Аналитическая справка"),
                    (MonitoringActor.Operator, "Совместные рекомендации по совершенствованию ВСОКО", new(n, 6, 30), "Рекомендации"),
                    (MonitoringActor.Operator, "Анализ динамики результатов обучения школ перечня", new(n, 10, 31), "Аналитическая справка"),
                ]),
            new("Итоги года и новый перечень",
                "Анализ результатов ОГЭ, ЕГЭ, ВПР и региональных проверочных работ; пересмотр критериев идентификации; формирование нового перечня.",
                new(n, 9, 1), new(n, 9, 30),
                [
                    (MonitoringActor.Operator, "Анализ результатов ОГЭ, ЕГЭ, ВПР и региональных проверочных работ", new(n, 9, 15), "Аналитический отчёт"),
                    (MonitoringActor.Operator, "Пересмотр критериев идентификации школ", new(n, 9, 20), "Методика выявления"),
                    (MonitoringActor.Operator, "Сформировать новый перечень школ", new(n, 9, 30), "Перечень"),
                ]),
        ];

        return Build(regionId, year, now, stages.Select(d => (d.Title, d.Description, d.Opens, d.Closes, d.Tasks)));
    }

    /// <summary>A year of monitoring from a template's stages, numbered in order, each with its task templates.</summary>
    internal static MonitoringYear Build(Guid regionId, int year, DateTimeOffset now,
        IEnumerable<(string Title, string Description, DateOnly Opens, DateOnly Closes, (MonitoringActor Actor, string What, DateOnly Due, string Output)[] Tasks)> stages)
    {
        var result = new MonitoringYear { Id = Guid.NewGuid(), RegionId = regionId, Year = year, CreatedAt = now };
        foreach (var (s, i) in stages.Select((s, i) => (s, i)))
        {
            var stage = new MonitoringStage
            {
                Id = Guid.NewGuid(), RegionId = regionId, YearId = result.Id, Number = i + 1, Title = s.Title, Description = s.Description,
                Opens = s.Opens, Closes = s.Closes,
            };
            stage.Templates = s.Tasks.Select((t, order) => new TaskTemplate
            {
                Id = Guid.NewGuid(), RegionId = regionId, StageId = stage.Id, Order = order + 1, Actor = t.Actor, What = t.What, Due = t.Due, OutputDocument = t.Output,
            }).ToList();
            result.Stages.Add(stage);
        }
        return result;
    }
}
