using System.Globalization;
using System.Text;

namespace SchoolSupport.Infrastructure.Common;

/// <summary>User text as a person reads it: cut between text elements, without characters that hide or reorder it.</summary>
public static class TextElements
{
    /// <summary>Bidi embeddings, overrides and isolates: they make «exe.pdf» read as «fdp.exe» and the like.</summary>
    public static bool IsBidiControl(Rune rune) => rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>The text without control characters, bidi controls and halves of broken surrogate pairs (which PostgreSQL refuses).</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // EnumerateRunes gives U+FFFD for a lone surrogate.
            if (rune == Rune.ReplacementChar || Rune.IsControl(rune) || IsBidiControl(rune)) continue;
            clean.Append(rune);
        }
        return clean.ToString();
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never splitting an emoji, a surrogate pair or a letter from its accent.</summary>
    public static string Cut(ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max) return text.ToString();
        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text[end..]);
            if (end + next > max) break;
            end += next;
        }
        return text[..end].ToString();
    }

    /// <summary>A value echoed in a message: cut to <paramref name="max"/> characters with an ellipsis when longer.</summary>
    public static string Echo(ReadOnlySpan<char> text, int max) => text.Length <= max ? text.ToString() : Cut(text, max) + "…";
}
