using SchoolSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Web.Common;
using SchoolSupport.Web.Security;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Schools;

public static class SchoolEndpoints
{
    /// <summary>Downloads of the registry and results capability: exports and import templates.</summary>
    public static void MapSchoolEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/schools/export.xlsx", ExportRegistry);
        group.MapGet("/results/export.xlsx", ExportResults);
        app.MapGet("/import/template/{kind}.{format}", Template).RequireAuthorization(Policies.Operators);
    }

    private static Task<IResult> ExportRegistry(SchoolRegistry registry, string? search, Guid? municipality, Locality? locality,
        SchoolFlag? flag, SchoolSort? sort, bool? desc, TimeProvider clock, CancellationToken ct) =>
        FileResults.WrittenAsync(o => registry.WriteXlsxAsync(new SchoolQuery(search, municipality, locality, flag, sort ?? SchoolSort.Name, desc ?? false), o, ct),
            FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_Registry, clock.Today()));

    private static Task<IResult> ExportResults(ResultsBrowser browser, int? year, Guid? school, Guid? municipality,
        Domain.Results.AssessmentKind? kind, Domain.Results.Subject? subject, CancellationToken ct) =>
        FileResults.WrittenAsync(o => browser.WriteXlsxAsync(new ResultQuery(year, school, municipality, kind, subject), o, ct),
            FileResults.Xlsx, string.Format(System.Globalization.CultureInfo.InvariantCulture, Ui.File_Results, year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Ui.File_AllYears));

    private static async Task<IResult> Template([FromRoute] ImportKind kind, [FromRoute] string format)
    {
        if (format is not ("xlsx" or "csv")) return Results.NotFound();
        var name = kind == ImportKind.Results ? Ui.File_ResultsTemplate : Ui.File_ContextTemplate;
        return await FileResults.WrittenAsync(o =>
        {
            ResultsBrowser.WriteTemplate(kind, format == "csv", o);
            return Task.CompletedTask;
        }, format == "csv" ? FileResults.Csv : FileResults.Xlsx, $"{name}.{format}");
    }
}
