using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Domain.Identification;

/// <summary>Russian labels for identification terms, used in evidence, validation messages and the UI.</summary>
public static class IdentificationLabels
{
    /// <summary>A school's status in a list, as the list, its exports and the public page name it.</summary>
    public static string ListStatus(bool lowResults, bool disadvantaged, bool included, bool watch) => (lowResults, disadvantaged) switch
    {
        (true, true) => "ШНОР и ШНСУ",
        (true, false) => "ШНОР",
        (false, true) => "ШНСУ",
        _ => included ? "по решению оператора" : watch ? "превентивное наблюдение" : "",
    };

    /// <summary>«перечень на 2026/2027 по результатам 2024–2026»: the school year the list is for and the years of results it reads.</summary>
    public static string ListYear(int year, int yearsOfResults) => yearsOfResults <= 1
        ? $"перечень на {year}/{year + 1} по результатам {year} года"
        : $"перечень на {year}/{year + 1} по результатам {year - yearsOfResults + 1}–{year}";

    public static string Band(QuartileBand band) => band switch
    {
        QuartileBand.Low => "Низкий",
        QuartileBand.BelowAverage => "Ниже среднего",
        QuartileBand.AboveAverage => "Выше среднего",
        QuartileBand.High => "Высокий",
        _ => band.ToString(),
    };

    public static string Cell(MatrixCell cell) => cell switch
    {
        MatrixCell.LowLow => "Низкие результаты в неблагоприятных условиях",
        MatrixCell.Ineffective => "Неэффективные: низкие результаты в благополучных условиях",
        MatrixCell.Resilient => "Резильентные: результаты не ниже нормы в неблагоприятных условиях",
        MatrixCell.Normal => "Норма",
        _ => cell.ToString(),
    };

    public static string Kind(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Vpr => "ВПР",
        AssessmentKind.Oge => "ОГЭ",
        AssessmentKind.Ege => "ЕГЭ",
        AssessmentKind.Regional => "региональная работа",
        AssessmentKind.Niko => "НИКО",
        _ => kind.ToString(),
    };

    /// <summary>The subject in the middle of a sentence (lower case).</summary>
    public static string Subject(Subject subject) => Titles.Of(subject).ToLowerInvariant();

    public static string Measure(AssessmentMeasure measure) => measure switch
    {
        AssessmentMeasure.MeanScore => "средний балл",
        AssessmentMeasure.BelowMinimumShare => "доля не достигших минимального балла",
        AssessmentMeasure.FailShare => "доля отметок «2»",
        _ => measure.ToString(),
    };

    public static string Profile(ProfileMeasure measure) => measure switch
    {
        ProfileMeasure.StaffingPercent => "укомплектованность кадрами, %",
        ProfileMeasure.Vacancies => "число вакансий",
        ProfileMeasure.TeachersAverageAge => "средний возраст учителей",
        ProfileMeasure.DisabledStudentsShare => "доля обучающихся с ОВЗ, %",
        ProfileMeasure.NonNativeSpeakersShare => "доля обучающихся, для которых русский язык неродной, %",
        ProfileMeasure.ParentsHigherEducationShare => "доля обучающихся, оба родителя которых имеют высшее образование, %",
        ProfileMeasure.UnemployedParentsShare => "доля обучающихся из семей с безработными родителями, %",
        ProfileMeasure.RegisteredStudentsShare => "доля обучающихся, состоящих на внутришкольном и других видах учёта, %",
        ProfileMeasure.HasInternet => "доступ к сети Интернет",
        ProfileMeasure.OlympiadShare => "доля участников олимпиад, %",
        ProfileMeasure.ContinuingToGrade10Share => "доля выпускников 9 класса, продолживших обучение в 10 классе, %",
        _ => measure.ToString(),
    };

    public static string Source(IndicatorSource source) => source switch
    {
        AssessmentSource a => $"{Kind(a.Kind)}{(a.Grade is { } g ? $", {g} класс" : "")}, {Subject(a.Subject)}: {Measure(a.Measure)}",
        ProfileSource p => Profile(p.Measure),
        _ => source.ToString(),
    };
}
