using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class IncidentsApiTests(AppFixture fixture)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static JsonElement Errors(JsonElement problem) => problem.GetProperty("errors");

    [Theory, Providers]
    public async Task A_burglary_is_recorded_with_its_attendance_target_and_a_crime_decision_due_in_24_hours(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var now = app.Time.GetUtcNow();
        var incident = await CreatedAsync(client, Reports.Burglary());

        Assert.StartsWith("HC-", incident.GetProperty("reference").GetString());
        Assert.Equal("PRIORITY", incident.GetProperty("grade").GetString());
        Assert.True(incident.GetProperty("mandatoryAttendance").GetBoolean());
        Assert.Equal(now.AddMinutes(60), incident.GetProperty("attendanceDueAt").GetDateTimeOffset());
        var crime = incident.GetProperty("crimeRecords").EnumerateArray().Single();
        Assert.Equal("Pending", crime.GetProperty("status").GetString());
        Assert.Equal(now.AddHours(24), crime.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(incident.GetProperty("people")[0].GetProperty("id").GetInt64(), crime.GetProperty("victimId").GetInt64());
        Assert.Equal(1, incident.GetProperty("version").GetInt32());

        var id = incident.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "incident.create" && e.RecordId == id)));
    }

    [Theory, Providers]
    public async Task Intake_cannot_be_completed_without_THRIVE_unless_an_emergency_is_dispatched_first(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var report = Reports.Burglary();
        report.Remove("thrive");
        var refused = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(Errors(await JsonAsync(refused)).TryGetProperty("thrive", out _));

        report["grade"] = "EMERGENCY";
        report["channel"] = "Emergency999";
        var incident = await CreatedAsync(client, report);
        var now = app.Time.GetUtcNow();
        // Due to the attending officer after the configured hours (seed: 8).
        Assert.Equal(now.AddHours(8), incident.GetProperty("thriveDueAt").GetDateTimeOffset());
        Assert.Equal(now.AddMinutes(15), incident.GetProperty("attendanceDueAt").GetDateTimeOffset());
        var id = incident.GetProperty("id").GetInt64();

        var queue = await client.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == id);

        var thrive = await client.PostAsJsonAsync($"/api/v1/incidents/{id}/thrive", Reports.Thrive());
        Assert.Equal(HttpStatusCode.Created, thrive.StatusCode);
        queue = await client.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == id);
    }

    [Theory, Providers]
    public async Task Mandatory_attendance_types_need_a_supervisors_recorded_override_to_go_unattended(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var refused = await handler.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(grade: "RESOLVED"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("supervisor", Errors(await JsonAsync(refused)).GetProperty("grade")[0].GetString());

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var noReason = await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(grade: "RESOLVED"));
        Assert.True(Errors(await JsonAsync(noReason)).TryGetProperty("noAttendanceOverrideReason", out _));

        var report = Reports.Burglary(grade: "RESOLVED");
        report["noAttendanceOverrideReason"] = "Victim abroad; reported for insurance only, scene already cleaned";
        var incident = await CreatedAsync(supervisor, report);
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("attendanceDueAt").ValueKind);
        Assert.Contains("supervisor", incident.GetProperty("noAttendanceOverrideBy").GetString());
    }

    [Theory, Providers]
    public async Task DASH_with_14_yes_answers_is_high_risk_and_raises_the_MARAC_flag(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var high = (await CreatedAsync(client, Reports.DomesticAbuse(14))).GetProperty("assessments")[0];
        Assert.Equal(14, high.GetProperty("score").GetInt32());
        Assert.Equal("High", high.GetProperty("level").GetString());
        Assert.True(high.GetProperty("referralFlag").GetBoolean());
        Assert.Equal("MARAC", high.GetProperty("referralName").GetString());

        var medium = (await CreatedAsync(client, Reports.DomesticAbuse(13))).GetProperty("assessments")[0];
        Assert.Equal("Medium", medium.GetProperty("level").GetString());
        Assert.False(medium.GetProperty("referralFlag").GetBoolean());
        var standard = (await CreatedAsync(client, Reports.DomesticAbuse(9))).GetProperty("assessments")[0];
        Assert.Equal("Standard", standard.GetProperty("level").GetString());
    }

    [Theory, Providers]
    public async Task The_ASB_matrix_scores_doubled_questions_and_overrides_only_raise(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        // targeted ×2 + threats ×2 + afraid + health = 6: medium.
        var incident = await CreatedAsync(handler, Reports.Asb(Reports.Asb("targeted", "threats", "afraid", "health")));
        var assessment = incident.GetProperty("assessments")[0];
        Assert.Equal(6, assessment.GetProperty("score").GetInt32());
        Assert.Equal("Medium", assessment.GetProperty("level").GetString());
        var id = incident.GetProperty("id").GetInt64();
        var answers = Reports.Asb("targeted", "threats", "afraid", "health");

        var lower = await handler.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "ASB", answers, levelOverride = "Low", overrideReason = "Seems minor" });
        Assert.Equal(HttpStatusCode.BadRequest, lower.StatusCode);
        Assert.Contains("never lower", Errors(await JsonAsync(lower)).GetProperty("levelOverride")[0].GetString());

        var raiseWithoutReason = await handler.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "ASB", answers, levelOverride = "High" });
        Assert.True(Errors(await JsonAsync(raiseWithoutReason)).TryGetProperty("overrideReason", out _));

        var raised = await handler.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "ASB", answers, levelOverride = "High", overrideReason = "Victim has been targeted for months" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var raisedBody = await JsonAsync(raised);
        Assert.Equal("High", raisedBody.GetProperty("level").GetString());
        Assert.Equal("Medium", raisedBody.GetProperty("computedLevel").GetString());

        var notReviewer = await handler.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "ASB", answers, reassessment = true, level = "Low", reason = "Resolved" });
        Assert.Equal(HttpStatusCode.BadRequest, notReviewer.StatusCode);

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var reassessed = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "ASB", answers, reassessment = true, level = "Low", reason = "Group dispersed; no reports for a month" });
        Assert.Equal(HttpStatusCode.Created, reassessed.StatusCode);
        Assert.Equal("Low", (await JsonAsync(reassessed)).GetProperty("level").GetString());

        var history = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal(3, history.GetProperty("assessments").GetArrayLength());
    }

    [Theory, Providers]
    public async Task Crime_decisions_record_reclassify_and_only_the_registrar_cancels(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await CreatedAsync(handler, Reports.Burglary());
        var id = incident.GetProperty("id").GetInt64();
        var record = incident.GetProperty("crimeRecords")[0];
        var recordId = record.GetProperty("id").GetInt64();

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var notCrime = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions", new { crimeRecordId = recordId, decision = "not-a-crime", version = record.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, notCrime.StatusCode);
        var notCrimeErrors = Errors(await JsonAsync(notCrime));
        Assert.True(notCrimeErrors.TryGetProperty("reason", out _));
        Assert.True(notCrimeErrors.TryGetProperty("details", out _));

        var recorded = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = recordId, decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var crime = await JsonAsync(recorded);
        Assert.Equal("Recorded", crime.GetProperty("status").GetString());
        Assert.Equal("Burglary", crime.GetProperty("policeUkCategory").GetString());
        Assert.StartsWith("HC/", crime.GetProperty("crimeReference").GetString());

        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/queues/crime-recording?pageSize=500");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("crimeRecordId").GetInt64() == recordId);

        var reclassified = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = recordId, decision = "reclassify", offenceSubgroup = "Non-residential burglary", reason = "Outbuilding not part of the dwelling", version = crime.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, reclassified.StatusCode);
        var afterReclassify = await JsonAsync(reclassified);
        Assert.Equal("Non-residential burglary", afterReclassify.GetProperty("offenceSubgroup").GetString());
        Assert.Equal(2, afterReclassify.GetProperty("history").GetArrayLength());

        var cancelBySupervisor = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = recordId, decision = "cancel", details = "CCTV shows the owner lost the key and forced the door himself", version = afterReclassify.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, cancelBySupervisor.StatusCode);

        var registrar = await app.ClientForAsync(Roles.CrimeRegistrar);
        var cancelWithoutInformation = await registrar.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions", new { crimeRecordId = recordId, decision = "cancel", version = afterReclassify.GetProperty("version").GetInt32() });
        Assert.True(Errors(await JsonAsync(cancelWithoutInformation)).TryGetProperty("details", out _));
        var cancelled = await registrar.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = recordId, decision = "cancel", details = "CCTV shows the owner lost the key and forced the door himself", version = afterReclassify.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var final = await JsonAsync(cancelled);
        Assert.Equal("Cancelled", final.GetProperty("status").GetString());
        Assert.Equal(new[] { "Recorded", "Reclassified", "Cancelled" }, final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString() ?? "").ToArray());
    }

    [Theory, Providers]
    public async Task A_report_that_may_be_a_crime_by_any_route_gets_a_decision_due_24_hours_after_the_report(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await CreatedAsync(handler, Reports.Asb(Reports.Asb("afraid")));
        Assert.Equal(0, incident.GetProperty("crimeRecords").GetArrayLength());
        var id = incident.GetProperty("id").GetInt64();
        var reportedAt = incident.GetProperty("reportedAt").GetDateTimeOffset();

        app.Time.Advance(TimeSpan.FromMinutes(50));
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var patched = await desk.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = incident.GetProperty("version").GetInt32(), mayBeCrime = true });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var record = (await JsonAsync(patched)).GetProperty("crimeRecords").EnumerateArray().Single();
        Assert.Equal(reportedAt.AddHours(24), record.GetProperty("dueAt").GetDateTimeOffset());

        app.Time.Advance(TimeSpan.FromHours(24));
        desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var overdue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queues/crime-recording?overdueOnly=true&pageSize=500");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == id && i.GetProperty("overdue").GetBoolean());
    }

    [Theory, Providers]
    public async Task An_ASB_report_whose_answers_describe_hate_with_threats_is_on_the_crime_recording_queue_with_the_reason(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var hate = await CreatedAsync(handler, Reports.Asb(Reports.Asb("hate", "threats", "afraid")));
        var reportedAt = hate.GetProperty("reportedAt").GetDateTimeOffset();
        Assert.True(hate.GetProperty("mayBeCrime").GetBoolean());
        Assert.Equal("The answers describe hate-motivated threats or violence: a hate crime", hate.GetProperty("mayBeCrimeReason").GetString());
        var record = hate.GetProperty("crimeRecords").EnumerateArray().Single();
        Assert.Equal(reportedAt.AddHours(24), record.GetProperty("dueAt").GetDateTimeOffset());

        var damage = await CreatedAsync(handler, Reports.Asb(Reports.Asb("damage", "targeted", "reported-before")));
        Assert.Equal("The answers describe property damaged: criminal damage; the victim is targeted and has reported it before: harassment",
            damage.GetProperty("mayBeCrimeReason").GetString());

        var plain = await CreatedAsync(handler, Reports.Asb(Reports.Asb("afraid", "hate")));
        Assert.False(plain.GetProperty("mayBeCrime").GetBoolean());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("mayBeCrimeReason").ValueKind);
        Assert.Equal(0, plain.GetProperty("crimeRecords").GetArrayLength());

        var queue = await handler.GetFromJsonAsync<JsonElement>("/api/v1/queues/crime-recording?pageSize=500");
        var row = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("incidentId").GetInt64() == hate.GetProperty("id").GetInt64());
        Assert.Equal("The answers describe hate-motivated threats or violence: a hate crime", row.GetProperty("mayBeCrimeReason").GetString());
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == plain.GetProperty("id").GetInt64());
    }

    [Theory, Providers]
    public async Task A_concern_for_safety_whose_account_describes_a_crime_gets_a_decision_unless_the_account_denies_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var concern = ConcernForSafety("Caller's elderly neighbour says her grandson threatened her and smashed her front window last night.");
        var crime = await CreatedAsync(handler, concern);
        Assert.Equal("The account describes threats (a public order offence or an assault), criminal damage", crime.GetProperty("mayBeCrimeReason").GetString());
        Assert.Single(crime.GetProperty("crimeRecords").EnumerateArray());

        var denied = await CreatedAsync(handler, ConcernForSafety("Caller worried about her neighbour, who has not been seen for two days; she says she was not threatened."));
        Assert.False(denied.GetProperty("mayBeCrime").GetBoolean());
        Assert.Equal(0, denied.GetProperty("crimeRecords").GetArrayLength());

        var marked = ConcernForSafety("Caller worried about her neighbour.");
        marked["mayBeCrime"] = true;
        Assert.Equal("The person who recorded the report judged that it may amount to a crime", (await CreatedAsync(handler, marked)).GetProperty("mayBeCrimeReason").GetString());
    }

    private static Dictionary<string, object?> ConcernForSafety(string narrative) => new()
    {
        ["channel"] = "NonEmergency101",
        ["typeCode"] = "CONCERN-FOR-SAFETY",
        ["narrative"] = narrative,
        ["location"] = new { text = "9 Cassio Road, Watford", district = "Watford" },
        ["people"] = new[] { Reports.Victim("Edith", "Moorcroft", "1938-05-02") },
        ["grade"] = "PRIORITY",
        ["thrive"] = Reports.Thrive(vulnerable: true),
    };

    [Theory, Providers]
    public async Task Attendance_queue_shows_breaches_until_arrival_is_recorded(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await CreatedAsync(handler, Reports.Burglary());
        var id = incident.GetProperty("id").GetInt64();
        app.Time.Advance(TimeSpan.FromMinutes(61));
        handler = await app.ClientForAsync(Roles.CallHandler);
        var breached = await handler.GetFromJsonAsync<JsonElement>("/api/v1/queues/attendance?breachedOnly=true&pageSize=500");
        Assert.Contains(breached.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == id && i.GetProperty("breached").GetBoolean());

        var officer = await app.ClientForAsync(Roles.Officer);
        var arrived = await officer.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, arrivedAt = app.Time.GetUtcNow() });
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        Assert.True((await JsonAsync(arrived)).GetProperty("attendanceBreached").GetBoolean());
        var queue = await handler.GetFromJsonAsync<JsonElement>("/api/v1/queues/attendance?pageSize=500");
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == id);
    }

    [Theory, Providers]
    public async Task A_stale_edit_gets_409_and_loses_nothing(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var incident = await CreatedAsync(client, Reports.Burglary());
        var id = incident.GetProperty("id").GetInt64();
        var first = await client.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, narrative = "First officer's update" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await JsonAsync(first)).GetProperty("version").GetInt32());

        var stale = await client.PutAsJsonAsync($"/api/v1/incidents/{id}", new
        {
            version = 1, typeCode = "BURGLARY-RESIDENTIAL", narrative = "Second officer's stale edit",
            location = new { text = "14 Holywell Hill, St Albans" },
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{id}");
        Assert.Equal("First officer's update", current.GetProperty("narrative").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Theory, Providers]
    public async Task Bad_input_names_every_bad_field_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var before = await app.WithDbAsync(db => db.Incidents.CountAsync());

        var impossibleDate = new StringContent("""{"channel":"Online","reportedAt":"2026-02-30T10:00:00Z"}""", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/incidents", impossibleDate);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Errors(await JsonAsync(response)).TryGetProperty("reportedAt", out _));

        var notJson = await client.PostAsync("/api/v1/incidents", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        var report = Reports.Burglary();
        report["channel"] = "Pigeon";
        report["narrative"] = new string('x', 10_001);
        report["people"] = new object[] { new { role = "Victim", firstName = "Ann", email = "not-an-email", dateOfBirth = "2099-01-01" } };
        var invalid = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = Errors(await JsonAsync(invalid));
        foreach (var field in new[] { "channel", "narrative", "people[0].email", "people[0].dateOfBirth" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var huge = new StringContent("{\"narrative\":\"" + new string('a', 1_100_000) + "\"}", Encoding.UTF8, "application/json");
        var tooLarge = await client.PostAsync("/api/v1/incidents", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        Assert.Equal(before, await app.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Theory, Providers]
    public async Task Markup_and_SQL_are_stored_as_typed(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        const string text = "<script>alert('x')</script> Robert'); DROP TABLE \"Incidents\";--";
        var report = Reports.Burglary();
        report["narrative"] = text;
        var incident = await CreatedAsync(client, report);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}");
        Assert.Equal(text, read.GetProperty("narrative").GetString());
    }

    [Theory, Providers]
    public async Task Callers_without_a_token_get_401_and_those_not_entitled_get_404(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var id = (await CreatedAsync(handler, Reports.Burglary())).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/incidents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/incidents")).StatusCode);

        foreach (var role in new[] { Roles.PartnerCaseworker, Roles.Analyst, Roles.Auditor })
        {
            var client = await app.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/incidents/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version = 1, narrative = "x" })).StatusCode);
            // Lists these roles may not use are not there for them at all.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/incidents")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/queues/crime-recording")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync("/api/v1/incidents/999999999")).StatusCode);
    }

    [Theory, Providers]
    public async Task Sensitive_records_need_a_purpose_which_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.Officer);
        var id = (await CreatedAsync(await app.ClientForAsync(Roles.CallHandler), Reports.DomesticAbuse(3))).GetProperty("id").GetInt64();
        var withoutPurpose = await client.GetAsync($"/api/v1/incidents/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, withoutPurpose.StatusCode);
        Assert.True(Errors(await JsonAsync(withoutPurpose)).TryGetProperty("X-Purpose", out _));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/incidents/{id}");
        request.Headers.Add("X-Purpose", "Preparing the safeguarding visit");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "incident.read" && e.RecordId == recordId && e.Purpose == "Preparing the safeguarding visit")));
    }

    [Theory, Providers]
    public async Task A_repeated_import_of_one_external_reference_changes_nothing(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var report = Reports.Burglary();
        report["channel"] = "CallHandlingImport";
        report["sourceSystem"] = "STORM";
        report["sourceReference"] = $"CAD-{Guid.NewGuid():N}";
        var first = await CreatedAsync(client, report);
        var count = await app.WithDbAsync(db => db.Incidents.CountAsync());
        report["narrative"] = "A different text that must not overwrite the record";
        var again = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await JsonAsync(again);
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(first.GetProperty("narrative").GetString(), second.GetProperty("narrative").GetString());
        Assert.Equal(count, await app.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Theory, Providers]
    public async Task A_repeated_import_of_a_sensitive_incident_answers_only_for_a_stated_purpose_and_the_answer_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var report = VictimCases.Report("DOMESTIC-ABUSE", "Partner kicked the door in", Reports.Victim("Henrietta", "Ravenscroft", "1987-08-08"));
        report["channel"] = "CallHandlingImport";
        report["sourceSystem"] = "STORM";
        var reference = $"CAD-{Guid.NewGuid():N}";
        report["sourceReference"] = reference;
        var first = await CreatedAsync(client, report);
        var id = first.GetProperty("id").GetInt64();

        // The import is repeated: the answer is the incident as it stands, so it is refused without a purpose, naming the header.
        var refused = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.True(problem.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain("Ravenscroft", problem.GetRawText(), StringComparison.Ordinal);

        const string purpose = "Reconciling the overnight STORM import";
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents") { Content = JsonContent.Create(report) };
        again.Headers.Add("X-Purpose", purpose);
        var answered = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(id, (await JsonAsync(answered)).GetProperty("id").GetInt64());
        var read = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Purpose == purpose).ToListAsync());
        Assert.Contains(read, e => e.Action == "incident.read" && e.RecordId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Actor == SafetyNetApp.DemoEmail(Roles.CallHandler));
        Assert.Equal(1, await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.SourceReference == reference)));
    }

    [Theory, Providers]
    public async Task People_are_found_by_name_and_show_their_earlier_incidents(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var last = $"Quartermaine{Guid.NewGuid():N}"[..20];
        await CreatedAsync(client, Reports.Burglary(people: Reports.Victim("Edith", last, "1950-05-05")));
        var second = await CreatedAsync(client, Reports.Burglary(people: Reports.Victim("EDITH", last.ToUpperInvariant(), "1950-05-05")));

        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?name=edith%20{last}");
        Assert.Equal(2, search.GetProperty("total").GetInt32());
        var personId = second.GetProperty("people")[0].GetProperty("id").GetInt64();
        // Earlier incidents are the identity's: background resolution links the two entries.
        await app.Services.GetRequiredService<SafetyNet.People.IdentityResolution>().ResolvePendingAsync(CancellationToken.None);
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        Assert.Single(person.GetProperty("otherIncidents").EnumerateArray());

        var missing = await client.GetAsync("/api/v1/people?name=");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/people/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/people?name={last}")).StatusCode);
    }

    [Theory, Providers]
    public async Task Lists_page_and_count_stably(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        for (var i = 0; i < 3; i++)
        {
            await CreatedAsync(client, Reports.Burglary());
        }
        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/v1/incidents?pageSize=2&page=1");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/incidents?pageSize=2&page=2");
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(page1.GetProperty("total").GetInt32(), page2.GetProperty("total").GetInt32());
        var ids = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/incidents?pageSize=501")).StatusCode);
        var types = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/incident-types");
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == "STALKING" && t.GetProperty("instrument").GetString() == "SDASH");
    }
}
