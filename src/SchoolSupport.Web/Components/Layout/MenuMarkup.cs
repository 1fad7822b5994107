using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SchoolSupport.Web.Resources;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Web.Components.Layout;

/// <summary>
/// The menu's entries as markup (#18). Every policy of the menu is a role policy (<c>MenuMarkupTests</c> holds them to it), so
/// the entries a user may see follow from the user's roles: they are asked of the authorization service once per set of roles,
/// and the markup is written once per set of roles and current page, instead of some thirty links rendered on every request.
/// </summary>
public static class MenuMarkup
{
    public const string LinkIcon = "mud-icon-default mud-nav-link-icon mud-nav-link-icon-default";

    private static readonly ConcurrentDictionary<string, Entries> ByRoles = new();

    public static string LinkClass(bool current) => current ? "mud-nav-link mud-ripple active" : "mud-nav-link mud-ripple";

    public static async ValueTask<Entries> VisibleAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var roles = string.Join(",", user.Claims.Where(c => c.Type == ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        if (ByRoles.TryGetValue(roles, out var known)) return known;
        var items = new List<NavigationItem>();
        foreach (var item in NavigationItems.All)
        {
            if ((await authorization.AuthorizeAsync(user, item.Policy)).Succeeded) items.Add(item);
        }
        var jobs = (await authorization.AuthorizeAsync(user, Policies.Operators)).Succeeded;
        return ByRoles.GetOrAdd(roles, new Entries(items, jobs));
    }

    /// <summary>The entries of one set of roles; <see cref="Markup"/> marks the current page's entry (the others are not cached apart).</summary>
    public sealed class Entries(IReadOnlyList<NavigationItem> items, bool jobs)
    {
        private readonly ConcurrentDictionary<string, MarkupString> _byPage = new();

        public MarkupString Markup(string path) =>
            _byPage.GetOrAdd(items.Any(i => i.Href == path) ? path : "", current => Write(items, jobs, current));
    }

    private static MarkupString Write(IReadOnlyList<NavigationItem> items, bool jobs, string current)
    {
        var html = new StringBuilder();
        foreach (var group in items.GroupBy(i => i.Group))
        {
            if (group.Key == "")
            {
                foreach (var item in group) Entry(html, item.Href, item.Title, item.Icon, item.Href == current);
                continue;
            }
            Html.Append(html, $"""<details class="mud-nav-group nav-group" open><summary class="mud-nav-link mud-ripple"><div class="mud-nav-link-text">{group.Key}</div>{IconMarkup.SvgMarkup(Icons.Material.Filled.ExpandMore, "mud-nav-link-expand-icon")}</summary><nav aria-label="{group.Key}" class="mud-navmenu mud-navmenu-default mud-navmenu-margin-none">""");
            foreach (var item in group) Entry(html, item.Href, item.Title, item.Icon, item.Href == current);
            // Hangfire's dashboard is not a Blazor page: the link loads it whole (an interactive router loads any page it has no route for).
            if (group.Key == Ui.Nav_Group_Admin && jobs) Entry(html, "/jobs", Ui.Nav_Jobs, Icons.Material.Filled.Schedule, false, new(" data-enhance-nav=\"false\""));
            html.Append("</nav></details>");
        }
        return new(html.ToString());
    }

    private static void Entry(StringBuilder html, string href, string title, string icon, bool current, MarkupString extra = default) =>
        Html.Append(html, $"""<div class="mud-nav-item"><a href="{href}" class="{LinkClass(current)}"{(current ? new MarkupString(" aria-current=\"page\"") : default)}{extra}>{IconMarkup.SvgMarkup(icon, LinkIcon)}<div class="mud-nav-link-text">{title}</div></a></div>""");
}
