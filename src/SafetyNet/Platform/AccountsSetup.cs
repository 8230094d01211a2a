using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafetyNet.Data;

namespace SafetyNet.Platform;

public static class AccountsSetup
{
    /// <summary>The policy every API group requires: a bearer token from <c>/api/v1/auth/login</c>.</summary>
    public const string ApiPolicy = "api";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.AccessDeniedPath = "/not-found";
                options.Cookie.Name = "safetynet";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
            }));
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromHours(1);
        });

        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 6;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDb>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AgencyClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser());

        services.AddAccountSessions();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<IStartupSeeder>(sp => sp.GetRequiredService<AccountSeeder>());
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapPost("/login", LoginAsync).DisableAntiforgery()
            .WithName("signIn").WithSummary("Sign in with an email address and password for an access token").Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", RefreshAsync).DisableAntiforgery()
            .WithName("refreshAccessToken").WithSummary("Exchange a refresh token for a new access token").Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapPost("/api/v1/auth/sign-out", SignOutOfApiAsync).WithTags("Authentication").RequireAuthorization(ApiPolicy).DisableAntiforgery()
            .WithName("signOut").WithSummary("End the session of the access token presented");

        app.MapPost("/sign-out", async (SignInManager<AppUser> signIn, AuditTrail audit) =>
        {
            await audit.WriteAsync("account.sign-out", "user", null);
            // Signing the cookie out ends its session for good (AccountSessionsSetup), so a copy of it stops working too.
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/sign-in");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>Ends the session of the presented access token: its refresh token and the access token stop working.</summary>
    private static async Task<NoContent> SignOutOfApiAsync(HttpContext http, AccountSessions sessions, AuditTrail audit, CurrentUser user)
    {
        await sessions.EndAsync(http.User);
        await audit.WriteAsync("account.sign-out", "user", user.Id, details: "api");
        return TypedResults.NoContent();
    }

    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn, AccountSessions sessions, AuditTrail audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Enter an email address"];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Enter a password"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.WriteAsync(result.IsLockedOut ? "account.locked-out" : "account.sign-in-failed", "user", user?.Id, details: "api");
            return TypedResults.Problem(
                title: result.IsLockedOut ? "Account locked" : "Sign-in failed",
                detail: result.IsLockedOut
                    ? "Too many failed attempts. Try again later or ask an administrator to unlock the account."
                    : "The email address or password is not right.",
                statusCode: StatusCodes.Status401Unauthorized);
        }
        await audit.WriteAsync("account.sign-in", "user", user!.Id, details: "api", actor: user.Email);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        principal.Identities.First().AddClaim(new Claim("amr", "pwd"));
        await sessions.StartApiAsync(principal);
        // The bearer handler writes the token response.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<ProblemHttpResult, SignInHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<AppUser> signIn, AccountSessions sessions,
        IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
    {
        var notValid = TypedResults.Problem(title: "Refresh token not valid", statusCode: StatusCodes.Status401Unauthorized);
        var protector = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires)
        {
            return notValid;
        }
        // The account must be as it was at sign-in: not locked, same password, same roles (each renews the stamp).
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await sessions.EndAsync(ticket.Principal, because: "the account was locked, or its password or roles changed");
            return notValid;
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return await sessions.RotateAsync(ticket.Principal, principal)
            ? TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme)
            : notValid;
    }
}

/// <summary>Puts the user's agency and its kind, and their teams, on the principal, so rules need no lookup per request.</summary>
internal sealed class AgencyClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agency = await db.Agencies.FindAsync(user.AgencyId);
        identity.AddClaim(new Claim(CurrentUser.AgencyClaim, user.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(CurrentUser.AgencyKindClaim, agency?.Kind.ToString() ?? ""));
        identity.AddClaim(new Claim("safetynet:display-name", user.DisplayName));
        foreach (var team in await db.TeamMemberships.Where(m => m.UserId == user.Id).Select(m => m.Team!.Code).ToListAsync())
        {
            identity.AddClaim(new Claim(CurrentUser.TeamClaim, team));
        }
        return identity;
    }
}

/// <summary>Marks an endpoint or page as needing one of the given roles.</summary>
public sealed class RolesAttribute : AuthorizeAttribute
{
    public RolesAttribute(params string[] roles) => Roles = string.Join(',', roles);
}
