using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class MultiAgencyMeetingTests(AppFixture fixture)
{
    [Theory, Providers]
    public async Task A_meeting_decision_becomes_an_action_and_each_attendee_sees_only_the_cases_it_may(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/shares", new { agencyId = agencies["COUNCIL-WATFORD"], lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);

        var invalid = await desk.PostAsJsonAsync("/api/v1/asb/meetings", new { title = "" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("heldAt", out _));
        var meeting = await desk.PostAsJsonAsync("/api/v1/asb/meetings", new
        {
            title = "Watford ASB risk panel", district = "Watford", heldAt = app.Time.GetUtcNow().AddHours(-2),
            agencyIds = new[] { agencies["COUNCIL-WATFORD"], agencies["HOUSING"] }, attendees = "PS Khan (police), J. Reid (Watford council), A. Osei (housing)",
        }).ExpectAsync(HttpStatusCode.Created);
        var noOwner = await desk.PostAsJsonAsync($"/api/v1/asb/meetings/{meeting.Id()}/agenda", new
        {
            caseId = asbCase.Id(), decision = "Council to serve a community protection warning", actionTitle = "Serve a CPW", actionDueAt = app.Time.GetUtcNow().AddDays(7),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(noOwner.GetProperty("errors").TryGetProperty("actionOwnerUserId", out _));
        var item = await desk.PostAsJsonAsync($"/api/v1/asb/meetings/{meeting.Id()}/agenda", new
        {
            caseId = asbCase.Id(), decision = "Council to serve a community protection warning", actionTitle = "Serve a community protection warning on the household",
            actionOwnerAgencyId = agencies["COUNCIL-WATFORD"], actionDueAt = app.Time.GetUtcNow().AddDays(7),
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("agenda")[0].GetProperty("actionId").ValueKind);

        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var mine = await watford.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("title").GetString() == "Serve a community protection warning on the household");
        Assert.Single((await watford.GetFromJsonAsync<JsonElement>($"/api/v1/asb/meetings/{meeting.Id()}")).GetProperty("agenda").EnumerateArray());
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        Assert.Empty((await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/meetings/{meeting.Id()}")).GetProperty("agenda").EnumerateArray());
        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await dacorum.GetAsync($"/api/v1/asb/meetings/{meeting.Id()}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await dacorum.GetFromJsonAsync<JsonElement>("/api/v1/asb/meetings")).GetProperty("items").EnumerateArray(), m => m.Id() == meeting.Id());
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{asbCase.Id()}/chronology");
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("kind").GetString() == "meeting");
    }
}
