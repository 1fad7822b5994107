using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Mentoring;

/// <summary>XLSX of the consultation and feedback journals and the consultation summary, each within the user's scope.</summary>
public sealed class MentoringExports(ConsultationQueries queries)
{
    public async Task WriteJournalXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(q, ct);
        XlsxExport.Write(rows, output, "Журнал консультаций",
        [
            ("Дата", r => r.Consultation.Date.ToDateTime(TimeOnly.MinValue)),
            ("Школа", r => r.School),
            ("Муниципалитет", r => r.Municipality),
            ("Наставник", r => r.Consultation.MentorName),
            ("Формат", r => Titles.Of(r.Consultation.Format)),
            ("Тема", r => r.Consultation.Topic),
            ("Продолжительность, мин", r => r.Consultation.DurationMinutes),
            ("Участников", r => r.Consultation.ParticipantsCount),
            ("Роли участников", r => r.Consultation.ParticipantRoles),
            ("Результат", r => r.Consultation.Outcome),
            ("Следующие шаги", r => string.Join("; ", r.Consultation.NextSteps.Select(s => $"{s.Text} (до {s.Deadline:dd.MM.yyyy})"))),
            ("Средняя оценка школы", r => r.AverageRating is { } a ? Math.Round(a, 2) : null),
        ]);
    }

    public async Task WriteFeedbackXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.FeedbackAsync(q, ct);
        XlsxExport.Write(rows, output, "Журнал обратной связи",
        [
            ("Дата консультации", r => r.Date.ToDateTime(TimeOnly.MinValue)),
            ("Школа", r => r.School),
            ("Тема", r => r.Topic),
            ("Наставник", r => r.Mentor),
            ("Автор отзыва", r => r.UserName),
            ("Оценка", r => r.Rating),
            ("Комментарий", r => r.Comment),
        ]);
    }

    public async Task WriteSummaryXlsxAsync(int year, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.SummaryAsync(year, ct);
        var months = System.Globalization.CultureInfo.GetCultureInfo("ru-RU").DateTimeFormat.MonthNames;
        var columns = new List<(string, Func<SchoolConsultations, object?>)>
        {
            ("Муниципалитет", r => r.Municipality),
            ("Школа", r => r.School),
        };
        for (var m = 0; m < 12; m++)
        {
            var month = m;
            columns.Add((months[m], r => r.ByMonth[month]));
        }
        columns.Add(("Всего", r => r.Total));
        columns.Add(("Последняя консультация", r => r.Last?.ToDateTime(TimeOnly.MinValue)));
        columns.Add(($"Нет консультаций более {queries.DaysWithoutConsultation} дн.", r => r.Highlighted ? "да" : "нет"));
        XlsxExport.Write(rows, output, $"Консультации {year}", columns);
    }
}
