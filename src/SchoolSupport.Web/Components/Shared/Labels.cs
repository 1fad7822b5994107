using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.SchoolYear;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Components.Shared;

/// <summary>
/// The Web layer's one label class: titles of the values that the Domain's <c>Titles</c> does not know (roles, and the registry's
/// and the school year's own enums), read from <c>Ui.resx</c>.
/// </summary>
public static class Labels
{
    public static string Role(string role) => role switch
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

    public static string Of(SchoolFlag flag) => flag switch
    {
        SchoolFlag.InnovationSite => Ui.SchoolList_FlagInnovationSite,
        SchoolFlag.Leader => Ui.SchoolList_FlagLeader,
        SchoolFlag.ConsultingCentre => Ui.SchoolList_FlagConsultingCentre,
        SchoolFlag.Participant500Plus => Ui.SchoolList_Flag500Plus,
        SchoolFlag.AdvancedStudy => Ui.SchoolList_FlagAdvancedStudy,
        _ => flag.ToString(),
    };

    public static string Of(RolloverKind kind) => kind switch
    {
        RolloverKind.MentorAssignment => Ui.NewYear_Kind_MentorAssignment,
        RolloverKind.Partnership => Ui.NewYear_Kind_Partnership,
        RolloverKind.Programme => Ui.NewYear_Kind_Programme,
        RolloverKind.List => Ui.NewYear_Kind_List,
        _ => Ui.NewYear_Kind_Calendar,
    };
}
