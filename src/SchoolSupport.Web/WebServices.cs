using SchoolSupport.Web.Structure;
using SchoolSupport.Web.Development;
using SchoolSupport.Web.Documents;
using SchoolSupport.Web.Identification;
using SchoolSupport.Web.Mentoring;
using SchoolSupport.Web.Monitoring;
using SchoolSupport.Web.Partnerships;
using SchoolSupport.Web.Risks;
using SchoolSupport.Web.Roadmaps;
using SchoolSupport.Web.Schools;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web;

/// <summary>The HTTP endpoints of every capability (downloads, exports), mapped in one place.</summary>
public static class WebServices
{
    public static IEndpointRouteBuilder MapWebEndpoints(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AsDownloads();
        downloads.MapSchoolEndpoints();
        downloads.MapStructureEndpoints();
        downloads.MapIdentificationEndpoints();
        downloads.MapRoadmapEndpoints();
        downloads.MapMonitoringEndpoints();
        downloads.MapPartnershipEndpoints();
        downloads.MapMentoringEndpoints();
        downloads.MapDevelopmentEndpoints();
        downloads.MapDocumentEndpoints();
        downloads.MapRiskEndpoints();
        return app;
    }
}
