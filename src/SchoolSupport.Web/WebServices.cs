using SchoolSupport.Web.Identification;
using SchoolSupport.Web.Monitoring;
using SchoolSupport.Web.Partnerships;
using SchoolSupport.Web.Risks;
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
        app.MapSchoolEndpoints();
        app.MapIdentificationEndpoints();
        app.MapRoadmapEndpoints();
        app.MapMonitoringEndpoints();
        app.MapPartnershipEndpoints();
        app.MapRiskEndpoints();
        return app;
    }
}
