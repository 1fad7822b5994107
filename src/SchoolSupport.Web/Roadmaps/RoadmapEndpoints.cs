using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Roadmaps;

public static class RoadmapEndpoints
{
    /// <summary>Plan exports. The use case checks the user's scope; an unseen plan is a 404.</summary>
    public static void MapRoadmapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/roadmaps").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/{id:guid}/export.pdf", (Guid id, PlanExport export, CancellationToken ct) =>
            FileResults.WrittenIfFoundAsync(o => export.WritePdfAsync(id, o, ct), FileResults.Pdf));
        group.MapGet("/{id:guid}/export.xlsx", (Guid id, PlanExport export, CancellationToken ct) =>
            FileResults.WrittenIfFoundAsync(o => export.WriteXlsxAsync(id, o, ct), FileResults.Xlsx));
    }
}
