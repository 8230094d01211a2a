using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using SafetyNet.Data;

namespace SafetyNet.Platform;

/// <summary>
/// One sign-in: a browser's cookie, or an API client's family of refresh tokens. Cookies and tokens are
/// self-contained tickets, so without this row a copied cookie or a used refresh token would work until it expired.
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The one refresh token of the family that may still be used; null for a browser's session.</summary>
    public string? RefreshTokenId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the cookie or the current refresh token runs out, after which the row is of no use.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> session)
    {
        session.Property(s => s.UserId).HasMaxLength(450);
        session.Property(s => s.RefreshTokenId).HasMaxLength(64);
        session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
    }
}

/// <summary>
/// Starts, checks, rotates and ends sessions. A request or a refresh is honoured only while its session has not
/// ended and the user's security stamp is still the one it was signed in with: a new password, a role change and a
/// lockout renew the stamp (<see cref="AppUserManager"/>), so they end every session of the user at once.
/// </summary>
public sealed class AccountSessions(AppDb db, AuditTrail audit, TimeProvider time,
    IOptions<IdentityOptions> identity, IOptionsMonitor<BearerTokenOptions> bearer)
{
    public const string SessionClaim = "safetynet:session";
    public const string RefreshTokenClaim = "safetynet:refresh-token";

    /// <summary>Records a new session and puts its id (and, for the API, its first refresh token's id) on the principal.</summary>
    public async Task StartAsync(ClaimsPrincipal principal, bool refreshable, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A session is started only for a known user.");
        var now = time.GetUtcNow();
        // The user's finished sessions are cleared here, so the table holds about one row per live sign-in.
        await db.AccountSessions.Where(s => s.UserId == userId && (s.EndedAt != null || s.ExpiresAt < now)).ExecuteDeleteAsync(cancellationToken);
        var session = new AccountSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            RefreshTokenId = refreshable ? NewTokenId() : null,
            StartedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        Stamp(principal, session.Id, session.RefreshTokenId);
    }

    /// <summary>Starts an API session whose refresh tokens live as long as the bearer scheme gives them.</summary>
    public Task StartApiAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        StartAsync(principal, refreshable: true, bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration, cancellationToken);

    /// <summary>Whether a cookie's or an access token's principal still stands: one query by key.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!TryRead(principal, out var id, out var userId))
        {
            return false;
        }
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return await db.AccountSessions.AnyAsync(s => s.Id == id && s.UserId == userId && s.EndedAt == null
            && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == stamp), cancellationToken);
    }

    /// <summary>
    /// Spends the presented refresh token and gives <paramref name="next"/> the family's new one. A token used before
    /// means a copy exists: the whole family ends, so neither holder can carry on.
    /// </summary>
    public async Task<bool> RotateAsync(ClaimsPrincipal presented, ClaimsPrincipal next, CancellationToken cancellationToken = default)
    {
        if (!TryRead(presented, out var id, out var userId) || presented.FindFirstValue(RefreshTokenClaim) is not { Length: > 0 } tokenId)
        {
            return false;
        }
        var rotated = NewTokenId();
        var expires = time.GetUtcNow() + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;
        // One conditional update, so two refreshes racing with one token cannot both win.
        var spent = await db.AccountSessions
            .Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null && s.RefreshTokenId == tokenId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RefreshTokenId, rotated).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
        if (spent == 0)
        {
            if (await EndAsync(presented, cancellationToken: cancellationToken))
            {
                await audit.WriteAsync("account.refresh-token-reused", "user", userId, details: "a refresh token was used twice: its session ended", cancellationToken: cancellationToken);
            }
            return false;
        }
        Stamp(next, id, rotated);
        return true;
    }

    /// <summary>
    /// Ends the principal's session and answers whether it was still live. A session ended by the system rather than
    /// by its user (<paramref name="because"/> given) leaves an audit event.
    /// </summary>
    public async Task<bool> EndAsync(ClaimsPrincipal principal, string? because = null, CancellationToken cancellationToken = default)
    {
        if (!TryRead(principal, out var id, out var userId))
        {
            return false;
        }
        var now = time.GetUtcNow();
        var ended = await db.AccountSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken) > 0;
        if (ended && because is not null)
        {
            await audit.WriteAsync("account.session-ended", "user", userId, details: because, cancellationToken: cancellationToken);
        }
        return ended;
    }

    /// <summary>Keeps a browser's session as long as its sliding cookie.</summary>
    public async Task ExtendAsync(ClaimsPrincipal principal, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        if (TryRead(principal, out var id, out var userId))
        {
            await db.AccountSessions.Where(s => s.Id == id && s.UserId == userId && s.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken);
        }
    }

    private bool TryRead(ClaimsPrincipal principal, out Guid id, out string userId)
    {
        userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType) ?? "";
        return Guid.TryParse(principal.FindFirstValue(SessionClaim), out id) && userId.Length > 0;
    }

    private static void Stamp(ClaimsPrincipal principal, Guid id, string? refreshTokenId)
    {
        var identity = principal.Identities.First();
        identity.AddClaim(new Claim(SessionClaim, id.ToString("N", CultureInfo.InvariantCulture)));
        if (refreshTokenId is not null)
        {
            identity.AddClaim(new Claim(RefreshTokenClaim, refreshTokenId));
        }
    }

    private static string NewTokenId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}

public static class AccountSessionsSetup
{
    /// <summary>
    /// Hooks sessions into Identity's cookie and bearer schemes. Registered after them, so these events replace
    /// Identity's own cookie check (its security stamp validator, which looked only every 30 minutes).
    /// </summary>
    public static IServiceCollection AddAccountSessions(this IServiceCollection services)
    {
        services.AddScoped<AccountSessions>();
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.Events.OnSigningIn = async context =>
            {
                var sessions = Sessions(context.HttpContext);
                // A new sign-in in a browser replaces the session that browser held.
                await sessions.EndAsync(context.HttpContext.User);
                await sessions.StartAsync(context.Principal!, refreshable: false, context.Options.ExpireTimeSpan);
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal is null || !await Sessions(context.HttpContext).IsLiveAsync(context.Principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            options.Events.OnCheckSlidingExpiration = async context =>
            {
                if (context.ShouldRenew && context.Principal is not null)
                {
                    var renewedUntil = context.Options.TimeProvider!.GetUtcNow() + context.Options.ExpireTimeSpan;
                    await Sessions(context.HttpContext).ExtendAsync(context.Principal, renewedUntil);
                }
            };
            options.Events.OnSigningOut = async context => await Sessions(context.HttpContext).EndAsync(context.HttpContext.User);
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            // Bearer tokens have no validation event of their own: the token is read here, and a token of an ended
            // session fails before the handler would accept it.
            options.Events.OnMessageReceived = async context =>
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
                {
                    return;
                }
                var ticket = context.Options.BearerTokenProtector.Unprotect(authorization["Bearer ".Length..]);
                if (ticket is not null && !await Sessions(context.HttpContext).IsLiveAsync(ticket.Principal))
                {
                    context.Fail("The session has ended.");
                }
            };
        });
        return services;
    }

    private static AccountSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<AccountSessions>();
}
