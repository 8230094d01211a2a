using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// The one plan of an investigation (decision 0111): the strategy sections the force's rules require, actions that fall
/// due and are completed with a result and a rationale, stale changes refused, and the plan closed to partners.
/// </summary>
[Collection("app")]
public class InvestigationPlanTests(AppFixture fixture)
{
    /// <summary>Records a burglary (volume crime: the seeded rules require a victim strategy) and gives its investigation to the demo officer.</summary>
    private static async Task<long> AllocatedBurglaryAsync(SafetyNetApp app)
    {
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary()).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.Id()}/crime-decisions",
            new { crimeRecordId = record.Id(), decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32() })
            .ExpectAsync(HttpStatusCode.OK);
        var officer = SafetyNetApp.DemoEmail(Roles.Officer);
        return await app.WithDbAsync(async db =>
        {
            var investigation = await db.Set<Investigation>().SingleAsync(i => i.CrimeRecordId == record.Id());
            investigation.InvestigatorId = await db.Users.Where(u => u.Email == officer).Select(u => u.Id).SingleAsync();
            investigation.Status = InvestigationStatus.Allocated;
            await db.SaveChangesAsync();
            return investigation.Id;
        });
    }

    private static List<string> Missing(JsonElement plan) => [.. plan.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!)];

    [Theory, Providers]
    public async Task The_plan_requires_a_digital_strategy_only_once_devices_are_seized_and_a_section_with_an_action_or_text_is_no_longer_missing(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var id = await AllocatedBurglaryAsync(app);
        var officer = await app.ClientForAsync(Roles.Officer);
        var plan = $"/api/v1/investigations/{id}/plan";

        var empty = await officer.GetAsync(plan).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Victim"], Missing(empty));

        await officer.PatchAsJsonAsync(plan, new { devicesSeized = true, version = 0 }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Victim", "Digital"], Missing(await officer.GetAsync(plan).ExpectAsync(HttpStatusCode.OK)));

        var due = app.Time.GetUtcNow().AddDays(7);
        await officer.PostAsJsonAsync($"{plan}/actions", new { section = "Digital", text = "Submit the recovered phone to the digital forensics unit", dueAt = due })
            .ExpectAsync(HttpStatusCode.Created);
        await officer.PutAsJsonAsync($"{plan}/strategies/Victim", new { text = "Weekly updates by phone; crime prevention visit offered" }).ExpectAsync(HttpStatusCode.OK);
        var written = await officer.GetAsync(plan).ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(Missing(written));
        Assert.True(written.GetProperty("devicesSeized").GetBoolean());

        // Devices no longer seized: the digital strategy is no longer required (its action stays).
        await officer.PatchAsJsonAsync(plan, new { devicesSeized = false, version = written.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        var sections = (await officer.GetAsync(plan).ExpectAsync(HttpStatusCode.OK)).GetProperty("sections").EnumerateArray()
            .Where(s => s.GetProperty("required").GetBoolean()).Select(s => s.GetProperty("section").GetString()).ToList();
        Assert.Equal(["Victim"], sections);
    }

    [Theory, Providers]
    public async Task Completing_an_action_needs_its_result_and_rationale_an_overdue_one_is_on_its_owners_list_and_a_stale_change_gets_409(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var id = await AllocatedBurglaryAsync(app);
        var officer = await app.ClientForAsync(Roles.Officer);
        var plan = $"/api/v1/investigations/{id}/plan";

        var action = await officer.PostAsJsonAsync($"{plan}/actions", new { section = "Witness", text = "House-to-house on Sandringham Road", dueAt = app.Time.GetUtcNow().AddDays(2) })
            .ExpectAsync(HttpStatusCode.Created);
        app.Time.Advance(TimeSpan.FromDays(3));
        officer = await app.ClientForAsync(Roles.Officer); // three days on, a fresh sign-in
        var mine = await officer.GetAsync("/api/v1/investigations/actions/mine").ExpectAsync(HttpStatusCode.OK);
        var listed = mine.EnumerateArray().Single(a => a.Id() == action.Id());
        Assert.True(listed.GetProperty("overdue").GetBoolean());

        var version = action.GetProperty("version").GetInt32();
        var refused = await officer.PostAsJsonAsync($"{plan}/actions/{action.Id()}/complete", new { result = "Two neighbours saw a grey van", version })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("rationale", out _));
        Assert.Null((await officer.GetAsync(plan).ExpectAsync(HttpStatusCode.OK)).GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("section").GetString() == "Witness").GetProperty("actions")[0].GetProperty("completedAt").GetString());

        var done = await officer.PostAsJsonAsync($"{plan}/actions/{action.Id()}/complete",
            new { result = "Two neighbours saw a grey van", rationale = "All 20 houses visited; statements taken from both", version }).ExpectAsync(HttpStatusCode.OK);
        Assert.False(done.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain((await officer.GetAsync("/api/v1/investigations/actions/mine").ExpectAsync(HttpStatusCode.OK)).EnumerateArray(), a => a.Id() == action.Id());
        await officer.PostAsJsonAsync($"{plan}/actions/{action.Id()}/complete", new { result = "Again", rationale = "Again", version }).ExpectAsync(HttpStatusCode.Conflict);

        // A hypothesis changed by the investigator cannot then be changed from the version the sergeant read.
        var hypothesis = await officer.PostAsJsonAsync($"{plan}/hypotheses", new { text = "The burglar entered through the insecure back door" }).ExpectAsync(HttpStatusCode.Created);
        var sergeant = await app.ClientForAsync(Roles.Supervisor);
        await officer.PatchAsJsonAsync($"{plan}/hypotheses/{hypothesis.Id()}", new { status = "Supported", version = hypothesis.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        await sergeant.PatchAsJsonAsync($"{plan}/hypotheses/{hypothesis.Id()}", new { status = "Eliminated", version = hypothesis.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("Supported", (await sergeant.GetAsync(plan).ExpectAsync(HttpStatusCode.OK)).GetProperty("hypotheses")[0].GetProperty("status").GetString());
    }

    [Theory, Providers]
    public async Task A_partner_cannot_find_the_plan_and_force_staff_who_are_not_its_investigator_or_a_supervisor_read_it_but_cannot_change_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var id = await AllocatedBurglaryAsync(app);
        var plan = $"/api/v1/investigations/{id}/plan";
        var partner = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        await partner.GetAsync(plan).ExpectAsync(HttpStatusCode.NotFound);
        await partner.PostAsJsonAsync($"{plan}/hypotheses", new { text = "Anything" }).ExpectAsync(HttpStatusCode.NotFound);

        var crimeServiceTeam = await app.ClientForAsync(Roles.CrimeServiceTeam);
        await crimeServiceTeam.GetAsync(plan).ExpectAsync(HttpStatusCode.OK);
        await crimeServiceTeam.PostAsJsonAsync($"{plan}/decisions", new { decision = "Close", optionsConsidered = "None", rationale = "None" }).ExpectAsync(HttpStatusCode.NotFound);

        var sergeant = await app.ClientForAsync(Roles.Supervisor);
        var decision = await sergeant.PostAsJsonAsync($"{plan}/decisions",
            new { decision = "No forensic examination of the door", optionsConsidered = "Swab the handle; fingerprint the frame; neither", rationale = "The door was wiped and the householder handled it since" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Supervisor), decision.GetProperty("by").GetString(), ignoreCase: true);
    }
}
