using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class AsbTests(BrowserFixture fixture)
{
    private static object AsbReport(string place, string surname) => new Dictionary<string, object?>
    {
        ["channel"] = "Online",
        ["typeCode"] = "ASB-PERSONAL",
        ["narrative"] = "Youths gathering outside the caller's house every night, shouting abuse at her.",
        ["location"] = new { text = place, district = "Watford" },
        ["people"] = new object[]
        {
            new { role = "Victim", firstName = "Janet", lastName = surname, dateOfBirth = "1975-02-20", sex = "Female", address = "12 Windmill Avenue, Watford" },
            new { role = "Suspect", firstName = "Kyle", lastName = "Dunmore" },
        },
        ["grade"] = "SCHEDULED",
        ["thrive"] = new { threat = "None now", harm = "Distress", risk = "Standard", investigation = "Patrols", vulnerability = "None identified", engagement = "Wants contact" },
        ["assessments"] = new object[]
        {
            new
            {
                instrument = "ASB", personIndex = 0,
                answers = new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" }
                    .ToDictionary(k => k, k => k is "targeted" or "afraid" ? "yes" : "no"),
            },
        },
    };

    private async Task<JsonElement> RecordAsync(string place, string surname)
    {
        var client = await fixture.App.ClientForAsync(Roles.CallHandler);
        var response = await client.PostAsJsonAsync("/api/v1/incidents", AsbReport(place, surname));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<long> OpenCaseAsync(long incidentId)
    {
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{incidentId}");
        var reviewed = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incidentId}/review",
            new { version = review.GetProperty("version").GetInt32(), riskDecision = "confirm", caseDecision = "Open" });
        reviewed.EnsureSuccessStatusCode();
        return (await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetProperty("caseId").GetInt64();
    }

    [Fact]
    public async Task The_desk_reviews_an_incident_opens_a_case_adds_an_action_completes_it_and_closes_the_case()
    {
        var surname = $"Okoro{Guid.NewGuid():N}"[..12];
        var incident = await RecordAsync("Windmill Avenue, Watford", surname);
        var reference = incident.GetProperty("reference").GetString()!;
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CommunityFocusDesk);
        var asb = new AsbPages(page);

        await asb.OpenDeskAsync();
        await Assertions.Expect(asb.Heading).ToHaveTextAsync("Community focus desk");
        await page.AssertNoViolationsAsync();
        await asb.OpenReviewAsync(reference);
        await Assertions.Expect(asb.Heading).ToHaveTextAsync($"Desk review of {reference}");
        await page.AssertNoViolationsAsync();

        await asb.SaveReviewAsync();
        await Assertions.Expect(asb.ErrorSummary).ToContainTextAsync("Select whether you confirm or reassess the risk");
        await page.AssertNoViolationsAsync();

        await asb.ReassessAsync("High", "Victim now afraid to leave the house");
        await asb.OpenNewCaseAsync();
        await asb.SaveReviewAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Review of {reference} saved");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("High");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Kyle Dunmore" })).ToContainTextAsync($"Janet {surname}");
        await page.AssertNoViolationsAsync();

        await asb.AddActionAsync("Visit the victim and agree a diary", new DateOnly(2026, 11, 30));
        await Assertions.Expect(asb.Action("Visit the victim and agree a diary")).ToContainTextAsync("Open");
        await page.AssertNoViolationsAsync();
        await asb.CloseCaseAsync("Behaviour stopped", "Fairly satisfied");
        await Assertions.Expect(asb.ErrorSummary).ToContainTextAsync("Complete or cancel the open actions");
        await page.AssertNoViolationsAsync();

        await asb.MarkDoneAsync("Visit the victim and agree a diary", "Diary sheets given to the victim");
        await Assertions.Expect(asb.Action("Visit the victim and agree a diary")).ToContainTextAsync("Done");
        await asb.CloseCaseAsync("Behaviour stopped after joint visits", "Fairly satisfied");
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("Closed");
        await Assertions.Expect(asb.Timeline).ToContainTextAsync("Case closed: Behaviour stopped after joint visits (victim satisfaction 4 of 5)");
        await Assertions.Expect(asb.Timeline).ToContainTextAsync("Action done: Visit the victim and agree a diary");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_partner_caseworker_sees_only_the_case_shared_with_their_agency_and_nothing_of_police_intelligence()
    {
        var marker = $"Q{Guid.NewGuid():N}"[..10];
        var shared = await OpenCaseAsync((await RecordAsync($"1 {marker} Road, Watford", marker)).GetProperty("id").GetInt64());
        var notShared = await OpenCaseAsync((await RecordAsync($"2 {marker} Road, Watford", marker)).GetProperty("id").GetInt64());
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        (await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared}/contacts", new { text = $"Intelligence {marker}: supplier named", policeOnly = true })).EnsureSuccessStatusCode();
        var agencies = await fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.Agencies, a => a.Code, a => a.Id));
        (await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared}/shares", new { agencyId = agencies["COUNCIL-WATFORD"], lawfulBasis = "CrimeAndDisorderActSection115" })).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.PartnerCaseworker);
        await page.GotoAsync($"/asb/cases?q={marker}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 case");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync($"1 {marker} Road");
        await Assertions.Expect(page.Locator("table")).Not.ToContainTextAsync($"2 {marker} Road");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^ASB-") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"1 {marker} Road");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Intelligence");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Share with a partner agency");
        await page.AssertNoViolationsAsync();

        var response = await page.GotoAsync($"/asb/cases/{notShared}");
        Assert.Equal(404, response!.Status);
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_case_is_flagged_for_the_Community_Trigger_without_anyone_asking()
    {
        var marker = $"T{Guid.NewGuid():N}"[..10];
        var place = $"{marker} Close, Watford";
        var caseId = await OpenCaseAsync((await RecordAsync(place, marker)).GetProperty("id").GetInt64());
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        for (var i = 0; i < 2; i++)
        {
            var next = await RecordAsync(place, marker);
            (await desk.PostAsJsonAsync($"/api/v1/asb/cases/{caseId}/incidents", new { incidentId = next.GetProperty("id").GetInt64() })).EnsureSuccessStatusCode();
        }

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CommunityFocusDesk);
        await page.GotoAsync("/asb/community-trigger");
        await Assertions.Expect(page.Locator("table", new() { HasText = place })).ToContainTextAsync("Log one");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/asb/cases/{caseId}");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Community Trigger threshold met");
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = "Community Trigger threshold met" })).ToContainTextAsync("Hertfordshire Constabulary");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_neighbourhood_officer_records_a_community_priority_and_the_district_council_records_its_action()
    {
        var title = $"Speeding by Oxhey school {Guid.NewGuid():N}"[..34];
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        await page.GotoAsync("/asb/priorities");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Community priorities");
        await page.GetByLabel("Priority", new() { Exact = true }).FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record priority" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select the district");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the date the priority was set");
        await page.AssertNoViolationsAsync();

        var today = DateOnly.FromDateTime(ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime);
        await page.Locator("#district").SelectOptionAsync("Watford");
        await page.GetByLabel("What residents raised").FillAsync("Cars racing past the primary school at night");
        await page.GetByLabel("Set with").FillAsync("Oxhey residents' meeting with two ward councillors");
        await page.FillDateAsync("Date set", today.AddDays(-7));
        await page.FillDateAsync("Review with residents on", today.AddDays(49));

        // Text pasted with a control character in it (U+0001, then NUL) cannot be stored: the summary names the field, and nothing is saved.
        foreach (var control in new[] { "\u0001", "\u0000" })
        {
            await page.GetByLabel("Priority", new() { Exact = true }).FillAsync($"Speeding{control} by Oxhey school");
            await Assertions.Expect(page.GetByLabel("Priority", new() { Exact = true })).ToHaveValueAsync($"Speeding{control} by Oxhey school");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record priority" }).ClickAsync();
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The priority must not contain control characters" })).ToHaveAttributeAsync("href", "#title");
            await page.AssertNoViolationsAsync();
            Assert.Equal(0, await fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.CommunityPriorities, p => p.SetWith == "Oxhey residents' meeting with two ward councillors")));
        }

        await page.GetByLabel("Priority", new() { Exact = true }).FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record priority" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No actions recorded yet");
        var address = page.Url;

        var council = await fixture.NewPageAsync();
        await new SignInPage(council).SignInAsRoleAsync(Roles.PartnerCaseworker);
        await council.GotoAsync("/asb/priorities?district=Watford");
        await council.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(council.Locator("main")).Not.ToContainTextAsync("Record priority");
        await council.GetByLabel("What was done").FillAsync("Speed indicator sign put up by the school");
        await council.FillDateAsync("Date", today);
        await council.GetByRole(AriaRole.Button, new() { Name = "Record action" }).ClickAsync();
        await Assertions.Expect(council.Locator(".govuk-notification-banner")).ToContainTextAsync("The action was recorded");
        await Assertions.Expect(council.Locator("table")).ToContainTextAsync("Watford Council");
        await council.AssertNoViolationsAsync();

        await page.GotoAsync(address);
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Speed indicator sign put up by the school");
        await page.AssertNoViolationsAsync();
    }
}
