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

    /// <summary>The success banner a saved change shows.</summary>
    public ILocator Saved => page.Locator(".govuk-notification-banner--success");

    /// <summary>One action of a strategy, with its result once completed.</summary>
    public ILocator Action(string section, string action) => Strategy(section).Locator("[data-testid=plan-action]", new() { HasText = action });

    /// <summary>Fills in and sends the form that completes the action <paramref name="action"/> of a strategy (either text may be left out).</summary>
    public async Task CompleteActionAsync(string section, string action, string? result, string? rationale)
    {
        var item = Action(section, action);
        var details = item.Locator("details");
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }
        await item.GetByLabel("Result").FillAsync(result ?? "");
        await item.GetByLabel("Rationale").FillAsync(rationale ?? "");
        await item.GetByRole(AriaRole.Button, new() { Name = "Complete the action" }).ClickAsync();
    }

    public async Task WriteStrategyAsync(string section, string name, string text)
    {
        await Strategy(section).GetByText($"Write the {name.ToLowerInvariant()} strategy").ClickAsync();
        await Strategy(section).GetByLabel($"{name} strategy", new() { Exact = true }).FillAsync(text);
        await Strategy(section).GetByRole(AriaRole.Button, new() { Name = "Save the strategy" }).ClickAsync();
    }

    public async Task AddHypothesisAsync(string text)
    {
        await page.GetByLabel("Add a hypothesis").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the hypothesis" }).ClickAsync();
    }

    public ILocator Hypothesis(string text) => page.Locator(".govuk-summary-card", new() { Has = page.Locator("h3", new() { HasText = text }) });

    public async Task ChangeHypothesisAsync(string text, string status)
    {
        await Hypothesis(text).GetByLabel("Status of this hypothesis").SelectOptionAsync(status);
        await Hypothesis(text).GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
    }

    /// <summary>The status shown for the <paramref name="index"/>th line of enquiry.</summary>
    public ILocator LineStatus(int index) => LinesOfEnquiry.Nth(index).Locator("[data-testid=line-status]");

    /// <summary>Sends the status form of the <paramref name="index"/>th line of enquiry, with <paramref name="status"/> chosen (or none).</summary>
    public async Task ChangeLineStatusAsync(int index, string? status)
    {
        var row = LinesOfEnquiry.Nth(index);
        var details = row.Locator("details");
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }
        if (status is not null)
        {
            await row.GetByLabel(status, new() { Exact = true }).CheckAsync();
        }
        await row.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
    }

    public async Task RecordDecisionAsync(string decision, string? options, string? rationale)
    {
        await page.Locator("#decision-decision").FillAsync(decision);
        await page.Locator("#decision-options").FillAsync(options ?? "");
        await page.Locator("#decision-rationale").FillAsync(rationale ?? "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
    }

    public ILocator Decisions => page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Decisions" }) }).Locator("tbody tr");
}
