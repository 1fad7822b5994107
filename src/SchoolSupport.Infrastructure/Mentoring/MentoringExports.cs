using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

/// <summary>XLSX of the consultation and feedback journals and the consultation summary, each within the user's scope.</summary>
public sealed class MentoringExports(ConsultationQueries queries)
{
    public async Task WriteJournalXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.ListAsync(q, ct);
        XlsxExport.Write(rows, output, InfraText.MentoringExport_Journal,
        [
            (InfraText.Common_Date, r => r.Consultation.Date.ToDateTime(TimeOnly.MinValue)),
            (InfraText.Common_School, r => r.School),
            (InfraText.Common_Municipality, r => r.Municipality),
            (InfraText.MentoringExport_Mentor, r => r.Consultation.MentorName),
            (InfraText.MentoringExport_Format, r => Titles.Of(r.Consultation.Format)),
            (InfraText.MentoringExport_Topic, r => r.Consultation.Topic),
            (InfraText.MentoringExport_Duration, r => r.Consultation.DurationMinutes),
            (InfraText.Import_ColumnParticipants, r => r.Consultation.ParticipantsCount),
            (InfraText.MentoringExport_Roles, r => r.Consultation.ParticipantRoles),
            (InfraText.MentoringExport_Result, r => r.Consultation.Outcome),
            (InfraText.MentoringExport_NextSteps, r => string.Join("; ", r.Consultation.NextSteps.Select(s => InfraFormat.Of(InfraText.MentoringExport_StepDue, s.Text, s.Deadline)))),
            (InfraText.MentoringExport_AverageRating, r => r.AverageRating is { } a ? Math.Round(a, 2) : null),
        ]);
    }

    public async Task WriteFeedbackXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.FeedbackAsync(q, ct);
        XlsxExport.Write(rows, output, InfraText.MentoringExport_FeedbackJournal,
        [
            (InfraText.MentoringExport_ConsultationDate, r => r.Date.ToDateTime(TimeOnly.MinValue)),
            (InfraText.Common_School, r => r.School),
            (InfraText.MentoringExport_Topic, r => r.Topic),
            (InfraText.MentoringExport_Mentor, r => r.Mentor),
            (InfraText.MentoringExport_FeedbackAuthor, r => r.UserName),
            (InfraText.Common_Rating, r => r.Rating),
            (InfraText.MentoringExport_Comment, r => r.Comment),
        ]);
    }

    public async Task WriteSummaryXlsxAsync(int year, Stream output, CancellationToken ct = default)
    {
        var rows = await queries.SummaryAsync(year, ct);
        var months = System.Globalization.CultureInfo.GetCultureInfo("ru-RU").DateTimeFormat.MonthNames;
        var columns = new List<(string, Func<SchoolConsultations, object?>)>
        {
            (InfraText.Common_Municipality, r => r.Municipality),
            (InfraText.Common_School, r => r.School),
        };
        for (var m = 0; m < 12; m++)
        {
            var month = m;
            columns.Add((months[m], r => r.ByMonth[month]));
        }
        columns.Add((InfraText.Common_Total, r => r.Total));
        columns.Add((InfraText.MentoringExport_LastConsultation, r => r.Last?.ToDateTime(TimeOnly.MinValue)));
        columns.Add((InfraFormat.Of(InfraText.MentoringExport_NoConsultationsDays, queries.DaysWithoutConsultation), r => r.Highlighted ? InfraText.Common_Yes : InfraText.Common_No));
        XlsxExport.Write(rows, output, InfraFormat.Of(InfraText.MentoringExport_FileName, year), columns);
    }
}
