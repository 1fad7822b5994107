using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SchoolSupport.Web.Components.Layout;

/// <summary>
/// MudIcon's markup for a Material icon without the component (the icon constants are the SVG's inner elements): the layout
/// draws a dozen icons on every page, and a component each would be rendered for every request and kept by every circuit.
/// </summary>
public static class IconMarkup
{
    /// <summary>The classes of a small <c>MudIconButton</c> of the default colour, for a plain button in a table row.</summary>
    public const string SmallButton = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>The inside of a small MudIconButton: its label with the icon, for a plain <c>button</c> of class <see cref="SmallButton"/>.</summary>
    public static MarkupString SmallButtonLabel(string icon) => new($"<span class=\"mud-icon-button-label\">{SvgMarkup(icon, size: Size.Small).Value}</span>");

    public static RenderFragment Svg(string paths, string classes = "", Size size = Size.Medium) =>
        builder => builder.AddMarkupContent(0, SvgMarkup(paths, classes, size).Value);

    /// <summary>The icon as one string (the icon constants are trusted SVG; <paramref name="classes"/> are class names).</summary>
    public static MarkupString SvgMarkup(string paths, string classes = "", Size size = Size.Medium)
    {
        var root = size == Size.Small ? "mud-icon-root mud-svg-icon mud-icon-size-small" : "mud-icon-root mud-svg-icon mud-icon-size-medium";
        return new($"<svg class=\"{(classes == "" ? root : root + " " + classes)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{paths}</svg>");
    }
}
