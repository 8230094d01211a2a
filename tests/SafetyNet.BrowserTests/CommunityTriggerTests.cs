using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class CommunityTriggerTests(BrowserFixture fixture)
{
    /// <summary>Earlier work by others: a victim's report, and the case the desk opened on it.</summary>
    private async Task<string> CaseAsync(string surname)
    {
        var handler = await fixture.App.ClientForAsync(Roles.CallHandler);
        var report = new Dictionary<string, object?>
        {
            ["channel"] = "Online", ["typeCode"] = "ASB-PERSONAL", ["narrative"] = "Neighbours shouting abuse at the caller every night.",
            ["location"] = new { text = "18 Cassio Road, Watford", district = "Watford" },
            ["people"] = new object[] { new { role = "Victim", firstName = "Hannah", lastName = surname, dateOfBirth = "1968-04-11", sex = "Female" } },
            ["grade"] = "SCHEDULED",
            ["thrive"] = new { threat = "None now", harm = "Distress", risk = "Standard", investigation = "Patrols", vulnerability = "None identified", engagement = "Wants contact" },
            ["assessments"] = new object[]
            {
                new
                {
                    instrument = "ASB", personIndex = 0,
                    answers = new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" }
                        .ToDictionary(k => k, k => k is "targeted" ? "yes" : "no"),
                },
            },
        };
        var incident = await (await handler.PostAsJsonAsync("/api/v1/incidents", report)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var id = incident.GetProperty("id").GetInt64();
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{id}");
        var reviewed = await (await desk.PostAsJsonAsync($"/api/v1/asb/desk/{id}/review",
            new { version = review.GetProperty("version").GetInt32(), riskDecision = "confirm", caseDecision = "Open" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var caseId = reviewed.GetProperty("decision").GetProperty("caseId").GetInt64();
        return (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}")).GetProperty("reference").GetString()!;
    }

    [Fact]
    public async Task The_desk_logs_a_Community_Trigger_application_decides_it_records_the_review_and_its_recommendations_and_a_council_decides_one_it_leads()
    {
        var surname = $"Ashdown{Guid.NewGuid():N}"[..14];
        var caseReference = await CaseAsync(surname);
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime);
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CommunityFocusDesk);
        var trigger = new CommunityTriggerPages(page);

        await trigger.OpenRegisterAsync();
        await Assertions.Expect(trigger.Heading).ToHaveTextAsync("Community Trigger register");
        await page.AssertNoViolationsAsync();
        await trigger.StartApplicationAsync();
        await trigger.SubmitApplicationAsync();
        await Assertions.Expect(trigger.ErrorSummary).ToContainTextAsync("Enter the applicant's name");
        await page.AssertNoViolationsAsync();

        await trigger.LogApplicationAsync(caseReference, $"Hannah {surname}", "Four reports of abuse from next door in two months and nothing has changed");
        await Assertions.Expect(trigger.Banner).ToContainTextAsync("Application logged");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(caseReference);
        await page.AssertNoViolationsAsync();

        await trigger.DecideThresholdMetAsync("Complaints to the council and the police within six months about the same neighbours");
        await Assertions.Expect(trigger.Banner).ToContainTextAsync("Threshold decision recorded");
        await page.AssertNoViolationsAsync();

        await trigger.RecordReviewAsync(today, "Partners agreed a joint plan with the housing provider");
        await Assertions.Expect(trigger.Banner).ToContainTextAsync("Case review recorded");
        await page.AssertNoViolationsAsync();

        const string recommendation = "Housing to start tenancy enforcement against the neighbours";
        await trigger.AddRecommendationAsync(recommendation, "Hertfordshire Homes Housing Association", today.AddDays(14));
        await Assertions.Expect(trigger.Recommendation(recommendation)).ToContainTextAsync("Open");
        await page.AssertNoViolationsAsync();
        await trigger.CompleteRecommendationAsync(recommendation, "Notice of seeking possession served");
        await Assertions.Expect(trigger.Recommendation(recommendation)).ToContainTextAsync("Completed");
        await Assertions.Expect(trigger.Recommendation(recommendation)).ToContainTextAsync("Notice of seeking possession served");
        await page.AssertNoViolationsAsync();

        await trigger.OpenRegisterAsync();
        await Assertions.Expect(page.Locator("table", new() { HasText = $"Hannah {surname}" })).ToContainTextAsync("Reviewed");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "(CSV)" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // An application the council leads (logged by the desk through the API) is decided by the council's own caseworker.
        var stAlbans = await fixture.App.WithDbAsync(db => db.Agencies.Where(a => a.Code == "COUNCIL-ST-ALBANS").Select(a => a.Id).SingleAsync());
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var councilLed = await (await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new
        {
            applicantName = $"Peter {surname}", leadAgencyId = stAlbans, district = "St Albans",
            summary = "Noise from the flat upstairs reported to the council once, a year ago",
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var councilReference = councilLed.GetProperty("reference").GetString()!;
        var councilPage = await fixture.NewPageAsync();
        var signIn = new SignInPage(councilPage);
        await signIn.OpenAsync();
        await signIn.SignInAsync("stalbans.caseworker@safetynet.test", SafetyNetApp.Password);
        await councilPage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var council = new CommunityTriggerPages(councilPage);
        await council.OpenRegisterAsync();
        await Assertions.Expect(councilPage.Locator("tr", new() { HasText = councilReference })).ToContainTextAsync($"Peter {surname}");
        await Assertions.Expect(councilPage.Locator("main")).Not.ToContainTextAsync($"Hannah {surname}");
        await councilPage.GetByRole(AriaRole.Link, new() { Name = councilReference, Exact = true }).ClickAsync();
        await council.DecideThresholdNotMetAsync("One complaint in the last six months, below the local threshold of three");
        await Assertions.Expect(council.Banner).ToContainTextAsync("Threshold decision recorded");
        await Assertions.Expect(councilPage.Locator(".govuk-summary-list__row", new() { HasText = "Threshold" }))
            .ToContainTextAsync("Not met: One complaint in the last six months, below the local threshold of three");
        await councilPage.AssertNoViolationsAsync();
    }
}
