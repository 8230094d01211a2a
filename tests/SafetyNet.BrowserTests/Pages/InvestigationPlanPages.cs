using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>An investigation's page (its plan summary) and its plan's page, where the investigator writes the plan.</summary>
public sealed class InvestigationPlanPages(IPage page)
{
    public async Task OpenInvestigationAsync(long id) => await page.GotoAsync($"/investigations/{id}");

    public ILocator Summary => page.Locator("#plan-summary");

    public async Task OpenPlanFromSummaryAsync() => await Summary.GetByRole(AriaRole.Link, new() { Name = "Open the plan" }).ClickAsync();

    public ILocator Heading => page.Locator("h1");

    /// <summary>The warning that lists the strategies the rules require and the plan still lacks.</summary>
    public ILocator Missing => page.Locator("#plan-missing");

    public ILocator Complete => page.Locator("#plan-complete");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator LinesOfEnquiry => page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Lines of enquiry" }) }).Locator("tbody tr");

    public async Task AddLineOfEnquiryAsync(string line, string objective, string direction)
    {
        await page.GetByLabel("Line of enquiry", new() { Exact = true }).FillAsync(line);
        await page.GetByLabel("What it is to establish").FillAsync(objective);
        await page.GetByLabel(direction, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line of enquiry" }).ClickAsync();
    }

    public async Task MarkDevicesSeizedAsync()
    {
        await page.GetByLabel("Devices (phones, computers, storage) have been seized").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save devices" }).ClickAsync();
    }

    public async Task AddActionAsync(string strategy, string text, DateOnly due)
    {
        await page.GetByLabel("Strategy", new() { Exact = true }).SelectOptionAsync(strategy);
        await page.GetByLabel("What is to be done").FillAsync(text);
        await page.FillDateAsync("Due by", due);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
    }

    public ILocator Strategy(string section) => page.Locator($"#section-{section}");
}
