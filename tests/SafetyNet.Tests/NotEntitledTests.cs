using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Not entitled is 404 everywhere: an operation or page a role may not use answers exactly as a record that does not
/// exist, before the request body is read; a list a role may use but where it sees nothing is an empty list.
/// </summary>
[Collection("app")]
public class NotEntitledTests(AppFixture fixture)
{
    private static async Task AssertNotFoundProblemAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: expected 404, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Theory, Providers]
    public async Task A_partner_posting_an_incident_gets_404_before_its_body_is_validated(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);

        // A body that does not parse, one that parses but says nothing, and a complete report: all the same 404.
        var unparsable = await partner.PostAsync("/api/v1/incidents", new StringContent("{\"occurredFrom\":\"yesterday\"}", Encoding.UTF8, "application/json"));
        await AssertNotFoundProblemAsync(unparsable, "unparsable body");
        await AssertNotFoundProblemAsync(await partner.PostAsJsonAsync("/api/v1/incidents", new { }), "empty body");
        await AssertNotFoundProblemAsync(await partner.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary()), "complete report");

        // A role that may record incidents still has its body checked.
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var invalid = await handler.PostAsync("/api/v1/incidents", new StringContent("{\"occurredFrom\":\"yesterday\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Theory, Providers]
    public async Task A_partner_is_told_incidents_the_pack_strength_recording_audits_and_hotspots_do_not_exist(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await handler.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary()).ExpectAsync(HttpStatusCode.Created);
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await AssertNotFoundProblemAsync(await partner.GetAsync($"/api/v1/incidents/{incident.Id()}"), "incident");
        await AssertNotFoundProblemAsync(await partner.GetAsync("/api/v1/insight/pack"), "pack");
        await AssertNotFoundProblemAsync(await partner.GetAsync("/api/v1/insight/pack.csv"), "pack export");
        await AssertNotFoundProblemAsync(await partner.PutAsJsonAsync("/api/v1/insight/strength",
            new { date = today, shift = "Late", district = "Stevenage", planned = 1, onDuty = 1, neighbourhoodAbstracted = 0 }), "strength");
        await AssertNotFoundProblemAsync(await partner.GetAsync("/api/v1/audits/crime-recording"), "recording audits");
        await AssertNotFoundProblemAsync(await partner.PostAsJsonAsync("/api/v1/audits/crime-recording", new { title = "x" }), "new recording audit");
        await AssertNotFoundProblemAsync(await partner.GetAsync("/api/v1/insight/hotspots?type=Burglary&until=2021-10&areaKm2=16"), "hotspots");
        await AssertNotFoundProblemAsync(await partner.PostAsJsonAsync("/api/v1/insight/nearrepeat", new { }), "near repeat");

        // Force roles outside an operation's role get the same answer: an officer records no strength, starts no audit.
        var officer = await app.ClientForAsync(Roles.Officer);
        await AssertNotFoundProblemAsync(await officer.PutAsJsonAsync("/api/v1/insight/strength", new { }), "strength as an officer");
        await AssertNotFoundProblemAsync(await officer.PostAsJsonAsync("/api/v1/audits/crime-recording", new { }), "new audit as an officer");

        // Hotspots are for the force's deployment: an analyst's request is validated and answered.
        var analyst = await app.ClientForAsync(Roles.Analyst);
        var wrong = await analyst.GetAsync("/api/v1/insight/hotspots?type=Burglary&until=2021-10&areaKm2=0");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("areaKm2", out _));
    }

    [Theory, Providers]
    public async Task A_list_is_empty_for_a_role_that_may_use_it_and_404_for_one_that_may_not(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        // Dacorum's council may use referrals and has been sent none: an empty list, not a refusal.
        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        var referrals = await dacorum.GetAsync("/api/v1/referrals");
        Assert.Equal(HttpStatusCode.OK, referrals.StatusCode);
        var list = await referrals.JsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Empty(list.GetProperty("items").EnumerateArray());

        // Incidents, people and the review queue are not a partner's lists at all.
        await AssertNotFoundProblemAsync(await dacorum.GetAsync("/api/v1/incidents"), "incident list");
        await AssertNotFoundProblemAsync(await dacorum.GetAsync("/api/v1/people?name=Smith"), "person search");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        await AssertNotFoundProblemAsync(await handler.GetAsync("/api/v1/identities/reviews"), "review queue for a call handler");
        var analyst = await app.ClientForAsync(Roles.Analyst);
        await AssertNotFoundProblemAsync(await analyst.GetAsync("/api/v1/asb/cases"), "case search for an analyst");
    }

    [Theory, Providers]
    public async Task A_page_the_role_may_not_use_is_the_not_found_page_with_404(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var partner = await app.CreateClientSignedInAsync(AsbTesting.WatfordCaseworker);
        foreach (var path in new[] { "/insight/pack", "/insight/strength", "/audits/crime-recording", "/asb/desk", "/admin/outbox", "/insight/pack.csv" })
        {
            var response = await partner.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: expected 404, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
            Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(html.Contains("Page not found", StringComparison.Ordinal), $"{path}: {html[..Math.Min(html.Length, 3000)]}");
        }
        // The pages the partner may use still open.
        var referrals = await partner.GetAsync("/referrals");
        Assert.Equal(HttpStatusCode.OK, referrals.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/asb/cases")).StatusCode);

        // A form posted to a page the partner may not use is not read either: the same not-found page.
        var token = System.Text.RegularExpressions.Regex.Match(await referrals.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await partner.PostAsync("/insight/strength", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "strength", ["__RequestVerificationToken"] = token, ["Form.Planned"] = "not a number",
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Contains("Page not found", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
