using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The Community Trigger register and an application's page, as the community focus desk and a council's caseworker use them.</summary>
public sealed class CommunityTriggerPages(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Banner => page.Locator(".govuk-notification-banner");

    public async Task OpenRegisterAsync() => await page.GotoAsync("/asb/community-trigger");

    public async Task StartApplicationAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Log an application" }).ClickAsync();

    public async Task LogApplicationAsync(string caseReference, string applicant, string summary)
    {
        await page.GetByLabel("Case reference (optional)").FillAsync(caseReference);
        await page.GetByLabel("Applicant's name").FillAsync(applicant);
        await page.GetByLabel("What the applicant says has not been dealt with").FillAsync(summary);
        await SubmitApplicationAsync();
    }

    public async Task SubmitApplicationAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Log the application" }).ClickAsync();

    public async Task DecideThresholdMetAsync(string reason)
    {
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for the decision").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
    }

    public async Task DecideThresholdNotMetAsync(string reason)
    {
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for the decision").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
    }

    public async Task RecordReviewAsync(DateOnly heldOn, string outcome)
    {
        await page.FillDateAsync("Date of the review meeting", heldOn);
        await page.GetByLabel("What the review concluded").FillAsync(outcome);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
    }

    public async Task AddRecommendationAsync(string text, string agency, DateOnly dueOn)
    {
        await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync(text);
        await page.GetByLabel("Agency that carries it out").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.FillDateAsync("Due date", dueOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync();
    }

    public ILocator Recommendation(string text) => page.Locator(".govuk-summary-card", new() { HasText = text });

    public async Task CompleteRecommendationAsync(string text, string outcome)
    {
        var card = Recommendation(text);
        await card.GetByLabel("What was done").FillAsync(outcome);
        await card.GetByRole(AriaRole.Button, new() { Name = "Mark as completed" }).ClickAsync();
    }
}
