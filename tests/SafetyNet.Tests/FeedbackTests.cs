using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Feedback;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

public sealed partial class FeedbackTests
{
    [Fact]
    public void The_headline_figure_is_the_share_with_its_wilson_interval()
    {
        // 2,008 of 2,261 satisfied: p = 0.888103, z = 1.959964, z² = 3.841459, 1 + z²/n = 1.001699.
        // Centre (p + z²/2n) / 1.001699 = (0.888103 + 0.000850) / 1.001699 = 0.887444.
        // Half-width z / 1.001699 · √(p(1 − p)/n + z²/4n²) = 1.956640 · √(0.000043953 + 0.000000188) = 1.956640 · 0.0066439 = 0.013000.
        // So 87.44 % to 90.04 %, around 88.81 %.
        var figure = SatisfactionFigure.Of("all", "All", 2008, 2261);
        Assert.Equal("88.8 % (87.4 – 90.0 %)", figure.Headline);
        Assert.Equal(87.44, Math.Round(figure.WilsonLower, 2));
        Assert.Equal(90.04, Math.Round(figure.WilsonUpper, 2));
        // 5 of 5: p = 1, 1 + z²/5 = 1.768292; centre (1 + 0.384146) / 1.768292 = 0.782759; half-width 1.108396 · √(3.841459/100) = 0.217241.
        // 56.55 % to 100 %: an officer with five happy victims is not shown as certain.
        var small = SatisfactionFigure.Of("officer", "One officer", 5, 5);
        Assert.Equal("100.0 % (56.6 – 100.0 %)", small.Headline);
        Assert.Equal(56.55, Math.Round(small.WilsonLower, 2));
        Assert.Equal(100, small.WilsonUpper);
    }

    private static async Task<long> IncidentWithCallerAsync(HttpClient client, string type, object person)
    {
        var report = VictimCases.Report(type, "Reported a problem", person);
        var incident = await VictimCases.JsonAsync(await client.PostAsJsonAsync("/api/v1/incidents", report));
        return incident.GetProperty("id").GetInt64();
    }

