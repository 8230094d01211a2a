using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>Problems worked through SARA, and the library of what works, as an officer uses them.</summary>
public sealed class ProblemPages(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Banner => page.Locator(".govuk-notification-banner");

    public async Task OpenProblemsAsync() => await page.GotoAsync("/problems");

    public async Task ScanAsync(string title, string type, string district, string scanning, (string Lat, string Lon) area, (string Lat, string Lon) comparison)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a problem" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Type of problem").FillAsync(type);
        await page.GetByLabel("District").SelectOptionAsync(new SelectOptionValue { Label = district });
        await page.GetByLabel("What scanning found").FillAsync(scanning);
        var problemArea = page.GetByRole(AriaRole.Group, new() { Name = "The problem area" });
        await problemArea.GetByLabel("Latitude of its centre").FillAsync(area.Lat);
        await problemArea.GetByLabel("Longitude of its centre").FillAsync(area.Lon);
        await problemArea.GetByLabel("Radius in metres").FillAsync("200");
        var comparisonArea = page.GetByRole(AriaRole.Group, new() { Name = "A comparison area like it, not overlapping it" });
        await comparisonArea.GetByLabel("Latitude of its centre").FillAsync(comparison.Lat);
        await comparisonArea.GetByLabel("Longitude of its centre").FillAsync(comparison.Lon);
        await comparisonArea.GetByLabel("Radius in metres").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the problem" }).ClickAsync();
    }

    public async Task AnalyseAsync(string analysis, string victim, string offender, string place)
    {
        await page.GetByLabel("What the analysis found").FillAsync(analysis);
        await page.GetByLabel("Victim", new() { Exact = true }).FillAsync(victim);
        await page.GetByLabel("Offender", new() { Exact = true }).FillAsync(offender);
        await page.GetByLabel("Location", new() { Exact = true }).FillAsync(place);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the analysis" }).ClickAsync();
    }

    public async Task RespondAsync(string[] tactics, string response, DateOnly startedOn)
    {
        foreach (var tactic in tactics)
        {
            await page.GetByLabel(tactic).CheckAsync();
        }
        await page.GetByLabel("What the response is").FillAsync(response);
        await page.FillDateAsync("Date the response started", startedOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the response" }).ClickAsync();
    }

    public async Task AssessAsync(string result, string learning)
    {
        await page.GetByLabel(result, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What worked, and what others should know").FillAsync(learning);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment and add it to what works" }).ClickAsync();
    }

    public async Task SearchLibraryAsync(string text) => await page.GotoAsync($"/practice?q={Uri.EscapeDataString(text)}");

    public ILocator Entry(string title) => page.Locator(".govuk-summary-card", new() { HasText = title });
}
