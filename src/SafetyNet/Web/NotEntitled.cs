using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>
/// A signed-in user outside an operation's or a page's <see cref="Entitlements"/> is answered exactly as if it did not
/// exist: 404, which the status-code pages turn into a ProblemDetails in the API and the ordinary not-found page for
/// pages. The endpoint never runs, so its body is neither read nor validated. A user who is not signed in is still
/// challenged (401 in the API, the sign-in page for pages).
/// </summary>
internal sealed class NotEntitled : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}

public static class NotEntitledSetup
{
    /// <summary>The entitlement policies, and 404 for a user outside them.</summary>
    public static IHostApplicationBuilder AddEntitlements(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddEntitlementPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotEntitled>();
        return builder;
    }
}
