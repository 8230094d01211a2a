using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

public sealed class ReferralsTests
{
    [Theory, Providers]
    public async Task A_recorded_crime_refers_the_victim_as_the_code_says_and_the_receiving_partner_gives_feedback(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);

        // Burglary of an 82-year-old: victim support automatically, and the older person liaison officer suggested.
        var (burglary, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(null, "PRIORITY", Reports.Victim(dob: "1944-03-12")), "Residential burglary");
        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=100");
        var mine = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("incidentId").GetInt64() == burglary).ToList();
        Assert.Equal([("OlderPersonLiaison", "Suggested"), ("VictimSupport", "Sent")],
            mine.Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("status").GetString()!)).Order().ToArray());
        var support = mine.Single(r => r.GetProperty("kind").GetString() == "VictimSupport");
        // Within two working days of Monday 23 November.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), support.GetProperty("dueAt").GetDateTimeOffset());

        // Domestic abuse: the victim must opt in; once she does the referral goes.
        var (_, _, abuse) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("DOMESTIC-ABUSE", "Partner threatened her", Reports.Victim("Lena", "Ward", "1992-07-07")), "Violence without injury");
        // Reading the contract of a sensitive report needs a purpose.
        var abusePath = $"/api/v1/victims/contracts/{abuse.GetProperty("id").GetInt64()}";
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync(abusePath)).StatusCode);
        using (var withPurpose = new HttpRequestMessage(HttpMethod.Get, abusePath))
        {
            withPurpose.Headers.Add("X-Purpose", "Arranging victim support");
            Assert.Equal(HttpStatusCode.OK, (await supervisor.SendAsync(withPurpose)).StatusCode);
        }
        var awaiting = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=AwaitingOptIn")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("VictimSupport", awaiting.GetProperty("kind").GetString());
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{abuse.GetProperty("id").GetInt64()}", new { victimSupportOptIn = true }));
        Assert.Equal(0, (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=AwaitingOptIn")).GetProperty("total").GetInt32());

        // A partner referral to Watford Borough Council: only that council's caseworker sees it, and answers it.
        var watford = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "COUNCIL-WATFORD").Select(a => a.Id).FirstAsync());
        var invalid = await supervisor.PostAsJsonAsync("/api/v1/referrals", new { incidentId = burglary, kind = "Partner" });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _) && errors.TryGetProperty("lawfulBasis", out _));
        var made = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/referrals", new
        {
            incidentId = burglary, kind = "Partner", toAgencyId = watford, reason = "Insecure back door on a council property",
            lawfulBasis = "Section 115 Crime and Disorder Act 1998", consent = true,
        }));
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        var seen = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/referrals")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([made.GetProperty("id").GetInt64()], seen.Select(r => r.GetProperty("id").GetInt64()).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/referrals/{support.GetProperty("id").GetInt64()}/accept",
            new { version = support.GetProperty("version").GetInt32() })).StatusCode);

        var accepted = await VictimCases.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/referrals/{made.GetProperty("id").GetInt64()}/accept",
            new { version = made.GetProperty("version").GetInt32() }));
        var answered = await VictimCases.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/referrals/{made.GetProperty("id").GetInt64()}/feedback",
            new { feedback = "Repair ordered for Thursday", version = accepted.GetProperty("version").GetInt32() }));
        Assert.Equal("FeedbackGiven", answered.GetProperty("status").GetString());
        var told = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Purpose == "referral-feedback"));
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Supervisor), told.Recipient);
        Assert.DoesNotContain("back door", told.Body, StringComparison.Ordinal);

        // The suggested liaison referral is sent by an officer.
        var liaison = mine.Single(r => r.GetProperty("kind").GetString() == "OlderPersonLiaison");
        var sent = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/referrals/{liaison.GetProperty("id").GetInt64()}/send", new { version = liaison.GetProperty("version").GetInt32() }));
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
    }

    [Theory, Providers]
    public async Task A_DASH_referral_flag_suggests_IDVA_and_the_MARAC_referral_made_at_intake_is_not_made_again(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var report = VictimCases.Report("DOMESTIC-ABUSE", "Ex-partner strangled her", Reports.Victim("Kim", "Lowe", "1988-01-01"));
        report["assessments"] = new[] { new { instrument = "DASH", answers = Reports.Dash(14) } };
        var (incident, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, report, "Violence without injury");
        var kinds = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=Suggested")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("incidentId").GetInt64() == incident).Select(r => r.GetProperty("kind").GetString()!).Order().ToArray();
        Assert.Equal(["Idva"], kinds);
        var marac = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?kind=Marac&pageSize=500")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("incidentId").GetInt64() == incident).ToList();
        Assert.Equal("Sent", Assert.Single(marac).GetProperty("status").GetString());

        // A suggestion is changed or dismissed by the officer, with a reason; a routed one keeps its destination.
        var suggested = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=Suggested")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("incidentId").GetInt64() == incident).ToDictionary(r => r.GetProperty("kind").GetString()!);
        var idva = suggested["Idva"];
        var idvaPath = $"/api/v1/referrals/{idva.GetProperty("id").GetInt64()}";
        var watford = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "COUNCIL-WATFORD").Select(a => a.Id).FirstAsync());
        var rerouted = await supervisor.PatchAsJsonAsync(idvaPath, new { reason = "DASH 14", toAgencyId = watford, version = idva.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, rerouted.StatusCode);
        Assert.True((await rerouted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("toAgencyId", out _));
        var edited = await VictimCases.JsonAsync(await supervisor.PatchAsJsonAsync(idvaPath, new { reason = "DASH 14: strangulation", version = idva.GetProperty("version").GetInt32() }));
        Assert.Equal("DASH 14: strangulation", edited.GetProperty("reason").GetString());
        var unexplained = await supervisor.PostAsJsonAsync($"{idvaPath}/dismiss", new { version = edited.GetProperty("version").GetInt32() });
        Assert.True((await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var dismissed = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"{idvaPath}/dismiss",
            new { reason = "She already has an IDVA from an earlier referral", version = edited.GetProperty("version").GetInt32() }));
        Assert.Equal(("Dismissed", "She already has an IDVA from an earlier referral"), (dismissed.GetProperty("status").GetString(), dismissed.GetProperty("dismissReason").GetString()));
        var adviser = await app.ClientForEmailAsync("idva@safetynet.test");
        Assert.Equal(0, (await adviser.GetFromJsonAsync<JsonElement>("/api/v1/referrals/worklist")).GetProperty("total").GetInt32());
    }

    private static async Task<List<long>> WorklistAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals/worklist?pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("id").GetInt64()).ToList();

    [Theory, Providers]
    public async Task The_receiving_team_answers_a_referral_in_turn_and_nobody_else_can(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incident, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(null, "PRIORITY", Reports.Victim(dob: "1941-05-02")), "Residential burglary");
        var all = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("incidentId").GetInt64() == incident).ToDictionary(r => r.GetProperty("kind").GetString()!);
        var suggestion = all["OlderPersonLiaison"];
        var id = suggestion.GetProperty("id").GetInt64();
        var path = $"/api/v1/referrals/{id}";
        var liaison = await app.ClientForEmailAsync("liaison.officer@safetynet.test");
        var service = await app.ClientForEmailAsync("victimsupport.caseworker@safetynet.test");
        Assert.Empty(await WorklistAsync(liaison));

        app.Time.Advance(TimeSpan.FromMinutes(20));
        var sent = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"{path}/send", new { version = suggestion.GetProperty("version").GetInt32() }));
        // Each worklist holds what was sent to that user's team or agency, and nothing else.
        Assert.Equal([id], await WorklistAsync(liaison));
        Assert.Equal([all["VictimSupport"].GetProperty("id").GetInt64()], await WorklistAsync(service));
        Assert.Empty(await WorklistAsync(supervisor));
        Assert.Empty(await WorklistAsync(await app.ClientForAsync(Roles.PartnerCaseworker)));

        // Only the receiving team answers; a stale answer is refused; a decline needs its reason.
        var version = sent.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"{path}/accept", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.PostAsJsonAsync($"{path}/accept", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await liaison.PostAsJsonAsync($"{path}/accept", new { version = version - 1 })).StatusCode);
        var unexplained = await liaison.PostAsJsonAsync($"{path}/decline", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.True((await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await liaison.PostAsJsonAsync($"{path}/feedback", new { feedback = "Visited", version })).StatusCode);

        var accepted = await VictimCases.JsonAsync(await liaison.PostAsJsonAsync($"{path}/accept", new { version }));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        // Feedback is due ten working days after acceptance on Monday 23 November: by the end of Monday 7 December.
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), accepted.GetProperty("feedbackDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.BadRequest, (await liaison.PostAsJsonAsync($"{path}/decline", new { reason = "Changed my mind", version = accepted.GetProperty("version").GetInt32() })).StatusCode);

        var future = await liaison.PostAsJsonAsync($"{path}/contacts", new { contactedOn = "2026-11-24", summary = "Visit" });
        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contactedOn", out _));
        await VictimCases.JsonAsync(await liaison.PostAsJsonAsync($"{path}/contacts", new { contactedOn = "2026-11-23", summary = "Visited: door chain and a bogus caller leaflet fitted" }));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsJsonAsync($"{path}/contacts", new { contactedOn = "2026-11-23", summary = "x" })).StatusCode);

        var fed = await VictimCases.JsonAsync(await liaison.PostAsJsonAsync($"{path}/feedback",
            new { feedback = "Visited on 23 November; security fitted", version = accepted.GetProperty("version").GetInt32() }));
        Assert.Equal("FeedbackGiven", fed.GetProperty("status").GetString());
        var told = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Purpose == "referral-feedback"));
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Supervisor), told.Recipient);
        var closed = await VictimCases.JsonAsync(await liaison.PostAsJsonAsync($"{path}/close", new { version = fed.GetProperty("version").GetInt32() }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        // The referrer reads the feedback and the visit in the referral's history.
        var read = await VictimCases.JsonAsync(await supervisor.GetAsync(path));
        Assert.Equal("Visited on 23 November; security fitted", read.GetProperty("referral").GetProperty("feedback").GetString());
        Assert.Equal(["Suggested", "Sent", "Accepted", "Contact on 23 November 2026", "Feedback given", "Closed"],
            read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!).ToArray());
    }

    [Theory, Providers]
    public async Task A_childs_safeguarding_referral_goes_to_childrens_services_an_adults_to_adult_care_and_none_to_an_agency_without_an_agreement(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (child, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(null, "PRIORITY", Reports.Victim("Ava", "Lim", "2014-06-01")), "Residential burglary");
        var (adult, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor,
            Reports.Burglary(Reports.Thrive(vulnerable: true), "PRIORITY", Reports.Victim("Ray", "Dunn", "1980-01-01")), "Residential burglary");
        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        var mash = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/referrals?kind=Mash")).GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("incidentId").GetInt64());
        Assert.Equal(agencies["CHILDRENS-SERVICES"], mash[child].GetProperty("toAgencyId").GetInt32());
        Assert.Equal(agencies["ADULT-SERVICES"], mash[adult].GetProperty("toAgencyId").GetInt32());
        foreach (var r in mash.Values)
        {
            await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/referrals/{r.GetProperty("id").GetInt64()}/send", new { version = r.GetProperty("version").GetInt32() }));
        }
        Assert.Equal([mash[child].GetProperty("id").GetInt64()], await WorklistAsync(await app.ClientForEmailAsync("childrens.caseworker@safetynet.test")));
        Assert.Equal([mash[adult].GetProperty("id").GetInt64()], await WorklistAsync(await app.ClientForEmailAsync("adultcare.caseworker@safetynet.test")));
        Assert.Equal(mash.Values.Select(r => r.GetProperty("id").GetInt64()).Order().ToArray(),
            (await WorklistAsync(await app.ClientForEmailAsync("mash.officer@safetynet.test"))).Order().ToArray());

        // The children's services caseworker's home page counts the referral, and, once its answer is late, as overdue.
        var childrens = await app.ClientForEmailAsync("childrens.caseworker@safetynet.test");
        var work = (await childrens.GetFromJsonAsync<JsonElement>("/api/v1/my-work")).GetProperty("referrals");
        Assert.Equal((1, 0), (work.GetProperty("total").GetInt32(), work.GetProperty("overdue").GetInt32()));
        // Two days on (signed in afresh: tokens do not outlive them).
        app.Time.Advance(TimeSpan.FromDays(2));
        childrens = await app.ClientForEmailAsync("childrens.caseworker@safetynet.test");
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        work = (await childrens.GetFromJsonAsync<JsonElement>("/api/v1/my-work")).GetProperty("referrals");
        Assert.Equal((1, 1), (work.GetProperty("total").GetInt32(), work.GetProperty("overdue").GetInt32()));
        Assert.Equal(JsonValueKind.Null, (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/my-work")).GetProperty("referrals").ValueKind);

        // The health service has no information sharing agreement with the force: nothing is shared with it.
        var refused = await supervisor.PostAsJsonAsync("/api/v1/referrals", new
        {
            incidentId = adult, kind = "Partner", toAgencyId = agencies["HEALTH"], reason = "Needs a GP welfare check", lawfulBasis = "Consent", consent = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no information sharing agreement", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("toAgencyId")[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.ToAgencyId == agencies["HEALTH"])));
    }
    [Theory, Providers]
    public async Task A_bereaved_relative_is_referred_only_on_opting_in_and_victim_support_feedback_reaches_the_officer_in_the_case(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incident, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("ASSAULT-SERIOUS", "Assaulted outside the pub; the victim recorded is his brother", Reports.Victim("Owen", "Parry", "1979-03-14")), "Violence with injury");
        var contractPath = $"/api/v1/victims/contracts/{contract.GetProperty("id").GetInt64()}";
        async Task<JsonElement> SupportAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?kind=VictimSupport&pageSize=100")).GetProperty("items").EnumerateArray()
                .Single(r => r.GetProperty("incidentId").GetInt64() == incident);

        // The automatic referral is answered by the victim support service; the answer goes to the officer in the case.
        var support = await SupportAsync(supervisor);
        Assert.Equal("Sent", support.GetProperty("status").GetString());
        var service = await app.ClientForEmailAsync("victimsupport.caseworker@safetynet.test");
        Assert.Equal("Sent", (await SupportAsync(service)).GetProperty("status").GetString());

        // Then the victim turns out to be the bereaved relative: the referral is held back until he opts in.
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync(contractPath, new { bereaved = true }));
        support = await SupportAsync(supervisor);
        Assert.Equal("AwaitingOptIn", support.GetProperty("status").GetString());
        Assert.DoesNotContain((await service.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=100")).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetInt64() == support.GetProperty("id").GetInt64());

        // Nobody sends it without his opt-in on record.
        var refused = await supervisor.PostAsJsonAsync($"/api/v1/referrals/{support.GetProperty("id").GetInt64()}/send", new { version = support.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("opted in", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString());

        await VictimCases.JsonAsync(await supervisor.PatchReadAsync(contractPath, new { victimSupportOptIn = true }));
        var released = await SupportAsync(service);
        Assert.Equal("Sent", released.GetProperty("status").GetString());
        var taken = await VictimCases.JsonAsync(await service.PostAsJsonAsync($"/api/v1/referrals/{released.GetProperty("id").GetInt64()}/accept",
            new { version = released.GetProperty("version").GetInt32() }));
        await VictimCases.JsonAsync(await service.PostAsJsonAsync($"/api/v1/referrals/{released.GetProperty("id").GetInt64()}/feedback",
            new { feedback = "Bereavement support offered", version = taken.GetProperty("version").GetInt32() }));
        var told = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Purpose == "referral-feedback"));
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), told.Recipient);
    }
}
