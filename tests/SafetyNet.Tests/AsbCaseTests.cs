using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class AsbCaseTests(AppFixture fixture)
{
    private static async Task<string> UserIdAsync(SafetyNetApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<int> AgencyIdAsync(SafetyNetApp app, string code) =>
        await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());

    [Theory, Providers]
    public async Task Action_owners_see_due_and_overdue_actions_and_the_case_closes_with_outcome_and_satisfaction_then_reopens_keeping_history(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var incident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport());
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, incident.Id());
        var id = asbCase.Id();
        var officerId = await UserIdAsync(app, SafetyNetApp.DemoEmail(Roles.Officer));
        var now = app.Time.GetUtcNow();

        var missing = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("ownerUserId", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("dueAt", out _));

        var action = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions",
            new { title = "Visit the victim and agree a diary", ownerUserId = officerId, dueAt = now.AddDays(2) }).ExpectAsync(HttpStatusCode.Created);
        // An agency owns an action only on a case it can see: the case is shared with the association first.
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/shares", new { agencyId = await AgencyIdAsync(app, "HOUSING"), lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        var housingAction = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions",
            new { title = "Tenancy warning to the household named", ownerAgencyId = await AgencyIdAsync(app, "HOUSING"), dueAt = now.AddDays(5) }).ExpectAsync(HttpStatusCode.Created);

        var officer = await app.ClientForAsync(Roles.Officer);
        var mine = await officer.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine");
        var own = mine.EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == action.Id());
        Assert.False(own.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(mine.EnumerateArray(), a => a.GetProperty("id").GetInt64() == housingAction.Id());

        app.Time.Advance(TimeSpan.FromDays(3));
        officer = await app.ClientForAsync(Roles.Officer);
        own = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine")).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == action.Id());
        Assert.True(own.GetProperty("overdue").GetBoolean());
        var home = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer))).GetStringAsync("/");
        Assert.Contains("Visit the victim and agree a diary", home);
        Assert.Contains("Overdue", home);

        desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var current = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}");
        var open = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/close", new { version = current.GetProperty("version").GetInt32(), outcome = "Behaviour stopped", victimSatisfaction = 4 })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("open actions", open.GetProperty("errors").GetProperty("outcome")[0].GetString());

        await officer.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/actions/{action.Id()}", new { version = action.GetProperty("version").GetInt32(), status = "Done" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        await officer.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/actions/{action.Id()}", new { version = action.GetProperty("version").GetInt32(), status = "Done", outcome = "Diary sheets given" })
            .ExpectAsync(HttpStatusCode.OK);
        await desk.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/actions/{housingAction.Id()}", new { version = housingAction.GetProperty("version").GetInt32(), status = "Done", outcome = "Warning delivered" })
            .ExpectAsync(HttpStatusCode.OK);
        // An edit from the version read before the change is stale.
        await desk.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/actions/{housingAction.Id()}", new { version = housingAction.GetProperty("version").GetInt32(), outcome = "Changed" })
            .ExpectAsync(HttpStatusCode.Conflict);

        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/contacts", new { text = "Spoke to the victim: things are quieter" }).ExpectAsync(HttpStatusCode.Created);
        var badSatisfaction = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/close", new { version = current.GetProperty("version").GetInt32(), outcome = "Behaviour stopped", victimSatisfaction = 9 })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(badSatisfaction.GetProperty("errors").TryGetProperty("victimSatisfaction", out _));
        var closed = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/close", new { version = current.GetProperty("version").GetInt32(), outcome = "Behaviour stopped after the tenancy warning", victimSatisfaction = 4 })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(4, closed.GetProperty("victimSatisfaction").GetInt32());
        Assert.DoesNotContain((await officer.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine")).EnumerateArray(), a => a.GetProperty("caseId").GetInt64() == id);
        // Closing the case asks its victim how the force did, once, and never the person it was about.
        var asked = await app.WithDbAsync(db => db.SurveyInvitations.Where(i => i.Trigger == "closure")
            .Join(db.IncidentPeople, i => i.PersonId, p => p.Id, (i, p) => new { p.LastName, p.Role, i.IncidentId, i.SendAt }).ToListAsync());
        var survey = Assert.Single(asked);
        Assert.Equal(("Mbeki", PersonRole.Victim, incident.Id()), (survey.LastName, survey.Role, survey.IncidentId));
        Assert.InRange(survey.SendAt, closed.GetProperty("closedAt").GetDateTimeOffset().AddHours(6), closed.GetProperty("closedAt").GetDateTimeOffset().AddHours(24));

        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/reopen", new { version = closed.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.BadRequest);
        var reopened = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/reopen", new { version = closed.GetProperty("version").GetInt32(), reason = "The group is back" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Open", reopened.GetProperty("status").GetString());
        var chronology = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}/chronology")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        foreach (var kind in new[] { "opened", "incident", "desk-review", "action", "contact", "closed", "reopened" })
        {
            Assert.Contains(kind, chronology);
        }
        var texts = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}/chronology")).EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.Contains("Behaviour stopped after the tenancy warning", StringComparison.Ordinal));

        var reclosed = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/close", new { version = reopened.GetProperty("version").GetInt32(), outcome = "Group moved on" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Closed", reclosed.GetProperty("status").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.Trigger == "closure")));
    }

    [Theory, Providers]
    public async Task A_high_risk_case_falls_due_for_sergeant_inspector_and_chief_inspector_review_each_on_its_own_cadence(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var opened = app.Time.GetUtcNow();
        var high = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id(), "High")).Id();
        var medium = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id(), "Medium")).Id();

        static Dictionary<string, DateTimeOffset> Due(JsonElement c) =>
            c.GetProperty("reviews").EnumerateArray().ToDictionary(r => r.GetProperty("rank").GetString()!, r => r.GetProperty("dueAt").GetDateTimeOffset());
        var due = Due(await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{high}"));
        Assert.Equal(opened.AddDays(14), due["Sergeant"]);
        Assert.Equal(opened.AddDays(28), due["Inspector"]);
        Assert.Equal(opened.AddDays(56), due["ChiefInspector"]);
        Assert.Equal(["Sergeant", "Inspector"], Due(await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{medium}")).Keys);

        // Inspector and chief inspector reviews are a supervisor's, and only where the level calls for them.
        var byDesk = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{high}/reviews", new { text = "Reviewed", rank = "Inspector" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("supervisor", byDesk.GetProperty("errors").GetProperty("rank")[0].GetString());
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var noChief = await supervisor.PostAsJsonAsync($"/api/v1/asb/cases/{medium}/reviews", new { text = "Reviewed", rank = "ChiefInspector" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A medium risk case has no chief inspector review", noChief.GetProperty("errors").GetProperty("rank")[0].GetString());
        var unknown = await supervisor.PostAsJsonAsync($"/api/v1/asb/cases/{high}/reviews", new { text = "Reviewed", rank = "Constable" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("rank", out _));

        app.Time.Advance(TimeSpan.FromDays(20));
        desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var sergeant = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{high}/reviews", new { text = "Diary reviewed; the injunction file is ready" }).ExpectAsync(HttpStatusCode.OK);
        due = Due(sergeant);
        Assert.Equal(opened.AddDays(34), due["Sergeant"]);
        Assert.Equal(opened.AddDays(28), due["Inspector"]);

        // The inspector's review falls overdue on its own: the case is listed as overdue though the sergeant's is not.
        app.Time.Advance(TimeSpan.FromDays(9));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        var overdue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/asb/cases?reviewOverdue=true&pageSize=100");
        var row = overdue.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == high);
        Assert.True(row.GetProperty("reviewOverdue").GetBoolean());
        Assert.Equal(opened.AddDays(28), row.GetProperty("nextReviewDueAt").GetDateTimeOffset());
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor))).GetStringAsync($"/asb/cases/{high}");
        Assert.Contains("Inspector review", page);
        Assert.Contains("Overdue", page);

        var inspector = await supervisor.PostAsJsonAsync($"/api/v1/asb/cases/{high}/reviews", new { text = "Partnership plan endorsed", rank = "inspector" }).ExpectAsync(HttpStatusCode.OK);
        due = Due(inspector);
        Assert.Equal(opened.AddDays(29 + 28), due["Inspector"]);
        Assert.Equal(opened.AddDays(34), due["Sergeant"]);
        Assert.Equal(opened.AddDays(56), due["ChiefInspector"]);
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/asb/cases?reviewOverdue=true&pageSize=100")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("id").GetInt64() == high);
        var chronology = await supervisor.GetStringAsync($"/api/v1/asb/cases/{high}/chronology");
        Assert.Contains("Inspector review: Partnership plan endorsed", chronology);
        Assert.Contains("Sergeant review: Diary reviewed", chronology);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "case.review" && a.RecordId == high.ToString() && a.Details == "Inspector")));
    }

    [Theory, Providers]
    public async Task A_case_is_shared_only_with_a_recorded_lawful_basis_and_consent_where_it_is_the_basis(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        var housing = await AgencyIdAsync(app, "HOUSING");
        var dacorum = await AgencyIdAsync(app, "COUNCIL-DACORUM");

        var noConsent = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares", new { agencyId = housing, lawfulBasis = "Consent", consentSought = true, consentGiven = false })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("consentGiven", out _));
        var noAgreement = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares", new { agencyId = dacorum, lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no information sharing agreement", noAgreement.GetProperty("errors").GetProperty("agencyId")[0].GetString());
        var badBasis = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares", new { agencyId = housing, lawfulBasis = "Because" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(badBasis.GetProperty("errors").TryGetProperty("lawfulBasis", out _));

        // Section 115 shares without consent; the victim's refusal, where asked, is recorded too.
        var shared = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares",
            new { agencyId = housing, lawfulBasis = "CrimeAndDisorderActSection115", consentSought = true, consentGiven = false, note = "To prevent further crime" })
            .ExpectAsync(HttpStatusCode.OK);
        var share = shared.GetProperty("shares").EnumerateArray().Single();
        Assert.Equal("CrimeAndDisorderActSection115", share.GetProperty("lawfulBasis").GetString());
        Assert.False(share.GetProperty("consentGiven").GetBoolean());
        var id = asbCase.Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "case.share" && e.RecordId == id && e.Details == "to HOUSING")));

        var housingClient = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        await housingClient.GetAsync($"/api/v1/asb/cases/{asbCase.Id()}").ExpectAsync(HttpStatusCode.OK);
        await desk.DeleteAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares/{share.GetProperty("id").GetInt64()}").ExpectAsync(HttpStatusCode.OK);
        await housingClient.GetAsync($"/api/v1/asb/cases/{asbCase.Id()}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task An_administrator_records_an_agreement_and_ends_it_and_the_partner_sees_the_shared_case_only_while_it_is_in_force(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var admin = await app.ClientForAsync(Roles.Administrator);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var dacorum = await AgencyIdAsync(app, "COUNCIL-DACORUM");
        var today = DateOnly.FromDateTime(SafetyNetApp.Start.UtcDateTime);

        // Only an administrator records one, and what is wrong is named.
        await desk.PostAsJsonAsync("/api/v1/asb/sharing-agreements", new { agencyId = dacorum, title = "ASB", categories = new[] { "parties" }, startsOn = today })
            .ExpectAsync(HttpStatusCode.NotFound);
        var bad = await admin.PostAsJsonAsync("/api/v1/asb/sharing-agreements",
            new { agencyId = dacorum, title = "ASB", categories = new[] { "everything" }, startsOn = today, endsOn = today.AddDays(-1) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'everything' is not a category", bad.GetProperty("errors").GetProperty("categories")[0].GetString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("endsOn", out _));
        var agreement = await admin.PostAsJsonAsync("/api/v1/asb/sharing-agreements",
            new { agencyId = dacorum, title = "Dacorum community safety partnership", categories = new[] { "parties", "actions" }, startsOn = today })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.True(agreement.GetProperty("current").GetBoolean());

        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares", new { agencyId = dacorum, lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        var partner = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await partner.GetAsync($"/api/v1/asb/cases/{asbCase.Id()}").ExpectAsync(HttpStatusCode.OK);

        // Ended today, with a stale version refused: it holds to the end of the day and not after.
        var id = agreement.GetProperty("id").GetInt64();
        var version = agreement.GetProperty("version").GetInt32();
        await admin.PostAsJsonAsync($"/api/v1/asb/sharing-agreements/{id}/end", new { version = version + 1 }).ExpectAsync(HttpStatusCode.Conflict);
        var ended = await admin.PostAsJsonAsync($"/api/v1/asb/sharing-agreements/{id}/end", new { version }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(today.ToString("yyyy-MM-dd"), ended.GetProperty("endsOn").GetString());
        await partner.GetAsync($"/api/v1/asb/cases/{asbCase.Id()}").ExpectAsync(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromDays(1));
        partner = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await partner.GetAsync($"/api/v1/asb/cases/{asbCase.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        var listed = await partner.GetFromJsonAsync<JsonElement>("/api/v1/asb/sharing-agreements");
        Assert.False(Assert.Single(listed.EnumerateArray()).GetProperty("current").GetBoolean());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "sharing-agreement.end" && e.RecordId == id.ToString())));
    }

    [Theory, Providers]
    public async Task Suggestions_offer_incidents_of_the_case_parties_and_place_and_search_finds_cases_by_party(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var place = $"{Guid.NewGuid():N} Parade, Watford";
        var surname = $"Q{Guid.NewGuid():N}"[..12];
        var first = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: place));
        var samePlace = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(first: "Other", last: "Person", place: place));
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, first.Id());

        var suggestions = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{asbCase.Id()}/suggestions");
        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("incidentId").GetInt64() == samePlace.Id());
        Assert.DoesNotContain(suggestions.EnumerateArray(), s => s.GetProperty("incidentId").GetInt64() == first.Id());

        var found = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={surname}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(asbCase.Id(), found.GetProperty("items")[0].GetProperty("id").GetInt64());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = samePlace.Id() }).ExpectAsync(HttpStatusCode.OK);
        var bad = await desk.GetAsync("/api/v1/asb/cases?risk=Extreme&pageSize=900").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("risk", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}

