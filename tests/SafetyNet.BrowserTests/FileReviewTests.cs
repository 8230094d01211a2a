using System.Net.Http.Json;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class FileReviewTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_crime_registrar_draws_20_finalised_investigations_reviews_files_and_reads_the_proportion_effective_with_its_interval()
    {
        var app = fixture.App;
        // Earlier work: twenty investigations finalised on one day long ago.
        await FinalisedInvestigations.AddAsync(app, await app.ClientForAsync(Roles.Supervisor), 20, daysAgo: 1000);
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().AddDays(-1000).UtcDateTime);

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CrimeRegistrar);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Investigations", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Investigations" }).GetByRole(AriaRole.Link, new() { Name = "File reviews" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("File reviews");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Title").FillAsync("Burglary files, the inspectorate's checklist");
        await page.FillDateAsync("First day on which investigations were finalised", day.AddDays(-1));
        await page.FillDateAsync("Last day on which investigations were finalised", day.AddDays(1));
        await page.GetByLabel("Number of investigations to review").FillAsync("20");
        await page.GetByLabel("Seed (optional)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Burglary files, the inspectorate's checklist");
        await Assertions.Expect(page.Locator("[data-testid=file-review-items] tbody tr")).ToHaveCountAsync(20);
        await page.AssertNoViolationsAsync();
        var review = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        // Earlier work by a colleague: files 3 to 20 reviewed, 15 effective.
        var colleague = await app.ClientForAsync(Roles.Supervisor);
        for (var position = 3; position <= 20; position++)
        {
            var effective = position > 5;
            (await colleague.PutAsJsonAsync($"/api/v1/investigations/file-reviews/{review}/items/{position}", new
            {
                planPresentAndSpecific = true, reviewsOnTime = effective, linesOfEnquiryFollowed = true, victimContactAndNeedsMet = true, outcomeAppropriate = true,
                effective, reasons = effective ? null : "No supervisory review for six weeks", version = 1,
            })).EnsureSuccessStatusCode();
        }

        // The registrar reviews files 1 and 2 on pages: the second was not effective, and says why.
        await page.Locator("[data-testid=file-review-items] a[href$='/items/1']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Review the investigation of crime");
        foreach (var question in new[] { "Is a plan present", "Were the supervisory reviews", "Were the reasonable lines", "Was the victim kept informed", "Was the outcome appropriate" })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel("Yes").CheckAsync();
        }
        await page.GetByRole(AriaRole.Group, new() { Name = "Was the investigation effective?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("File 2 of 20");
        foreach (var question in new[] { "Is a plan present", "Were the reasonable lines", "Was the victim kept informed", "Was the outcome appropriate" })
        {
            await page.GetByRole(AriaRole.Group, new() { Name = question }).GetByLabel("Yes").CheckAsync();
        }
        await page.GetByRole(AriaRole.Group, new() { Name = "Were the supervisory reviews" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Was the investigation effective?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give the reasons the investigation was not effective");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Reasons").FillAsync("The first review came five weeks late and the CCTV was lost");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync("File 3 of 20");

        // 16 of 20 effective, with Wilson's 95 % interval (worked by hand in the application tests: 58.4 % to 91.9 %).
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the file review" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=file-review-result]")).ToContainTextAsync("16 of 20: 80.0% (95% interval 58.4% to 91.9%)");
        await page.AssertNoViolationsAsync();
    }
}
