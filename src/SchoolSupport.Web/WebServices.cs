using SchoolSupport.Domain.Common;
using SchoolSupport.Web.Development;
using SchoolSupport.Web.Documents;
using SchoolSupport.Web.Identification;
using SchoolSupport.Web.Mentoring;
using SchoolSupport.Web.Monitoring;
using SchoolSupport.Web.Partnerships;
using SchoolSupport.Web.Roadmaps;
using SchoolSupport.Web.Schools;

namespace SchoolSupport.Web;

/// <summary>The HTTP endpoints of every capability (downloads, exports), mapped in one place.</summary>
public static class WebServices
{
    public static IServiceCollection AddWebServices(this IServiceCollection services)
    {
        services.AddScoped<IdentificationLauncher>();
        services.AddTransient<YearlyIdentification>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebEndpoints(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(DownloadRules);
        downloads.MapSchoolEndpoints();
        downloads.MapIdentificationEndpoints();
        downloads.MapRoadmapEndpoints();
        downloads.MapMonitoringEndpoints();
        downloads.MapPartnershipEndpoints();
        downloads.MapMentoringEndpoints();
        downloads.MapDevelopmentEndpoints();
        downloads.MapDocumentEndpoints();
        return app;
    }

    /// <summary>
    /// Two rules for every download and export, in one place: nothing is kept in a browser's or proxy's cache (the files hold
    /// personal and school data), and an object the user's scope does not reach is simply not there: 404, like a missing id,
    /// never a 500 with a stack trace in the log.
    /// </summary>
    private static async ValueTask<object?> DownloadRules(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
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
    }
}
