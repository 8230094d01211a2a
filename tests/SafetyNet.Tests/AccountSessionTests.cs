using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using static SafetyNet.Tests.Infrastructure.SafetyNetApp;

namespace SafetyNet.Tests;

/// <summary>
/// A session ends for good: a refresh token works once, and lockout, a new password, a role change and
/// signing out end the session's refresh token, its access token and its cookie. Each test signs in a
/// user of its own, so no shared demo user is locked out or signed out.
/// </summary>
[Collection("app")]
public partial class AccountSessionTests(AppFixture fixture)
{
    [Theory, Providers]
    public async Task A_refresh_token_works_once_and_using_it_again_ends_its_session(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, userId) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var first = await LoginAsync(client, email);

        var second = await RefreshAsync(client, first.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var third = await RefreshAsync(client, second.Tokens!.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(HttpStatusCode.OK, await IncidentsAsync(client, third.Tokens!.AccessToken));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, second.Tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, third.Tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, third.Tokens.AccessToken));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "account.refresh-token-reused" && e.RecordId == userId)));
    }

    [Theory, Providers]
    public async Task A_locked_out_account_can_neither_refresh_nor_use_its_access_token(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, _) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var tokens = await LoginAsync(client, email);

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, tokens.AccessToken));
    }

    [Theory, Providers]
    public async Task A_lockout_set_by_an_administrator_ends_the_session_and_unlocking_does_not_revive_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, userId) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var tokens = await LoginAsync(client, email);

        await WithUserAsync(app, userId, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        await WithUserAsync(app, userId, (users, user) => users.SetLockoutEndDateAsync(user, null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, tokens.AccessToken));
        var again = await LoginAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, await IncidentsAsync(client, again.AccessToken));
    }

    [Theory, Providers]
    public async Task A_new_password_ends_the_sessions_signed_in_with_the_old_one(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, userId) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var tokens = await LoginAsync(client, email);

        await WithUserAsync(app, userId, (users, user) => users.ChangePasswordAsync(user, Password, "Another-Password-789!"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, tokens.AccessToken));
    }

    [Theory, Providers]
    public async Task A_role_change_ends_the_sessions_signed_in_with_the_old_roles(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, userId) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var tokens = await LoginAsync(client, email);

        await WithUserAsync(app, userId, (users, user) => users.RemoveFromRoleAsync(user, Roles.Officer));

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, tokens.AccessToken));
    }

    [Theory, Providers]
    public async Task Signing_out_of_the_api_ends_that_session_only(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, _) = await CreateOfficerAsync(app);
        var client = app.CreateClient();
        var phone = await LoginAsync(client, email);
        var desk = await LoginAsync(client, email);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", phone.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, phone.RefreshToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await IncidentsAsync(client, phone.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await IncidentsAsync(client, desk.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, desk.RefreshToken)).Status);
    }

    [Theory, Providers]
    public async Task Signing_out_of_the_pages_ends_that_session_so_a_copied_cookie_stops_working(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var (email, _) = await CreateOfficerAsync(app);
        var cookies = new CookieContainerHandler();
        var browser = app.CreateDefaultClient(cookies);

        var signInPage = await browser.GetStringAsync("/sign-in");
        var signedIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = AntiforgeryToken(signInPage), ["Form.Email"] = email, ["Form.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var copied = cookies.Container.GetCookieHeader(browser.BaseAddress!);
        Assert.Equal(HttpStatusCode.OK, (await HomeWithCookieAsync(app, copied)).StatusCode);

        var home = await browser.GetStringAsync("/");
        var signedOut = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await HomeWithCookieAsync(app, copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/sign-in", replayed.Headers.Location?.PathAndQuery);
    }

    private static async Task<HttpResponseMessage> HomeWithCookieAsync(SafetyNetApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string AntiforgeryToken(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>A user of the force holding the officer's role, who may list incidents.</summary>
    private static async Task<(string Email, string Id)> CreateOfficerAsync(SafetyNetApp app)
    {
        var email = $"session-{Guid.NewGuid():N}@safetynet.test";
        var force = await app.WithDbAsync(db => db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Force));
        return await app.WithServiceAsync<UserManager<AppUser>, (string, string)>(async users =>
        {
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Session test", AgencyId = force.Id };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Officer)).Succeeded);
            return (email, user.Id);
        });
    }

    private static Task<bool> WithUserAsync(SafetyNetApp app, string userId, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change) =>
        app.WithServiceAsync<UserManager<AppUser>, bool>(async users =>
        {
            var result = await change(users, (await users.FindByIdAsync(userId))!);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return true;
        });

    private static async Task<TokenResponse> LoginAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    private static async Task<(HttpStatusCode Status, TokenResponse? Tokens)> RefreshAsync(HttpClient client, string refreshToken)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TokenResponse>() : null);
    }

    private static async Task<HttpStatusCode> IncidentsAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.SendAsync(request)).StatusCode;
    }
}
