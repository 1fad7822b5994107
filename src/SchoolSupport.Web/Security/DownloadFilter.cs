using SchoolSupport.Domain.Common;

namespace SchoolSupport.Web.Security;

/// <summary>
/// For a group of download endpoints, in one place: the file is not kept by the browser or a proxy (it holds the data of one
/// user's scope), an object out of the user's scope is a 404 and any other refusal a 400 with its Russian messages.
/// </summary>
public static class DownloadFilter
{
    public static RouteGroupBuilder AsDownloads(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        try
        {
            return await next(context);
        }
        catch (ScopeException)
        {
            return Results.NotFound();
        }
        catch (DomainException refusal)
        {
            return Results.Text(string.Join(Environment.NewLine, refusal.Messages), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    });
}
