using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public sealed class ReferralsTests(BrowserFixture fixture)
{
    private const string AdultCare = "Hertfordshire Adult Care Services";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_officer_works_the_suggested_referrals_and_makes_one_the_liaison_officer_accepts_and_gives_feedback_and_adult_care_declines()
    {
        var app = fixture.App;
        // Earlier work: a burglary of an 86-year-old who lives alone, recorded as a crime: the liaison and MASH referrals are suggested.
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var report = Reports.Burglary(Reports.Thrive(vulnerable: true), "PRIORITY", Reports.Victim("Edith", "Marlow", "1940-02-02"));
        report["officerInCaseId"] = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.Officer)).Select(u => u.Id).FirstAsync());
        var recorded = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", report));
        var incident = recorded.GetProperty("id").GetInt64();
        var reference = recorded.GetProperty("reference").GetString()!;
        var record = recorded.GetProperty("crimeRecords")[0];
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident}/crime-decisions", new
        {
            crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32(),
        }));

        // The officer in the case answers the suggestions where they appear: the incident's referrals.
        var officerPage = await fixture.NewPageAsync();
        await new SignInPage(officerPage).SignInAsRoleAsync(Roles.Officer);
        var officer = new ReferralPages(officerPage);
        await officerPage.GotoAsync($"/incidents/{incident}");
        await officer.PanelRow("Older person liaison").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Change or dismiss") }).ClickAsync();
        await Assertions.Expect(officerPage.Locator("h1")).ToContainTextAsync("Older person liaison");
        await officerPage.AssertNoViolationsAsync();
        await officerPage.GetByLabel("Reason for the referral").FillAsync("Aged 86, lives alone; the back door lock is broken and she is frightened to stay");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Save the change" }).ClickAsync();
        await Assertions.Expect(officer.Banner).ToContainTextAsync("The referral is changed");
        await Assertions.Expect(officerPage.Locator(".govuk-summary-list")).ToContainTextAsync("the back door lock is broken");

        await officerPage.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await officer.PanelRow("Older person liaison").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send") }).ClickAsync();
        await Assertions.Expect(officer.Banner).ToContainTextAsync("The referral is sent");
        await Assertions.Expect(officerPage.Locator("main .govuk-tag").First).ToHaveTextAsync("Sent");

        await officerPage.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await officer.PanelRow("MASH").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Change or dismiss") }).ClickAsync();
        await officerPage.GetByLabel("Why the referral is not needed").FillAsync("Her daughter has moved in with her; adult care already know her");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Dismiss the suggestion" }).ClickAsync();
        await Assertions.Expect(officer.Banner).ToContainTextAsync("The suggestion is dismissed");

        // And she makes a referral the rules did not suggest: to adult care, for a care assessment.
        await officerPage.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(officer.PanelRow("MASH")).ToContainTextAsync("Not sent: Her daughter has moved in with her");
        await officerPage.GetByRole(AriaRole.Link, new() { Name = "Make a referral about this incident" }).ClickAsync();
        await Assertions.Expect(officerPage.Locator("h1")).ToHaveTextAsync("Make a referral");
        await officerPage.AssertNoViolationsAsync();
        await officerPage.GetByLabel("A named partner agency").CheckAsync();
        await officerPage.GetByLabel("Partner agency (for a referral to a named partner)").SelectOptionAsync(new SelectOptionValue { Label = AdultCare });
        await officerPage.GetByLabel("Who is the referral about?").SelectOptionAsync(new SelectOptionValue { Label = "Edith Marlow (Victim)" });
        await officerPage.GetByLabel("Reason for the referral").FillAsync("Care assessment: she cannot manage the stairs since the break-in");
        await officerPage.GetByLabel("Lawful basis for sharing").FillAsync("Consent of the person");
        await officerPage.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Make the referral" }).ClickAsync();
        await Assertions.Expect(officerPage.Locator("h1")).ToContainTextAsync(AdultCare);
        await Assertions.Expect(officerPage.Locator("main .govuk-tag").First).ToHaveTextAsync("Sent");
        await officerPage.AssertNoViolationsAsync();

        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("liaison.officer@safetynet.test", SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var referrals = new ReferralPages(page);
        await referrals.OpenWorklistAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Referrals waiting for you");
        await Assertions.Expect(referrals.RowFor(reference)).ToContainTextAsync("Sent");
        await Assertions.Expect(referrals.RowFor(reference)).ToContainTextAsync("the back door lock is broken");
        await page.AssertNoViolationsAsync();

        await referrals.AcceptAsync(reference);
        await Assertions.Expect(referrals.Banner).ToContainTextAsync("You accepted the referral");
        await page.AssertNoViolationsAsync();

        // A visit without its date is refused with the GOV.UK error summary; with it, it is recorded.
        await page.GetByLabel("What happened").FillAsync("Visited Mrs Marlow");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
        await Assertions.Expect(referrals.ErrorSummary).ToContainTextAsync("Enter the date of the contact");
        await page.AssertNoViolationsAsync();
        var today = ForceClock.DayOf(app.Time.GetUtcNow());
        await referrals.RecordContactAsync(today, "Visited Mrs Marlow: fitted a door chain and spy hole");
        await Assertions.Expect(referrals.Banner).ToContainTextAsync("The contact is recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("fitted a door chain and spy hole");
        await page.AssertNoViolationsAsync();

        await referrals.GiveFeedbackAsync("Visited and fitted a door chain; Mrs Marlow is joining the local Neighbourhood Watch");
        await Assertions.Expect(referrals.Banner).ToContainTextAsync("Your feedback is given to the referrer");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Close the referral" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // Adult care's caseworker declines the referral made to her agency, saying why.
        var adultCarePage = await fixture.NewPageAsync();
        var adultCareSignIn = new SignInPage(adultCarePage);
        await adultCareSignIn.OpenAsync();
        await adultCareSignIn.SignInAsync("adultcare.caseworker@safetynet.test", SafetyNetApp.Password);
        await adultCarePage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var adultCare = new ReferralPages(adultCarePage);
        await adultCare.OpenWorklistAsync();
        await adultCare.RowFor(reference).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Decline") }).ClickAsync();
        await Assertions.Expect(adultCarePage.Locator("h1")).ToHaveTextAsync("Decline the referral");
        await adultCarePage.AssertNoViolationsAsync();
        await adultCarePage.GetByLabel("Why are you declining the referral?").FillAsync("Mrs Marlow had a care assessment last month; her social worker will visit this week");
        await adultCarePage.GetByRole(AriaRole.Button, new() { Name = "Decline the referral" }).ClickAsync();
        await Assertions.Expect(adultCare.RowFor(reference)).ToContainTextAsync("Declined");
        await Assertions.Expect(adultCare.RowFor(reference)).ToContainTextAsync("her social worker will visit this week");

        // The officer in the case reads the answers where the referrals belong: on the incident.
        await officerPage.GotoAsync($"/incidents/{incident}");
        var liaison = officer.PanelRow("Older person liaison");
        await Assertions.Expect(liaison).ToContainTextAsync("Mrs Marlow is joining the local Neighbourhood Watch");
        await Assertions.Expect(liaison).ToContainTextAsync("Feedback given");
        await Assertions.Expect(officer.PanelRow("Care assessment")).ToContainTextAsync("Declined: Mrs Marlow had a care assessment last month");
        await officerPage.AssertNoViolationsAsync();
    }
}
