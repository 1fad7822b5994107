using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Web.Schools;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Risks;

public static class RiskEndpoints
{
    /// <summary>The risk profiles of the schools the user sees, for a year (optionally one municipality), as XLSX and PDF.</summary>
    public static void MapRiskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/risks/export").RequireAuthorization(Policies.SchoolData).AsDownloads();
        group.MapGet("/{year:int}.xlsx", async (int year, Guid? municipality, RiskExports exports, CancellationToken ct) =>
            Results.File(await exports.XlsxAsync(year, municipality, ct), SchoolEndpoints.XlsxType, $"Рисковые профили {year}-{year + 1}.xlsx"));
        group.MapGet("/{year:int}.pdf", async (int year, Guid? municipality, RiskExports exports, CancellationToken ct) =>
            Results.File(await exports.PdfAsync(year, municipality, ct), "application/pdf", $"Рисковые профили {year}-{year + 1}.pdf"));
    }
}
