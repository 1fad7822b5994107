using System.Text;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Infrastructure.Results;

namespace SchoolSupport.Infrastructure.Documents;

/// <summary>
/// Recognises an upload by its bytes, never by its name: an executable renamed to .pdf is not a PDF.
/// Office files are ZIP packages, told apart by the entries inside them.
/// </summary>
public static class FileInspector
{
    public static FileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return FileType.Pdf;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return FileType.Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return FileType.Jpeg;
        return null;
    }

    /// <summary>
    /// The type of an upload, or null when it is none of the accepted ones. A package past <paramref name="limits"/> (too many
    /// parts, or parts that would unpack too large) throws <see cref="BadFileException"/> with the Russian reason.
    /// </summary>
    public static FileType? Detect(byte[] content, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Detect(content.AsSpan()) is { } simple) return simple;
        return content.AsSpan().StartsWith("PK\u0003\u0004"u8) ? DetectPackage(content, limits ?? new ImportLimits()) : null;
    }

    private static FileType? DetectPackage(byte[] content, ImportLimits limits)
    {
        try
        {
            using var zip = BoundedZip.Open(new MemoryStream(content, writable: false), limits);
            var names = zip.Names.ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml")) return FileType.Docx;
                if (names.Contains("xl/workbook.xml")) return FileType.Xlsx;
                return null;
            }
            if (zip.Entry("mimetype") is { } mimetype)
            {
                // Only as much as the one expected value: a mimetype part that inflates to gigabytes is not read.
                var head = new byte[64];
                using var part = zip.Read(mimetype);
                var length = part.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                return Encoding.ASCII.GetString(head, 0, length).Trim() == "application/vnd.oasis.opendocument.text" ? FileType.Odt : null;
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The content type a download is served with: always a document or image type, never one a browser runs.</summary>
    public static string ContentType(FileType type) => type switch
    {
        FileType.Pdf => "application/pdf",
        FileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileType.Odt => "application/vnd.oasis.opendocument.text",
        FileType.Png => "image/png",
        FileType.Jpeg => "image/jpeg",
        _ => "application/octet-stream",
    };

    public static string Extension(FileType type) => type switch
    {
        FileType.Pdf => ".pdf",
        FileType.Docx => ".docx",
        FileType.Xlsx => ".xlsx",
        FileType.Odt => ".odt",
        FileType.Png => ".png",
        FileType.Jpeg => ".jpg",
        _ => ".bin",
    };
}

/// <summary>Checks an upload for malware before it is stored. The default accepts everything; a deployment plugs in its scanner.</summary>
public interface IVirusScanner
{
    /// <summary>Null when the content is clean, otherwise the reason to refuse it (in Russian).</summary>
    Task<string?> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct);
}

public sealed class NoVirusScanner : IVirusScanner
{
    public Task<string?> ScanAsync(ReadOnlyMemory<byte> content, string fileName, CancellationToken ct) => Task.FromResult<string?>(null);
}

/// <summary>Where uploaded files live and how large one may be (<c>Files:Folder</c>, <c>Files:MaxUploadBytes</c>).</summary>
public sealed record FileStorageOptions(string Folder, long MaxUploadBytes)
{
    public const long DefaultMaxUploadBytes = 20L * 1024 * 1024;
}
