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
/// Allocation (decision 0110): the queue by risk then age, the PIP level that needs a reason below it, the stale edit,
/// the crime that follows its investigator, and investigations kept from partners.
/// </summary>
[Collection("app")]
public class InvestigationAllocationTests(AppFixture fixture)
{
    private const string Sergeant = "detective.sergeant@safetynet.test", Investigator = "investigator@safetynet.test", Detective = "detective@safetynet.test";

    /// <summary>Reports a crime and records it with the offence given; answers its investigation's id.</summary>
    private static async Task<long> RecordAsync(SafetyNetApp app, HttpClient supervisor, Dictionary<string, object?> report, string subgroup)
    {
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        var crime = record.GetProperty("id").GetInt64();
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = crime, decision = "crime", offenceSubgroup = subgroup, version = record.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        return await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.CrimeRecordId == crime).Select(i => i.Id).SingleAsync());
    }

    private static Task<string> UserIdAsync(SafetyNetApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static Task<int> TeamAsync(SafetyNetApp app) =>
        app.WithDbAsync(db => db.Teams.Where(t => t.Code == InvestigationsSetup.TeamCode).Select(t => t.Id).SingleAsync());

    [Theory, Providers]
    public async Task The_allocation_queue_puts_high_risk_first_then_the_longest_waiting_and_only_supervisors_work_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var older = await RecordAsync(app, supervisor, Reports.Burglary(), "Residential burglary");
        app.Time.Advance(TimeSpan.FromMinutes(2));
        var newer = await RecordAsync(app, supervisor, Reports.Burglary(), "Residential burglary");
        app.Time.Advance(TimeSpan.FromMinutes(2));
        var highRisk = await RecordAsync(app, supervisor, Reports.DomesticAbuse(15), "Violence without injury");

        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/investigations/allocation-queue?pageSize=500");
        var order = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.True(order.IndexOf(highRisk) >= 0 && order.IndexOf(highRisk) < order.IndexOf(older) && order.IndexOf(older) < order.IndexOf(newer),
            $"queue order {string.Join(',', order)}: expected {highRisk} (high risk), then {older}, then {newer}");
        var first = queue.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetInt64() == highRisk);
        Assert.Equal(("High", true, 2), (first.GetProperty("risk").GetString(), first.GetProperty("sensitive").GetBoolean(), first.GetProperty("requiredPipLevel").GetInt32()));
        // Every investigator's workload is there to allocate from, with their level.
        var workload = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/investigations/workload");
        var investigatorId = await UserIdAsync(app, Investigator);
        Assert.Equal(1, workload.EnumerateArray().Single(w => w.GetProperty("userId").GetString() == investigatorId).GetProperty("pipLevel").GetInt32());

        // An officer investigates but does not allocate: the queue and the workload do not exist for them.
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/investigations/allocation-queue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/investigations/workload")).StatusCode);
    }

    [Theory, Providers]
    public async Task Allocating_below_the_PIP_level_needed_is_refused_without_a_reason_and_a_stale_allocation_is_refused(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        // A wounding is serious violence: it needs a PIP2 investigator.
        var id = await RecordAsync(app, supervisor, Reports.Burglary(), "Violence with injury");
        var sergeant = await app.ClientForEmailAsync(Sergeant);
        var (investigatorId, detectiveId, team) = (await UserIdAsync(app, Investigator), await UserIdAsync(app, Detective), await TeamAsync(app));
        var read = await sergeant.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/{id}");
        Assert.Equal(2, read.GetProperty("requiredPipLevel").GetInt32());
        var version = read.GetProperty("version").GetInt32();

        var refused = await sergeant.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", new { investigatorId, teamId = team, version })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _), refused.ToString());
        var untouched = await app.WithDbAsync(db => db.Set<Investigation>().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((InvestigationStatus.AwaitingAllocation, null), (untouched.Status, untouched.InvestigatorId));

        const string reason = "Both PIP2 detectives are on a murder enquiry; DS Hale oversees daily";
        var allocated = await sergeant.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", new { investigatorId, teamId = team, reason, version })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Allocated", investigatorId, reason), (allocated.GetProperty("status").GetString(), allocated.GetProperty("investigatorId").GetString(),
            allocated.GetProperty("belowLevelReason").GetString()));
        Assert.Contains(allocated.GetProperty("history").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Allocated"
            && e.GetProperty("text").GetString()!.Contains(reason, StringComparison.Ordinal));
        // The crime follows its investigator: they are its officer in the case, so it is among their crimes.
        var officerInCase = await app.WithDbAsync(db => db.CrimeRecords.Where(c => c.Id == allocated.GetProperty("crimeRecordId").GetInt64()).Select(c => c.OfficerInCaseId).SingleAsync());
        Assert.Equal(investigatorId, officerInCase);
        var mine = await (await app.ClientForEmailAsync(Investigator)).GetFromJsonAsync<JsonElement>("/api/v1/investigations?mine=true&status=Allocated&pageSize=500");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        // A second allocation made from the same reading is stale; made afresh to a PIP2 detective it needs the reason it
        // moves, which the history keeps, and is no longer below the level.
        await sergeant.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", new { investigatorId = detectiveId, teamId = team, version }).ExpectAsync(HttpStatusCode.Conflict);
        var current = allocated.GetProperty("version").GetInt32();
        var unexplained = await sergeant.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", new { investigatorId = detectiveId, teamId = team, version = current })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(unexplained.GetProperty("errors").TryGetProperty("reason", out _), unexplained.ToString());
        const string moved = "A PIP2 detective is back from the murder enquiry";
        var reallocated = await sergeant.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation",
            new { investigatorId = detectiveId, teamId = team, reason = moved, version = current }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((detectiveId, JsonValueKind.Null), (reallocated.GetProperty("investigatorId").GetString(), reallocated.GetProperty("belowLevelReason").ValueKind));
        Assert.Equal(["Opened", "Allocated", "Re-allocated"], reallocated.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.EndsWith($", because: {moved}", reallocated.GetProperty("history")[2].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Investigations_do_not_exist_for_partners_nor_does_allocation_for_an_officer(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var id = await RecordAsync(app, supervisor, Reports.Burglary(), "Residential burglary");
        var version = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/{id}")).GetProperty("version").GetInt32();
        var allocation = new { investigatorId = await UserIdAsync(app, Investigator), teamId = await TeamAsync(app), version };

        var partner = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/investigations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/investigations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", allocation)).StatusCode);
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/v1/investigations/{id}/allocation", allocation)).StatusCode);
        Assert.Equal(InvestigationStatus.AwaitingAllocation, await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }
}
