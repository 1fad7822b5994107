using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Web.Components.Layout;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Tests.Foundation;

/// <summary>The menu is written once per set of roles and current page (#18): that holds only while the roles alone decide it.</summary>
public sealed class MenuMarkupTests
{
    [Fact]
    public void Every_policy_of_the_menu_is_a_role_policy()
    {
        var options = new AuthorizationOptions();
        Policies.Register(options);
        foreach (var policy in NavigationItems.All.Select(i => i.Policy).Append(Policies.Operators).Distinct())
        {
            options.GetPolicy(policy)!.Requirements.Should().AllBeOfType<RolesAuthorizationRequirement>(
                "{0} decides a menu entry, and the menu is kept per set of roles", policy);
        }
    }

    [Fact]
    public async Task The_menu_shows_what_the_roles_allow_and_marks_the_current_page()
    {
        using var services = new ServiceCollection().AddLogging().AddAuthorizationCore(Policies.Register).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        static ClaimsPrincipal User(string role) => new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "cookie"));

        var school = await MenuMarkup.VisibleAsync(User(Roles.School), authorization);
        school.Markup("/schools").Value.Should().Contain("""<a href="/schools" class="mud-nav-link mud-ripple active" aria-current="page">""")
            .And.Contain("href=\"/risks/profile\"").And.NotContain("href=\"/import\"").And.NotContain("href=\"/jobs\"");
        school.Markup($"/lists/{Guid.NewGuid()}").Value.Should().NotContain("active", "a page outside the menu marks no entry");

        var operatorMenu = await MenuMarkup.VisibleAsync(User(Roles.Operator), authorization);
        operatorMenu.Markup("/").Value.Should().Contain("href=\"/import\"").And.NotContain("href=\"/risks/profile\"")
            .And.Contain("""<a href="/jobs" class="mud-nav-link mud-ripple" data-enhance-nav="false">""");
        (await MenuMarkup.VisibleAsync(User(Roles.Operator), authorization)).Should().BeSameAs(operatorMenu);
    }
}
