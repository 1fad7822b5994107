using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Tests.Identification;

/// <summary>Small hand-built regions for identification tests.</summary>
internal static class IdentificationData
{
    public static readonly IndicatorDefinition OgeMathMean = new()
    {
        Id = "oge-math-mean",
        Title = "ОГЭ, математика: средний балл",
        Source = new AssessmentSource(AssessmentKind.Oge, Subject.Mathematics, AssessmentMeasure.MeanScore, 9),
    };

    /// <summary>
    /// One indicator (ОГЭ maths mean score), so a school's ИОР is simply (score − min) / (max − min) and the hand
    /// computations stay short. ИСБ = share of parents with higher education − share of unemployed parents.
    /// </summary>
    public static Methodology Methodology(
        IReadOnlyList<LowResultsRule> lowResults,
        IReadOnlyList<DisadvantagedRule>? disadvantaged = null,
        IReadOnlyList<WatchRule>? watch = null,
        SocialIndexDefinition? social = null,
        IReadOnlyList<IndicatorDefinition>? indicators = null) => new()
    {
        Name = "Тестовая методика",
        Year = 2025,
        Indicators = indicators ?? [OgeMathMean],
        SocialIndex = social ?? new SocialIndexDefinition
        {
            Inputs =
            [
                new SocialInput(ProfileMeasure.ParentsHigherEducationShare, 1),
                new SocialInput(ProfileMeasure.UnemployedParentsShare, -1),
            ],
        },
        Rules = new IdentificationRules
        {
            LowResults = lowResults,
            Disadvantaged = disadvantaged ?? [],
            Watch = watch ?? [],
        },
    };

    /// <summary>Schools whose only data is an ОГЭ maths mean score per year: scores[school][yearOffset] from firstYear.</summary>
    public static SchoolInput[] SchoolsWithScores(int firstYear, params double[][] scores) =>
        scores.Select(perYear =>
        {
            var school = new SchoolData();
            for (var y = 0; y < perYear.Length; y++)
            {
                school.OgeMath(firstYear + y, perYear[y]);
            }
            return school.Build();
        }).ToArray();
}

internal sealed class SchoolData
{
    private readonly List<ResultRow> _rows = [];
    private readonly List<SchoolYearProfile> _profiles = [];
    private PreviousStatus? _previous;

    public Guid Id { get; } = Guid.NewGuid();

    public SchoolData Row(int year, AssessmentKind kind, int grade, Subject subject, int participants = 20,
        double mean = 0, double belowMinimum = 0, double fail = 0)
    {
        _rows.Add(new ResultRow(year, kind, grade, subject, participants, mean, belowMinimum, fail));
        return this;
    }

    public SchoolData OgeMath(int year, double mean, double belowMinimum = 0, int participants = 20) =>
        Row(year, AssessmentKind.Oge, 9, Subject.Mathematics, participants, mean, belowMinimum);

    public SchoolData Profile(int year, decimal parentsHigherEducation = 0, decimal unemployed = 0,
        decimal registered = 0, decimal staffing = 100, int vacancies = 0, decimal olympiads = 0, decimal grade10 = 0)
    {
        _profiles.Add(new SchoolYearProfile
        {
            Year = year,
            ParentsHigherEducationShare = parentsHigherEducation,
            UnemployedParentsShare = unemployed,
            RegisteredStudentsShare = registered,
            StaffingPercent = staffing,
            Vacancies = vacancies,
            OlympiadShare = olympiads,
            ContinuingToGrade10Share = grade10,
        });
        return this;
    }

    public SchoolData Previously(bool lowResults, bool disadvantaged = false)
    {
        _previous = new PreviousStatus(lowResults, disadvantaged, lowResults || disadvantaged);
        return this;
    }

    /// <summary>In last year's list by the operator's decision alone: no rule fired for it.</summary>
    public SchoolData AddedByOperatorLastYear()
    {
        _previous = new PreviousStatus(false, false, Listed: true);
        return this;
    }

    public SchoolInput Build() => new(Id, _rows.ToArray(), _profiles.ToArray(), _previous);
}