public class AsbDemoTests
{
    [Theory, Providers]
    public async Task The_demo_has_a_desk_queue_and_cases_shared_with_some_partner_agencies_and_not_others(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider, settings: new Dictionary<string, string?> { ["Demo:Incidents"] = "1500" }).ReadyAsync();
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var queue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/desk");
        Assert.True(queue.GetProperty("total").GetInt32() > 0);
        var cases = await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/cases?status=Open&pageSize=500");
        var total = cases.GetProperty("total").GetInt32();
        Assert.True(total >= 10, $"{total} demo cases");
        // The Community Trigger rule, not the seeder, flags the demo's cases: some, and no more than a third.
        var flagged = cases.GetProperty("items").EnumerateArray().Count(c => c.GetProperty("triggerFlagged").GetBoolean());
        Assert.True(flagged >= 1 && flagged * 3 <= total, $"{flagged} of {total} demo cases flagged");
        Assert.NotEmpty((await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/flagged"))[0].GetProperty("complaints").EnumerateArray());

        var watford = (await (await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker)).GetFromJsonAsync<JsonElement>("/api/v1/asb/cases")).GetProperty("total").GetInt32();
        var housing = (await (await app.ClientForEmailAsync(AsbTesting.HousingCaseworker)).GetFromJsonAsync<JsonElement>("/api/v1/asb/cases")).GetProperty("total").GetInt32();
        var dacorum = (await (await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker)).GetFromJsonAsync<JsonElement>("/api/v1/asb/cases")).GetProperty("total").GetInt32();
        Assert.InRange(watford, 1, total - 1);
        Assert.InRange(housing, 1, total - 1);
        Assert.Equal(0, dacorum);
        var actions = await (await app.ClientForAsync(Roles.Officer)).GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine");
        Assert.Contains(actions.EnumerateArray(), a => a.GetProperty("overdue").GetBoolean());
        var first = cases.GetProperty("items")[0].GetProperty("id").GetInt64();
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{first}/chronology");
        Assert.True(chronology.GetArrayLength() >= 3);
    }
}
