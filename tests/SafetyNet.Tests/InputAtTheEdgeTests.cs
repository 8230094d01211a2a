using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Input that cannot be stored faithfully (control characters, unpaired surrogates), reference values outside their
/// lists and edits without the version they were read at are refused where they come in, naming the field.
/// </summary>
[Collection("app")]
public class InputAtTheEdgeTests(AppFixture fixture)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Emoji = "\U0001F6A8 Watford";

    private static JsonElement Errors(JsonElement problem) => problem.GetProperty("errors");

    private static void Names(JsonElement problem, string field) =>
        Assert.True(Errors(problem).TryGetProperty(field, out _), $"no error for {field}: {problem}");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>Posts one form of a page as a browser would: the page's antiforgery token, the form's name and its fields.</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string path, string form, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["_handler"] = form;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory, Providers]
    public async Task A_control_character_or_an_unpaired_surrogate_in_any_JSON_string_is_refused_naming_the_field(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var before = await app.WithDbAsync(db => db.Incidents.CountAsync());

        var nul = Reports.Burglary();
        nul["narrative"] = "Back door forced\u0000 and jewellery taken";
        Names(await client.PostAsJsonAsync("/api/v1/incidents", nul).ExpectAsync(HttpStatusCode.BadRequest), "narrative");

        var nested = Reports.Burglary(people: new object[] { new { role = "Victim", firstName = "Ann\u001b", lastName = "Okafor" } });
        Names(await client.PostAsJsonAsync("/api/v1/incidents", nested).ExpectAsync(HttpStatusCode.BadRequest), "people[0].firstName");

        var surrogate = JsonSerializer.Serialize(Reports.Burglary()).Replace("Caller returned home", "Caller \\ud800 returned home", StringComparison.Ordinal);
        Names(await client.PostAsync("/api/v1/incidents", Json(surrogate)).ExpectAsync(HttpStatusCode.BadRequest), "narrative");

        var answerKey = Reports.Asb(new Dictionary<string, string?>(Reports.Asb()) { ["targeted\u0007"] = "yes" });
        await client.PostAsJsonAsync("/api/v1/incidents", answerKey).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await app.WithDbAsync(db => db.Incidents.CountAsync()));

        // Tab, carriage return and line feed are ordinary text and are kept as typed.
        var lines = Reports.Burglary();
        lines["narrative"] = "Back door forced.\r\nItems taken:\tring,\twatch";
        var created = await client.PostAsJsonAsync("/api/v1/incidents", lines).ExpectAsync(HttpStatusCode.Created);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{created.Id()}");
        Assert.Equal("Back door forced.\r\nItems taken:\tring,\twatch", read.GetProperty("narrative").GetString());
    }

    [Fact]
    public async Task The_API_reference_still_describes_every_string_as_a_string()
    {
        var app = await fixture.App(DatabaseProvider.Sqlite);
        var schemas = (await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        var email = schemas.GetProperty("LoginRequest").GetProperty("properties").GetProperty("email").GetProperty("type");
        Assert.Equal(new[] { "null", "string" }, email.EnumerateArray().Select(t => t.GetString() ?? "").ToArray());
        Assert.Equal("string", schemas.GetProperty("LocationResponse").GetProperty("properties").GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("string", schemas.GetProperty("ProblemRequest").GetProperty("properties").GetProperty("tactics").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("string", schemas.GetProperty("AssessmentRequest").GetProperty("properties").GetProperty("answers").GetProperty("additionalProperties").GetProperty("type").GetString());
    }

    [Theory, Providers]
    public async Task Signing_in_with_a_control_character_is_an_ordinary_refusal_by_the_API_and_the_page(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var anonymous = app.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "callhandler\u0000@safetynet.test", password = SafetyNetApp.Password });
        Assert.Contains(login.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        var withPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = SafetyNetApp.DemoEmail(Roles.CallHandler), password = "x\u0000" });
        Assert.Contains(withPassword.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });

        var browser = app.CreateClient();
        var page = await PostFormAsync(browser, "/sign-in", "sign-in",
            new Dictionary<string, string> { ["Form.Email"] = "callhandler\u0000@safetynet.test", ["Form.Password"] = SafetyNetApp.Password });
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_control_character_in_a_query_string_is_refused_naming_the_parameter(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        Names(await desk.GetAsync("/api/v1/asb/cases?q=%00abc").ExpectAsync(HttpStatusCode.BadRequest), "q");
        Names(await desk.GetAsync("/api/v1/incidents?pageSize=10&q=%01").ExpectAsync(HttpStatusCode.BadRequest), "q");
    }

    [Theory, Providers]
    public async Task A_page_form_with_a_control_character_shows_the_error_summary_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var browser = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));
        var title = $"Speeding\u0000 on the High Street {Guid.NewGuid():N}";
        var page = await PostFormAsync(browser, "/asb/priorities", "priority", new Dictionary<string, string>
        {
            ["Form.District"] = "Watford", ["Form.Title"] = title, ["Form.Description"] = "Cars racing past the school",
            ["Form.SetWith"] = "Oxhey residents' meeting", ["Form.SetOn.Day"] = "1", ["Form.SetOn.Month"] = "11", ["Form.SetOn.Year"] = "2026",
            ["Form.ReviewOn.Day"] = "1", ["Form.ReviewOn.Month"] = "1", ["Form.ReviewOn.Year"] = "2027",
        });
        Assert.Contains("govuk-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#title\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommunityPriorities.CountAsync(p => p.Description == "Cars racing past the school" && p.SetWith == "Oxhey residents' meeting")));
    }

    [Theory, Providers]
    public async Task A_district_outside_the_forces_list_is_refused_by_every_operation_and_nothing_is_stored(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var now = app.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(now).DateTime);
        var counts = () => app.WithDbAsync(async db => (
            await db.Incidents.CountAsync(), await db.Problems.CountAsync(), await db.MultiAgencyMeetings.CountAsync(),
            await db.TriggerApplications.CountAsync(), await db.CommunityPriorities.CountAsync(), await db.AsbCases.CountAsync()));
        var existing = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: "Market Street, Watford"));
        var before = await counts();

        foreach (var district in new[] { Script, Emoji, "Watford'; DROP TABLE \"Incidents\";--", "Narnia" })
        {
            var report = Reports.Burglary();
            report["location"] = new { text = "14 Holywell Hill, St Albans", district };
            Names(await handler.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.BadRequest), "location.district");
            Names(await handler.PatchAsJsonAsync($"/api/v1/incidents/{existing.Id()}",
                new { version = existing.GetProperty("version").GetInt32(), location = new { text = "Market Street, Watford", district } }).ExpectAsync(HttpStatusCode.BadRequest), "location.district");
            Names(await handler.PostAsJsonAsync("/api/v1/problems", new
            {
                title = "Street drinking", problemType = "Street drinking", district, latitude = 51.65, longitude = -0.40, radiusMetres = 300,
                comparisonLatitude = 51.75, comparisonLongitude = -0.30, comparisonRadiusMetres = 300, scanning = "Repeat calls", tactics = new[] { "outreach" },
            }).ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await desk.PostAsJsonAsync("/api/v1/asb/meetings", new { title = "Risk panel", district, heldAt = now.AddHours(-1), attendees = "PS Khan" })
                .ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new { applicantName = "Janet Mbeki", district, summary = "Nothing has changed" })
                .ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await desk.PostAsJsonAsync("/api/v1/asb/priorities", new
            {
                district, title = "Speeding", description = "Cars racing", setWith = "Residents' meeting", setOn = today.AddDays(-1), reviewOn = today.AddDays(30),
            }).ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await desk.PostAsJsonAsync("/api/v1/asb/cases", new { title = "Fly-tipping", category = "Environmental", riskLevel = "Low", district })
                .ExpectAsync(HttpStatusCode.BadRequest), "district");
            var query = Uri.EscapeDataString(district);
            Names(await desk.GetAsync($"/api/v1/asb/cases?district={query}").ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await desk.GetAsync($"/api/v1/asb/desk?district={query}").ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await handler.GetAsync($"/api/v1/incidents?district={query}").ExpectAsync(HttpStatusCode.BadRequest), "district");
            Names(await handler.GetAsync($"/api/v1/problems?district={query}").ExpectAsync(HttpStatusCode.BadRequest), "district");
        }
        Assert.Equal(before, await counts());
        Assert.Equal("Watford", (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{existing.Id()}")).GetProperty("location").GetProperty("district").GetString());

        // An LSOA is a code of its own shape, not free text.
        var lsoa = Reports.Burglary();
        lsoa["location"] = new { text = "14 Holywell Hill, St Albans", lsoaCode = "<b>x</b>", district = "St Albans" };
        Names(await handler.PostAsJsonAsync("/api/v1/incidents", lsoa).ExpectAsync(HttpStatusCode.BadRequest), "location.lsoaCode");

        // A known district in another case is the district as the force writes it.
        var report2 = Reports.Burglary();
        report2["location"] = new { text = "14 Holywell Hill, St Albans", district = "st albans" };
        var created = await handler.PostAsJsonAsync("/api/v1/incidents", report2).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("St Albans", created.GetProperty("location").GetProperty("district").GetString());
    }

    [Theory, Providers]
    public async Task A_team_or_officer_that_does_not_exist_is_refused_at_intake(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var before = await app.WithDbAsync(db => db.Incidents.CountAsync());
        var report = Reports.Burglary();
        report["owningTeamId"] = 987_654;
        report["officerInCaseId"] = "no-such-officer";
        var refused = await handler.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.BadRequest);
        Names(refused, "owningTeamId");
        Names(refused, "officerInCaseId");
        Assert.Equal(before, await app.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Theory, Providers]
    public async Task An_edit_without_its_version_is_refused_naming_version_and_a_stale_one_is_a_conflict(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incidentId, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("BICYCLE-THEFT", "Bike taken from the station", Reports.Victim("Lena", $"Hart{Guid.NewGuid():N}"[..12], "1991-04-04")), "Bicycle theft");
        var id = contract.GetProperty("id").GetInt64();
        using var purposeful = await app.ClientForAsync(Roles.Supervisor);
        purposeful.DefaultRequestHeaders.Add("X-Purpose", "Keeping the victim informed");
        var version = (await purposeful.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{id}")).GetProperty("version").GetInt32();

        Names(await purposeful.PatchAsJsonAsync($"/api/v1/victims/contracts/{id}", new { }).ExpectAsync(HttpStatusCode.BadRequest), "version");
        Names(await purposeful.PatchAsJsonAsync($"/api/v1/victims/contracts/{id}", new { needsAssessment = "Wants updates by text" }).ExpectAsync(HttpStatusCode.BadRequest), "version");
        await purposeful.PatchAsJsonAsync($"/api/v1/victims/contracts/{id}", new { needsAssessment = "Wants updates by text", version }).ExpectAsync(HttpStatusCode.OK);
        await purposeful.PatchAsJsonAsync($"/api/v1/victims/contracts/{id}", new { needsAssessment = "Stale", version }).ExpectAsync(HttpStatusCode.Conflict);

        // A crime recording decision is an edit of the crime record: it too needs the version read.
        var record = (await purposeful.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incidentId}")).GetProperty("crimeRecords")[0];
        var decision = new Dictionary<string, object?>
        {
            ["crimeRecordId"] = record.Id(), ["decision"] = "reclassify", ["offenceSubgroup"] = "Other theft offences", ["reason"] = "Taken from a shed, not a bike rack",
        };
        Names(await purposeful.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/crime-decisions", decision).ExpectAsync(HttpStatusCode.BadRequest), "version");
        decision["version"] = record.GetProperty("version").GetInt32() + 5;
        await purposeful.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/crime-decisions", decision).ExpectAsync(HttpStatusCode.Conflict);
        decision["version"] = record.GetProperty("version").GetInt32();
        await purposeful.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/crime-decisions", decision).ExpectAsync(HttpStatusCode.OK);
    }
}
