using SchoolSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using SchoolSupport.Infrastructure.Admin;
using SchoolSupport.Infrastructure.Structure;
using SchoolSupport.Web.Components.Shared;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Structure;

public static class StructureEndpoints
{
    /// <summary>Downloads of the regional administrator's setup: templates of the structure and the registry, the registry export.</summary>
    public static void MapStructureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").RequireAuthorization(Policies.Admin);
        group.MapGet("/structure/template/{kind}.{format}", StructureTemplate);
        group.MapGet("/registry/template.{format}", RegistryTemplate);
        group.MapGet("/registry/export.{format}", RegistryExport);
        group.MapGet("/users/template.{format}", InvitationTemplate);
    }

    private static async Task<IResult> StructureTemplate([FromRoute] string kind, [FromRoute] string format)
    {
        if (format is not ("xlsx" or "csv") || !Enum.TryParse<StructureKind>(kind, ignoreCase: true, out var k)) return Results.NotFound();
        return await FileResults.WrittenAsync(o =>
        {
            StructureImport.WriteTemplate(k, format == "csv", o);
            return Task.CompletedTask;
        }, format == "csv" ? FileResults.Csv : FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_Template, StructureImport.Title(k), format));
    }

    private static async Task<IResult> RegistryTemplate([FromRoute] string format)
    {
        if (format is not ("xlsx" or "csv")) return Results.NotFound();
        return await FileResults.WrittenAsync(o =>
        {
            RegistryImport.WriteTemplate(format == "csv", o);
            return Task.CompletedTask;
        }, format == "csv" ? FileResults.Csv : FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_RegistryTemplate, format));
    }

    private static async Task<IResult> InvitationTemplate([FromRoute] string format)
    {
        if (format is not ("xlsx" or "csv")) return Results.NotFound();
        return await FileResults.WrittenAsync(o =>
        {
            BulkInvitation.WriteTemplate(format == "csv", o, Labels.Role);
            return Task.CompletedTask;
        }, format == "csv" ? FileResults.Csv : FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_Template, BulkInvitation.Title, format));
    }

    private static async Task<IResult> RegistryExport(RegistryExports exports, [FromRoute] string format, TimeProvider clock, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) return Results.NotFound();
        return await FileResults.WrittenAsync(o => exports.WriteAsync(format == "csv", o, ct),
            format == "csv" ? FileResults.Csv : FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_RegistryExport, clock.Today(), format));
    }
}
