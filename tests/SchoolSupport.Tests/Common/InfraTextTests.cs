using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Tests.Common;

/// <summary>Resources/InfraText.resx holds only texts the Infrastructure code reads, and every placeholder text is a valid format.</summary>
public sealed partial class InfraTextTests
{
    private static Dictionary<string, string> Texts() =>
        InfraText.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, true, true)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string Infrastructure([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "SchoolSupport.Infrastructure"));

    [GeneratedRegex(@"InfraText\.(\w+)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_text_is_read_by_the_Infrastructure_code()
    {
        var used = Directory.EnumerateFiles(Infrastructure(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Reference().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Texts().Keys.Where(k => !used.Contains(k)).Should().BeEmpty("a text nobody reads is dead weight in InfraText.resx");
    }

    [Fact]
    public void Every_placeholder_text_formats_with_as_many_values_as_it_names()
    {
        var ru = CultureInfo.GetCultureInfo("ru-RU");
        foreach (var (key, text) in Texts().Where(t => t.Value.Contains('{', StringComparison.Ordinal)))
        {
            var count = Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            var values = Enumerable.Range(0, count).Select(_ => (object)new AnyValue()).ToArray();
            var format = () => string.Format(ru, text, values);
            format.Should().NotThrow(key);
        }
    }

    /// <summary>A value that takes any format string, so the check is about braces and indexes only.</summary>
    private sealed class AnyValue : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => "x";
    }
}
