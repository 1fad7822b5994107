using SchoolSupport.Domain.Results;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// Starting methodologies drawn from the source documents. The documents name the indicators and the shape of the
/// rules but give no numbers: every weight, threshold and percentile here is a configuration default for the tenant
/// to review, not a figure from the documents.
/// </summary>
public static class DefaultMethodologies
{
    /// <summary>
    /// Kirov region (appendix 2 to the РСОКО model): ШНОР are schools with stably low ВПР, ОГЭ and ЕГЭ results in
    /// Russian and mathematics over the last 3 years, low olympiad participation and low progression to grade 10;
    /// ШНСУ are schools lacking resources (staff) or with a difficult social contingent.
    /// Defaults: ШНОР when the share below the minimum score in ОГЭ/ЕГЭ Russian or mathematics exceeds 10 % in each
    /// of 3 years, or the ИОР is in the lowest quartile in each of 3 years; ШНСУ when the entered ИСБ is in the lowest
    /// quartile or staffing ≤ 80 % or ≥ 3 vacancies; watch when the ИОР falls by 0.15 or more.
    /// </summary>
    public static Methodology Kirov(int year) => new()
    {
        Name = "Кировская область: выявление ШНОР и ШНСУ (значения по умолчанию)",
        Version = 1,
        Year = year,
        Indicators =
        [
            // ВПР raw scores are not comparable across grades, the share of «2» is.
            Assessment("vpr-ru-fail", "ВПР, русский язык: доля отметок «2»", AssessmentKind.Vpr, null, Subject.Russian, AssessmentMeasure.FailShare, Direction.LowerIsBetter),
            Assessment("vpr-math-fail", "ВПР, математика: доля отметок «2»", AssessmentKind.Vpr, null, Subject.Mathematics, AssessmentMeasure.FailShare, Direction.LowerIsBetter),
            .. GiaIndicators(),
            new IndicatorDefinition
            {
                Id = "olympiad",
                Title = "Доля участников олимпиад",
                Source = new ProfileSource(ProfileMeasure.OlympiadShare),
                Weight = 0.5,
            },
            new IndicatorDefinition
            {
                Id = "grade10",
                Title = "Доля выпускников 9 класса, продолживших обучение в 10 классе",
                Source = new ProfileSource(ProfileMeasure.ContinuingToGrade10Share),
                Weight = 0.5,
            },
        ],
        SocialIndex = new SocialIndexDefinition
        {
            Mode = SocialIndexMode.Entered,
            Inputs = ContingentInputs(),
        },
        Rules = new IdentificationRules
        {
            LowResults =
            [
                new BelowMinimumAbove
                {
                    Kinds = [AssessmentKind.Oge, AssessmentKind.Ege],
                    Subjects = [Subject.Russian, Subject.Mathematics],
                    ThresholdPercent = 10,
                    Years = 3,
                    Aggregation = BelowMinimumAggregation.AnySubject,
                },
                new LowestQuartileForYears { Years = 3, Percentile = 10 },
            ],
            Disadvantaged =
            [
                // The lowest decile, not quartile: the list should hold the schools most in need, about a tenth of a region.
                new SocialIndexLowestQuartile { Percentile = 10 },
                new ResourceDeficit { MaxStaffingPercent = 75, MinVacancies = 4 },
            ],
            Watch = [new NegativeDynamics { Drop = 0.15 }],
        },
    };

