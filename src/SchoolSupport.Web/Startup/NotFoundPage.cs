using Microsoft.AspNetCore.Diagnostics;

namespace SchoolSupport.Web.Startup;

public static class NotFoundPage
{
    /// <summary>
    /// A bare 404 (an unknown address, a download of an id that is missing or out of the user's scope) shows the Russian
    /// «не найдено» page with a link home, keeping the 404 status. Other bare status codes (a 403 of the job dashboard,
    /// a 400 of a bad antiforgery token) and non-GET requests stay as they are.
    /// </summary>
    public static IApplicationBuilder UseNotFoundPage(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app.Use(async (context, next) =>
        {
            await next();
            var notFoundPage = context.Response.StatusCode == StatusCodes.Status404NotFound && HttpMethods.IsGet(context.Request.Method);
            if (!notFoundPage && context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        });
    }
}
