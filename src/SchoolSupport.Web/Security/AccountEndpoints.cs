using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SchoolSupport.Infrastructure.Identity;

namespace SchoolSupport.Web.Security;

public static class AccountEndpoints
{
    /// <summary>Logout is a POST with an antiforgery token (a GET could be triggered by any link).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });
    }
}
