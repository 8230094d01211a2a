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
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/referrals/{support.GetProperty("id").GetInt64()}/feedback",
            new { outcome = "accepted", feedback = "x" })).StatusCode);

        var answered = await VictimCases.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/referrals/{made.GetProperty("id").GetInt64()}/feedback",
            new { outcome = "accepted", feedback = "Repair ordered for Thursday", version = made.GetProperty("version").GetInt32() }));
        Assert.Equal("Accepted", answered.GetProperty("status").GetString());
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
        await VictimCases.JsonAsync(await service.PostAsJsonAsync($"/api/v1/referrals/{released.GetProperty("id").GetInt64()}/feedback",
            new { outcome = "accepted", feedback = "Bereavement support offered", version = released.GetProperty("version").GetInt32() }));
        var told = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Purpose == "referral-feedback"));
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), told.Recipient);
    }
}
