using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Risks;

public static class RiskEndpoints
{
    /// <summary>The risk profiles of the schools the user sees, for a year (optionally one municipality), as XLSX and PDF.</summary>
    public static void MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/risks/export").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/{year:int}.xlsx", async (int year, Guid? municipality, RiskExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(year, municipality, ct), FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_RiskProfiles, year, year + 1, "xlsx")));
        group.MapGet("/{year:int}.pdf", async (int year, Guid? municipality, RiskExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(year, municipality, ct), FileResults.Pdf, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_RiskProfiles, year, year + 1, "pdf")));
    }
}
