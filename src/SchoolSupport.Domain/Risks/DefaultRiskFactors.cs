namespace SchoolSupport.Domain.Risks;

/// <summary>
/// The ten risk factors as the federal project («500+») uses them, with a short questionnaire for each respondent group.
/// Each answer is the share of the group (per cent) that agreed; where agreeing means less risk the share counts reversed.
/// A region edits the titles, thresholds and questions for its own years.
/// </summary>
public static class DefaultRiskFactors
{
    private sealed record Q(RespondentGroup Group, string Text, bool RiskWhenHigh = true);

    private static readonly (string Code, string Title, Q[] Questions)[] Factors =
    [
        ("equipment", "Низкий уровень оснащения школы",
        [
            new(RespondentGroup.Director, "Доля учебных кабинетов, не оснащённых необходимым оборудованием"),
            new(RespondentGroup.Teachers, "Доля учителей, которым не хватает оборудования для проведения уроков"),
        ]),
        ("staff-shortage", "Дефицит педагогических кадров",
        [
            new(RespondentGroup.Director, "Доля вакантных ставок и ставок, закрытых совместителями"),
            new(RespondentGroup.Teachers, "Доля учителей, преподающих два и более предмета не по специальности"),
        ]),
        ("teacher-competence", "Недостаточная предметная и методическая компетентность педагогических работников",
        [
            new(RespondentGroup.Teachers, "Доля учителей, испытывающих затруднения в предметной или методической подготовке"),
            new(RespondentGroup.Director, "Доля учителей без повышения квалификации за последние три года"),
        ]),
        ("adaptivity", "Риски низкой адаптивности учебного процесса",
        [
            new(RespondentGroup.Teachers, "Доля учителей, регулярно применяющих дифференцированные задания", RiskWhenHigh: false),
            new(RespondentGroup.Pupils, "Доля обучающихся, считающих, что задания на уроках не учитывают их уровень"),
        ]),
        ("language-barriers", "Низкое качество преодоления языковых и культурных барьеров",
        [
            new(RespondentGroup.Director, "Доля обучающихся, для которых русский язык не является родным"),
            new(RespondentGroup.Teachers, "Доля учителей, отмечающих языковые трудности обучающихся на уроках"),
        ]),
        ("parental-involvement", "Низкий уровень вовлечённости родителей",
        [
            new(RespondentGroup.Parents, "Доля родителей, участвующих в жизни школы (собрания, мероприятия)", RiskWhenHigh: false),
            new(RespondentGroup.Teachers, "Доля учителей, отмечающих трудности во взаимодействии с родителями"),
        ]),
        ("school-climate", "Пониженный уровень качества школьной образовательной и воспитательной среды",
        [
            new(RespondentGroup.Pupils, "Доля обучающихся, которые чувствуют себя в школе в безопасности", RiskWhenHigh: false),
            new(RespondentGroup.Parents, "Доля родителей, удовлетворённых условиями обучения в школе", RiskWhenHigh: false),
        ]),
        ("failure-risk", "Высокая доля обучающихся с рисками учебной неуспешности",
        [
            new(RespondentGroup.Director, "Доля обучающихся с отметкой «2» хотя бы по одному предмету по итогам периода"),
            new(RespondentGroup.Teachers, "Доля учителей, отмечающих в своих классах много обучающихся с трудностями в обучении"),
        ]),
        ("discipline", "Низкий уровень дисциплины в классе",
        [
            new(RespondentGroup.Teachers, "Доля учителей, теряющих на уроке заметное время на поддержание дисциплины"),
            new(RespondentGroup.Pupils, "Доля обучающихся, которым шум и беспорядок мешают работать на уроке"),
        ]),
        ("motivation", "Низкая учебная мотивация обучающихся",
        [
            new(RespondentGroup.Pupils, "Доля обучающихся, которым интересно учиться", RiskWhenHigh: false),
            new(RespondentGroup.Parents, "Доля родителей, отмечающих нежелание ребёнка учиться"),
        ]),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. Factors.Select(f => f.Code)];

    /// <summary>A fresh set of the ten factors with their questions for a region's school year.</summary>
    public static List<RiskFactor> For(Guid regionId, int year) => Factors.Select((f, i) =>
    {
        var factor = new RiskFactor { Id = Guid.NewGuid(), RegionId = regionId, Year = year, Code = f.Code, Order = i + 1, Title = f.Title };
        factor.Questions = f.Questions.Select((q, j) => new RiskQuestion
        {
            Id = Guid.NewGuid(), RegionId = regionId, FactorId = factor.Id, Group = q.Group, Order = j + 1, Text = q.Text, RiskWhenHigh = q.RiskWhenHigh,
        }).ToList();
        return factor;
    }).ToList();

    /// <summary>The next year's set as a copy of <paramref name="previous"/> (new ids, same codes, titles, thresholds and questions).</summary>
    public static List<RiskFactor> CopyFor(IEnumerable<RiskFactor> previous, int year) => previous.OrderBy(f => f.Order).Select(p =>
    {
        var factor = new RiskFactor
        {
            Id = Guid.NewGuid(), RegionId = p.RegionId, Year = year, Code = p.Code, Order = p.Order, Title = p.Title, MediumFrom = p.MediumFrom, HighFrom = p.HighFrom,
        };
        factor.Questions = p.Questions.OrderBy(q => q.Group).ThenBy(q => q.Order).Select(q => new RiskQuestion
        {
            Id = Guid.NewGuid(), RegionId = p.RegionId, FactorId = factor.Id, Group = q.Group, Order = q.Order, Text = q.Text, Weight = q.Weight, RiskWhenHigh = q.RiskWhenHigh,
        }).ToList();
        return factor;
    }).ToList();
}
