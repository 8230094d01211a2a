using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class AdministrationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_administrator_publishes_a_new_version_of_the_intake_timescales()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Administrator);
        await page.GotoAsync("/admin/configuration");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "intake" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        var json = page.GetByLabel("Settings (JSON)");
        await json.FillAsync("{ \"crimeRecordingHours\": 48, \"emergencyThriveMinutes\": 60 }");
        await page.GetByLabel("Reason for the change").FillAsync("Trying a longer window");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("crimeRecordingHours");
        await page.AssertNoViolationsAsync();

        await json.FillAsync("{ \"crimeRecordingHours\": 20, \"emergencyThriveMinutes\": 45 }");
        await page.GetByLabel("Reason for the change").FillAsync("Force policy: decide within 20 hours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 2 is now in force");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Force policy: decide within 20 hours");

        // Put the default back for the other tests sharing this application.
        await json.FillAsync("{ \"crimeRecordingHours\": 24, \"emergencyThriveMinutes\": 60 }");
        await page.GetByLabel("Reason for the change").FillAsync("Back to the NCRS default");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 3 is now in force");
    }

    [Fact]
    public async Task An_auditor_searches_the_audit_trail_and_sees_who_read_what()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Auditor);
        await page.GotoAsync("/audit?action=account.sign-in");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("account.sign-in");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("auditor@safetynet.test");
        await page.AssertNoViolationsAsync();

        var others = await fixture.NewPageAsync();
        await new SignInPage(others).SignInAsRoleAsync(Roles.CallHandler);
        await others.GotoAsync("/audit");
        await Assertions.Expect(others.Locator("h1")).ToHaveTextAsync("Page not found");
    }
}
