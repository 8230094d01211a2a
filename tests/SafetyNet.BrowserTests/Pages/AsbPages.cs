using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The community focus desk and ASB case pages, as a caseworker uses them.</summary>
public sealed class AsbPages(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public async Task OpenDeskAsync() => await page.GotoAsync("/asb/desk");

    public async Task OpenReviewAsync(string reference) => await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();

    public async Task SaveReviewAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();

    public async Task ReassessAsync(string level, string reason)
    {
        await page.GetByLabel("Reassess the risk").CheckAsync();
        await page.GetByLabel(level, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for reassessing").FillAsync(reason);
    }

    public async Task OpenNewCaseAsync() => await page.GetByLabel("Open a new case").CheckAsync();

    public async Task AddActionAsync(string title, DateOnly dueOn)
    {
        await page.GetByLabel("What is to be done").FillAsync(title);
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Me" });
        await page.FillDateAsync("Due date", dueOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
    }

    public ILocator Action(string title) => page.Locator(".govuk-summary-card", new() { HasText = title });

    public async Task MarkDoneAsync(string title, string outcome)
    {
        var card = Action(title);
        await card.GetByLabel("Outcome").FillAsync(outcome);
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
    }

    public async Task CloseCaseAsync(string outcome, string satisfaction)
    {
        await page.Locator("#outcome").FillAsync(outcome);
        await page.GetByLabel(satisfaction, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the case" }).ClickAsync();
    }

    public ILocator Timeline => page.Locator(".moj-timeline");
}
