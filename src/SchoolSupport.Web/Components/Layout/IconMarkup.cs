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

    public static RenderFragment Svg(string paths, string classes = "", Size size = Size.Medium) => builder =>
    {
        var root = size == Size.Small ? "mud-icon-root mud-svg-icon mud-icon-size-small" : "mud-icon-root mud-svg-icon mud-icon-size-medium";
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes == "" ? root : root + " " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, paths);
        builder.CloseElement();
    };
}
