using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class CommunityPrioritiesTests(AppFixture fixture)
{
    [Theory, Providers]
    public async Task A_neighbourhood_priority_is_seen_and_worked_by_partners_in_its_district_and_by_no_one_else(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officer = await app.ClientForAsync(Roles.Officer);
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(app.Time.GetUtcNow()).DateTime);
        var title = $"Speeding on the High Street {Guid.NewGuid():N}";
        var priority = new Dictionary<string, object?>
        {
            ["district"] = "Watford", ["area"] = "Oxhey", ["title"] = title, ["description"] = "Cars racing past the primary school at night",
            ["setWith"] = "Oxhey residents' meeting with two ward councillors", ["setOn"] = today.AddDays(-30), ["reviewOn"] = today.AddDays(-1),
        };

        var refused = await officer.PostAsJsonAsync("/api/v1/asb/priorities",
            new Dictionary<string, object?>(priority) { ["district"] = "Narnia", ["reviewOn"] = today.AddDays(-40) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("district", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("reviewOn", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.CommunityPriorities.CountAsync(p => p.Title == title)));

        var created = await officer.PostAsJsonAsync("/api/v1/asb/priorities", priority).ExpectAsync(HttpStatusCode.Created);
        var id = created.Id();
        Assert.True(created.GetProperty("reviewOverdue").GetBoolean());

        // The district council works it and records what it did; its action is the priority's history.
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var listed = await watford.GetFromJsonAsync<JsonElement>("/api/v1/asb/priorities?dueForReview=true&pageSize=500");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.Id() == id);
        var acted = await watford.PostAsJsonAsync($"/api/v1/asb/priorities/{id}/actions",
            new { takenOn = today, description = "Speed indicator sign put up by the school" }).ExpectAsync(HttpStatusCode.Created);
        var action = Assert.Single(acted.GetProperty("actions").EnumerateArray());
        Assert.Equal("Watford Council", action.GetProperty("agency").GetString());
        await watford.PostAsJsonAsync($"/api/v1/asb/priorities/{id}/actions", new { takenOn = today.AddDays(1), description = "Tomorrow" })
            .ExpectAsync(HttpStatusCode.BadRequest);

        // A county-wide partner sees every district; another district's council sees nothing of it.
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        await housing.GetAsync($"/api/v1/asb/priorities/{id}").ExpectAsync(HttpStatusCode.OK);
        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await dacorum.GetAsync($"/api/v1/asb/priorities/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await dacorum.PostAsJsonAsync($"/api/v1/asb/priorities/{id}/actions", new { takenOn = today, description = "x" }).ExpectAsync(HttpStatusCode.NotFound);
        var dacorumList = await dacorum.GetFromJsonAsync<JsonElement>("/api/v1/asb/priorities?district=Watford&pageSize=500");
        Assert.Equal(0, dacorumList.GetProperty("total").GetInt32());
        await watford.PostAsJsonAsync("/api/v1/asb/priorities", priority).ExpectAsync(HttpStatusCode.NotFound);
        var auditor = await app.ClientForAsync(Roles.Auditor);
        await auditor.GetAsync("/api/v1/asb/priorities").ExpectAsync(HttpStatusCode.NotFound);

        // Closing needs an outcome and the version last read: an edit made before the council's action is stale.
        var closing = new Dictionary<string, object?>(priority) { ["version"] = created.GetProperty("version").GetInt32(), ["status"] = "Achieved" };
        await officer.PutAsJsonAsync($"/api/v1/asb/priorities/{id}", closing).ExpectAsync(HttpStatusCode.Conflict);
        closing["version"] = acted.GetProperty("version").GetInt32();
        var noOutcome = await officer.PutAsJsonAsync($"/api/v1/asb/priorities/{id}", closing).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(noOutcome.GetProperty("errors").TryGetProperty("outcome", out _));
        closing["outcome"] = "Average speeds down from 38 to 27 mph; residents agreed to close it";
        var closed = await officer.PutAsJsonAsync($"/api/v1/asb/priorities/{id}", closing).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Achieved", closed.GetProperty("status").GetString());
        Assert.False(closed.GetProperty("reviewOverdue").GetBoolean());
        await watford.PostAsJsonAsync($"/api/v1/asb/priorities/{id}/actions", new { takenOn = today, description = "More signs" }).ExpectAsync(HttpStatusCode.BadRequest);

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "priority.read" && e.RecordId == key)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "priority.action" && e.RecordId == key)));
    }
}
