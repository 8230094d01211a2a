using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class ProblemSolvingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_officer_works_a_problem_through_SARA_on_pages_and_its_assessment_appears_in_what_works()
    {
        var title = $"Street drinking by the lido {Guid.NewGuid():N}"[..40];
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime);
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var problems = new ProblemPages(page);

        await problems.OpenProblemsAsync();
        await Assertions.Expect(problems.Heading).ToHaveTextAsync("Problems being worked");
        await page.AssertNoViolationsAsync();
        // Scanning: the problem area and a comparison area well apart.
        await problems.ScanAsync(title, "Street drinking", "Watford", "Repeat calls about drinking and shouting on the benches by the lido",
            ("51.6490", "-0.4010"), ("51.6490", "-0.3600"));
        await Assertions.Expect(problems.Banner).ToContainTextAsync("Problem recorded");
        await Assertions.Expect(problems.Heading).ToHaveTextAsync(title);
        await page.AssertNoViolationsAsync();

        await problems.AnalyseAsync("Most calls come on warm evenings after the off-licence opens", "Families using the lido", "A group of six adults", "Benches by the lido gate");
        await Assertions.Expect(problems.Banner).ToContainTextAsync("Analysis saved");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("A group of six adults");
        await page.AssertNoViolationsAsync();

        await problems.RespondAsync(["Outreach and support", "Public spaces protection order"], "Alcohol outreach with PSPO enforcement", today.AddDays(-30));
        await Assertions.Expect(problems.Banner).ToContainTextAsync("Response saved");
        await page.AssertNoViolationsAsync();

        // Someone else changes the problem while the officer is reading it: her assessment is refused, nothing lost.
        var id = long.Parse(page.Url.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        var colleague = await fixture.App.ClientForAsync(Roles.Supervisor);
        var current = await colleague.GetFromJsonAsync<Dictionary<string, JsonElement>>($"/api/v1/problems/{id}");
        current!["response"] = JsonSerializer.SerializeToElement("Alcohol outreach with PSPO enforcement, and a new bin");
        (await colleague.PutAsJsonAsync($"/api/v1/problems/{id}", current)).EnsureSuccessStatusCode();
        await problems.AssessAsync("It worked", "Outreach first, then enforcement for the few who refused help");
        await Assertions.Expect(problems.ErrorSummary).ToContainTextAsync("Someone else changed the problem");
        await page.AssertNoViolationsAsync();

        await problems.AssessAsync("It worked", "Outreach first, then enforcement for the few who refused help");
        await Assertions.Expect(problems.Banner).ToContainTextAsync("the problem is now in what works");
        await page.AssertNoViolationsAsync();

        await problems.SearchLibraryAsync(title);
        await Assertions.Expect(problems.Entry(title)).ToContainTextAsync("Worked");
        await Assertions.Expect(problems.Entry(title)).ToContainTextAsync("Outreach first, then enforcement");
        await Assertions.Expect(problems.Entry(title)).ToContainTextAsync("Public spaces protection order");
        await page.AssertNoViolationsAsync();
    }
}
