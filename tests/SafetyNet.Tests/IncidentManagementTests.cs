using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// An incident worked after it was recorded: regraded with a reason, assigned, logged, linked and closed with a result
/// code, each step in its log with who, when and why; and the officer in the case of its crimes.
/// </summary>
[Collection("app")]
public class IncidentManagementTests(AppFixture fixture)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> RecordAsync(HttpClient client, Dictionary<string, object?>? report = null) =>
        await ExpectAsync(await client.PostAsJsonAsync("/api/v1/incidents", report ?? Reports.Burglary()), HttpStatusCode.Created);

    private static JsonElement[] Log(JsonElement incident, string kind) =>
        incident.GetProperty("log").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind).ToArray();

    private static Task<string> UserIdAsync(SafetyNetApp app, string role) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(role)).Select(u => u.Id).FirstAsync());

    [Theory, Providers]
    public async Task A_regrade_needs_a_reason_and_restarts_the_attendance_target_from_the_time_of_the_new_grade(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await RecordAsync(handler);
        var id = incident.GetProperty("id").GetInt64();
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(60), incident.GetProperty("attendanceDueAt").GetDateTimeOffset());

        app.Time.Advance(TimeSpan.FromMinutes(40));
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var unexplained = await ExpectAsync(await supervisor.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, grade = "EMERGENCY" }), HttpStatusCode.BadRequest);
        Assert.True(unexplained.GetProperty("errors").TryGetProperty("regradeReason", out _));

        var regradedAt = app.Time.GetUtcNow();
        var regraded = await ExpectAsync(await supervisor.PatchAsJsonAsync($"/api/v1/incidents/{id}",
            new { version = 1, grade = "EMERGENCY", regradeReason = "The caller now says the burglar is still in the garden" }), HttpStatusCode.OK);

        // Emergency: 15 minutes in a town, 20 in the country, counted from the regrade, not from the report 40 minutes earlier.
        var target = regraded.GetProperty("location").GetProperty("rural").GetBoolean() ? 20 : 15;
        Assert.Equal(regradedAt.AddMinutes(target), regraded.GetProperty("attendanceDueAt").GetDateTimeOffset());
        Assert.False(regraded.GetProperty("attendanceBreached").GetBoolean());
        var entry = Assert.Single(Log(regraded, "Regraded"));
        Assert.Equal("Priority to Emergency: The caller now says the burglar is still in the garden", entry.GetProperty("text").GetString());
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Supervisor), entry.GetProperty("by").GetString());
        Assert.Equal(regradedAt, entry.GetProperty("at").GetDateTimeOffset());
    }

    [Theory, Providers]
    public async Task Only_a_supervisor_assigns_the_officer_in_the_case_who_then_finds_the_incident_and_its_crime_as_their_own(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officerId = await UserIdAsync(app, Roles.Officer);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await RecordAsync(handler);
        var id = incident.GetProperty("id").GetInt64();

        var officer = await app.ClientForAsync(Roles.Officer);
        var refused = await ExpectAsync(await officer.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, officerInCaseId = officerId }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("officerInCaseId", out _));
        var before = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my-work");
        Assert.DoesNotContain(before.GetProperty("incidents").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Code == "RESPONSE").Select(t => t.Id).FirstAsync());
        var assigned = await ExpectAsync(await supervisor.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, officerInCaseId = officerId, owningTeamId = team }), HttpStatusCode.OK);
        Assert.Equal("Demo officer", assigned.GetProperty("officerInCaseName").GetString());
        Assert.Contains("Demo officer", Assert.Single(Log(assigned, "Assigned")).GetProperty("text").GetString());
        // The report's crime follows the incident's officer: "my crimes" are those whose officer in the case is me.
        Assert.Equal(officerId, assigned.GetProperty("crimeRecords")[0].GetProperty("officerInCaseId").GetString());

        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my-work");
        Assert.Contains(mine.GetProperty("incidents").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Contains(mine.GetProperty("crimes").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Contains(mine.GetProperty("teamQueue").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        // An hour on, nobody has arrived: the supervisor's team queue counts it as overdue.
        app.Time.Advance(TimeSpan.FromMinutes(61));
        var teamWork = await (await app.ClientForAsync(Roles.Supervisor)).GetFromJsonAsync<JsonElement>("/api/v1/my-work");
        var queued = teamWork.GetProperty("teamQueue").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.True(queued.GetProperty("overdue").GetBoolean());
        Assert.True(teamWork.GetProperty("teamQueue").GetProperty("overdue").GetInt32() >= 1);
    }

    [Theory, Providers]
    public async Task The_officer_in_the_case_of_a_crime_is_set_by_a_supervisor_and_a_stale_change_gets_409(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officerId = await UserIdAsync(app, Roles.Officer);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await RecordAsync(supervisor);
        var id = incident.GetProperty("id").GetInt64();
        var crime = incident.GetProperty("crimeRecords")[0];
        var crimeId = crime.GetProperty("id").GetInt64();
        var version = crime.GetProperty("version").GetInt32();
        var route = $"/api/v1/incidents/{id}/crime-records/{crimeId}/officer-in-case";

        var officer = await app.ClientForAsync(Roles.Officer);
        await ExpectAsync(await officer.PutAsJsonAsync(route, new { version, officerInCaseId = officerId }), HttpStatusCode.BadRequest);
        await ExpectAsync(await supervisor.PutAsJsonAsync($"/api/v1/incidents/{id}/crime-records/{crimeId + 100_000}/officer-in-case", new { version, officerInCaseId = officerId }), HttpStatusCode.NotFound);
        var unknown = await ExpectAsync(await supervisor.PutAsJsonAsync(route, new { version, officerInCaseId = "nobody" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("officerInCaseId", out _));

        var set = await ExpectAsync(await supervisor.PutAsJsonAsync(route, new { version, officerInCaseId = officerId }), HttpStatusCode.OK);
        Assert.Equal(officerId, set.GetProperty("officerInCaseId").GetString());
        var stale = await supervisor.PutAsJsonAsync(route, new { version, officerInCaseId = await UserIdAsync(app, Roles.Supervisor) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my-work");
        Assert.Contains(mine.GetProperty("crimes").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        var current = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal(officerId, current.GetProperty("crimeRecords")[0].GetProperty("officerInCaseId").GetString());
    }

    [Theory, Providers]
    public async Task Notes_and_links_go_in_the_log_with_who_and_when_and_a_link_shows_on_both_incidents(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officer = await app.ClientForAsync(Roles.Officer);
        var first = await RecordAsync(officer);
        var second = await RecordAsync(officer);
        var (id, otherId) = (first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        var otherReference = second.GetProperty("reference").GetString()!;

        var empty = await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/log", new { text = " " }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var noted = await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/log", new { text = "Neighbour at number 16 has a doorbell camera" }), HttpStatusCode.Created);
        Assert.Equal("Note", noted.GetProperty("kind").GetString());
        Assert.Equal("Log entry", noted.GetProperty("kindLabel").GetString());

        var unknown = await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/links", new { linkedReference = "HC-000000-99999", reason = "Same offender" }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("linkedReference", out _));
        var itself = await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/links", new { linkedReference = first.GetProperty("reference").GetString(), reason = "Same" }), HttpStatusCode.BadRequest);
        Assert.True(itself.GetProperty("errors").TryGetProperty("linkedReference", out _));
        var unexplained = await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/links", new { linkedReference = otherReference }), HttpStatusCode.BadRequest);
        Assert.True(unexplained.GetProperty("errors").TryGetProperty("reason", out _));
        await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/links", new { linkedReference = otherReference.ToLowerInvariant(), reason = "Same address, same night" }), HttpStatusCode.Created);
        await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{otherId}/links", new { linkedReference = first.GetProperty("reference").GetString(), reason = "Again" }), HttpStatusCode.BadRequest);

        var read = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        var note = Assert.Single(Log(read, "Note"));
        Assert.Equal("Neighbour at number 16 has a doorbell camera", note.GetProperty("text").GetString());
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), note.GetProperty("by").GetString());
        Assert.Equal(app.Time.GetUtcNow(), note.GetProperty("at").GetDateTimeOffset());
        var link = Assert.Single(Log(read, "Linked"));
        Assert.Equal(otherReference, link.GetProperty("linkedReference").GetString());
        var back = Assert.Single(Log(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{otherId}"), "Linked"));
        Assert.Equal(first.GetProperty("reference").GetString(), back.GetProperty("linkedReference").GetString());
        Assert.Equal(id, back.GetProperty("linkedIncidentId").GetInt64());
        Assert.Equal("Same address, same night", back.GetProperty("text").GetString());
    }

    [Theory, Providers]
    public async Task The_officer_in_the_case_or_a_supervisor_closes_with_a_result_code_and_a_closed_incident_changes_no_more(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officerId = await UserIdAsync(app, Roles.Officer);
        var report = Reports.Burglary();
        report["officerInCaseId"] = officerId;
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await RecordAsync(handler, report);
        var id = incident.GetProperty("id").GetInt64();
        var close = $"/api/v1/incidents/{id}/closure";

        var notTheirs = await ExpectAsync(await handler.PostAsJsonAsync(close, new { version = 1, resultCode = "ADVICE-GIVEN", summary = "Advice given" }), HttpStatusCode.BadRequest);
        Assert.True(notTheirs.GetProperty("errors").TryGetProperty("resultCode", out _));
        var officer = await app.ClientForAsync(Roles.Officer);
        var noCode = await ExpectAsync(await officer.PostAsJsonAsync(close, new { version = 1, resultCode = "SOLVED", summary = "" }), HttpStatusCode.BadRequest);
        Assert.True(noCode.GetProperty("errors").TryGetProperty("resultCode", out _));
        Assert.True(noCode.GetProperty("errors").TryGetProperty("summary", out _));

        await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/log", new { text = "Scene examined" }), HttpStatusCode.Created);
        await ExpectAsync(await officer.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, arrivedAt = app.Time.GetUtcNow() }), HttpStatusCode.OK);
        var stale = await officer.PostAsJsonAsync(close, new { version = 1, resultCode = "CRIME-RECORDED", summary = "Passed to CID" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await JsonAsync(stale)).GetProperty("currentVersion").GetInt32());

        var closed = await ExpectAsync(await officer.PostAsJsonAsync(close, new { version = 2, resultCode = "crime-recorded", summary = "Passed to CID" }), HttpStatusCode.OK);
        Assert.Equal("CRIME-RECORDED", closed.GetProperty("resultCode").GetString());
        Assert.Equal("Crime recorded and passed for investigation", closed.GetProperty("result").GetString());
        Assert.Equal(app.Time.GetUtcNow(), closed.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Equal("Crime recorded and passed for investigation: Passed to CID", Assert.Single(Log(closed, "Closed")).GetProperty("text").GetString());
        Assert.Single(Log(closed, "Arrived"));

        var version = closed.GetProperty("version").GetInt32();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        await ExpectAsync(await supervisor.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version, grade = "EMERGENCY", regradeReason = "Late" }), HttpStatusCode.BadRequest);
        await ExpectAsync(await supervisor.PostAsJsonAsync(close, new { version, resultCode = "NO-TRACE", summary = "Again" }), HttpStatusCode.BadRequest);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/my-work");
        Assert.DoesNotContain(mine.GetProperty("incidents").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        // Notes may still follow the closure.
        await ExpectAsync(await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/log", new { text = "Victim told of the result" }), HttpStatusCode.Created);
    }
}
