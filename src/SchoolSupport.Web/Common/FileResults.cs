namespace SchoolSupport.Web.Common;

/// <summary>
/// How every download and export answers, in one place: the content types, a file written by a use case into a stream,
/// and «not there» (the use case found nothing the user may see) as a 404.
/// </summary>
public static class FileResults
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>A file the use case writes into a stream.</summary>
    public static async Task<IResult> WrittenAsync(Func<Stream, Task> write, string type, string name)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stream = new MemoryStream();
        await write(stream);
        stream.Position = 0;
        return Results.File(stream, type, name);
    }

    /// <summary>A file the use case writes when it finds the object, naming it; a 404 when it does not.</summary>
    public static async Task<IResult> WrittenIfFoundAsync(Func<Stream, Task<(bool Found, string Name)>> write, string type)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stream = new MemoryStream();
        var (found, name) = await write(stream);
        if (!found) return Results.NotFound();
        stream.Position = 0;
        return Results.File(stream, type, name);
    }

    /// <summary>A file the use case made in memory; null means not found.</summary>
    public static IResult Bytes(byte[]? content, string type, string name) =>
        content is null ? Results.NotFound() : Results.File(content, type, name);
}