    /// <summary>
    /// Zernograd district (order 206 of 31.05.2021): ИОР 0..1 with quartile bands from ГИА indicators; a school is ШНОР
    /// by the reporting year's ИОР (lowest quartile) or by a high total share below the minimum score in ГИА over the
    /// last three years; ИСБ weights come from a regression on results. Defaults: 10 % pooled share for 3 years,
    /// ИСБ fitted on the contingent inputs and staffing, watch when the ИОР falls by 0.15 or more.
    /// </summary>
    public static Methodology Zernograd(int year) => new()
    {
        Name = "Зерноградский район: ИОР и ИСБ (значения по умолчанию)",
        Version = 1,
        Year = year,
        Indicators = GiaIndicators(),
        SocialIndex = new SocialIndexDefinition
        {
            Mode = SocialIndexMode.FittedByRegression,
            // Entered weights are only the fallback when the regression cannot be fitted.
            Inputs = [.. ContingentInputs(), new SocialInput(ProfileMeasure.StaffingPercent, 0.5)],
        },
        Rules = new IdentificationRules
        {
            LowResults =
            [
                new LowestQuartileForYears { Years = 1 },
                new BelowMinimumAbove
                {
                    Kinds = [AssessmentKind.Oge, AssessmentKind.Ege],
                    Subjects = [Subject.Russian, Subject.Mathematics],
                    ThresholdPercent = 10,
                    Years = 3,
                    Aggregation = BelowMinimumAggregation.Pooled,
                },
            ],
            Disadvantaged = [new SocialIndexLowestQuartile()],
            Watch = [new NegativeDynamics { Drop = 0.15 }],
        },
    };

    /// <summary>ОГЭ (grade 9) and ЕГЭ (grade 11) in Russian and mathematics: mean score and share below the minimum.</summary>
    private static IndicatorDefinition[] GiaIndicators() =>
    [
        Assessment("oge-ru-mean", "ОГЭ, русский язык: средний балл", AssessmentKind.Oge, 9, Subject.Russian, AssessmentMeasure.MeanScore, Direction.HigherIsBetter),
        Assessment("oge-math-mean", "ОГЭ, математика: средний балл", AssessmentKind.Oge, 9, Subject.Mathematics, AssessmentMeasure.MeanScore, Direction.HigherIsBetter),
        Assessment("oge-ru-below", "ОГЭ, русский язык: доля не достигших минимального балла", AssessmentKind.Oge, 9, Subject.Russian, AssessmentMeasure.BelowMinimumShare, Direction.LowerIsBetter),
        Assessment("oge-math-below", "ОГЭ, математика: доля не достигших минимального балла", AssessmentKind.Oge, 9, Subject.Mathematics, AssessmentMeasure.BelowMinimumShare, Direction.LowerIsBetter),
        Assessment("ege-ru-mean", "ЕГЭ, русский язык: средний балл", AssessmentKind.Ege, 11, Subject.Russian, AssessmentMeasure.MeanScore, Direction.HigherIsBetter),
        Assessment("ege-math-mean", "ЕГЭ, математика: средний балл", AssessmentKind.Ege, 11, Subject.Mathematics, AssessmentMeasure.MeanScore, Direction.HigherIsBetter),
        Assessment("ege-ru-below", "ЕГЭ, русский язык: доля не достигших минимального балла", AssessmentKind.Ege, 11, Subject.Russian, AssessmentMeasure.BelowMinimumShare, Direction.LowerIsBetter),
        Assessment("ege-math-below", "ЕГЭ, математика: доля не достигших минимального балла", AssessmentKind.Ege, 11, Subject.Mathematics, AssessmentMeasure.BelowMinimumShare, Direction.LowerIsBetter),
    ];

    /// <summary>The social-index components named by the Volgograd model (seed 003), higher-is-worse ones negative.</summary>
    private static SocialInput[] ContingentInputs() =>
    [
        new(ProfileMeasure.ParentsHigherEducationShare, 1),
        new(ProfileMeasure.UnemployedParentsShare, -1),
        new(ProfileMeasure.RegisteredStudentsShare, -1),
    ];

    private static IndicatorDefinition Assessment(
        string id, string title, AssessmentKind kind, int? grade, Subject subject, AssessmentMeasure measure, Direction direction) =>
        new()
        {
            Id = id,
            Title = title,
            Source = new AssessmentSource(kind, subject, measure, grade),
            Weight = 1,
            Direction = direction,
        };
}
