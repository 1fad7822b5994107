using SchoolSupport.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Web.Components.Shared;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Schools;

public static class SchoolEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Downloads of the registry and results capability: exports and import templates.</summary>
    public static void MapSchoolEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization(Policies.SchoolData);
        group.MapGet("/schools/export.xlsx", ExportRegistry);
        group.MapGet("/results/export.xlsx", ExportResults);
        app.MapGet("/import/template/{kind}.{format}", Template).RequireAuthorization(Policies.Operators);
    }

    private static async Task<IResult> ExportRegistry(SchoolRegistry registry, string? search, Guid? municipality, Locality? locality,
        SchoolFlag? flag, SchoolSort? sort, bool? desc, TimeProvider clock, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await registry.WriteXlsxAsync(new SchoolQuery(search, municipality, locality, flag, sort ?? SchoolSort.Name, desc ?? false), stream, ct);
        stream.Position = 0;
        return Results.File(stream, XlsxType, $"Реестр ОО {clock.Today():yyyy-MM-dd}.xlsx");
    }

    private static async Task<IResult> ExportResults(ResultsBrowser browser, int? year, Guid? school, Guid? municipality,
        Domain.Results.AssessmentKind? kind, Domain.Results.Subject? subject, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await browser.WriteXlsxAsync(new ResultQuery(year, school, municipality, kind, subject), stream, ct);
        stream.Position = 0;
        return Results.File(stream, XlsxType, $"Результаты {year?.ToString() ?? "все годы"}.xlsx");
    }

    private static IResult Template([FromRoute] ImportKind kind, [FromRoute] string format)
    {
        if (format is not ("xlsx" or "csv")) return Results.NotFound();
        var stream = new MemoryStream();
        ResultsBrowser.WriteTemplate(kind, format == "csv", stream);
        stream.Position = 0;
        var name = kind == ImportKind.Results ? "Шаблон результатов" : "Шаблон контекстных данных";
        return Results.File(stream, format == "csv" ? "text/csv; charset=utf-8" : XlsxType, $"{name}.{format}");
    }
}
