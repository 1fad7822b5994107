using Microsoft.AspNetCore.Authorization;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Web.Security;

/// <summary>Every authorization policy of the portal, in one table. Pages and endpoints name these, never raw roles.</summary>
public static class Policies
{
    /// <summary>The regional administrator: users, the region's structure (municipalities, districts), the school registry import.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>Above the regions: creates and edits regions; no other policy names this role, so it sees no regional data.</summary>
    public const string PlatformAdmin = nameof(PlatformAdmin);
    /// <summary>Admin and operators: the job dashboard, imports, identification runs.</summary>
    public const string Operators = nameof(Operators);
    /// <summary>Ministry staff: approve lists, criteria, the regional roadmap.</summary>
    public const string Ministry = nameof(Ministry);
    /// <summary>Regional staff who read everything in the region.</summary>
    public const string Regional = nameof(Regional);
    /// <summary>Anyone who works with schools' data: everyone but a bare Admin.</summary>
    public const string SchoolData = nameof(SchoolData);
    public const string Municipal = nameof(Municipal);
    public const string SchoolTeam = nameof(SchoolTeam);
    public const string Mentor = nameof(Mentor);
    /// <summary>Those who draft plans: the school team, the municipal coordinator, the operator (regional roadmap).</summary>
    public const string PlanAuthors = nameof(PlanAuthors);
    /// <summary>Regional staff who keep the template of school programme sections.</summary>
    public const string PlanTemplates = nameof(PlanTemplates);
    /// <summary>Those who set the monitoring calendar and indicator targets: the ministry and operators.</summary>
    public const string MonitoringEditors = nameof(MonitoringEditors);
    /// <summary>The region's monitoring calendar: the regional administrator, the ministry and operators.</summary>
    public const string CalendarEditors = nameof(CalendarEditors);
    /// <summary>Regional staff who keep the risk factors, questionnaires and the risk settings (key-risk limit, review and decision dates).</summary>
    public const string RiskSetup = nameof(RiskSetup);
    /// <summary>The methodology workbench of the region: trial runs and saved trials (operators and the ministry).</summary>
    public const string Workbench = nameof(Workbench);
    /// <summary>The decision dashboards: regional staff for the region, a municipal coordinator for its municipality.</summary>
    public const string Dashboards = nameof(Dashboards);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(Operators, p => p.RequireRole(Roles.Admin, Roles.Operator));
        options.AddPolicy(Ministry, p => p.RequireRole(Roles.Ministry));
        options.AddPolicy(Regional, p => p.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator));
        options.AddPolicy(SchoolData, p => p.RequireRole(Roles.Ministry, Roles.Operator, Roles.Municipal, Roles.School, Roles.Mentor, Roles.Admin));
        options.AddPolicy(Municipal, p => p.RequireRole(Roles.Municipal));
        options.AddPolicy(SchoolTeam, p => p.RequireRole(Roles.School));
        options.AddPolicy(Mentor, p => p.RequireRole(Roles.Mentor));
        options.AddPolicy(PlanAuthors, p => p.RequireRole(Roles.Operator, Roles.Municipal, Roles.School));
        options.AddPolicy(PlanTemplates, p => p.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator));
        options.AddPolicy(MonitoringEditors, p => p.RequireRole(Roles.Ministry, Roles.Operator));
        options.AddPolicy(CalendarEditors, p => p.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator));
        options.AddPolicy(RiskSetup, p => p.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator));
        options.AddPolicy(Workbench, p => p.RequireRole(Roles.Ministry, Roles.Operator));
        options.AddPolicy(Dashboards, p => p.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator, Roles.Municipal));
    }
}
