using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Documents;

public static class DocumentEndpoints
{
    /// <summary>A document version's file. The library checks the user's scope; an unseen file is a 404.</summary>
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/documents").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/files/{versionId:guid}", Download);
    }

    /// <summary>Always as an attachment with the type found at upload (a document or an image), so nothing is run in the browser.</summary>
    private static async Task<IResult> Download(Guid versionId, DocumentLibrary library, CancellationToken ct)
    {
        var file = await library.OpenAsync(versionId, ct);
        return file is null ? Results.NotFound() : Results.File(file.FullPath, file.ContentType, file.FileName);
    }
}
