namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// What one import or upload may unpack and hold (<c>Import:*</c> in the configuration). A file past a limit is refused
/// with a Russian message before it can take the portal's memory or processor: a national file of 2 million rows fits;
/// ten times that, a zip bomb or a workbook with one huge string does not.
/// </summary>
public sealed class ImportLimits
{
    /// <summary>Bytes of an uploaded import file as sent (CSV, or XLSX before unpacking).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Data rows of one file.</summary>
    public int MaxRows { get; set; } = 10_000_000;

    /// <summary>Bytes of all the parts of a ZIP package (XLSX, DOCX, ODT) once unpacked.</summary>
    public long MaxUnpackedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Bytes of any single part once unpacked; a 2-million-row sheet is about 700 MB of XML.</summary>
    public long MaxPartBytes { get; set; } = 800L * 1024 * 1024;

    /// <summary>Characters of one cell.</summary>
    public int MaxCellChars { get; set; } = 4_000;

    /// <summary>Characters of a workbook's shared-strings table, each string counted with 16 more for what it costs to hold.</summary>
    public long MaxSharedStringChars { get; set; } = 32L * 1024 * 1024;

    /// <summary>Parts of one ZIP package.</summary>
    public int MaxParts { get; set; } = 10_000;

    /// <summary>Rows of one batch of the import pipeline: parsed and checked rows travel to the binary COPY in batches of this size.</summary>
    public int BatchRows { get; set; } = 16_384;

    /// <summary>
    /// Batches waiting in the pipeline's bounded channel between the parsers and the COPY. With one being filled by each parser
    /// (one per core) and the one being written, at most this many + parsers + 1 batches are held, whatever the size of the file.
    /// </summary>
    public int BatchesInFlight { get; set; } = 4;

    /// <summary>A cell echoed in a message is cut to this many characters.</summary>
    public const int EchoChars = 200;
}
