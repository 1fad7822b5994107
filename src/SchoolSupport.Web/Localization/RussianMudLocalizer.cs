using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager buttons, date pickers, dialogs, uploads, tables) in Russian: the resources of
/// <c>Resources/Ui.resx</c> named after MudBlazor's keys (<c>MudDataGridPager_RowsPerPage</c>, …). A key MudBlazor adds
/// later falls back to its English default until it is translated there.
/// </summary>
public sealed class RussianMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] =>
        Text(key) is { } text ? new LocalizedString(key, text) : base[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        Text(key) is { } text
            ? new LocalizedString(key, string.Format(CultureInfo.GetCultureInfo("ru-RU"), text, arguments))
            : base[key, arguments];

    /// <summary>Every text this localizer gives, for the test that no page shows MudBlazor's English.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        Ui.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>()
            .Where(e => e.Key is string key && IsMudKey(key))
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static string? Text(string key) => IsMudKey(key) ? Ui.ResourceManager.GetString(key, Ui.Culture) : null;

    private static bool IsMudKey(string key) => key.StartsWith("Mud", StringComparison.Ordinal);
}
