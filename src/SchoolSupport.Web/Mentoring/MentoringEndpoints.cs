using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Mentoring;

public static class MentoringEndpoints
{
    /// <summary>XLSX of the consultation and feedback journals and the consultation summary, each within the user's scope.</summary>
    public static void MapMentoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/mentoring").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/journal/export.xlsx", (MentoringExports j, CancellationToken ct) =>
            FileResults.WrittenAsync(o => j.WriteJournalXlsxAsync(new ConsultationQuery(), o, ct), FileResults.Xlsx, Ui.File_ConsultationJournal));
        group.MapGet("/feedback/export.xlsx", (MentoringExports j, CancellationToken ct) =>
            FileResults.WrittenAsync(o => j.WriteFeedbackXlsxAsync(new ConsultationQuery(), o, ct), FileResults.Xlsx, Ui.File_FeedbackJournal));
        group.MapGet("/summary/export.xlsx", (MentoringExports j, TimeProvider clock, int? year, CancellationToken ct) =>
        {
            var y = year ?? clock.Today().Year;
            return FileResults.WrittenAsync(o => j.WriteSummaryXlsxAsync(y, o, ct), FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_ConsultationSummary, y));
        });
    }
}
