using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class InvestigationReviewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_sergeant_completes_a_due_first_review_finalises_re_opens_and_re_allocates_and_a_missed_urgent_review_reaches_the_inspector()
    {
        var app = fixture.App;
        // Earlier work: a burglary and a high-risk domestic abuse crime recorded, and the supervisors' ranks.
        var recorder = await app.ClientForAsync(Roles.Supervisor);
        var burglary = await RecordAsync(recorder, Reports.Burglary(), "Residential burglary");
        var abuse = await RecordAsync(recorder, Reports.DomesticAbuse(15), "Violence without injury");
        await app.WithDbAsync(async db =>
        {
            foreach (var (email, rank) in new[] { ("detective.sergeant@safetynet.test", Rank.Sergeant), ("detective.inspector@safetynet.test", Rank.Inspector) })
            {
                var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
                if (await db.Set<Investigator>().FindAsync(id) is { } existing)
                {
                    existing.Rank = rank;
                }
                else
                {
                    db.Add(new Investigator { UserId = id, PipLevel = 2, Rank = rank });
                }
            }
            // The sergeant allocated the burglary to the demo investigator earlier.
            var burglaryInvestigation = await db.Set<Investigation>().SingleAsync(i => i.Id == burglary.Investigation);
            burglaryInvestigation.Status = InvestigationStatus.Allocated;
            burglaryInvestigation.InvestigatorId = await db.Users.Where(u => u.Email == "investigator@safetynet.test").Select(u => u.Id).SingleAsync();
            burglaryInvestigation.TeamId = await db.Teams.Where(t => t.Code == "INVESTIGATIONS").Select(t => t.Id).SingleAsync();
            burglaryInvestigation.AllocatedAt = app.Time.GetUtcNow();
            // The browser tests share one clock, so the crimes are moved back rather than the clock on: the burglary was
            // recorded 72 hours ago (its first review is just due), the domestic abuse nine days ago (its 24-hour review
            // missed by eight days).
            var now = app.Time.GetUtcNow();
            foreach (var (id, ago) in new[] { (burglary.Investigation, TimeSpan.FromHours(72) + TimeSpan.FromMinutes(5)), (abuse.Investigation, TimeSpan.FromDays(9) + TimeSpan.FromHours(1)) })
            {
                var investigation = await db.Set<Investigation>().SingleAsync(i => i.Id == id);
                var first = await db.Set<SupervisoryReview>().SingleAsync(r => r.InvestigationId == id);
                Assert.Equal(investigation.OpenedAt.AddHours(id == burglary.Investigation ? 72 : 24), first.DueAt);
                investigation.OpenedAt -= ago;
                first.DueAt -= ago;
            }
            return await db.SaveChangesAsync();
        });

        // The burglary's first review, due 72 hours after it was recorded, is due: the sergeant does it on the review page.
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "detective.sergeant@safetynet.test");
        await page.GotoAsync("/investigations/reviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Supervisory reviews" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue for inspector" })).ToHaveCountAsync(0);
        await page.Locator("#due").GetByRole(AriaRole.Link, new() { Name = burglary.Reference }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "First review" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Outstanding and incomplete actions checked").FillAsync("Statement taken; house-to-house done; CCTV requested from the corner shop");
        await page.GetByLabel("Quality of the investigation").FillAsync("Agreed verbally with DC Patel");
        var next = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(14);
        await page.FillDateAsync("Next review by", next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("agreed verbally");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Quality of the investigation").FillAsync("Proportionate enquiries; the CCTV is the best line to identify the suspect");
        // Every line of enquiry is done, so the sergeant makes this first review the one before finalisation.
        await page.GetByLabel("This is the review before finalisation: the investigation is ready for its outcome").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the review" }).ClickAsync();
        await page.WaitForURLAsync($"**/investigations/{burglary.Investigation}");
        await Assertions.Expect(page.Locator("#review-summary")).ToContainTextAsync("Next review due");
        await Assertions.Expect(page.Locator("#review-summary .govuk-tag")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".moj-timeline")).ToContainTextAsync("Review before finalisation completed");
        await page.AssertNoViolationsAsync();

        // Outcome 15 (named suspect, victim supports action, evidential difficulties) waits for the victim's view.
        await page.GetByRole(AriaRole.Link, new() { Name = "Finalise the investigation" }).ClickAsync();
        await page.GetByLabel("Home Office outcome type").SelectOptionAsync("15");
        await page.GetByLabel("The suspect's name (when the incident names none)").FillAsync("Dean Marsh");
        await page.Locator("#victimSupportsAction").CheckAsync();
        await page.GetByLabel("The Victims' Right to Review has been explained to the victim (no further action outcomes)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalise the investigation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Outcome 15 needs the victim's view");
        await page.AssertNoViolationsAsync();
        Assert.Null(await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.Id == burglary.Investigation).Select(i => i.OutcomeCode).SingleAsync()));

        // The victim does not support action after all: outcome 16, with the suspect named and the Right to Review explained.
        await page.GetByLabel("Home Office outcome type").SelectOptionAsync("16");
        await page.Locator("#victimSupportsAction-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalise the investigation" }).ClickAsync();
        await page.WaitForURLAsync($"**/investigations/{burglary.Investigation}");
        await Assertions.Expect(page.Locator("main strong.govuk-tag").First).ToHaveTextAsync("Finalised");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Outcome" }))
            .ToContainTextAsync("16: Evidential difficulties: named suspect; victim does not support action");
        var finalised = page.Locator(".moj-timeline__item", new() { HasText = "Outcome 16" });
        await Assertions.Expect(finalised).ToContainTextAsync("suspect named: Dean Marsh; the victim does not support action; the Victims' Right to Review was explained");

        // New evidence: the sergeant re-opens it with the reason, and the history keeps the finalisation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Re-open the investigation" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Re-open the investigation");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Why the investigation is re-opened").FillAsync("The victim now supports a prosecution after a second break-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-open the investigation" }).ClickAsync();
        await page.WaitForURLAsync($"**/investigations/{burglary.Investigation}");
        await Assertions.Expect(page.Locator("main strong.govuk-tag").First).ToHaveTextAsync("Allocated");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Outcome" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync(
            "Re-opened (was 16: Evidential difficulties: named suspect; victim does not support action): The victim now supports a prosecution after a second break-in");
        await Assertions.Expect(finalised).ToHaveCountAsync(1);

        // ...and gives it to a PIP2 detective, with the reason, which the history shows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Re-allocate the investigation" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Re-allocate crime {burglary.Reference}");
        await page.GetByLabel("Demo detective constable", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why the investigation is re-allocated").FillAsync("Two linked break-ins with a named suspect need a PIP2 detective");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-allocate", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/investigations/{burglary.Investigation}");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Investigator" })).ToContainTextAsync("Demo detective constable (PIP2)");
        await Assertions.Expect(page.Locator(".moj-timeline__item").First).ToContainTextAsync(
            "Re-allocated to Demo detective constable (PIP2), Investigations, from Demo investigator, because: Two linked break-ins with a named suspect need a PIP2 detective");
        await page.AssertNoViolationsAsync();

        // The domestic abuse review was due at 24 hours and nobody did it: past seven days overdue the inspector sees it.
        var inspector = await fixture.NewPageAsync();
        await SignInAsync(inspector, "detective.inspector@safetynet.test");
        await inspector.GotoAsync("/investigations/reviews");
        await Assertions.Expect(inspector.GetByRole(AriaRole.Heading, new() { Name = "Overdue for inspector" })).ToBeVisibleAsync();
        var row = inspector.Locator("#inspector tr", new() { HasText = abuse.Reference });
        await Assertions.Expect(row).ToContainTextAsync("8 days overdue");
        await Assertions.Expect(inspector.Locator("#inspector")).Not.ToContainTextAsync(burglary.Reference);
        await inspector.AssertNoViolationsAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(email, SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    private async Task<(long Investigation, string Reference)> RecordAsync(HttpClient client, Dictionary<string, object?> report, string subgroup)
    {
        var incident = await (await client.PostAsJsonAsync("/api/v1/incidents", report)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var record = incident.GetProperty("crimeRecords")[0];
        var crime = record.GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = crime, decision = "crime", offenceSubgroup = subgroup, version = record.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        return await fixture.App.WithDbAsync(async db => (
            await db.Set<Investigation>().Where(i => i.CrimeRecordId == crime).Select(i => i.Id).SingleAsync(),
            await db.CrimeRecords.Where(c => c.Id == crime).Select(c => c.CrimeReference!).SingleAsync()));
    }
}
