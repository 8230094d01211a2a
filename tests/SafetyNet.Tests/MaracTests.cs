using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// The MARAC listing rule (decision 0107) and the MARAC co-ordinator's meetings (decision 0108): each criterion puts a
/// victim's case on the MARAC referral list whether or not a crime is recorded, once; a listing of the same victim
/// within a year is shown as a repeat; partners see only the MARACs their agency attended.
/// </summary>
[Collection("app")]
public class MaracTests(AppFixture fixture)
{
    public const string Coordinator = "marac.coordinator@safetynet.test";

    /// <summary>A domestic abuse report of a victim with a surname of this test's own, and (once known) the identity the call handler confirmed.</summary>
    private static Dictionary<string, object?> Abuse(string surname, int dashYes, long? identityId = null)
    {
        var report = Reports.DomesticAbuse(dashYes);
        report["people"] = new object[]
        {
            new { role = "Victim", firstName = "Alys", lastName = surname, dateOfBirth = "1991-05-04", sex = "Female", phone = "01727 960 456", identityId },
            new { role = "Suspect", firstName = "Rhodri", lastName = surname },
        };
        return report;
    }

    private static async Task<long> RecordAsync(HttpClient client, Dictionary<string, object?> report) =>
        (await client.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created)).Id();

    private static Task<List<Referral>> MaracReferralsAsync(SafetyNetApp app, long incident) =>
        app.WithDbAsync(db => db.Referrals.AsNoTracking().Where(r => r.IncidentId == incident && r.Kind == ReferralKind.Marac).ToListAsync());

    private static Task<long> IdentityOfVictimAsync(SafetyNetApp app, long incident) =>
        app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incident && p.Role == People.PersonRole.Victim).Select(p => p.IdentityId!.Value).SingleAsync());

    private static async Task<long> MeetingAsync(HttpClient coordinator, DateTimeOffset heldAt, params int[] agencies) =>
        (await coordinator.PostAsJsonAsync("/api/v1/marac/meetings", new
        {
            title = "MARAC – St Albans", district = "St Albans", heldAt, agencyIds = agencies, attendees = "DS Hale (police), IDVA, housing officer",
        }).ExpectAsync(HttpStatusCode.Created)).Id();

    [Theory, Providers]
    public async Task A_DASH_of_14_puts_a_case_with_no_crime_on_the_MARAC_list_once_and_13_does_not(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var surname = $"Mx{Guid.NewGuid():N}"[..12];

        var fourteen = await RecordAsync(supervisor, Abuse(surname, 14));
        var thirteen = await RecordAsync(supervisor, Abuse(surname + "b", 13));

        var referral = Assert.Single(await MaracReferralsAsync(app, fourteen));
        // No crime is recorded: the report's crime recording decision is still to be made.
        Assert.Equal(Crimes.CrimeRecordingStatus.Pending, await app.WithDbAsync(db => db.CrimeRecords.Where(c => c.IncidentId == fourteen).Select(c => c.Status).SingleAsync()));
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.StartsWith("MARAC criterion: DASH score of 14", referral.Reason, StringComparison.Ordinal);
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Code == ReferralTeams.Marac).Select(t => t.Id).SingleAsync());
        Assert.Equal(team, referral.ToTeamId);
        Assert.Empty(await MaracReferralsAsync(app, thirteen));

        // The co-ordinator's list holds it, with its criterion; an officer outside the team is answered as if there were no list.
        var coordinator = await app.ClientForEmailAsync(Coordinator);
        var waiting = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/marac/referrals");
        Assert.Contains(waiting.EnumerateArray(), r => r.Id() == referral.Id && r.GetProperty("reason").GetString()!.Contains("DASH score of 14", StringComparison.Ordinal));
        var officer = await app.ClientForAsync(Roles.Officer);
        await officer.GetAsync("/api/v1/marac/referrals").ExpectAsync(HttpStatusCode.NotFound);

        // A crime recorded later refers the victim to IDVA, and not to MARAC a second time.
        var record = await app.WithDbAsync(db => db.CrimeRecords.Where(c => c.IncidentId == fourteen).Select(c => new { c.Id, c.Version }).SingleAsync());
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{fourteen}/crime-decisions",
            new { crimeRecordId = record.Id, decision = "crime", offenceSubgroup = "Violence without injury", version = record.Version }).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(await MaracReferralsAsync(app, fourteen));
        Assert.True(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.IncidentId == fourteen && r.Kind == ReferralKind.Idva)));
    }

    [Theory, Providers]
    public async Task An_officers_professional_judgement_refers_to_MARAC_with_the_reason_written_down(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var officer = await app.ClientForAsync(Roles.Officer);
        var incident = await RecordAsync(supervisor, Abuse($"Mj{Guid.NewGuid():N}"[..12], 9));
        Assert.Empty(await MaracReferralsAsync(app, incident));

        var missing = await officer.PostAsJsonAsync("/api/v1/marac/referrals", new { incidentId = incident }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
        await officer.PostAsJsonAsync("/api/v1/marac/referrals", new { incidentId = incident, reason = "She says he has bought a knife and knows her new address" })
            .ExpectAsync(HttpStatusCode.Created);
        var referral = Assert.Single(await MaracReferralsAsync(app, incident));
        Assert.Equal("MARAC criterion: professional judgement: She says he has bought a knife and knows her new address", referral.Reason);
        var again = await officer.PostAsJsonAsync("/api/v1/marac/referrals", new { incidentId = incident, reason = "Again" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(again.GetProperty("errors").TryGetProperty("personId", out _));
        Assert.Single(await MaracReferralsAsync(app, incident));
    }

    [Theory, Providers]
    public async Task Escalation_lists_a_further_incident_within_12_months_of_a_listing_as_a_repeat_and_not_after_and_three_incidents_in_12_months(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var coordinator = await app.ClientForEmailAsync(Coordinator);
        var now = app.Time.GetUtcNow();

        // Listed at a MARAC two months ago: a further domestic abuse incident (low DASH) is escalated, and listed as a repeat.
        var surname = $"Me{Guid.NewGuid():N}"[..12];
        var first = await RecordAsync(supervisor, Abuse(surname, 15));
        var identity = await IdentityOfVictimAsync(app, first);
        var earlier = await MeetingAsync(coordinator, now.AddMonths(-2));
        var firstListing = await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{earlier}/listings",
            new { referralId = (await MaracReferralsAsync(app, first)).Single().Id }).ExpectAsync(HttpStatusCode.Created);
        Assert.False(firstListing.GetProperty("agenda")[0].GetProperty("repeatListing").GetBoolean());
        Assert.Equal(ReferralStatus.Accepted, (await MaracReferralsAsync(app, first)).Single().Status);

        var further = await RecordAsync(supervisor, Abuse(surname, 2, identity));
        var escalated = Assert.Single(await MaracReferralsAsync(app, further));
        Assert.StartsWith("MARAC criterion: escalation: a further domestic abuse incident within 12 months of a MARAC listing", escalated.Reason, StringComparison.Ordinal);
        var waiting = (await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/marac/referrals")).EnumerateArray().Single(r => r.Id() == escalated.Id);
        Assert.NotEqual(JsonValueKind.Null, waiting.GetProperty("lastListedAt").ValueKind);
        var next = await MeetingAsync(coordinator, now.AddDays(7));
        var repeat = await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{next}/listings", new { referralId = escalated.Id }).ExpectAsync(HttpStatusCode.Created);
        Assert.True(repeat.GetProperty("agenda")[0].GetProperty("repeatListing").GetBoolean());

        // Listed thirteen months ago: a further incident is not escalated (two incidents are not three).
        var older = $"Mo{Guid.NewGuid():N}"[..12];
        var old = await RecordAsync(supervisor, Abuse(older, 14));
        var longAgo = await MeetingAsync(coordinator, now.AddMonths(-13));
        await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{longAgo}/listings", new { referralId = (await MaracReferralsAsync(app, old)).Single().Id })
            .ExpectAsync(HttpStatusCode.Created);
        var later = await RecordAsync(supervisor, Abuse(older, 2, await IdentityOfVictimAsync(app, old)));
        Assert.Empty(await MaracReferralsAsync(app, later));

        // Three domestic abuse incidents within 12 months, none with a high DASH and none listed: the third is escalated.
        var three = $"Mt{Guid.NewGuid():N}"[..12];
        var one = await RecordAsync(supervisor, Abuse(three, 1));
        var victim = await IdentityOfVictimAsync(app, one);
        var two = await RecordAsync(supervisor, Abuse(three, 1, victim));
        Assert.Empty(await MaracReferralsAsync(app, one));
        Assert.Empty(await MaracReferralsAsync(app, two));
        var third = await RecordAsync(supervisor, Abuse(three, 1, victim));
        Assert.Equal("MARAC criterion: escalation: 3 domestic abuse incidents in 12 months", Assert.Single(await MaracReferralsAsync(app, third)).Reason);
    }

    [Theory, Providers]
    public async Task A_partner_sees_a_MARAC_only_when_its_agency_attended_and_completes_only_its_own_actions(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var coordinator = await app.ClientForEmailAsync(Coordinator);
        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        var incident = await RecordAsync(supervisor, Abuse($"Mp{Guid.NewGuid():N}"[..12], 16));
        var meeting = await MeetingAsync(coordinator, app.Time.GetUtcNow().AddDays(1), agencies["COUNCIL-WATFORD"]);
        var listed = await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{meeting}/listings",
            new { referralId = (await MaracReferralsAsync(app, incident)).Single().Id, summary = "High risk: strangulation and threats to kill" }).ExpectAsync(HttpStatusCode.Created);
        var listing = listed.GetProperty("agenda")[0].Id();
        var notThere = await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{meeting}/listings/{listing}/actions",
            new { ownerAgencyId = agencies["HOUSING"], action = "Change the locks", dueAt = app.Time.GetUtcNow().AddDays(7) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(notThere.GetProperty("errors").TryGetProperty("ownerAgencyId", out _));
        var withAction = await coordinator.PostAsJsonAsync($"/api/v1/marac/meetings/{meeting}/listings/{listing}/actions",
            new { ownerAgencyId = agencies["COUNCIL-WATFORD"], action = "Priority rehousing assessment", dueAt = app.Time.GetUtcNow().AddDays(7) }).ExpectAsync(HttpStatusCode.Created);
        var action = withAction.GetProperty("agenda")[0].GetProperty("actions")[0];

        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await dacorum.GetAsync($"/api/v1/marac/meetings/{meeting}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await dacorum.GetFromJsonAsync<JsonElement>("/api/v1/marac/meetings")).EnumerateArray(), m => m.Id() == meeting);
        await dacorum.PostAsJsonAsync($"/api/v1/marac/meetings/{meeting}/actions/{action.Id()}/done", new { version = action.GetProperty("version").GetInt32(), outcome = "Done" })
            .ExpectAsync(HttpStatusCode.NotFound);
        var dacorumPage = await app.CreateClientSignedInAsync(AsbTesting.DacorumCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await dacorumPage.GetAsync($"/marac/meetings/{meeting}")).StatusCode);

        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var seen = await watford.GetFromJsonAsync<JsonElement>($"/api/v1/marac/meetings/{meeting}");
        Assert.Equal("High risk: strangulation and threats to kill", seen.GetProperty("agenda")[0].GetProperty("summary").GetString());
        await watford.GetAsync("/api/v1/marac/referrals").ExpectAsync(HttpStatusCode.NotFound);
        var done = await watford.PostAsJsonAsync($"/api/v1/marac/meetings/{meeting}/actions/{action.Id()}/done",
            new { version = action.GetProperty("version").GetInt32(), outcome = "Assessed: band A" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Assessed: band A", done.GetProperty("agenda")[0].GetProperty("actions")[0].GetProperty("outcome").GetString());
        // Reading the listing is a read of the victim's case: the audit trail names the referral.
        var referral = (await MaracReferralsAsync(app, incident)).Single().Id;
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "marac.meeting.read" && e.Details!.Contains($"records={referral}"))));
    }
}