    private static async Task<long> PersonIdAsync(SafetyNetApp app, long incidentId) =>
        await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incidentId).Select(p => p.Id).FirstAsync());

    /// <summary>Posts the public page's form as a browser would: its hidden fields (antiforgery, handler) and the answers.</summary>
    public static async Task<string> SubmitSurveyAsync(HttpClient browser, string path, IDictionary<string, string> answers)
    {
        var page = await browser.GetStringAsync(path);
        var fields = HiddenInput().Matches(page).Select(m => m.Value)
            .Select(tag => (Name: NameAttribute().Match(tag).Groups[1].Value, Value: WebUtility.HtmlDecode(ValueAttribute().Match(tag).Groups[1].Value)))
            .Where(f => f.Name.Length > 0).ToDictionary(f => f.Name, f => f.Value);
        foreach (var (name, value) in answers)
        {
            fields[name] = value;
        }
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex(@"/s/([A-Za-z0-9_\-]+)")]
    private static partial Regex SurveyLink();

    [Theory, Providers]
    public async Task A_caller_is_e_mailed_a_single_use_link_six_hours_later_and_a_dissatisfied_answer_opens_a_recovery_task(DatabaseProvider provider)
    {
        await using var smtp = await LoopbackSmtp.StartAsync();
        await using var app = await MessagingHarness.AppAsync(provider, smtp);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incidentId = await IncidentWithCallerAsync(handler, "ASB-NUISANCE",
            new { role = "Caller", firstName = "Jo", lastName = "Bell", email = "jo.bell@example.org" });
        var personId = await PersonIdAsync(app, incidentId);

        // Taking the report asks the caller: nobody has to remember to.
        var listed = await (await app.ClientForAsync(Roles.Supervisor)).GetFromJsonAsync<JsonElement>($"/api/v1/feedback/surveys?incidentId={incidentId}");
        var scheduled = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(("Email", "contact", personId, SafetyNetApp.Start.AddHours(6)),
            (scheduled.GetProperty("route").GetString(), scheduled.GetProperty("trigger").GetString(), scheduled.GetProperty("personId").GetInt64(), scheduled.GetProperty("sendAt").GetDateTimeOffset()));
        Assert.False(scheduled.TryGetProperty("token", out _));
        var again = await handler.PostAsJsonAsync("/api/v1/feedback/surveys", new { incidentId, personId, trigger = "contact" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Already invited", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await MessagingHarness.DrainAsync(app));
        app.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, await MessagingHarness.DrainAsync(app));
        var mail = Assert.Single(smtp.Delivered());
        Assert.Equal("jo.bell@example.org", mail.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("Reported a problem", mail.TextBody, StringComparison.Ordinal);
        var token = SurveyLink().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.True(token.Length >= 40);

        var browser = app.CreateClient();
        var page = await browser.GetStringAsync($"/s/{token}");
        Assert.Contains("How satisfied are you with what was done about the behaviour?", page, StringComparison.Ordinal);

        var missing = await SubmitSurveyAsync(browser, $"/s/{token}", new Dictionary<string, string> { ["Form.Answer1"] = "4" });
        Assert.Contains("There is a problem", missing, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));

        var thanks = await SubmitSurveyAsync(browser, $"/s/{token}", new Dictionary<string, string>
        {
            ["Form.Answer1"] = "4", ["Form.Answer2"] = "2", ["Form.Answer3"] = "1", ["Form.Answer4"] = "1", ["Form.Comment"] = "Nobody came back to me",
        });
        Assert.Contains("Thank you", thanks, StringComparison.Ordinal);
        var response = await app.WithDbAsync(db => db.SurveyResponses.SingleAsync());
        Assert.Equal((1, false, "ASB-NUISANCE", "NonEmergency101", 10), (response.Overall, response.Satisfied, response.IncidentTypeCode, response.ContactChannel, response.ContactHour));

        // The link works once: a second visit or submission records nothing and overwrites nothing.
        Assert.Contains("already been answered", await browser.GetStringAsync($"/s/{token}"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Contains("not recognised", await browser.GetStringAsync("/s/not-a-real-link"), StringComparison.Ordinal);

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var tasks = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feedback/recovery-tasks");
        var task = tasks.EnumerateArray().Single();
        Assert.Equal((incidentId, 1, "Nobody came back to me"), (task.GetProperty("incidentId").GetInt64(), task.GetProperty("overall").GetInt32(), task.GetProperty("comment").GetString()));
        var done = await supervisor.PostAsJsonAsync($"/api/v1/feedback/recovery-tasks/{task.GetProperty("id").GetInt64()}/complete",
            new { outcome = "Called Jo, apologised, PCSO visiting on Friday", version = task.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feedback/recovery-tasks")).EnumerateArray());
        handler = await app.ClientForAsync(Roles.CallHandler);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync("/api/v1/feedback/recovery-tasks")).StatusCode);
    }

    [Theory, Providers]
    public async Task Sensitive_reports_need_a_safe_channel_phone_only_callers_are_asked_by_telephone_and_poor_answers_raise_a_team_alert(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var abuse = await IncidentWithCallerAsync(handler, "DOMESTIC-ABUSE", new { role = "Victim", firstName = "Sam", lastName = "Cole", email = "sam@example.org" });
        var refused = await handler.PostAsJsonAsync("/api/v1/feedback/surveys", new { incidentId = abuse, personId = await PersonIdAsync(app, abuse), trigger = "contact" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("safe", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Overnight: a contact at 19:00 is surveyed at 08:00 the next morning, not at 01:00.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero));
        handler = await app.ClientForAsync(Roles.CallHandler);
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Code == "RESPONSE").Select(t => t.Id).FirstAsync());
        var invitations = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var report = VictimCases.Report("ASB-PERSONAL", "Shouting in the street", new { role = "Caller", firstName = "Alex", lastName = $"Hart{i}", phone = "07700 900 123" });
            report["owningTeamId"] = team;
            var incident = await VictimCases.JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents", report));
            var id = incident.GetProperty("id").GetInt64();
            var survey = await VictimCases.JsonAsync(await handler.PostAsJsonAsync("/api/v1/feedback/surveys", new { incidentId = id, personId = await PersonIdAsync(app, id), trigger = "closure" }));
            Assert.Equal(("Telephone", new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), (survey.GetProperty("route").GetString(), survey.GetProperty("sendAt").GetDateTimeOffset()));
            invitations.Add(survey.GetProperty("id").GetInt64());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        // The crime service team does not ring before the survey is due, at night least of all.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        var early = await (await app.ClientForAsync(Roles.CrimeServiceTeam)).PostAsJsonAsync($"/api/v1/feedback/surveys/{invitations[0]}/answers",
            new { scores = new { ease = 4, treatment = 4, action = 4, overall = 4 } });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("not due yet", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientForAsync(Roles.CrimeServiceTeam);
        var incomplete = await desk.PostAsJsonAsync($"/api/v1/feedback/surveys/{invitations[0]}/answers", new { scores = new { ease = 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        foreach (var id in invitations)
        {
            var answered = await desk.PostAsJsonAsync($"/api/v1/feedback/surveys/{id}/answers",
                new { scores = new { ease = 2, treatment = 2, action = 1, overall = 2 }, comment = "Still going on" });
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }
        var twice = await desk.PostAsJsonAsync($"/api/v1/feedback/surveys/{invitations[0]}/answers", new { scores = new { ease = 5, treatment = 5, action = 5, overall = 5 } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.Overall == 2)));

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var alert = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feedback/alerts")).EnumerateArray().Single();
        Assert.Equal(("Response", 3), (alert.GetProperty("team").GetString(), alert.GetProperty("poorAnswers").GetInt32()));
        var results = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feedback/results?by=team");
        Assert.Equal(3, results.GetProperty("overall").GetProperty("answers").GetInt32());
        Assert.Equal(0, results.GetProperty("overall").GetProperty("satisfied").GetInt32());
        var group = results.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal("Response", group.GetProperty("key").GetString());
        Assert.True(group.GetProperty("wilsonUpper").GetDouble() > 50);
        Assert.Equal(3, results.GetProperty("staffing").EnumerateArray().Single(h => h.GetProperty("hour").GetInt32() == 19).GetProperty("figure").GetProperty("answers").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/v1/feedback/results?by=shoe-size")).StatusCode);
        handler = await app.ClientForAsync(Roles.CallHandler);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync("/api/v1/feedback/results")).StatusCode);

        // The supervisor says what was done about the run; the alert leaves the list and cannot be acknowledged twice.
        var alertId = alert.GetProperty("id").GetInt64();
        var analyst = await app.ClientForAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync($"/api/v1/feedback/alerts/{alertId}/acknowledge", new { actionTaken = "Looked" })).StatusCode);
        var blank = await supervisor.PostAsJsonAsync($"/api/v1/feedback/alerts/{alertId}/acknowledge", new { actionTaken = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("actionTaken", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/v1/feedback/alerts/{alertId}/acknowledge",
            new { actionTaken = "Evening shift briefed; second call taker on Fridays" })).StatusCode);
        Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feedback/alerts")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/feedback/alerts/{alertId}/acknowledge", new { actionTaken = "Again" })).StatusCode);
        var kept = await app.WithDbAsync(db => db.TeamAlerts.SingleAsync(a => a.Id == alertId));
        Assert.Equal(("Evening shift briefed; second call taker on Fridays", SafetyNetApp.DemoEmail(Roles.Supervisor)), (kept.ActionTaken, kept.AcknowledgedBy));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "survey.alert-acknowledged")));

        // The dashboard shows any period asked for, and says plainly when the dates make no sense.
        var page = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor));
        var today = ForceClock.ToLocal(app.Time.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await page.GetStringAsync($"/feedback?by=team&from={today}&to={today}");
        Assert.Contains("0 of 3 answered 4 or 5 from", html, StringComparison.Ordinal);
        // None of 3 satisfied: 1 + z²/3 = 2.280486; centre (0 + 3.841459/6) / 2.280486 = 0.280748 = the half-width
        // 0.859452 · √(3.841459/36): the interval runs from 0 to 56.1 %.
        Assert.Contains("0.0 % (0.0 – 56.1 %)", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var future = ForceClock.ToLocal(app.Time.GetUtcNow()).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("0 of 0 answered 4 or 5", await page.GetStringAsync($"/feedback?from={future}"), StringComparison.Ordinal);
        var backwards = await page.GetStringAsync($"/feedback?from={today}&to=2020-01-01");
        Assert.Contains("There is a problem", backwards, StringComparison.Ordinal);
        Assert.Contains("The period must end on or after the day it starts", backwards, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Callers_are_asked_automatically_but_not_a_crimes_victim_before_their_contract_nor_records_brought_in_from_elsewhere(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var nuisance = await IncidentWithCallerAsync(handler, "ASB-NUISANCE", new { role = "Victim", firstName = "Ada", lastName = "Moss", email = "ada.moss@example.org" });
        var damage = await IncidentWithCallerAsync(handler, "CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Ben", lastName = "Moss", email = "ben.moss@example.org" });
        var witnessed = VictimCases.Report("CRIMINAL-DAMAGE", "Saw a car being kicked",
            new { role = "Caller", firstName = "Cal", lastName = "Moss", phone = "07700 900 555" });
        var called = (await VictimCases.JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents", witnessed))).GetProperty("id").GetInt64();

        var asked = await app.WithDbAsync(db => db.SurveyInvitations.Select(i => new { i.IncidentId, i.Trigger }).ToListAsync());
        // The victim of a report that is no crime, and the caller who reported a crime they did not suffer; the
        // crime's victim is asked after the first contact their contract records.
        Assert.Equal(new[] { nuisance, called }.Order(), asked.Select(a => a.IncidentId).Order());
        Assert.All(asked, a => Assert.Equal("contact", a.Trigger));
        Assert.DoesNotContain(asked, a => a.IncidentId == damage);

        // A report keyed in days after it was made is past the survey window and asks nobody.
        var late = VictimCases.Report("ASB-NUISANCE", "Noise last week", new { role = "Caller", firstName = "Dee", lastName = "Moss", email = "dee.moss@example.org" });
        late["reportedAt"] = app.Time.GetUtcNow().AddDays(-3);
        var lateId = (await VictimCases.JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents", late))).GetProperty("id").GetInt64();
        Assert.False(await app.WithDbAsync(db => db.SurveyInvitations.AnyAsync(i => i.IncidentId == lateId)));
    }
}
