using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Monitoring;

public static class MonitoringEndpoints
{
    /// <summary>The stage analytical note and the annual report, for regional staff; an unknown stage or year is a 404.</summary>
    public static void MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/monitoring/reports").RequireAuthorization(Policies.Regional);
        group.MapGet("/stage/{id:guid}.pdf", async (Guid id, MonitoringReports reports, CancellationToken ct) =>
            FileResults.Bytes(await reports.StagePdfAsync(id, ct), FileResults.Pdf, Ui.File_StageReport));
        group.MapGet("/stage/{id:guid}.xlsx", async (Guid id, MonitoringReports reports, CancellationToken ct) =>
            FileResults.Bytes(await reports.StageXlsxAsync(id, ct), FileResults.Xlsx, Ui.File_StageTasks));
        group.MapGet("/annual/{year:int}.pdf", async (int year, MonitoringReports reports, CancellationToken ct) =>
            FileResults.Bytes(await reports.AnnualPdfAsync(year, ct), FileResults.Pdf, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_AnnualReport, year)));
        group.MapGet("/annual/{year:int}.xlsx", async (int year, MonitoringReports reports, CancellationToken ct) =>
            FileResults.Bytes(await reports.AnnualXlsxAsync(year, ct), FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_AnnualIndicators, year)));

        // The decision dashboard as filtered on the page (same query string); a municipality out of scope is a 404.
        var dashboards = app.MapGroup("/monitoring/overview").RequireAuthorization(Policies.Dashboards);
        dashboards.MapGet("/export.xlsx", async (int? year, Guid? municipality, RankingSort? sort, bool? asc, DecisionDashboardExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(new DashboardFilter(year, municipality, sort ?? RankingSort.Listed, asc ?? false), ct), FileResults.Xlsx, Ui.File_Dashboard + ".xlsx"));
        dashboards.MapGet("/export.pdf", async (int? year, Guid? municipality, RankingSort? sort, bool? asc, DecisionDashboardExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(new DashboardFilter(year, municipality, sort ?? RankingSort.Listed, asc ?? false), ct), FileResults.Pdf, Ui.File_Dashboard + ".pdf"));
    }
}
