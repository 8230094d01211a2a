using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Desk;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class CommunityFocusDeskTests(AppFixture fixture)
{
    private static async Task<JsonElement?> QueueItemAsync(HttpClient client, long incidentId, string query = "")
    {
        var queue = await client.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk?pageSize=500{query}");
        return queue.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("incidentId").GetInt64() == incidentId);
    }

    [Theory, Providers]
    public async Task Every_ASB_incident_lands_in_the_desk_queue_due_within_24_hours_and_only_the_desk_and_supervisors_see_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var incident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(yes: ["targeted", "afraid"]));
        var now = app.Time.GetUtcNow();

        var item = await QueueItemAsync(desk, incident.Id());
        Assert.NotNull(item);
        Assert.Equal(now.AddHours(24), item.Value.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Contains("Asb", item.Value.GetProperty("reasons").GetString());
        Assert.False(item.Value.GetProperty("overdue").GetBoolean());
        Assert.NotNull(await QueueItemAsync(await app.ClientForAsync(Roles.Supervisor), incident.Id()));

        // Not the desk's business: neither the queue nor the review itself exists for others.
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/asb/desk")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/asb/desk/{incident.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/asb/desk/{incident.Id()}")).StatusCode);

        // A burglary with nobody vulnerable is not the desk's; the same with a vulnerable victim is.
        var burglary = await AsbTesting.RecordAsync(handler, Reports.Burglary());
        Assert.Null(await QueueItemAsync(desk, burglary.Id()));
        var vulnerable = await AsbTesting.RecordAsync(handler, Reports.Burglary(Reports.Thrive(vulnerable: true)));
        var routed = await QueueItemAsync(desk, vulnerable.Id());
        Assert.NotNull(routed);
        Assert.Equal("VulnerableVictim", routed.Value.GetProperty("reasons").GetString());
    }

    [Theory, Providers]
    public async Task The_desk_reads_its_queue_highest_risk_first_when_it_asks_and_a_sort_it_does_not_know_is_refused_by_name(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        // Reported first, so due first; then a high-risk one (targeted, hate, vulnerable and threats score 8).
        var low = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(first: "Lorna", last: "Pettifer", yes: ["afraid"]));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var high = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(first: "Hattie", last: "Pettifer", grade: "PRIORITY", yes: ["targeted", "hate", "vulnerable", "threats"]));
        async Task<List<long>> OrderAsync(string sort) => (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk?pageSize=500{sort}")).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("incidentId").GetInt64()).Where(id => id == low.Id() || id == high.Id()).ToList();

        Assert.Equal([low.Id(), high.Id()], await OrderAsync(""));
        Assert.Equal([high.Id(), low.Id()], await OrderAsync("&sort=risk"));
        Assert.Equal("High", (await QueueItemAsync(desk, high.Id()))!.Value.GetProperty("riskLevel").GetString());
        var bad = await desk.GetAsync("/api/v1/asb/desk?sort=danger");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sort", out _));
    }

    [Theory, Providers]
    public async Task The_reviewer_sees_the_risk_and_history_reassesses_with_a_reason_keeping_the_old_assessment_and_opens_a_case(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var place = $"{Guid.NewGuid():N} Close, Watford";
        var earlier = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place));
        var incident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: place, grade: "RESOLVED", yes: ["targeted"]));

        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{incident.Id()}");
        Assert.Equal("Low", review.GetProperty("currentRiskLevel").GetString());
        Assert.Contains(review.GetProperty("linkedIncidents").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == earlier.Id());
        Assert.Equal("Janet Mbeki", review.GetProperty("victims")[0].GetProperty("firstName").GetString() + " " + review.GetProperty("victims")[0].GetProperty("lastName").GetString());
        var version = review.GetProperty("version").GetInt32();

        // Each missing decision is named; nothing is saved.
        var refused = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incident.Id()}/review", new { version, riskDecision = "reassess", riskLevel = "High" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.True(errors.TryGetProperty("officerAttends", out _));
        Assert.Equal(JsonValueKind.Null, (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{incident.Id()}")).GetProperty("decision").ValueKind);

        var reviewed = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incident.Id()}/review", new
        {
            version, riskDecision = "reassess", riskLevel = "High", reason = "Victim is being targeted nightly and is now afraid to go out",
            officerAttends = true, attendanceReason = "Victim lives alone and is frightened", caseDecision = "Open",
        }).ExpectAsync(HttpStatusCode.OK);
        var decision = reviewed.GetProperty("decision");
        Assert.Equal("Reassessed", decision.GetProperty("riskDecision").GetString());
        var assessments = reviewed.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal(2, assessments.Count);
        Assert.Equal("Low", assessments[0].GetProperty("level").GetString());
        Assert.Equal("High", assessments[1].GetProperty("level").GetString());
        Assert.Equal(app.Time.GetUtcNow().AddHours(48), (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{incident.Id()}")).GetProperty("attendanceDueAt").GetDateTimeOffset());
        Assert.Null(await QueueItemAsync(desk, incident.Id()));
        Assert.NotNull(await QueueItemAsync(desk, incident.Id(), "&reviewed=true"));

        var caseId = decision.GetProperty("caseId").GetInt64();
        var asbCase = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}");
        Assert.Equal("High", asbCase.GetProperty("riskLevel").GetString());
        Assert.Equal(14, asbCase.GetProperty("reviewCadence").GetProperty("sergeantDays").GetInt32());
        Assert.Equal(app.Time.GetUtcNow().AddDays(14), asbCase.GetProperty("nextReviewDueAt").GetDateTimeOffset());
        Assert.Equal("Personal", asbCase.GetProperty("category").GetString());
        var parties = asbCase.GetProperty("parties").EnumerateArray().ToList();
        Assert.Contains(parties, p => p.GetProperty("role").GetString() == "Victim" && p.GetProperty("name").GetString() == "Janet Mbeki");
        Assert.Contains(parties, p => p.GetProperty("role").GetString() == "Perpetrator" && p.GetProperty("name").GetString() == "Kyle Dunmore");
        var victimIdentity = parties.First(p => p.GetProperty("role").GetString() == "Victim").GetProperty("identityId").GetInt64();
        Assert.True(await app.WithDbAsync(db => db.IncidentPeople.AnyAsync(p => p.IncidentId == incident.Id() && p.IdentityId == victimIdentity)));
        Assert.Equal("Demo community focus desk", asbCase.GetProperty("spocName").GetString());

        // A second review with the old version is a stale edit.
        await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incident.Id()}/review", new { version, riskDecision = "confirm", officerAttends = false })
            .ExpectAsync(HttpStatusCode.Conflict);
        var id = incident.Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "desk.review" && e.RecordId == id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "desk.read" && e.RecordId == id)));
    }

    [Theory, Providers]
    public async Task Confirming_keeps_the_assessed_level_and_linking_adds_the_incident_to_an_existing_case(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var first = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport());
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, first.Id());
        var second = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(yes: ["targeted", "afraid", "health", "threats"]));
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{second.Id()}");
        Assert.Equal("Medium", review.GetProperty("currentRiskLevel").GetString());

        var changed = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{second.Id()}/review", new
        {
            version = review.GetProperty("version").GetInt32(), riskDecision = "confirm", riskLevel = "High", caseDecision = "Link", caseId = asbCase.Id(),
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(changed.GetProperty("errors").TryGetProperty("riskLevel", out _));

        var linked = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{second.Id()}/review", new
        {
            version = review.GetProperty("version").GetInt32(), riskDecision = "confirm", caseDecision = "Link", caseId = asbCase.Id(),
            referToAgencyId = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "HOUSING").Select(a => a.Id).SingleAsync()),
            referralNote = "Victim is a housing association tenant; please contact her about the neighbours",
        }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Confirmed", linked.GetProperty("decision").GetProperty("riskDecision").GetString());
        Assert.Equal("Medium", linked.GetProperty("decision").GetProperty("riskLevel").GetString());
        Assert.Single(linked.GetProperty("assessments").EnumerateArray());
        var updated = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{asbCase.Id()}");
        Assert.Equal(2, updated.GetProperty("incidents").GetArrayLength());

        // The referral reaches the housing association's caseworkers, due in two working days.
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        var referrals = await housing.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=500");
        var referral = referrals.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("incidentId").GetInt64() == second.Id());
        Assert.Equal("Partner", referral.GetProperty("kind").GetString());
        Assert.Equal("Sent", referral.GetProperty("status").GetString());
        Assert.Equal("Victim is a housing association tenant; please contact her about the neighbours", referral.GetProperty("reason").GetString());
        Assert.Equal("Crime and Disorder Act 1998, section 115", referral.GetProperty("lawfulBasis").GetString());
        var dacorum = await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker);
        var theirs = await dacorum.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=500");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), r => r.GetProperty("incidentId").GetInt64() == second.Id());
    }

    [Theory, Providers]
    public async Task A_repeat_victim_across_identities_is_routed_to_the_desk(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var name = $"Repeat{Guid.NewGuid():N}"[..20];
        var incidents = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            incidents.Add((await AsbTesting.RecordAsync(handler, Reports.Burglary(people: Reports.Victim("Edith", name, "1959-05-05")))).Id());
        }
        // Each entry started an identity of its own; resolution joins them by merging into the first.
        await app.WithDbAsync(async db =>
        {
            var entries = await db.IncidentPeople.Where(p => incidents.Contains(p.IncidentId)).OrderBy(p => p.Id).ToListAsync();
            var keep = entries[0].IdentityId!.Value;
            foreach (var entry in entries.Skip(1))
            {
                var old = await db.PersonIdentities.SingleAsync(x => x.Id == entry.IdentityId);
                old.MergedIntoId = keep;
                entry.IdentityId = keep;
            }
            return await db.SaveChangesAsync();
        });
        Assert.Null(await QueueItemAsync(desk, incidents[2]));
        Assert.True(await app.WithServiceAsync<CommunityFocusDesk, bool>(d => d.RouteAndSaveAsync(incidents[2], CancellationToken.None)));
        var item = await QueueItemAsync(desk, incidents[2], "&reason=RepeatVictim");
        Assert.NotNull(item);
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{incidents[2]}");
        Assert.Equal(2, review.GetProperty("victimHistory").GetArrayLength());
        Assert.False(await app.WithServiceAsync<CommunityFocusDesk, bool>(d => d.RouteAndSaveAsync(incidents[2], CancellationToken.None)));
    }

    [Theory, Providers]
    public async Task A_review_of_a_sensitive_incident_is_saved_only_for_a_stated_purpose_and_its_answer_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var report = Reports.DomesticAbuse(15);
        var surname = $"Featherstone{Guid.NewGuid():N}"[..20];
        report["people"] = new object[] { Reports.Victim("Sarah", surname, "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = "Okafor" } };
        var incident = (await AsbTesting.RecordAsync(handler, report)).Id();
        const string readPurpose = "Reading the risk before the desk review";
        using var open = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/asb/desk/{incident}");
        open.Headers.Add("X-Purpose", readPurpose);
        var version = (await desk.SendAsync(open).ExpectAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32();
        var review = new { version, riskDecision = "confirm", officerAttends = false, notes = "Victim safe at her sister's" };
        bool Reviewed(AppDb db) => db.DeskReviews.Any(r => r.IncidentId == incident && r.ReviewedAt != null);

        // Without a purpose: refused naming the header, before anything is saved.
        var refused = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incident}/review", review).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain(surname, refused.GetRawText(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => Task.FromResult(Reviewed(db))));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "desk.review" && e.RecordId == incident.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // With one: saved, answered with the review, and the answer audited as a read for that purpose.
        const string purpose = "Confirming the DASH risk at desk review";
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/asb/desk/{incident}/review") { Content = JsonContent.Create(review) };
        post.Headers.Add("X-Purpose", purpose);
        var saved = await desk.SendAsync(post).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Victim safe at her sister's", saved.GetProperty("decision").GetProperty("notes").GetString());
        Assert.True(await app.WithDbAsync(db => Task.FromResult(Reviewed(db))));
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Purpose == purpose).Select(e => e.Action).ToListAsync());
        Assert.Contains("desk.review", events);
        Assert.Contains("desk.read", events);
    }

    [Theory, Providers]
    public async Task Overdue_reviews_are_visible_to_supervisors_and_the_review_time_is_configurable(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport());
        app.Time.Advance(TimeSpan.FromHours(25));
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var item = await QueueItemAsync(supervisor, incident.Id(), "&overdueOnly=true");
        Assert.NotNull(item);
        Assert.True(item.Value.GetProperty("overdue").GetBoolean());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForceConfiguration>().PublishAsync(AsbRules.Key, AsbRules.Default with { DeskReviewHours = 12 }, "Desk reviews within 12 hours");
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }
        handler = await app.ClientForAsync(Roles.CallHandler);
        var next = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport());
        var nextItem = await QueueItemAsync(supervisor, next.Id());
        Assert.Equal(app.Time.GetUtcNow().AddHours(12), nextItem!.Value.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Null(await QueueItemAsync(supervisor, next.Id(), "&overdueOnly=true"));
    }
}
