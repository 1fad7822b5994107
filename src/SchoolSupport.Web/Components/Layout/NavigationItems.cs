using MudBlazor;
using SchoolSupport.Web.Resources;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Components.Layout;

public sealed record NavigationItem(string Href, string Title, string Icon, string Policy);

/// <summary>The menu: each capability's entry page and the policy that shows it. A page's own [Authorize] must name the same policy.</summary>
public static class NavigationItems
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("/schools", Ui.Nav_Schools, Icons.Material.Filled.School, Policies.SchoolData),
        new("/results", Ui.Nav_Results, Icons.Material.Filled.Assessment, Policies.SchoolData),
        new("/roadmaps", Ui.Nav_Roadmaps, Icons.Material.Filled.Map, Policies.SchoolData),
        new("/documents", Ui.Nav_Documents, Icons.Material.Filled.Folder, Policies.SchoolData),
        new("/partnerships", Ui.Nav_Partnerships, Icons.Material.Filled.Handshake, Policies.SchoolData),
        new("/mentoring", Ui.Nav_Mentoring, Icons.Material.Filled.SupervisorAccount, Policies.SchoolData),
        new("/mentoring/journal", Ui.Nav_Journal, Icons.Material.Filled.MenuBook, Policies.SchoolData),
        new("/development", Ui.Nav_Development, Icons.Material.Filled.CastForEducation, Policies.SchoolData),
        new("/practices", Ui.Nav_Practices, Icons.Material.Filled.EmojiObjects, Policies.SchoolData),
        new("/calendar", Ui.Nav_Calendar, Icons.Material.Filled.CalendarMonth, Policies.SchoolData),
        new("/import", Ui.Nav_Import, Icons.Material.Filled.UploadFile, Policies.Operators),
        new("/identification", Ui.Nav_Identification, Icons.Material.Filled.Calculate, Policies.Regional),
        new("/lists", Ui.Nav_Lists, Icons.Material.Filled.ListAlt, Policies.SchoolData),
        new("/monitoring/dashboard", "Мониторинг", Icons.Material.Filled.Insights, Policies.SchoolData),
        new("/monitoring/tasks", "Задачи мониторинга", Icons.Material.Filled.TaskAlt, Policies.SchoolData),
        new("/monitoring/indicators", "Показатели и цели", Icons.Material.Filled.Flag, Policies.Regional),
        new("/monitoring/calendar", "Календарь мониторинга", Icons.Material.Filled.CalendarMonth, Policies.MonitoringEditors),
        new("/notifications", Ui.Nav_Notifications, Icons.Material.Filled.Notifications, Policies.SchoolData),
        new("/admin/users", Ui.Nav_Users, Icons.Material.Filled.People, Policies.Admin),
        new("/admin/audit", Ui.Nav_Audit, Icons.Material.Filled.History, Policies.Regional),
    ];
}
