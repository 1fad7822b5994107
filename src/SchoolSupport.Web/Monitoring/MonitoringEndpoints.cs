using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Web.Schools;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Monitoring;

public static class MonitoringEndpoints
{
    /// <summary>The stage analytical note and the annual report, for regional staff; an unknown stage or year is a 404.</summary>
    public static void MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monitoring/reports").RequireAuthorization(Policies.Regional);
        group.MapGet("/stage/{id:guid}.pdf", async (Guid id, MonitoringReports reports, CancellationToken ct) =>
            File(await reports.StagePdfAsync(id, ct), "application/pdf", "Аналитическая справка по этапу мониторинга.pdf"));
        group.MapGet("/stage/{id:guid}.xlsx", async (Guid id, MonitoringReports reports, CancellationToken ct) =>
            File(await reports.StageXlsxAsync(id, ct), SchoolEndpoints.XlsxType, "Задачи этапа мониторинга.xlsx"));
        group.MapGet("/annual/{year:int}.pdf", async (int year, MonitoringReports reports, CancellationToken ct) =>
            File(await reports.AnnualPdfAsync(year, ct), "application/pdf", $"Отчёт о мониторинге {year}.pdf"));
        group.MapGet("/annual/{year:int}.xlsx", async (int year, MonitoringReports reports, CancellationToken ct) =>
            File(await reports.AnnualXlsxAsync(year, ct), SchoolEndpoints.XlsxType, $"Показатели мониторинга {year}.xlsx"));
    }

    private static IResult File(byte[]? content, string type, string name) =>
        content is null ? Results.NotFound() : Results.File(content, type, name);
}
