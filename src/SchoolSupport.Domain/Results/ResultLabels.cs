namespace SchoolSupport.Domain.Results;

/// <summary>Russian names of assessments and subjects, as they stand in import files, exports and on pages.</summary>
public static class ResultLabels
{
    public static string Kind(AssessmentKind value) => value switch
    {
        AssessmentKind.Vpr => "ВПР",
        AssessmentKind.Oge => "ОГЭ",
        AssessmentKind.Ege => "ЕГЭ",
        AssessmentKind.Regional => "РДР",
        AssessmentKind.Niko => "НИКО",
        _ => value.ToString(),
    };

    public static string Subject(Subject value) => value switch
    {
        Results.Subject.Russian => "Русский язык",
        Results.Subject.Mathematics => "Математика",
        Results.Subject.Physics => "Физика",
        Results.Subject.Chemistry => "Химия",
        Results.Subject.Biology => "Биология",
        Results.Subject.History => "История",
        Results.Subject.SocialStudies => "Обществознание",
        Results.Subject.Geography => "География",
        Results.Subject.Literature => "Литература",
        Results.Subject.ForeignLanguage => "Иностранный язык",
        Results.Subject.Informatics => "Информатика",
        Results.Subject.WorldAround => "Окружающий мир",
        _ => value.ToString(),
    };
}
