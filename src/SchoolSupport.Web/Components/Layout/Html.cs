using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace SchoolSupport.Web.Components.Layout;

/// <summary>
/// Markup written as one string, for the parts of a page that only show data and repeat: a table row, the menu (#18). Blazor
/// renders each element, attribute and text of a template as its own frame and writes each as its own chunk, so a row of ten
/// cells costs some two hundred of both on every request; one string costs one. Holes of the interpolated string are HTML-encoded
/// (numbers and dates in the Russian culture of the request); a <see cref="MarkupString"/> hole is written as it is.
/// </summary>
public static class Html
{
    /// <summary>The encoder Blazor uses here: every Unicode range left as it is, so Cyrillic text is not escaped (AppHost).</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The classes of a <c>MudLink</c> of the default typography and colour.</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover mud-typography-body1";

    public static MarkupString Of(ref Builder html) => new(html.ToString());

    /// <summary>Appends to <paramref name="to"/>, for markup put together from parts.</summary>
    public static StringBuilder Append(StringBuilder to, [InterpolatedStringHandlerArgument(nameof(to))] ref Builder html) => to;

    [InterpolatedStringHandler]
    public readonly ref struct Builder
    {
        private readonly StringBuilder _html;

        public Builder(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + 16 * formattedCount);

        public Builder(int literalLength, int formattedCount, StringBuilder to) => _html = to;

        public void AppendLiteral(string markup) => _html.Append(markup);

        public void AppendFormatted(MarkupString markup) => _html.Append(markup.Value);

        public void AppendFormatted(string? text)
        {
            if (!string.IsNullOrEmpty(text)) _html.Append(Encoder.Encode(text));
        }

        public void AppendFormatted<T>(T value, string? format = null)
        {
            var text = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.CurrentCulture) : value?.ToString();
            AppendFormatted(text);
        }

        public override string ToString() => _html.ToString();
    }
}
