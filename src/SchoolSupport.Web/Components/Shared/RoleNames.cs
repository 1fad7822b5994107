using SchoolSupport.Domain.Common;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Components.Shared;

public static class RoleNames
{
    public static string Title(string role) => role switch
    {
        Roles.Admin => Ui.Role_Admin,
        Roles.Ministry => Ui.Role_Ministry,
        Roles.Operator => Ui.Role_Operator,
        Roles.Municipal => Ui.Role_Municipal,
        Roles.School => Ui.Role_School,
        Roles.Mentor => Ui.Role_Mentor,
        Roles.PlatformAdmin => Ui.Role_PlatformAdmin,
        _ => role,
    };
}
