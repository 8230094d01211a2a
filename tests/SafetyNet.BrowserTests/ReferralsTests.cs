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
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_liaison_officer_accepts_a_referral_records_a_visit_and_the_officer_in_the_case_reads_the_feedback()
    {
        var app = fixture.App;
        // Earlier work: a burglary of an 86-year-old recorded as a crime, and the officer in the case sent the suggested liaison referral.
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var report = Reports.Burglary(null, "PRIORITY", Reports.Victim("Edith", "Marlow", "1940-02-02"));
        report["officerInCaseId"] = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.Officer)).Select(u => u.Id).FirstAsync());
        var recorded = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", report));
        var incident = recorded.GetProperty("id").GetInt64();
        var record = recorded.GetProperty("crimeRecords")[0];
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident}/crime-decisions", new
        {
            crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32(),
        }));
        var officer = await app.ClientForAsync(Roles.Officer);
        var suggested = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/referrals?kind=OlderPersonLiaison&status=Suggested&pageSize=500"))
            .GetProperty("items").EnumerateArray().Single(r => r.GetProperty("incidentId").GetInt64() == incident);
        await JsonAsync(await officer.PostAsJsonAsync($"/api/v1/referrals/{suggested.GetProperty("id").GetInt64()}/send",
            new { version = suggested.GetProperty("version").GetInt32() }));
        var reference = suggested.GetProperty("incidentReference").GetString()!;

        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("liaison.officer@safetynet.test", SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var referrals = new ReferralPages(page);
        await referrals.OpenWorklistAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Referrals waiting for you");
        await Assertions.Expect(referrals.RowFor(reference)).ToContainTextAsync("Sent");
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

        // The officer in the case reads the answer where the referral belongs: on the incident.
        var officerPage = await fixture.NewPageAsync();
        await new SignInPage(officerPage).SignInAsRoleAsync(Roles.Officer);
        await officerPage.GotoAsync($"/incidents/{incident}");
        var panel = officerPage.Locator("table").Filter(new() { HasText = "Older person liaison" });
        await Assertions.Expect(panel).ToContainTextAsync("Mrs Marlow is joining the local Neighbourhood Watch");
        await Assertions.Expect(panel).ToContainTextAsync("Feedback given");
        await officerPage.AssertNoViolationsAsync();
    }
}
