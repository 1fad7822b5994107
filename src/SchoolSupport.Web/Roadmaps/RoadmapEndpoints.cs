using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Web.Schools;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Roadmaps;

public static class RoadmapEndpoints
{
    /// <summary>Plan exports and document downloads. The services check the user's scope; an unseen object is a 404.</summary>
    public static void MapRoadmapEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/roadmaps/{id:guid}/export.pdf", ExportPdf);
        group.MapGet("/roadmaps/{id:guid}/export.xlsx", ExportXlsx);
        group.MapGet("/documents/files/{versionId:guid}", Download);
    }

    private static async Task<IResult> ExportPdf(Guid id, PlanExport export, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var (found, name) = await export.WritePdfAsync(id, stream, ct);
        if (!found) return Results.NotFound();
        stream.Position = 0;
        return Results.File(stream, "application/pdf", name);
    }

    private static async Task<IResult> ExportXlsx(Guid id, PlanExport export, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var (found, name) = await export.WriteXlsxAsync(id, stream, ct);
        if (!found) return Results.NotFound();
        stream.Position = 0;
        return Results.File(stream, SchoolEndpoints.XlsxType, name);
    }

    /// <summary>Always as an attachment with the type found at upload (a document or an image), so nothing is run in the browser.</summary>
    private static async Task<IResult> Download(Guid versionId, DocumentLibrary library, CancellationToken ct)
    {
        var file = await library.OpenAsync(versionId, ct);
        if (file is null) return Results.NotFound();
        return Results.File(file.FullPath, file.ContentType, file.FileName);
    }
}
