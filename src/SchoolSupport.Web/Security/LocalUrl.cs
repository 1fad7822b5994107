using System.Globalization;
using System.Text;

namespace SchoolSupport.Web.Security;

/// <summary>Where to go back to after sign-in.</summary>
public static class LocalUrl
{
    /// <summary>
    /// Only a local path (an open redirect to another site after login is a phishing aid), made fit for a Location header:
    /// the header is ASCII, so anything else (a Cyrillic search term in the address) is percent-encoded as UTF-8.
    /// </summary>
    public static string ReturnTo(string? url)
    {
        if (string.IsNullOrEmpty(url) || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)) return "/";
        var encoded = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && !Rune.IsControl(rune))
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
