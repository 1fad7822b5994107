using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Identification;

public static class IdentificationEndpoints
{
    public static void MapIdentificationEndpoints(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/lists").RequireAuthorization(Policies.SchoolData);
        lists.MapGet("/{id:guid}/list.pdf", async (Guid id, ListExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(id, ct), FileResults.Pdf, Ui.File_List + ".pdf"));
        lists.MapGet("/{id:guid}/list.xlsx", async (Guid id, ListExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(id, ct), FileResults.Xlsx, Ui.File_List + ".xlsx"));

        var trials = app.MapGroup("/identification/trials").RequireAuthorization(Policies.Workbench);
        trials.MapGet("/{id:guid}/trial.pdf", async (Guid id, TrialExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.PdfAsync(id, ct), FileResults.Pdf, Ui.File_Trial + ".pdf"));
        trials.MapGet("/{id:guid}/trial.xlsx", async (Guid id, TrialExports exports, CancellationToken ct) =>
            FileResults.Bytes(await exports.XlsxAsync(id, ct), FileResults.Xlsx, Ui.File_Trial + ".xlsx"));
    }
}
