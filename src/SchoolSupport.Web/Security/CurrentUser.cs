using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Security;

/// <summary>
/// The signed-in user of this request or Blazor circuit. In a circuit, <see cref="UserCircuitHandler"/> sets the principal,
/// because HttpContext is not reliable there; in plain HTTP requests it comes from HttpContext.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentScope
{
    private ClaimsPrincipal? _circuitUser;

    public ClaimsPrincipal Principal => _circuitUser ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public UserScope? Scope => Principal.ToScope();

    public bool IsSystem => false;

    /// <summary>The scope, or an exception when nobody is signed in (services call this before any work).</summary>
    public UserScope Required => Scope ?? throw new ScopeException(Ui.Security_SignInRequired);

    internal void SetCircuitUser(ClaimsPrincipal user) => _circuitUser = user;
}

public sealed class UserCircuitHandler(AuthenticationStateProvider auth, CurrentUser current) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        current.SetCircuitUser((await auth.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> state) =>
        _ = state.ContinueWith(t => current.SetCircuitUser(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
