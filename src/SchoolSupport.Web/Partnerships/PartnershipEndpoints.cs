using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Partnerships;

public static class PartnershipEndpoints
{
    /// <summary>The XLSX of the partnerships the user sees.</summary>
    public static void MapPartnershipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/partnerships/export.xlsx", (PartnershipExports s, CancellationToken ct) =>
            FileResults.WrittenAsync(o => s.WriteXlsxAsync(o, ct), FileResults.Xlsx, Ui.File_Partnerships));
    }
}
