using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class MaracTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_officer_refers_a_case_on_judgement_and_the_MARAC_coordinator_lists_a_high_risk_case_with_no_crime_at_a_meeting_and_records_the_actions_agreed()
    {
        // Earlier work, by the API: a domestic abuse report with a DASH of 14 and no crime recorded.
        var surname = $"Carys{Guid.NewGuid():N}"[..12];
        var report = Reports.DomesticAbuse(14);
        report["people"] = new object[]
        {
            new { role = "Victim", firstName = "Megan", lastName = surname, dateOfBirth = "1993-02-11", sex = "Female" },
            new { role = "Suspect", firstName = "Gareth", lastName = surname },
        };
        var supervisor = await fixture.App.ClientForAsync(Roles.Supervisor);
        var recorded = await supervisor.PostAsJsonAsync("/api/v1/incidents", report);
        recorded.EnsureSuccessStatusCode();
        var reference = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        // And another, whose DASH of 5 is below the threshold.
        var judged = Reports.DomesticAbuse(5);
        judged["people"] = new object[]
        {
            new { role = "Victim", firstName = "Nia", lastName = surname, dateOfBirth = "1988-09-30", sex = "Female" },
            new { role = "Suspect", firstName = "Owen", lastName = surname },
        };
        var below = (await (await supervisor.PostAsJsonAsync("/api/v1/incidents", judged)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>());
        var belowId = below.GetProperty("id").GetInt64();
        var belowReference = below.GetProperty("reference").GetString()!;

        // The attending officer refers that one on professional judgement: what she was told, the checklist does not score.
        var officerPage = await fixture.NewPageAsync();
        await new SignInPage(officerPage).SignInAsRoleAsync(Roles.Officer);
        // An officer outside the MARAC co-ordination team would be answered 404 there: the menu does not offer it.
        await Assertions.Expect(officerPage.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "MARAC" })).ToHaveCountAsync(0);
        await officerPage.GotoAsync($"/incidents/{belowId}/marac-referral");
        await Assertions.Expect(officerPage.Locator("h1")).ToHaveTextAsync("Refer to MARAC on professional judgement");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Refer to MARAC" }).ClickAsync();
        await Assertions.Expect(officerPage.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why your professional judgement is to refer to MARAC");
        await officerPage.AssertNoViolationsAsync();
        await officerPage.GetByLabel("Why you are referring to MARAC").FillAsync("He has bought a crossbow and told her family she will not see Christmas");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Refer to MARAC" }).ClickAsync();
        await new PurposeForm(officerPage).OpenAsync("Open the record", "Checking the MARAC referral I made");
        await Assertions.Expect(officerPage.Locator("#referrals + table tbody tr", new() { HasText = "MARAC" }))
            .ToContainTextAsync("professional judgement: He has bought a crossbow");

        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("marac.coordinator@safetynet.test", SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var marac = new MaracPages(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "MARAC" }).ClickAsync();
        await Assertions.Expect(marac.Heading).ToHaveTextAsync("MARAC");
        await Assertions.Expect(marac.ReferralList.Locator("tr", new() { HasText = reference })).ToContainTextAsync("DASH score of 14 meets the referral threshold");
        await Assertions.Expect(marac.ReferralList.Locator("tr", new() { HasText = belowReference })).ToContainTextAsync("Professional judgement: He has bought a crossbow");
        await page.AssertNoViolationsAsync();

        await marac.StartMeetingAsync();
        await marac.SaveMeetingAsync();
        await Assertions.Expect(marac.ErrorSummary).ToContainTextAsync("Enter the meeting's title");
        await page.AssertNoViolationsAsync();
        var today = DateOnly.FromDateTime(fixture.App.Time.GetUtcNow().UtcDateTime);
        await marac.FillMeetingAsync("MARAC – St Albans and Hertsmere", today.AddDays(2), "Hertfordshire Homes Housing Association", "DS Hale (police), IDVA, housing officer");
        await marac.SaveMeetingAsync();
        await Assertions.Expect(marac.Heading).ToHaveTextAsync("MARAC – St Albans and Hertsmere");
        await page.AssertNoViolationsAsync();

        await marac.ListCaseAsync(reference, "Strangulation and threats to kill; she has separated from him");
        await Assertions.Expect(marac.Listing(reference)).ToContainTextAsync("DASH score of 14");
        await page.AssertNoViolationsAsync();

        await marac.RecordActionAsync("Hertfordshire Homes Housing Association", "Change the locks and fit a door alarm", today.AddDays(9));
        await Assertions.Expect(marac.Listing(reference).Locator("table")).ToContainTextAsync("Change the locks and fit a door alarm");
        await Assertions.Expect(marac.Listing(reference).Locator("table")).ToContainTextAsync("Hertfordshire Homes Housing Association");
        await page.AssertNoViolationsAsync();

        // Listed, it has left the referral list.
        await marac.OpenAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(reference);
    }
}
