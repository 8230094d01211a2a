using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>Dispatch first and assess after; a vulnerability assessment of every victim; prompts to check the risk.</summary>
[Collection("app")]
public class AssessmentAtIntakeTests(AppFixture fixture)
{
    private static async Task<JsonElement> CreatedAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> RefusedAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private static DateOnly Born(DateTimeOffset now, int yearsAgo) => DateOnly.FromDateTime(now.UtcDateTime).AddYears(-yearsAgo).AddDays(-30);

    [Theory, Providers]
    public async Task Domestic_abuse_is_dispatched_as_an_emergency_with_no_assessment_and_the_officer_completes_DASH_from_the_queue(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var now = app.Time.GetUtcNow();
        var report = Reports.DomesticAbuse(0);
        report["grade"] = "EMERGENCY";
        report.Remove("thrive");
        report.Remove("assessments");
        var incident = await CreatedAsync(handler, report);
        Assert.Equal(now.AddHours(8), incident.GetProperty("thriveDueAt").GetDateTimeOffset());
        Assert.Empty(incident.GetProperty("assessments").EnumerateArray());
        var id = incident.GetProperty("id").GetInt64();

        // Not an emergency: THRIVE and DASH are both needed before intake ends.
        var priority = Reports.DomesticAbuse(0);
        priority.Remove("assessments");
        Assert.True((await RefusedAsync(handler, priority)).TryGetProperty("assessments", out _));

        var officer = await app.ClientForAsync(Roles.Officer);
        bool Due(JsonElement queue) => queue.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("incidentId").GetInt64() == id);
        Assert.True(Due(await officer.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500")));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/thrive", Reports.Thrive())).StatusCode);
        Assert.True(Due(await officer.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500")));
        var dash = await officer.PostAsJsonAsync($"/api/v1/incidents/{id}/assessments", new { instrument = "DASH", answers = Reports.Dash(14) });
        var assessed = await dash.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("High", assessed.GetProperty("level").GetString());
        Assert.Equal("MARAC", assessed.GetProperty("referralName").GetString());
        Assert.False(Due(await officer.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500")));
    }

    [Theory, Providers]
    public async Task A_form_with_more_than_half_its_answers_dont_know_is_incomplete_and_stays_due(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        // DASH asks 25 yes/no questions: 13 "don't know" is more than half, 12 is not.
        Dictionary<string, object?> WithDontKnow(int count)
        {
            var report = Reports.DomesticAbuse(0);
            var answers = Reports.Dash(0);
            foreach (var key in Reports.DashScored.Take(count))
            {
                answers[key] = "dont-know";
            }
            report["assessments"] = new object[] { new { instrument = "DASH", personIndex = 0, answers } };
            return report;
        }

        var incomplete = await CreatedAsync(handler, WithDontKnow(13));
        var assessment = incomplete.GetProperty("assessments")[0];
        Assert.True(assessment.GetProperty("incomplete").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, incomplete.GetProperty("thriveDueAt").ValueKind);
        var queue = await handler.GetFromJsonAsync<JsonElement>("/api/v1/queues/thrive?pageSize=500");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == incomplete.GetProperty("id").GetInt64());

        var complete = await CreatedAsync(handler, WithDontKnow(12));
        Assert.False(complete.GetProperty("assessments")[0].GetProperty("incomplete").GetBoolean());
        Assert.Equal(JsonValueKind.Null, complete.GetProperty("thriveDueAt").ValueKind);
    }

    [Theory, Providers]
    public async Task A_weapon_strangulation_or_threat_to_kill_prompts_a_check_of_the_risk_but_never_grades(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var report = Reports.DomesticAbuse(0);
        report["narrative"] = "Caller says her partner held a knife to her and had his hands round her throat; he strangled her until she passed out.";
        var incident = await CreatedAsync(handler, report);
        Assert.Equal("PRIORITY", incident.GetProperty("grade").GetString());
        var prompts = incident.GetProperty("riskPrompts").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(2, prompts.Count);
        Assert.Contains(prompts, p => p.StartsWith("A weapon is mentioned", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.StartsWith("Strangulation or choking is mentioned", StringComparison.Ordinal));

        // An answer prompts too: "threatened to kill" answered yes.
        var answered = Reports.DomesticAbuse(0);
        var answers = Reports.Dash(0);
        answers["threats-to-kill"] = "yes";
        answered["assessments"] = new object[] { new { instrument = "DASH", personIndex = 0, answers } };
        var threat = await CreatedAsync(handler, answered);
        Assert.Equal(["A threat to kill is mentioned: check the risk"], threat.GetProperty("riskPrompts").EnumerateArray().Select(p => p.GetString()).ToList());

        Assert.Empty((await CreatedAsync(handler, Reports.Burglary())).GetProperty("riskPrompts").EnumerateArray());
    }

    [Theory, Providers]
    public async Task An_elderly_burglary_victim_is_routed_to_the_desk_with_the_older_person_liaison_referral_suggested_at_intake(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var now = app.Time.GetUtcNow();
        var incident = await CreatedAsync(handler, Reports.Burglary(null, "PRIORITY", Reports.Victim("Edith", "Carrow", Born(now, 80).ToString("yyyy-MM-dd"))));
        var assessed = incident.GetProperty("vulnerability").EnumerateArray().Single();
        Assert.True(assessed.GetProperty("elderly").GetBoolean());
        Assert.True(assessed.GetProperty("enhanced").GetBoolean());
        Assert.Equal("elderly", assessed.GetProperty("ageBand").GetString());
        var age = assessed.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "age-band");
        Assert.Equal("Date of birth (aged 80)", age.GetProperty("source").GetString());
        Assert.Equal("Aged 75 or over", assessed.GetProperty("deskReasons").GetString());

        var id = incident.GetProperty("id").GetInt64();
        var (routing, review, referral) = await app.WithDbAsync(async db => (
            await db.DeskRoutings.Where(r => r.IncidentId == id).Select(r => r.Detail).SingleAsync(),
            await db.DeskReviews.AnyAsync(r => r.IncidentId == id),
            await db.Referrals.Where(r => r.IncidentId == id && r.Kind == ReferralKind.OlderPersonLiaison).Select(r => new { r.Status, r.Reason, r.CrimeRecordId }).SingleAsync()));
        Assert.Equal("Vulnerable victim: Aged 75 or over", routing);
        Assert.True(review);
        Assert.Equal(ReferralStatus.Suggested, referral.Status);
        Assert.Null(referral.CrimeRecordId);
        Assert.Equal("Older person liaison officer: Aged 75 or over", referral.Reason);
    }

    [Theory, Providers]
    public async Task A_victim_of_65_to_74_is_elderly_only_with_a_significant_financial_loss(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var now = app.Time.GetUtcNow();
        var victim = Reports.Victim("Alan", "Pryce", Born(now, 70).ToString("yyyy-MM-dd"));

        var noLoss = await CreatedAsync(handler, Reports.Burglary(null, "PRIORITY", victim));
        Assert.False(noLoss.GetProperty("vulnerability")[0].GetProperty("elderly").GetBoolean());
        var noLossId = noLoss.GetProperty("id").GetInt64();
        Assert.False(await app.WithDbAsync(db => db.DeskRoutings.AnyAsync(r => r.IncidentId == noLossId)));
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.IncidentId == noLossId)));

        var report = Reports.Burglary(null, "PRIORITY", victim);
        report["vulnerability"] = new object[] { new { personIndex = 0, answers = new Dictionary<string, string?> { ["financial-loss"] = "yes", ["isolated"] = "no" } } };
        var withLoss = await CreatedAsync(handler, report);
        var assessed = withLoss.GetProperty("vulnerability")[0];
        Assert.True(assessed.GetProperty("elderly").GetBoolean());
        Assert.Equal("Aged 65 or over with a significant financial loss", assessed.GetProperty("deskReasons").GetString());
        var loss = assessed.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "financial-loss");
        Assert.Equal("Asked at first contact", loss.GetProperty("source").GetString());
    }

    [Theory, Providers]
    public async Task The_vulnerability_assessment_fills_in_a_repeat_victim_from_the_ASB_matrix_and_refuses_unknown_answers(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await CreatedAsync(handler, Reports.Asb(Reports.Asb("reported-before", "afraid")));
        var assessed = incident.GetProperty("vulnerability")[0];
        var repeat = assessed.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "repeat");
        Assert.Equal("yes", repeat.GetProperty("answer").GetString());
        Assert.Equal("ASB risk assessment: reported before", repeat.GetProperty("source").GetString());

        var report = Reports.Burglary();
        report["vulnerability"] = new object[] { new { personIndex = 0, ageBand = "ancient", answers = new Dictionary<string, string?> { ["shoe-size"] = "yes", ["isolated"] = "maybe" } } };
        var errors = await RefusedAsync(handler, report);
        Assert.True(errors.TryGetProperty("vulnerability[0].ageBand", out _));
        Assert.True(errors.TryGetProperty("vulnerability[0].answers.shoe-size", out _));
        Assert.True(errors.TryGetProperty("vulnerability[0].answers.isolated", out _));
    }

    [Theory, Providers]
    public async Task A_high_risk_ASB_victim_is_graded_Scheduled_only_by_a_supervisor_with_a_recorded_reason(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        // targeted ×2 + hate ×2 + threats ×2 + afraid + health = 8: high.
        var high = Reports.Asb("targeted", "hate", "threats", "afraid", "health");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        Assert.Contains("supervisor", (await RefusedAsync(handler, Reports.Asb(high))).GetProperty("grade")[0].GetString());

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        Assert.True((await RefusedAsync(supervisor, Reports.Asb(high))).TryGetProperty("noAttendanceOverrideReason", out _));
        var report = Reports.Asb(high);
        report["noAttendanceOverrideReason"] = "Victim asked for a visit tomorrow morning; neighbourhood team briefed tonight";
        var incident = await CreatedAsync(supervisor, report);
        Assert.Equal("SCHEDULED", incident.GetProperty("grade").GetString());
        Assert.Equal("Victim asked for a visit tomorrow morning; neighbourhood team briefed tonight", incident.GetProperty("noAttendanceOverrideReason").GetString());

        var priority = Reports.Asb(high);
        priority["grade"] = "PRIORITY";
        await CreatedAsync(handler, priority);
    }

    [Theory, Providers]
    public async Task An_environmental_ASB_report_from_a_passer_by_needs_no_victim_questionnaire(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        Dictionary<string, object?> FlyTipping(object person) => new()
        {
            ["channel"] = "Online",
            ["typeCode"] = "ASB-ENVIRONMENTAL",
            ["narrative"] = "Mattresses and rubble dumped in the lay-by again.",
            ["location"] = new { text = "Lay-by, Watford Road, Watford", district = "Watford" },
            ["people"] = new[] { person },
            ["grade"] = "SCHEDULED",
            ["thrive"] = Reports.Thrive(),
        };
        var passerBy = await CreatedAsync(handler, FlyTipping(new { role = "Caller", firstName = "Priya", lastName = "Shah" }));
        Assert.Equal(JsonValueKind.Null, passerBy.GetProperty("thriveDueAt").ValueKind);
        Assert.Empty(passerBy.GetProperty("vulnerability").EnumerateArray());

        Assert.True((await RefusedAsync(handler, FlyTipping(Reports.Victim()))).TryGetProperty("assessments", out _));
    }
}
