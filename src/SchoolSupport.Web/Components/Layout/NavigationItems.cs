using MudBlazor;
using SchoolSupport.Web.Resources;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Components.Layout;

public sealed record NavigationItem(string Href, string Title, string Icon, string Policy, string Group = "");

/// <summary>
/// The menu: each capability's entry page, the policy that shows it (a page's own [Authorize] must name the same policy)
/// and the group it stands in; an empty group puts the entry at the top level.
/// </summary>
public static class NavigationItems
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("/notifications", Ui.Nav_Notifications, Icons.Material.Filled.Notifications, Policies.SchoolData),
        new("/schools", Ui.Nav_Schools, Icons.Material.Filled.School, Policies.SchoolData, Ui.Nav_Group_Data),
        new("/results", Ui.Nav_Results, Icons.Material.Filled.Assessment, Policies.SchoolData, Ui.Nav_Group_Data),
        new("/import", Ui.Nav_Import, Icons.Material.Filled.UploadFile, Policies.Operators, Ui.Nav_Group_Data),
        new("/identification", Ui.Nav_Identification, Icons.Material.Filled.Calculate, Policies.Regional, Ui.Nav_Group_Identification),
        new("/identification/trial", Ui.Nav_Trial, Icons.Material.Filled.Science, Policies.Workbench, Ui.Nav_Group_Identification),
        new("/identification/matrix", Ui.Nav_Matrix, Icons.Material.Filled.ScatterPlot, Policies.Regional, Ui.Nav_Group_Identification),
        new("/lists", Ui.Nav_Lists, Icons.Material.Filled.ListAlt, Policies.SchoolData, Ui.Nav_Group_Identification),
        new("/roadmaps", Ui.Nav_Roadmaps, Icons.Material.Filled.Map, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/documents", Ui.Nav_Documents, Icons.Material.Filled.Folder, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/partnerships", Ui.Nav_Partnerships, Icons.Material.Filled.Handshake, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/mentoring", Ui.Nav_Mentoring, Icons.Material.Filled.SupervisorAccount, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/mentoring/journal", Ui.Nav_Journal, Icons.Material.Filled.MenuBook, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/development", Ui.Nav_Development, Icons.Material.Filled.CastForEducation, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/practices", Ui.Nav_Practices, Icons.Material.Filled.EmojiObjects, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/calendar", Ui.Nav_Calendar, Icons.Material.Filled.CalendarMonth, Policies.SchoolData, Ui.Nav_Group_Support),
        new("/risks", Ui.Nav_Risks, Icons.Material.Filled.Warning, Policies.SchoolData, Ui.Nav_Group_Risks),
        new("/risks/profile", Ui.Nav_RiskProfileForm, Icons.Material.Filled.FactCheck, Policies.SchoolTeam, Ui.Nav_Group_Risks),
        new("/risks/reviews", Ui.Nav_RiskReviews, Icons.Material.Filled.RateReview, Policies.SchoolData, Ui.Nav_Group_Risks),
        new("/risks/decisions", Ui.Nav_RiskDecisions, Icons.Material.Filled.Gavel, Policies.SchoolData, Ui.Nav_Group_Risks),
        new("/risks/setup", Ui.Nav_RiskSetup, Icons.Material.Filled.Tune, Policies.RiskSetup, Ui.Nav_Group_Risks),
        new("/monitoring/overview", Ui.Nav_Overview, Icons.Material.Filled.Dashboard, Policies.Dashboards, Ui.Nav_Group_Monitoring),
        new("/monitoring/dashboard", Ui.Nav_MonitoringDashboard, Icons.Material.Filled.Insights, Policies.SchoolData, Ui.Nav_Group_Monitoring),
        new("/monitoring/tasks", Ui.Nav_MonitoringTasks, Icons.Material.Filled.TaskAlt, Policies.SchoolData, Ui.Nav_Group_Monitoring),
        new("/monitoring/indicators", Ui.Nav_MonitoringIndicators, Icons.Material.Filled.Flag, Policies.Regional, Ui.Nav_Group_Monitoring),
        new("/monitoring/calendar", Ui.Nav_MonitoringCalendar, Icons.Material.Filled.CalendarMonth, Policies.CalendarEditors, Ui.Nav_Group_Monitoring),
        new("/admin/users", Ui.Nav_Users, Icons.Material.Filled.People, Policies.Admin, Ui.Nav_Group_Admin),
        new("/admin/new-year", Ui.Nav_NewSchoolYear, Icons.Material.Filled.EventRepeat, Policies.Admin, Ui.Nav_Group_Admin),
        new("/admin/audit", Ui.Nav_Audit, Icons.Material.Filled.History, Policies.Regional, Ui.Nav_Group_Admin),
        new("/admin/structure", Ui.Nav_Structure, Icons.Material.Filled.AccountTree, Policies.Admin, Ui.Nav_Group_Admin),
        new("/admin/registry", Ui.Nav_RegistryImport, Icons.Material.Filled.DriveFolderUpload, Policies.Admin, Ui.Nav_Group_Admin),
        new("/platform/regions", Ui.Nav_Regions, Icons.Material.Filled.Public, Policies.PlatformAdmin, Ui.Nav_Group_Platform),
    ];
}
