using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The referral worklist, one referral's page (where the receiver answers it, records contacts and gives feedback) and an incident's referrals.</summary>
public sealed class ReferralPages(IPage page)
{
    public async Task OpenWorklistAsync() => await page.GotoAsync("/referrals");

    public ILocator RowFor(string incidentReference) => page.Locator("tbody tr").Filter(new() { HasText = incidentReference });

    /// <summary>A referral in the referrals panel of an incident's page, by any text of its row (where it went, its reason).</summary>
    public ILocator PanelRow(string text) => page.Locator("#referrals + table tbody tr").Filter(new() { HasText = text });

    public async Task AcceptAsync(string incidentReference) =>
        await RowFor(incidentReference).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Accept") }).ClickAsync();

    public async Task RecordContactAsync(DateOnly on, string what)
    {
        await page.FillDateAsync("Date of the contact", on);
        await page.GetByLabel("What happened").FillAsync(what);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
    }

    public async Task GiveFeedbackAsync(string feedback)
    {
        await page.GetByLabel("Feedback for the referrer").FillAsync(feedback);
        await page.GetByRole(AriaRole.Button, new() { Name = "Give feedback" }).ClickAsync();
    }

    public ILocator Banner => page.Locator(".govuk-notification-banner");

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");
}
