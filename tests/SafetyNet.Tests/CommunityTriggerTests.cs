using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class CommunityTriggerTests(AppFixture fixture)
{
    [Theory, Providers]
    public async Task A_case_is_flagged_to_its_lead_agency_when_qualifying_complaints_reach_three_in_six_months(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var place = "Leavesden Road, Watford";
        // Seven months ago: outside the window by the time of the later complaints.
        var old = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place));
        app.Time.Advance(TimeSpan.FromDays(214));
        handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var first = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place));
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, first.Id());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = old.Id() }).ExpectAsync(HttpStatusCode.OK);
        var second = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = second.Id() }).ExpectAsync(HttpStatusCode.OK);
        // Reported forty days after the behaviour: not a qualifying complaint.
        var late = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place, occurredFrom: app.Time.GetUtcNow().AddDays(-40)));
        var afterLate = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = late.Id() }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, afterLate.GetProperty("triggerFlaggedAt").ValueKind);
        Assert.Equal(4, afterLate.GetProperty("incidents").GetArrayLength());

        // The third qualifying complaint, reported within a week of the behaviour, meets the threshold.
        app.Time.Advance(TimeSpan.FromDays(10));
        handler = await app.ClientForAsync(Roles.CallHandler);
        desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var third = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place, occurredFrom: app.Time.GetUtcNow().AddDays(-6)));
        var flagged = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = third.Id() }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(app.Time.GetUtcNow(), flagged.GetProperty("triggerFlaggedAt").GetDateTimeOffset());
        var action = flagged.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString()!.StartsWith("Community Trigger", StringComparison.Ordinal));
        Assert.Equal(flagged.GetProperty("leadAgency").GetProperty("id").GetInt32(), action.GetProperty("ownerAgency").GetProperty("id").GetInt32());
        var register = await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/flagged");
        Assert.Contains(register.EnumerateArray(), f => f.GetProperty("caseId").GetInt64() == asbCase.Id());
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{asbCase.Id()}/chronology");
        var entry = chronology.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "community-trigger");
        Assert.Contains("3 qualifying complaints", entry.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(third.GetProperty("reference").GetString()!, entry.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(late.GetProperty("reference").GetString()!, entry.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(old.GetProperty("reference").GetString()!, entry.GetProperty("text").GetString(), StringComparison.Ordinal);

        // Not flagged twice.
        var fourth = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/incidents", new { incidentId = fourth.Id() }).ExpectAsync(HttpStatusCode.OK);
        var caseId = asbCase.Id();
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEntries.CountAsync(e => e.CaseId == caseId && e.Kind == "community-trigger")));
    }

    [Theory, Providers]
    public async Task Complaints_spread_over_places_do_not_meet_the_threshold_and_three_about_one_place_do_though_nobody_links_them(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var surname = $"Quennell{Guid.NewGuid():N}"[..16];
        JsonElement? identity = null;
        Dictionary<string, object?> Report(string place, string district)
        {
            var report = AsbTesting.AsbReport(first: "Marguerite", last: surname, place: place, district: district);
            // Her alone, the call handler confirming who she is: no suspect ties these complaints together.
            report["people"] = new object[]
            {
                new { role = "Victim", firstName = "Marguerite", lastName = surname, dateOfBirth = "1975-02-20", sex = "Female", identityId = identity?.GetInt64() },
            };
            return report;
        }
        var first = await AsbTesting.RecordAsync(handler, Report("12 Cassio Road, Watford", "Watford"));
        identity = first.GetProperty("people")[0].GetProperty("identityId");
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, first.Id());
        var caseId = asbCase.Id();

        // Four more complaints from her in the same week, each about somewhere else, in four districts: five complaints, no one problem.
        var spread = new List<string>();
        foreach (var (place, district) in new[] { ("Whippendell Road, Watford", "Watford"), ("Marlowes, Hemel Hempstead", "Dacorum"),
                     ("London Road, St Albans", "St Albans"), ("Fore Street, Hertford", "East Hertfordshire") })
        {
            spread.Add((await AsbTesting.RecordAsync(handler, Report(place, district))).GetProperty("reference").GetString()!);
        }
        Assert.Null(await app.WithDbAsync(db => db.AsbCases.Where(c => c.Id == caseId).Select(c => c.TriggerFlaggedAt).SingleAsync()));
        var standing = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/community-trigger/cases/{caseId}");
        Assert.Equal(JsonValueKind.Null, standing.GetProperty("flaggedAt").ValueKind);
        Assert.Equal(1, standing.GetProperty("complaints").GetArrayLength());

        // Two more about her own address, written differently each time: three complaints about one problem.
        var second = await AsbTesting.RecordAsync(handler, Report("12 Cassio Rd, Watford", "Watford"));
        Assert.Null(await app.WithDbAsync(db => db.AsbCases.Where(c => c.Id == caseId).Select(c => c.TriggerFlaggedAt).SingleAsync()));
        var third = await AsbTesting.RecordAsync(handler, Report("12 CASSIO ROAD, WATFORD", "Watford"));

        var flagged = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}");
        Assert.Equal(app.Time.GetUtcNow(), flagged.GetProperty("triggerFlaggedAt").GetDateTimeOffset());
        Assert.Equal(1, flagged.GetProperty("incidents").GetArrayLength());
        Assert.Contains(flagged.GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString()!.StartsWith("Community Trigger", StringComparison.Ordinal));
        var flag = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/community-trigger/cases/{caseId}");
        var counted = flag.GetProperty("complaints").EnumerateArray().ToList();
        Assert.Equal(
            new[] { first, second, third }.Select(i => i.GetProperty("reference").GetString()),
            counted.Select(c => c.GetProperty("reference").GetString()));
        Assert.All(counted, c => Assert.StartsWith("From the same victim at the same place", c.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Contains("3 complaints about the same problem in 6 months", flag.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}/chronology");
        var entry = chronology.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "community-trigger").GetProperty("text").GetString()!;
        Assert.Contains(third.GetProperty("reference").GetString()!, entry, StringComparison.Ordinal);
        Assert.All(spread, reference => Assert.DoesNotContain(reference, entry, StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task Complaints_from_different_victims_in_different_places_about_one_named_perpetrator_meet_the_threshold(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var surname = $"Thirkell{Guid.NewGuid():N}"[..16];
        JsonElement? suspect = null;
        Dictionary<string, object?> Report(string victim, string place)
        {
            var report = AsbTesting.AsbReport(place: place);
            report["people"] = new object[]
            {
                new { role = "Victim", firstName = victim, lastName = $"{surname}v", dateOfBirth = "1980-06-01", sex = "Female" },
                new { role = "Suspect", firstName = "Darren", lastName = surname, dateOfBirth = "2001-09-09", sex = "Male", identityId = suspect?.GetInt64() },
            };
            return report;
        }
        var first = await AsbTesting.RecordAsync(handler, Report("Alice", "Leavesden Road, Watford"));
        suspect = first.GetProperty("people")[1].GetProperty("identityId");
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, first.Id());
        var caseId = asbCase.Id();
        await AsbTesting.RecordAsync(handler, Report("Beatrice", "Cassiobury Park Avenue, Watford"));
        Assert.Null(await app.WithDbAsync(db => db.AsbCases.Where(c => c.Id == caseId).Select(c => c.TriggerFlaggedAt).SingleAsync()));
        await AsbTesting.RecordAsync(handler, Report("Clara", "St Albans Road, Watford"));

        var flag = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/community-trigger/cases/{caseId}");
        Assert.Equal(3, flag.GetProperty("complaints").GetArrayLength());
        Assert.All(flag.GetProperty("complaints").EnumerateArray(), c => Assert.StartsWith("Names the same perpetrator", c.GetProperty("reason").GetString(), StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task An_application_is_decided_reviewed_and_its_recommendations_counted_in_the_annual_figures(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        // A victim of her own: other tests report the default victim many times, and identities join those reports.
        var report = AsbTesting.AsbReport(first: "Rosalind", last: "Achterberg");
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, report)).Id());
        var before = await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/figures?year=2026");

        var invalid = await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new { caseId = asbCase.Id() }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("applicantName", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("summary", out _));
        var application = await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new
        {
            caseId = asbCase.Id(), applicantName = "Janet Mbeki", summary = "Three reports of youths outside my house and nothing has changed",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, application.GetProperty("qualifyingComplaints").GetInt32());
        var id = application.Id();
        var version = application.GetProperty("version").GetInt32();

        await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/recommendations", new { text = "Too early", ownerAgencyId = 1, dueAt = app.Time.GetUtcNow().AddDays(7) })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var decided = await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/decision",
            new { version, thresholdMet = true, reason = "Three complaints to the council and police within six months" }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/decision", new { version, thresholdMet = false, reason = "x" })
            .ExpectAsync(HttpStatusCode.Conflict);
        var reviewed = await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/review", new
        {
            version = decided.GetProperty("version").GetInt32(), meetingAt = app.Time.GetUtcNow().AddHours(-1), outcome = "Partners agreed a joint plan",
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Reviewed", reviewed.GetProperty("status").GetString());
        var housing = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "HOUSING").Select(a => a.Id).SingleAsync());
        var recommended = await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/recommendations",
            new { text = "Housing to start tenancy enforcement", ownerAgencyId = housing, dueAt = app.Time.GetUtcNow().AddDays(14) }).ExpectAsync(HttpStatusCode.Created);
        var recommendation = recommended.GetProperty("recommendations")[0];
        await desk.PatchAsJsonAsync($"/api/v1/asb/community-trigger/applications/{id}/recommendations/{recommendation.Id()}",
            new { version = recommendation.GetProperty("version").GetInt32(), completed = true, outcome = "Notice of seeking possession served" }).ExpectAsync(HttpStatusCode.OK);

        var after = await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/figures?year=2026");
        foreach (var field in new[] { "applications", "thresholdMet", "reviewsHeld", "reviewsWithRecommendations", "recommendationsMade", "recommendationsCompleted" })
        {
            Assert.Equal(before.GetProperty(field).GetInt32() + 1, after.GetProperty(field).GetInt32());
        }
        Assert.Equal("2026-04-01", after.GetProperty("from").GetString());

        // A partner without the case sees neither the application nor it in its figures.
        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        await dacorum.GetAsync($"/api/v1/asb/community-trigger/applications/{id}").ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await dacorum.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/figures?year=2026")).GetProperty("applications").GetInt32());
        await desk.GetAsync("/api/v1/asb/community-trigger/figures?year=1999").ExpectAsync(HttpStatusCode.BadRequest);
    }
}
