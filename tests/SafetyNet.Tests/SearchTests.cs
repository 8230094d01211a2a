using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// The search box: a person is found under a familiar or misspelt name the moment they are entered, with their
/// incidents; a sensitive record is listed by reference and type only; a partner finds only the cases shared with their
/// agency; every search is audited with its terms; bad searches name the field; results page over the whole.
/// </summary>
[Collection("app")]
public sealed class SearchTests(AppFixture fixture)
{
    private static string Marker() => "Q" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, object?> Burglary(string narrative, string place, params object[] people)
    {
        var report = Reports.Burglary(people: people);
        report["narrative"] = narrative;
        report["location"] = new { text = place, district = "St Albans" };
        return report;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await client.GetAsync("/api/v1/search?" + query).ExpectAsync(HttpStatusCode.OK);

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Theory, Providers]
    public async Task A_familiar_or_misspelt_name_finds_the_person_entered_a_moment_ago_and_their_incidents_and_a_sensitive_one_without_personal_details(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var burglary = await AsbTesting.RecordAsync(handler, Burglary("Rear door forced, a bicycle taken.", "27 Verulam Road, St Albans",
            Reports.Victim("Margaret", "Quarrington", "1951-06-14")));
        var abuse = Reports.DomesticAbuse(3);
        abuse["people"] = new object[] { Reports.Victim("Rosalind", "Tremethick", "1988-02-29"), new { role = "Suspect", firstName = "Carl", lastName = "Tremethick" } };
        abuse["location"] = new { text = "8 Pondwicks Close, Harpenden", district = "St Albans" };
        var sensitive = await AsbTesting.RecordAsync(handler, abuse);

        // A familiar form with a slip in the surname: the engine finds her at once (no background resolution has run).
        var officer = await app.ClientForAsync(Roles.Officer);
        var found = Items(await SearchAsync(officer, "q=" + Uri.EscapeDataString("Peggy Quarington")));
        var person = Assert.Single(found, i => i.GetProperty("kind").GetString() == "person");
        Assert.Equal("Margaret Quarrington", person.GetProperty("title").GetString());
        Assert.StartsWith("/identities/", person.GetProperty("link").GetString(), StringComparison.Ordinal);
        var incident = Assert.Single(found, i => i.GetProperty("kind").GetString() == "incident");
        Assert.Equal(burglary.GetProperty("reference").GetString(), incident.GetProperty("reference").GetString());
        Assert.Equal($"/incidents/{burglary.Id()}", incident.GetProperty("link").GetString());
        Assert.Contains("27 Verulam Road", incident.GetProperty("title").GetString(), StringComparison.Ordinal);

        // A victim of domestic abuse: her incident by reference and type, herself without her name; neither her name nor
        // her address appears anywhere in the answer, though the search spelt her name (nearly).
        var answer = await officer.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("Rosalind Tremethik"));
        Assert.DoesNotContain("Tremethick", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Pondwicks", answer, StringComparison.OrdinalIgnoreCase);
        var masked = Items(JsonDocument.Parse(answer).RootElement);
        var people = masked.Where(i => i.GetProperty("kind").GetString() == "person").ToList();
        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.True(p.GetProperty("sensitive").GetBoolean()));
        Assert.All(people, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("detail").ValueKind));
        var herIncident = Assert.Single(masked, i => i.GetProperty("kind").GetString() == "incident");
        Assert.Equal(sensitive.GetProperty("reference").GetString(), herIncident.GetProperty("reference").GetString());
        Assert.Equal("Domestic abuse", herIncident.GetProperty("title").GetString());
        Assert.True(herIncident.GetProperty("sensitive").GetBoolean());
        // Opening it asks for the purpose, as everywhere else.
        var refused = await officer.GetAsync($"/api/v1/incidents/{sensitive.Id()}").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _));

        // Each search is one audit event with its terms, naming what it listed.
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "search" && e.Actor == SafetyNetApp.DemoEmail(Roles.Officer) && e.Details!.Contains("Quarington")).ToListAsync());
        var search = Assert.Single(events);
        Assert.Contains("q=Peggy Quarington", search.Details, StringComparison.Ordinal);
        Assert.Contains($"incidents={burglary.Id().ToString(CultureInfo.InvariantCulture)}", search.Details, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_partner_finds_only_the_cases_shared_with_their_agency_and_no_incident_or_person(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var marker = Marker();
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var shared = await desk.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Noise from a flat {marker}", category = "Nuisance", riskLevel = "Medium", district = "St Albans" })
            .ExpectAsync(HttpStatusCode.Created);
        var notShared = await desk.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Fly-tipping on the verge {marker}", category = "Environmental", riskLevel = "Low", district = "St Albans" })
            .ExpectAsync(HttpStatusCode.Created);
        var housing = await app.WithDbAsync(db => db.Agencies.Where(a => a.Code == "HOUSING").Select(a => a.Id).SingleAsync());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/shares", new { agencyId = housing, lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        await AsbTesting.RecordAsync(handler, Burglary($"Shed broken into, {marker} written on the wall.", "2 Abbey Mill Lane, St Albans", Reports.Victim()));

        var partner = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        var page = await SearchAsync(partner, $"q={marker}");
        var listed = Assert.Single(Items(page));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("case", listed.GetProperty("kind").GetString());
        Assert.Equal(shared.GetProperty("reference").GetString(), listed.GetProperty("reference").GetString());
        Assert.Equal($"/asb/cases/{shared.Id()}", listed.GetProperty("link").GetString());
        // By reference: the unshared case does not exist for them.
        Assert.Equal(0, (await SearchAsync(partner, $"q={notShared.GetProperty("reference").GetString()}")).GetProperty("total").GetInt32());

        // The force sees both cases and the incident.
        var kinds = Items(await SearchAsync(desk, $"q={marker}")).Select(i => i.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["case", "case", "incident"], kinds);
    }

    [Theory, Providers]
    public async Task Results_page_over_everything_found_and_a_bad_search_names_its_field_in_the_api_and_on_the_page(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var marker = Marker();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var recorded = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(1));
            recorded.Add((await AsbTesting.RecordAsync(handler, Burglary($"Garage forced, tools taken; marked {marker}.", $"{n + 1} Catherine Street, St Albans", Reports.Victim())))
                .GetProperty("reference").GetString()!);
        }
        var officer = await app.ClientForAsync(Roles.Officer);
        var first = await SearchAsync(officer, $"q={marker}&pageSize=2");
        var second = await SearchAsync(officer, $"q={marker}&pageSize=2&page=2");
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        // Newest first, each once across the pages.
        var references = Items(first).Concat(Items(second)).Select(i => i.GetProperty("reference").GetString()!).ToArray();
        Assert.Equal(Enumerable.Reverse(recorded).ToArray(), references);
        // Filters narrow: another district or a type that is not burglary finds none of them; the right ones keep all three.
        Assert.Equal(0, (await SearchAsync(officer, $"q={marker}&district=Watford")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync(officer, $"q={marker}&type=SHOPLIFTING")).GetProperty("total").GetInt32());
        var today = ForceClock.DayOf(app.Time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(3, (await SearchAsync(officer, $"q={marker}&type=BURGLARY-RESIDENTIAL&district=St%20Albans&from={today}&to={today}")).GetProperty("total").GetInt32());

        var bad = new (string Query, string Field)[]
        {
            ("q=", "q"), ("q=x", "q"), ($"q={new string('a', 201)}", "q"), ($"q={marker}&district=Narnia", "district"), ($"q={marker}&type=PARKING", "type"),
            ($"q={marker}&from=2026-13-01", "from"), ($"q={marker}&from=2026-11-20&to=2026-11-19", "to"), ($"q={marker}&kind=vehicle", "kind"),
            ($"q={marker}&pageSize=501", "pageSize"), ($"q={marker}&page=0", "page"),
        };
        foreach (var (query, field) in bad)
        {
            var problem = await officer.GetAsync("/api/v1/search?" + query).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }
        var browser = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));
        var form = await browser.GetStringAsync($"/search?q={marker}&district=Narnia&from=2026-11-20&to=2026-11-19");
        Assert.Contains("There is a problem", form, StringComparison.Ordinal);
        Assert.Contains("href=\"#district\"", form, StringComparison.Ordinal);
        Assert.Contains("href=\"#to\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain(recorded[0], form, StringComparison.Ordinal);
        var page = await browser.GetStringAsync($"/search?q={marker}");
        Assert.All(recorded, r => Assert.Contains(r, page, StringComparison.Ordinal));
        Assert.Contains("3 results", page, StringComparison.Ordinal);
    }
}
