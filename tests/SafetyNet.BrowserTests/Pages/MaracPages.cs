using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The MARAC pages as the MARAC co-ordinator uses them: the referral list, a meeting, its listings and actions.</summary>
public sealed class MaracPages(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator ReferralList => page.Locator("#referral-list");

    public ILocator Listing(string reference) => page.Locator(".govuk-summary-card", new() { HasText = reference });

    public async Task OpenAsync() => await page.GotoAsync("/marac");

    public async Task StartMeetingAsync() => await page.GetByRole(AriaRole.Link, new() { Name = "Record a MARAC meeting" }).ClickAsync();

    public async Task SaveMeetingAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();

    public async Task FillMeetingAsync(string title, DateOnly heldOn, string agency, string attendees)
    {
        await page.GetByLabel("Title").FillAsync(title);
        await page.FillDateAsync("Date of the meeting", heldOn);
        await page.GetByLabel(agency).CheckAsync();
        await page.GetByLabel("Who attended").FillAsync(attendees);
    }

    public async Task ListCaseAsync(string reference, string summary)
    {
        await page.GetByLabel(reference).CheckAsync();
        await page.GetByLabel("Summary for the meeting (optional)").FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "List the case" }).ClickAsync();
    }

    public async Task RecordActionAsync(string agency, string action, DateOnly dueOn)
    {
        await page.GetByLabel("Agency that owns the action").SelectOptionAsync(new SelectOptionValue { Label = agency });
        await page.GetByLabel("Action agreed").FillAsync(action);
        await page.FillDateAsync("Due date", dueOn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
    }
}
