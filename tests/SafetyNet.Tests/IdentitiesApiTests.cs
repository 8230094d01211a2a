using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class IdentitiesApiTests(AppFixture fixture)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray());

    private static object Person(string first, string last, string? dob, string role = "Victim", long? identityId = null, long[]? notIdentityIds = null,
        string phone = "07700 900123", string address = "14 Holywell Hill, St Albans", string postcode = "AL1 1BT") => new
    {
        role, firstName = first, lastName = last, dateOfBirth = dob, sex = "Female", phone, address, postcode, identityId, notIdentityIds,
    };

    private static Dictionary<string, object?> Asb(params object[] people)
    {
        var report = Reports.Asb(Reports.Asb("targeted"));
        report["people"] = people;
        return report;
    }

    private static async Task<ResolutionRun> ResolveAsync(SafetyNetApp app) =>
        await app.Services.GetRequiredService<IdentityResolution>().ResolvePendingAsync(CancellationToken.None);

    private static long IdentityOf(JsonElement incident, int person = 0) => incident.GetProperty("people")[person].GetProperty("identityId").GetInt64();

    [Theory, Providers]
    public async Task A_call_handler_sees_a_misspelt_nickname_as_the_existing_person_and_confirms_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Pettigrew");
        var first = await CreatedAsync(handler, Asb(Person("Margaret", last, "1961-04-03")));
        var identity = IdentityOf(first);

        // "Peggy" for Margaret, one letter dropped from the surname, no date of birth.
        var suggestions = await handler.PostAsJsonAsync("/api/v1/people/suggestions", Person("Peggy", last.Remove(3, 1), null));
        Assert.Equal(HttpStatusCode.OK, suggestions.StatusCode);
        var found = (await JsonAsync(suggestions)).EnumerateArray().ToList();
        var match = Assert.Single(found, s => s.GetProperty("identityId").GetInt64() == identity);
        Assert.Contains(match.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("nickname", StringComparison.Ordinal));
        Assert.Contains(match.GetProperty("incidents").EnumerateArray(), i => i.GetProperty("incidentId").GetInt64() == first.GetProperty("id").GetInt64());
        Assert.True(match.GetProperty("probability").GetDouble() >= 0.6);

        var second = await CreatedAsync(handler, Asb(Person("Peggy", last.Remove(3, 1), null, identityId: identity)));
        Assert.Equal(identity, IdentityOf(second));
        Assert.Equal("CallHandler", second.GetProperty("people")[0].GetProperty("linkedBy").GetString());

        var read = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{identity}");
        Assert.Equal(2, read.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, read.GetProperty("status").GetProperty("reportedAsVictim").GetInt32());
        Assert.Contains("reported twice in 90 days, twice as ASB", read.GetProperty("status").GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The confirmed link is in the identity's history, with who made it, the engine's score and why.
        var link = Assert.Single(read.GetProperty("history").EnumerateArray(), c => c.GetProperty("by").GetString() == "CallHandler");
        Assert.Equal("Merged", link.GetProperty("kind").GetString());
        Assert.Equal(second.GetProperty("people")[0].GetProperty("id").GetInt64(), Assert.Single(link.GetProperty("personIds").EnumerateArray()).GetInt64());
        Assert.True(link.GetProperty("score").GetDouble() >= 0.6);
        Assert.Contains("confirmed by the call handler", link.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The person's earlier incidents now come from the identity, not the exact name.
        var person = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/people/{second.GetProperty("people")[0].GetProperty("id").GetInt64()}");
        Assert.Single(person.GetProperty("otherIncidents").EnumerateArray(), o => o.GetProperty("incidentId").GetInt64() == first.GetProperty("id").GetInt64());

        var unknown = await handler.PostAsJsonAsync("/api/v1/incidents", Asb(Person("Peggy", last, null, identityId: 987_654_321)));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await JsonAsync(unknown)).GetProperty("errors").TryGetProperty("people[0].identityId", out _));
    }

    [Theory, Providers]
    public async Task A_third_report_in_90_days_routes_the_incident_to_the_community_focus_desk(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Abernethy");
        var first = await CreatedAsync(handler, Asb(Person("Doris", last, "1959-02-11")));
        var identity = IdentityOf(first);
        var second = await CreatedAsync(handler, Asb(Person("Doris", last, "1959-02-11", identityId: identity)));
        var third = await CreatedAsync(handler, Asb(Person("Doris", last, "1959-02-11", identityId: identity)));

        // The desk and supervisors read why an incident was routed to the desk; the call handler only raised it.
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var routings = await desk.GetFromJsonAsync<JsonElement>("/api/v1/identities/desk-routings?pageSize=500");
        var mine = routings.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("identityId").GetInt64() == identity).ToList();
        var routed = Assert.Single(mine);
        Assert.Equal(third.GetProperty("id").GetInt64(), routed.GetProperty("incidentId").GetInt64());
        Assert.Equal("RepeatVictim", routed.GetProperty("reason").GetString());
        Assert.Contains("reported 3 times in 90 days, 3 times as ASB", routed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mine, r => r.GetProperty("incidentId").GetInt64() == second.GetProperty("id").GetInt64());

        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/identities/desk-routings")).StatusCode);
    }

    [Theory, Providers]
    public async Task Background_resolution_links_the_same_person_entered_twice(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Featherstone");
        var first = await CreatedAsync(handler, Reports.Burglary(people: Person("Harold", last, "1948-09-30", phone: "07700 900456")));
        var second = await CreatedAsync(handler, Reports.Burglary(people: Person("Harry", last, "1948-09-30", phone: "07700 900456")));
        Assert.NotEqual(IdentityOf(first), IdentityOf(second));

        await ResolveAsync(app);
        var firstPerson = first.GetProperty("people")[0].GetProperty("id").GetInt64();
        var secondPerson = second.GetProperty("people")[0].GetProperty("id").GetInt64();
        var (a, b, linkedBy) = await app.WithDbAsync(async db =>
        {
            var x = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == firstPerson);
            var y = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == secondPerson);
            return (x.IdentityId, y.IdentityId, y.LinkedBy == IdentityLinkSource.Engine ? y.LinkedBy : x.LinkedBy);
        });
        Assert.Equal(a, b);
        Assert.Equal(IdentityLinkSource.Engine, linkedBy);
        // The merged-away identity still resolves, to the one both entries now share.
        var stale = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{IdentityOf(second)}");
        Assert.Equal(a, stale.GetProperty("id").GetInt64());
    }

    [Theory, Providers]
    public async Task A_reviewer_merges_two_entries_and_splits_them_back_with_versions_and_audit(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var reviewer = await app.ClientForAsync(Roles.Supervisor);
        var last = Unique("Ormerod");
        var first = await CreatedAsync(handler, Reports.Burglary(people: Person("Valerie", last, "1970-01-20", phone: "01632 960001", address: "2 Mill Lane, Hitchin", postcode: "SG4 9AA")));
        // A different person of the same surname: call handler said not the same, so resolution leaves them apart.
        var second = await CreatedAsync(handler, Reports.Burglary(people: Person("Vanessa", last, "1972-06-02", phone: "01632 960002", address: "9 Bury Road, Stevenage", postcode: "SG1 1AA", notIdentityIds: [IdentityOf(first)])));
        await ResolveAsync(app);
        var personA = first.GetProperty("people")[0].GetProperty("id").GetInt64();
        var personB = second.GetProperty("people")[0].GetProperty("id").GetInt64();

        var matches = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personB}/matches");
        var identityB = matches.GetProperty("identityId").GetInt64();
        var versionB = matches.GetProperty("identityVersion").GetInt32();
        var identityA = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{IdentityOf(first)}");

        // Not entitled: 404, never 403.
        foreach (var role in new[] { Roles.PartnerCaseworker, Roles.Analyst, Roles.CallHandler })
        {
            var client = role == Roles.CallHandler ? handler : await app.ClientForAsync(role);
            var denied = await client.PostAsJsonAsync($"/api/v1/people/{personB}/merge", new { intoPersonId = personA, version = versionB, intoVersion = identityA.GetProperty("version").GetInt32() });
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }
        foreach (var role in new[] { Roles.PartnerCaseworker, Roles.Analyst })
        {
            var client = await app.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{personB}/matches")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/identities/{identityB}")).StatusCode);
        }

        var invalid = await reviewer.PostAsJsonAsync($"/api/v1/people/{personB}/merge", new { reason = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("intoPersonId", out _) && errors.TryGetProperty("version", out _) && errors.TryGetProperty("reason", out _));

        var stale = await reviewer.PostAsJsonAsync($"/api/v1/people/{personB}/merge", new { intoPersonId = personA, version = versionB + 7, intoVersion = identityA.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var merged = await reviewer.PostAsJsonAsync($"/api/v1/people/{personB}/merge", new { intoPersonId = personA, version = versionB, intoVersion = identityA.GetProperty("version").GetInt32(), reason = "Same woman: maiden name confirmed" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var together = await JsonAsync(merged);
        Assert.Equal(identityA.GetProperty("id").GetInt64(), together.GetProperty("id").GetInt64());
        Assert.Equal(2, together.GetProperty("entries").GetArrayLength());
        Assert.Equal("Merged", together.GetProperty("history")[0].GetProperty("kind").GetString());

        var staleSplit = await reviewer.PostAsJsonAsync($"/api/v1/identities/{together.GetProperty("id").GetInt64()}/split", new { personIds = new[] { personB }, version = together.GetProperty("version").GetInt32() - 1 });
        Assert.Equal(HttpStatusCode.Conflict, staleSplit.StatusCode);
        var all = await reviewer.PostAsJsonAsync($"/api/v1/identities/{together.GetProperty("id").GetInt64()}/split", new { personIds = new[] { personA, personB }, version = together.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);

        var split = await reviewer.PostAsJsonAsync($"/api/v1/identities/{together.GetProperty("id").GetInt64()}/split", new { personIds = new[] { personB }, version = together.GetProperty("version").GetInt32(), reason = "Different dates of birth after all" });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var apart = await JsonAsync(split);
        // Splitting exactly what a merge brought in revives the identity it came from.
        Assert.Equal(identityB, apart.GetProperty("id").GetInt64());
        Assert.Single(apart.GetProperty("entries").EnumerateArray());
        var original = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{identityA.GetProperty("id").GetInt64()}");
        Assert.Single(original.GetProperty("entries").EnumerateArray());
        Assert.Equal(new[] { "Split", "Merged" }, original.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToArray());

        // Both entries are still there as typed, and resolution does not join them again.
        await ResolveAsync(app);
        var entries = await app.WithDbAsync(db => db.IncidentPeople.AsNoTracking().Where(p => p.Id == personA || p.Id == personB).OrderBy(p => p.Id).ToListAsync());
        Assert.Equal(new[] { "Valerie", "Vanessa" }, entries.Select(e => e.FirstName).ToArray());
        Assert.NotEqual(entries[0].IdentityId, entries[1].IdentityId);
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "identity.merge" || e.Action == "identity.split").Select(e => e.Details).ToListAsync());
        Assert.Contains(audit, d => d!.Contains($"entries {personB} split", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task A_grey_band_pair_waits_in_the_review_queue_for_a_reviewer_to_decide(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var reviewer = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var last = Unique("Lightfoot");
        var a = await CreatedAsync(handler, Reports.Burglary(people: Person("Eileen", last, "1952-03-08", phone: "01632 960777", address: "5 Church Street, Ware", postcode: "SG12 9EH")));
        var b = await CreatedAsync(handler, Reports.Burglary(people: Person("Irene", last, null, phone: "01632 960778", address: "40 Station Road, Letchworth", postcode: "SG6 3AB", notIdentityIds: [IdentityOf(a)])));
        var c = await CreatedAsync(handler, Reports.Burglary(people: Person("Elaine", last, null, phone: "01632 960779", address: "1 High Street, Royston", postcode: "SG8 9AA", notIdentityIds: [IdentityOf(a), IdentityOf(b)])));
        await ResolveAsync(app);
        long PersonOf(JsonElement incident) => incident.GetProperty("people")[0].GetProperty("id").GetInt64();
        // Pairs the engine scored in the grey band, as background resolution queues them.
        var (merge, notSame) = await app.WithDbAsync(async db =>
        {
            var first = new IdentityReview { PersonId = PersonOf(b), CandidatePersonId = PersonOf(a), Score = 0.8, Reasons = "last name: exact (+9.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() };
            var second = new IdentityReview { PersonId = PersonOf(c), CandidatePersonId = PersonOf(a), Score = 0.7, Reasons = "last name: exact (+9.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() };
            db.IdentityReviews.AddRange(first, second);
            await db.SaveChangesAsync();
            return (first.Id, second.Id);
        });

        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/identities/reviews?pageSize=500");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == merge);
        Assert.Equal($"Irene {last}", item.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal($"Eileen {last}", item.GetProperty("candidate").GetProperty("name").GetString());
        foreach (var role in new[] { Roles.PartnerCaseworker, Roles.Analyst, Roles.CallHandler })
        {
            var client = role == Roles.CallHandler ? handler : await app.ClientForAsync(role);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/identities/reviews")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/identities/reviews/{merge}", new { decision = "merge", version = 1 })).StatusCode);
        }
        var bad = await reviewer.PostAsJsonAsync($"/api/v1/identities/reviews/{merge}", new { decision = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("decision", out _) && errors.TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"/api/v1/identities/reviews/{merge}", new { decision = "merge", version = 9 })).StatusCode);

        var merged = await reviewer.PostAsJsonAsync($"/api/v1/identities/reviews/{merge}", new { decision = "merge", version = 1 });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(2, (await JsonAsync(merged)).GetProperty("entries").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync($"/api/v1/identities/reviews/{notSame}", new { decision = "not-same", version = 1 })).StatusCode);
        var again = await reviewer.PostAsJsonAsync($"/api/v1/identities/reviews/{notSame}", new { decision = "merge", version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var after = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/identities/reviews?pageSize=500");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == merge || i.GetProperty("id").GetInt64() == notSame);
        // Different people stay apart even when resolution looks again.
        await ResolveAsync(app);
        var (pa, pc) = (PersonOf(a), PersonOf(c));
        var (ia, ic) = await app.WithDbAsync(async db => (
            (await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == pa)).IdentityId,
            (await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == pc)).IdentityId));
        Assert.NotEqual(ia, ic);
        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == "identity.not-same" && e.Details!.Contains($"review {notSame}")));
        Assert.Equal(1, audited);
    }

    [Theory, Providers]
    public async Task A_pair_that_shares_only_names_and_sex_is_too_little_evidence_to_judge_and_the_queue_sorts_by_risk(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var thinLast = Unique("Quarrendon");
        var strongLast = Unique("Featherstone");
        // Two entries with a name and sex and nothing else; two with a date of birth, address and postcode as well, the second on a high-risk ASB report.
        object Thin(long[]? not = null) => new { role = "Victim", firstName = "Ottoline", lastName = thinLast, sex = "Female", notIdentityIds = not };
        var thinA = await CreatedAsync(handler, Reports.Burglary(people: Thin()));
        var thinB = await CreatedAsync(handler, Reports.Burglary(people: Thin([IdentityOf(thinA)])));
        var strongA = await CreatedAsync(handler, Reports.Burglary(people: Reports.Victim("Bryony", strongLast, "1975-02-20")));
        var strongReport = AsbTesting.AsbReport(first: "Bryony", last: strongLast, grade: "PRIORITY", yes: ["targeted", "hate", "vulnerable", "threats"]);
        strongReport["people"] = new object[] { new { role = "Victim", firstName = "Bryony", lastName = strongLast, dateOfBirth = "1975-02-20", sex = "Female",
            address = "14 Holywell Hill, St Albans", postcode = "AL1 1BT", notIdentityIds = new[] { IdentityOf(strongA) } } };
        var strongB = await CreatedAsync(handler, strongReport);
        long PersonOf(JsonElement incident) => incident.GetProperty("people")[0].GetProperty("id").GetInt64();
        // As the engine scored them: the rare name alone gave the thin pair a high weight.
        var (thin, strong) = await app.WithDbAsync(async db =>
        {
            var t = new IdentityReview { PersonId = PersonOf(thinB), CandidatePersonId = PersonOf(thinA), Score = 0.97, Reasons = "first name: exact (+9.0); last name: exact (+12.0); sex: same (+1.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() };
            var s = new IdentityReview { PersonId = PersonOf(strongB), CandidatePersonId = PersonOf(strongA), Score = 0.8, Reasons = "date of birth: exact (+10.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() };
            db.IdentityReviews.AddRange(t, s);
            await db.SaveChangesAsync();
            return (t.Id, s.Id);
        });
        var reviewer = await app.ClientForAsync(Roles.Supervisor);
        async Task<List<JsonElement>> QueueAsync(string sort) => (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/identities/reviews?pageSize=500{sort}"))
            .GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetInt64() == thin || i.GetProperty("id").GetInt64() == strong).ToList();
        string Verdict(JsonElement item, string field) => item.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field).GetProperty("verdict").GetString()!;

        var byMatch = await QueueAsync("");
        Assert.Equal([thin, strong], byMatch.Select(i => i.GetProperty("id").GetInt64()));
        var thinItem = byMatch[0];
        Assert.False(thinItem.GetProperty("enoughToJudge").GetBoolean());
        Assert.Equal(JsonValueKind.Null, thinItem.GetProperty("probability").ValueKind);
        Assert.Equal(("Agrees", "Agrees", "Agrees"), (Verdict(thinItem, "first name"), Verdict(thinItem, "last name"), Verdict(thinItem, "sex")));
        Assert.All(new[] { "date of birth", "postcode", "address", "phone", "email" }, f => Assert.Equal("Missing", Verdict(thinItem, f)));
        var strongItem = byMatch[1];
        Assert.True(strongItem.GetProperty("enoughToJudge").GetBoolean());
        Assert.Equal(0.8, strongItem.GetProperty("probability").GetDouble());
        Assert.Equal(("Agrees", "Agrees", "Missing"), (Verdict(strongItem, "date of birth"), Verdict(strongItem, "postcode"), Verdict(strongItem, "phone")));
        Assert.Equal("High", strongItem.GetProperty("riskLevel").GetString());

        Assert.Equal([strong, thin], (await QueueAsync("&sort=risk")).Select(i => i.GetProperty("id").GetInt64()));
        var bad = await reviewer.GetAsync("/api/v1/identities/reviews?sort=danger");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await JsonAsync(bad)).GetProperty("errors").TryGetProperty("sort", out _));

        // The page says so in words, and its risk order puts the high-risk pair first.
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor));
        var html = await pages.GetStringAsync("/people/review?sort=risk");
        var thinCard = html.IndexOf($"Ottoline {thinLast} and Ottoline {thinLast}", StringComparison.Ordinal);
        var strongCard = html.IndexOf($"Bryony {strongLast} and Bryony {strongLast}", StringComparison.Ordinal);
        Assert.True(strongCard >= 0 && thinCard > strongCard, "the high-risk pair is listed before the other");
        var next = html.IndexOf("govuk-summary-card__title", thinCard + 1, StringComparison.Ordinal);
        var card = html[thinCard..(next < 0 ? html.Length : next)];
        Assert.Contains("Too little evidence to judge", card, StringComparison.Ordinal);
        Assert.DoesNotContain("97%", card, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Background_resolution_never_links_two_entries_on_name_and_sex_alone_and_asks_a_reviewer_instead(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Wolstenholme");
        object Thin() => new { role = "Victim", firstName = "Perpetua", lastName = last, sex = "Female" };
        var a = await CreatedAsync(handler, Reports.Burglary(people: Thin()));
        var b = await CreatedAsync(handler, Reports.Burglary(people: Thin()));
        await ResolveAsync(app);
        long PersonOf(JsonElement incident) => incident.GetProperty("people")[0].GetProperty("id").GetInt64();
        var (pa, pb) = (PersonOf(a), PersonOf(b));
        var identities = await app.WithDbAsync(db => db.IncidentPeople.AsNoTracking().Where(p => p.Id == pa || p.Id == pb).Select(p => p.IdentityId).Distinct().CountAsync());
        Assert.Equal(2, identities);
        var review = await app.WithDbAsync(db => db.IdentityReviews.AsNoTracking()
            .SingleAsync(r => r.Status == ReviewStatus.Open && ((r.PersonId == pa && r.CandidatePersonId == pb) || (r.PersonId == pb && r.CandidatePersonId == pa))));
        Assert.True(review.Score >= IdentityRules.Default.AutoLinkProbability, $"the engine's weight alone would have linked them ({review.Score})");
    }

    private static async Task PublishRulesAsync(SafetyNetApp app, IdentityRules rules, string reason)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForceConfiguration>().PublishAsync(IdentityRules.Key, rules, reason);
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
    }

    [Theory, Providers]
    public async Task A_place_is_a_repeat_location_however_it_is_written_and_only_force_staff_learn_it(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var street = Unique("Quillon");
        foreach (var written in new[] { $"7 {street} Close, Hemel Hempstead", $"7 {street.ToUpperInvariant()} CLOSE HEMEL HEMPSTEAD", $"7  {street} Cl., Hemel Hempstead" })
        {
            var report = Reports.Burglary();
            report["location"] = new { text = written, district = "Dacorum" };
            await CreatedAsync(handler, report);
            app.Time.Advance(TimeSpan.FromDays(10));
            handler = await app.ClientForAsync(Roles.CallHandler);
        }
        var elsewhere = Reports.Burglary();
        elsewhere["location"] = new { text = $"9 {street} Close, Hemel Hempstead", district = "Dacorum" };
        await CreatedAsync(handler, elsewhere);

        var history = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/people/history?location={Uri.EscapeDataString($"7 {street} close, hemel hempstead")}");
        Assert.Equal(3, history.GetProperty("location").GetArrayLength());
        var place = history.GetProperty("place");
        Assert.Equal((3, 90, true), (place.GetProperty("incidents").GetInt32(), place.GetProperty("days").GetInt32(), place.GetProperty("repeatLocation").GetBoolean()));

        // The rule is the force's: four reports in 90 days makes the same place not yet a repeat location.
        await PublishRulesAsync(app, IdentityRules.Default with { RepeatLocation = new RepeatRule(4, 90) }, "Repeat locations at four reports");
        handler = await app.ClientForAsync(Roles.CallHandler);
        place = (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/people/history?location={Uri.EscapeDataString($"7 {street} Close, Hemel Hempstead")}")).GetProperty("place");
        Assert.Equal((3, false), (place.GetProperty("incidents").GetInt32(), place.GetProperty("repeatLocation").GetBoolean()));
        Assert.True(place.GetProperty("ruleVersion").GetInt32() > 1);

        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        // How often the force has been called to a place is police information: a partner may not ask at all.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/people/history?location={Uri.EscapeDataString($"7 {street} Close, Hemel Hempstead")}")).StatusCode);
    }

    [Theory, Providers]
    public async Task Repeat_offenders_and_repeat_victims_follow_the_forces_rules_as_they_change(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Brackenbury");
        var victim = Unique("Pemberton");
        long? suspect = null;
        long? victimIdentity = null;
        for (var n = 0; n < 3; n++)
        {
            var incident = await CreatedAsync(handler, Asb(
                Person("Dean", last, "1999-04-04", role: "Suspect", identityId: suspect, phone: "07700 900321", address: "3 Cowper Road, Hemel Hempstead", postcode: "HP1 1PE"),
                Person("Maureen", victim, "1950-12-01", identityId: victimIdentity)));
            suspect ??= IdentityOf(incident, 0);
            victimIdentity ??= IdentityOf(incident, 1);
            app.Time.Advance(TimeSpan.FromDays(20));
            handler = await app.ClientForAsync(Roles.CallHandler);
        }
        var status = (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{suspect}")).GetProperty("status");
        Assert.Equal((3, true, 365), (status.GetProperty("namedAsSuspect").GetInt32(), status.GetProperty("repeatOffender").GetBoolean(), status.GetProperty("offenderDays").GetInt32()));
        Assert.Contains("named as a suspect 3 times in 365 days", status.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var victimStatus = (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{victimIdentity}")).GetProperty("status");
        Assert.Equal((3, true), (victimStatus.GetProperty("reportedAsVictim").GetInt32(), victimStatus.GetProperty("repeatVictim").GetBoolean()));

        // A force that counts offenders over 30 days and victims at five reports judges the same people again.
        await PublishRulesAsync(app, IdentityRules.Default with { RepeatOffender = new RepeatRule(2, 30), RepeatVictim = new RepeatRule(5, 90) }, "Tighter rules");
        handler = await app.ClientForAsync(Roles.CallHandler);
        status = (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{suspect}")).GetProperty("status");
        Assert.Equal((1, false, 30), (status.GetProperty("namedAsSuspect").GetInt32(), status.GetProperty("repeatOffender").GetBoolean(), status.GetProperty("offenderDays").GetInt32()));
        victimStatus = (await handler.GetFromJsonAsync<JsonElement>($"/api/v1/identities/{victimIdentity}")).GetProperty("status");
        Assert.False(victimStatus.GetProperty("repeatVictim").GetBoolean());
        Assert.True(victimStatus.GetProperty("ruleVersion").GetInt32() > 1);
    }

    [Theory, Providers]
    public async Task Background_resolution_puts_a_pair_in_the_forces_grey_band_in_the_review_queue_with_its_reasons(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        // This force links automatically only when all but certain; anything from 0.6 up waits for a person.
        var rules = IdentityRules.Default with { AutoLinkProbability = 0.99999, ReviewProbability = 0.6 };
        await PublishRulesAsync(app, rules, "Automatic links only when all but certain");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var last = Unique("Hollingworth");
        var a = await CreatedAsync(handler, Reports.Burglary(people: Person("Rosemary", last, "1961-07-14", phone: "01632 960111", address: "12 Fore Street, Hertford", postcode: "SG14 1BZ")));
        // The same name at the same address, no date of birth and another phone number.
        var b = await CreatedAsync(handler, Reports.Burglary(people: Person("Rosemary", last, null, phone: "01632 960999", address: "12 Fore Street, Hertford", postcode: "SG14 1BZ")));
        var (pa, pb) = (a.GetProperty("people")[0].GetProperty("id").GetInt64(), b.GetProperty("people")[0].GetProperty("id").GetInt64());
        var run = await ResolveAsync(app);
        Assert.Equal(0, run.Linked);
        Assert.True(run.Reviews >= 1);

        var reviewer = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/identities/reviews?pageSize=500");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray(),
            i => new[] { i.GetProperty("person").GetProperty("personId").GetInt64(), i.GetProperty("candidate").GetProperty("personId").GetInt64() }.Order().SequenceEqual(new[] { pa, pb }.Order()));
        Assert.InRange(item.GetProperty("score").GetDouble(), rules.ReviewProbability, rules.AutoLinkProbability);
        Assert.Contains("first name: exact", item.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        Assert.Contains("address", item.GetProperty("reasons").GetString(), StringComparison.Ordinal);
        // Left apart until a person decides, and asked about once however often resolution looks again.
        Assert.NotEqual(IdentityOf(a), await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.Id == pb).Select(p => p.IdentityId!.Value).SingleAsync()));
        await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.Id == pa || p.Id == pb).ExecuteUpdateAsync(u => u.SetProperty(p => p.ResolvedAt, (DateTimeOffset?)null)));
        await ResolveAsync(app);
        Assert.Equal(1, await app.WithDbAsync(db => db.IdentityReviews.CountAsync(r => (r.PersonId == pa || r.PersonId == pb) && r.Status == ReviewStatus.Open)));
        Assert.NotEqual(IdentityOf(a), await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.Id == pb).Select(p => p.IdentityId!.Value).SingleAsync()));
    }
}
