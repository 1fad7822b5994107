using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Development;

public static class DevelopmentEndpoints
{
    /// <summary>The XLSX of PD applications and attendance of the schools the user sees.</summary>
    public static void MapDevelopmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/development").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/applications.xlsx", (ProfessionalDevelopment d, CancellationToken ct) =>
            FileResults.WrittenAsync(o => d.WriteApplicationsXlsxAsync(o, ct), FileResults.Xlsx, Ui.File_Applications));
    }
}
