using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class PlatformTests(AppFixture fixture)
{
    [Theory]
    [InlineData("  Safeguarding review for the MARAC  ", "Safeguarding review for the MARAC")]
    [InlineData("abcd", null)]
    [InlineData("Check\u0007 the bell", null)]
    [InlineData("Review\0 of the file", null)]
    public void A_purpose_is_judged_by_one_rule_whether_it_comes_from_a_header_a_form_or_a_command(string stated, string? judged)
    {
        var header = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        header.Request.Headers[SafetyNet.Web.Purpose.Header] = stated;
        var form = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        form.Request.ContentType = "application/x-www-form-urlencoded";
        form.Request.Form = new Microsoft.AspNetCore.Http.FormCollection(new() { ["purpose"] = stated });

        Assert.Equal(judged, SafetyNet.Web.Purpose.From(header));
        Assert.Equal(judged, SafetyNet.Web.Purpose.From(form));
        Assert.Equal(judged, RecordReads.Valid(stated));
    }

    [Theory, Providers]
    public async Task Health_is_anonymous_and_reports_healthy_once_the_database_is_ready(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_answers_503_while_the_database_cannot_be_migrated()
    {
        await using var app = new SafetyNetApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:SafetyNet"] = "Data Source=/proc/no-such-place/safetynet.db",
        });
        var startup = (StartupState)app.Services.GetService(typeof(StartupState))!;
        await Assert.ThrowsAnyAsync<Exception>(() => startup.WhenReady);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        // Beside it, the start-up is reported stopped, with its failure's type and no message.
        var workers = await app.CreateClient().GetAsync("/health/workers");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, workers.StatusCode);
        var startupWorker = (await workers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "database start-up");
        Assert.Equal("Stopped", startupWorker.GetProperty("status").GetString());
        Assert.DoesNotContain("no-such-place", startupWorker.GetProperty("lastFailure").GetString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task OpenApi_document_is_anonymous_and_describes_the_login(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        var docs = await app.CreateClient().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Theory, Providers]
    public async Task Login_gives_a_bearer_token_in_the_identity_api_shape(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = SafetyNetApp.DemoEmail(Roles.CallHandler), password = SafetyNetApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
    }

    [Theory, Providers]
    public async Task A_wrong_password_is_401_problem_details_and_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { email = SafetyNetApp.DemoEmail(Roles.Analyst), password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var failures = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "account.sign-in-failed"));
        Assert.True(failures >= 1);
    }

    [Theory, Providers]
    public async Task Login_with_missing_fields_names_each_field(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Theory, Providers]
    public async Task An_account_locks_after_five_failed_attempts(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = app.CreateClient();
        var email = $"lockout-{Guid.NewGuid():N}@safetynet.test";
        await app.WithServiceAsync<Microsoft.AspNetCore.Identity.UserManager<AppUser>, bool>(async users =>
        {
            var agency = await app.WithDbAsync(db => db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Force));
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Lockout test", AgencyId = agency.Id };
            return (await users.CreateAsync(user, SafetyNetApp.Password)).Succeeded;
        });
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong" });
        }
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SafetyNetApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Account locked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "account.locked-out")));
    }

    [Theory, Providers]
    public async Task Agencies_of_the_partnership_and_one_user_per_role_are_seeded(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var agencies = await app.WithDbAsync(db => db.Agencies.ToListAsync());
        Assert.Single(agencies, a => a.Kind == AgencyKind.Force);
        Assert.Equal(10, agencies.Count(a => a.Kind == AgencyKind.DistrictCouncil));
        Assert.Contains(agencies, a => a.Kind == AgencyKind.Housing);
        Assert.Contains(agencies, a => a.Kind == AgencyKind.VictimSupport);
        Assert.Contains(agencies, a => a.Kind == AgencyKind.Health);
        Assert.Contains(agencies, a => a.Kind == AgencyKind.AdultServices);
        var users = await app.WithDbAsync(db => db.Users.Select(u => u.Email).ToListAsync());
        foreach (var role in Roles.All)
        {
            Assert.Contains(SafetyNetApp.DemoEmail(role), users);
        }
    }

    [Theory, Providers]
    public async Task A_refresh_token_gives_a_new_access_token_and_a_forged_one_is_refused(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = app.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = SafetyNetApp.DemoEmail(Roles.Officer), password = SafetyNetApp.Password })).Content.ReadFromJsonAsync<JsonElement>();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var forged = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory, Providers]
    public async Task Pages_need_a_signed_in_user_and_hide_what_a_role_may_not_use(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/queues/crime-recording");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery);
    }
}
