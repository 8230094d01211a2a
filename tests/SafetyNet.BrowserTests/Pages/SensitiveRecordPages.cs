using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>
/// The form a sensitive record's page shows before anything of the record: a purpose, and a button that opens it
/// ("Open the record", "Open the contract", "Open the review").
/// </summary>
public sealed class PurposeForm(IPage page)
{
    public const string Heading = "This record is sensitive";

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Main => page.GetByRole(AriaRole.Main);

    public async Task OpenAsync(string button, string? purpose)
    {
        if (purpose is not null)
        {
            await page.GetByLabel("Purpose", new() { Exact = true }).FillAsync(purpose);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }
}

/// <summary>The administrator's page of the background work this server does.</summary>
public sealed class BackgroundWorkPage(IPage page)
{
    public async Task OpenFromTheMenuAsync()
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Background work" }).ClickAsync();
    }

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The rows of one kind of work (a worker may be registered more than once, each with its own state).</summary>
    public ILocator Rows(string work) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = work, Exact = true }) });

    public ILocator Warning => page.Locator(".govuk-warning-text");
}
