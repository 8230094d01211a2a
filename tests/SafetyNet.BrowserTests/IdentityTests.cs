using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class IdentityTests(BrowserFixture fixture)
{
    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray());

    private async Task<JsonElement> RecordAsync(HttpClient client, string type, object person)
    {
        var report = new Dictionary<string, object?>
        {
            ["channel"] = "NonEmergency101", ["typeCode"] = type,
            ["narrative"] = "Youths shouting abuse at the caller outside her house.",
            ["location"] = new { text = "Windmill Avenue, Watford", district = "Watford" },
            ["people"] = new[] { person }, ["grade"] = "SCHEDULED",
            ["thrive"] = new { threat = "None now", harm = "Distress", risk = "Standard", investigation = "Neighbours", vulnerability = "None identified", engagement = "Wants a call back" },
            ["assessments"] = type.StartsWith("ASB", StringComparison.Ordinal)
                ? new[] { new { instrument = "ASB", personIndex = 0, answers = new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" }.ToDictionary(k => k, k => k == "targeted" ? "yes" : "no") } }
                : null,
        };
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_call_handler_enters_a_misspelt_nickname_and_sees_the_existing_person_with_earlier_incidents()
    {
        var api = await fixture.App.ClientForAsync(Roles.CallHandler);
        var last = Unique("Thistlewood");
        var victim = new { role = "Victim", firstName = "Margaret", lastName = last, dateOfBirth = "1958-06-14", sex = "Female", address = "22 Windmill Avenue, Watford", postcode = "WD24 4AA" };
        var first = await RecordAsync(api, "ASB-PERSONAL", victim);
        var second = await RecordAsync(api, "ASB-NUISANCE", victim);
        // Resolution joins the two entries, as the background service does between calls.
        await fixture.App.Services.GetRequiredService<IdentityResolution>().ResolvePendingAsync(CancellationToken.None);

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Anti-social behaviour – personal", "Same youths again, stones thrown at the window.", "22 Windmill Avenue", "Watford");
        await intake.ContinueAsync();
        // "Peggy" for Margaret, and the surname misspelt.
        var misspelt = last.Remove(9, 1);
        await intake.PersonAsync(0, "Victim", "Peggy", misspelt, "1958-06-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check for existing people" }).ClickAsync();

        var matches = page.Locator(".app-possible-matches");
        await Assertions.Expect(matches).ToContainTextAsync($"Margaret {last}");
        await Assertions.Expect(matches).ToContainTextAsync(first.GetProperty("reference").GetString()!);
        await Assertions.Expect(matches).ToContainTextAsync(second.GetProperty("reference").GetString()!);
        await Assertions.Expect(matches).ToContainTextAsync("Reported twice in 90 days, twice as ASB");
        await Assertions.Expect(matches).ToContainTextAsync("nickname");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel($"Yes, Margaret {last}").CheckAsync();
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        foreach (var key in new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" })
        {
            await intake.AnswerAsync(key, key is "reported-before" or "targeted" ? "yes" : "no");
        }
        await intake.ContinueAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync($"the same person as Margaret {last}");
        await intake.GradeAsync("SCHEDULED");
        await intake.RecordAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");
        await Assertions.Expect(page.Locator(".app-desk-routing")).ToContainTextAsync("Repeat victim: reported 3 times in 90 days, 3 times as ASB");
        await page.AssertNoViolationsAsync();

        // The third report in 90 days makes her a repeat victim: the incident went to the community focus desk.
        var recorded = await page.Locator(".govuk-panel__body").InnerTextAsync();
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var routings = await desk.GetFromJsonAsync<JsonElement>("/api/v1/identities/desk-routings?pageSize=500");
        Assert.Contains(routings.GetProperty("items").EnumerateArray(),
            r => recorded.Contains(r.GetProperty("incidentReference").GetString()!, StringComparison.Ordinal) && r.GetProperty("reason").GetString() == "RepeatVictim");
    }

    [Fact]
    public async Task A_call_handler_learns_the_caller_is_known_from_a_sensitive_record_and_confirms_her_after_saying_why()
    {
        var last = Unique("Blackthorne");
        var abuseReport = Reports.DomesticAbuse(0);
        abuseReport["people"] = new object[] { new { role = "Victim", firstName = "Margaret", lastName = last, dateOfBirth = "1962-09-21", sex = "Female" } };
        var abuse = await (await fixture.App.ClientForAsync(Roles.Supervisor)).PostAsJsonAsync("/api/v1/incidents", abuseReport);
        Assert.True(abuse.IsSuccessStatusCode, await abuse.Content.ReadAsStringAsync());
        var recorded = await abuse.Content.ReadFromJsonAsync<JsonElement>();
        var reference = recorded.GetProperty("reference").GetString()!;
        var identity = recorded.GetProperty("people")[0].GetProperty("identityId").GetInt64();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Anti-social behaviour – personal", "Stones thrown at her window again tonight.", "22 Windmill Avenue", "Watford");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Peggy", last.Remove(9, 1), "1962-09-21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check for existing people" }).ClickAsync();

        // The force knows her from a sensitive record: the match, and the incident by its reference, but not who she is.
        var matches = page.Locator(".app-possible-matches");
        await Assertions.Expect(matches).ToContainTextAsync("A person known from a sensitive record");
        await Assertions.Expect(matches).ToContainTextAsync(reference);
        await Assertions.Expect(matches).Not.ToContainTextAsync("Margaret");
        await page.AssertNoViolationsAsync();

        // Saying why shows her, with everything entered so far kept.
        await matches.GetByRole(AriaRole.Button, new() { Name = "Show who this is" }).ClickAsync();
        var purpose = new PurposeForm(page);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Margaret");
        await page.AssertNoViolationsAsync();
        const string why = "Checking whether the caller is the victim of the earlier report";
        await purpose.OpenAsync("Show who this is", why);
        await Assertions.Expect(intake.Heading).ToHaveTextAsync("People involved");
        await Assertions.Expect(matches).ToContainTextAsync($"Margaret {last}");
        await Assertions.Expect(matches).ToContainTextAsync("born 21 September 1962");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel($"Yes, Margaret {last}").CheckAsync();
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        foreach (var key in new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" })
        {
            await intake.AnswerAsync(key, key is "reported-before" or "targeted" ? "yes" : "no");
        }
        await intake.ContinueAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync($"the same person as Margaret {last}");
        await intake.GradeAsync("SCHEDULED");
        await intake.RecordAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");

        // The new entry joined her identity, and seeing her was audited with the reason given.
        var newReference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        var (joined, audited) = await fixture.App.WithDbAsync(async db => (
            await (from p in db.IncidentPeople join i in db.Incidents on p.IncidentId equals i.Id where i.Reference == newReference select p.IdentityId).SingleAsync(),
            await db.AuditEvents.AnyAsync(e => e.Action == "identity.matches" && e.Purpose == why && e.Actor == SafetyNetApp.DemoEmail(Roles.CallHandler))));
        Assert.Equal(identity, joined);
        Assert.True(audited);
    }

    [Fact]
    public async Task A_reviewer_merges_two_entries_and_then_splits_them()
    {
        var api = await fixture.App.ClientForAsync(Roles.CallHandler);
        var last = Unique("Ormerod");
        var a = await RecordAsync(api, "CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Valerie", lastName = last, dateOfBirth = "1970-01-20", sex = "Female", address = "2 Mill Lane, Hitchin", postcode = "SG4 9AA" });
        // The call handler was unsure and said "not this person"; the reviewer knows better.
        var b = await RecordAsync(api, "CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Val", lastName = last, sex = "Female", address = "2 Mill Lane, Hitchin", notIdentityIds = new[] { a.GetProperty("people")[0].GetProperty("identityId").GetInt64() } });
        var personA = a.GetProperty("people")[0].GetProperty("id").GetInt64();
        var personB = b.GetProperty("people")[0].GetProperty("id").GetInt64();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        var pages = new IdentityPages(page);
        await pages.OpenPersonAsync(personB);
        await Assertions.Expect(page.Locator("h2", new() { HasText = "Possible matches" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await pages.MergeWithAsync($"Valerie {last}");
        await Assertions.Expect(pages.Banner).ToContainTextAsync("Merged");
        await page.AssertNoViolationsAsync();

        await pages.OpenMergedIdentityAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Valerie {last}");
        await Assertions.Expect(pages.Entries).ToHaveCountAsync(2);
        await page.AssertNoViolationsAsync();

        await pages.SplitOffAsync($"Val {last} on {b.GetProperty("reference").GetString()}", "Different woman: confirmed with the caller");
        await Assertions.Expect(pages.Banner).ToContainTextAsync("Split");
        await Assertions.Expect(pages.Entries).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("ul.govuk-list")).ToContainTextAsync("entries split from identity");
        await page.AssertNoViolationsAsync();

        var identities = await fixture.App.WithServiceAsync<Identities, (long?, long?)>(async i =>
            ((await i.EntriesAsync(a.GetProperty("people")[0].GetProperty("identityId").GetInt64())).FirstOrDefault()?.IdentityId,
             (await i.EntriesAsync(b.GetProperty("people")[0].GetProperty("identityId").GetInt64())).FirstOrDefault()?.IdentityId));
        Assert.NotNull(identities.Item1);
        Assert.NotNull(identities.Item2);
        Assert.NotEqual(identities.Item1, identities.Item2);
        Assert.NotEqual(personA, personB);
    }

    [Fact]
    public async Task A_reviewer_sees_that_a_pair_sharing_only_a_name_and_sex_is_too_little_to_judge_and_reads_the_queue_by_risk()
    {
        var app = fixture.App;
        var api = await app.ClientForAsync(Roles.CallHandler);
        var thinLast = Unique("Gathercole");
        var riskLast = Unique("Ravenscroft");
        var thinA = await RecordAsync(api, "CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Clemency", lastName = thinLast, sex = "Female" });
        var thinB = await RecordAsync(api, "CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Clemency", lastName = thinLast, sex = "Female",
            notIdentityIds = new[] { thinA.GetProperty("people")[0].GetProperty("identityId").GetInt64() } });
        var riskA = await RecordAsync(api, "ASB-PERSONAL", new { role = "Victim", firstName = "Rosalind", lastName = riskLast, dateOfBirth = "1961-06-02", sex = "Female", address = "9 Windmill Avenue, Watford" });
        var riskB = await RecordAsync(api, "ASB-PERSONAL", new { role = "Victim", firstName = "Ros", lastName = riskLast, dateOfBirth = "1961-06-02", sex = "Female",
            notIdentityIds = new[] { riskA.GetProperty("people")[0].GetProperty("identityId").GetInt64() } });
        long PersonOf(JsonElement incident) => incident.GetProperty("people")[0].GetProperty("id").GetInt64();
        // The engine's grey-band pairs, as background resolution queues them.
        await app.WithDbAsync(async db =>
        {
            db.IdentityReviews.AddRange(
                new IdentityReview { PersonId = PersonOf(thinB), CandidatePersonId = PersonOf(thinA), Score = 0.97, Reasons = "first name: exact (+9.0); last name: exact (+12.0); sex: same (+1.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() },
                new IdentityReview { PersonId = PersonOf(riskB), CandidatePersonId = PersonOf(riskA), Score = 0.7, Reasons = "date of birth: exact (+10.0)", Status = ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        await page.GotoAsync("/people/review");
        var thin = page.Locator(".govuk-summary-card").Filter(new() { HasText = $"Clemency {thinLast} and Clemency {thinLast}" });
        await Assertions.Expect(thin).ToContainTextAsync("Too little evidence to judge");
        await Assertions.Expect(thin).Not.ToContainTextAsync("97%");
        await Assertions.Expect(thin.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Missing" })).ToContainTextAsync("date of birth");
        var risky = page.Locator(".govuk-summary-card").Filter(new() { HasText = $"Ros {riskLast} and Rosalind {riskLast}" });
        await Assertions.Expect(risky).ToContainTextAsync("70%");
        await page.AssertNoViolationsAsync();
        async Task<(int Thin, int Risky)> PlacesAsync()
        {
            var titles = await page.Locator(".govuk-summary-card__title").AllTextContentsAsync();
            return (titles.ToList().FindIndex(t => t.Contains(thinLast, StringComparison.Ordinal)), titles.ToList().FindIndex(t => t.Contains(riskLast, StringComparison.Ordinal)));
        }
        var byMatch = await PlacesAsync();
        Assert.True(byMatch.Thin < byMatch.Risky, "by match strength the higher score comes first");

        await page.GetByRole(AriaRole.Link, new() { Name = "highest risk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "highest risk" })).ToHaveAttributeAsync("aria-current", "true");
        var byRisk = await PlacesAsync();
        Assert.True(byRisk.Risky >= 0 && byRisk.Risky < byRisk.Thin, "by risk the pair on an assessed ASB report comes first");
        await Assertions.Expect(risky.Locator(".govuk-tag")).ToContainTextAsync("Low");
        await page.AssertNoViolationsAsync();
    }
}
