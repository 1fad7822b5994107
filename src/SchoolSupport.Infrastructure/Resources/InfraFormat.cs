using System.Globalization;

namespace SchoolSupport.Infrastructure.Resources;

/// <summary>Fills the placeholders of a text from <c>InfraText.resx</c> in ru-RU (dates, numbers), the culture every page and file of the portal speaks.</summary>
public static class InfraFormat
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Of(string format, params object?[] args) => string.Format(Russian, format, args);
}
