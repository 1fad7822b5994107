using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// The one JSON form of a <see cref="Methodology"/> (stored as jsonb). Use these options for both directions:
/// PostgreSQL jsonb reorders object keys, so the "$type" discriminators of rules and sources may come back after
/// other properties, which System.Text.Json refuses unless out-of-order metadata is allowed.
/// </summary>
public static class MethodologyJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(Methodology methodology) => JsonSerializer.Serialize(methodology, Options);

    public static Methodology Deserialize(string json) =>
        JsonSerializer.Deserialize<Methodology>(json, Options) ?? throw new DomainException(DomainText.Methodology_JsonEmpty);

    /// <summary>The JSON an expert typed, with an unreadable document refused in Russian instead of a parser exception.</summary>
    public static Methodology Parse(string json)
    {
        try
        {
            return Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Methodology_JsonUnreadable, e.Message));
        }
    }

    /// <summary>The indented form shown to experts (the stored form is compact).</summary>
    public static string Indented(Methodology methodology) =>
        JsonSerializer.Serialize(methodology, new JsonSerializerOptions(Options) { WriteIndented = true });

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            // Readable Cyrillic titles in the stored document instead of \uXXXX escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
