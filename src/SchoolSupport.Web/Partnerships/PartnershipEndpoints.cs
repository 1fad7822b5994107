using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Web.Components.Shared;
using SchoolSupport.Web.Schools;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Partnerships;

public static class PartnershipEndpoints
{
    /// <summary>XLSX exports of partnerships, the consultation and feedback journals, the consultation summary and PD applications, each within the user's scope.</summary>
    public static void MapPartnershipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/partnerships/export.xlsx", (PartnershipService s, CancellationToken ct) => Xlsx("Партнёрства.xlsx", o => s.WriteXlsxAsync(o, ct)));
        group.MapGet("/mentoring/journal/export.xlsx", (ConsultationJournal j, CancellationToken ct) =>
            Xlsx("Журнал консультаций.xlsx", o => j.WriteJournalXlsxAsync(new ConsultationQuery(), o, ct)));
        group.MapGet("/mentoring/feedback/export.xlsx", (ConsultationJournal j, CancellationToken ct) =>
            Xlsx("Журнал обратной связи.xlsx", o => j.WriteFeedbackXlsxAsync(new ConsultationQuery(), o, ct)));
        group.MapGet("/mentoring/summary/export.xlsx", (ConsultationJournal j, TimeProvider clock, int? year, CancellationToken ct) =>
        {
            var y = year ?? clock.Today().Year;
            return Xlsx($"Консультации по школам {y}.xlsx", o => j.WriteSummaryXlsxAsync(y, o, ct));
        });
        group.MapGet("/development/applications.xlsx", (ProfessionalDevelopment d, CancellationToken ct) =>
            Xlsx("Заявки на повышение квалификации.xlsx", o => d.WriteApplicationsXlsxAsync(o, ct)));
    }

    private static async Task<IResult> Xlsx(string name, Func<Stream, Task> write)
    {
        var stream = new MemoryStream();
        await write(stream);
        stream.Position = 0;
        return Results.File(stream, SchoolEndpoints.XlsxType, name);
    }
}
