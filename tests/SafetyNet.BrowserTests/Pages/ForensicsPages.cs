using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>Submitting a device from an investigation, and the digital forensics unit's queue and submission pages.</summary>
public sealed class ForensicsPages(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Reasons => page.Locator("#priority-reasons");

    public ILocator Queue => page.Locator("#queue");

    public ILocator Triage => page.Locator("#triage");

    public ILocator Status => page.Locator("#status");

    public async Task SubmitDeviceFromInvestigationAsync() =>
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit a device for examination" }).ClickAsync();

    public async Task FillDeviceAsync(string type, string exhibit, bool namedSuspect)
    {
        await page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Exhibit reference").FillAsync(exhibit);
        if (namedSuspect)
        {
            await page.GetByLabel("A suspect is named").CheckAsync();
        }
    }

    public async Task SubmitAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Submit the device" }).ClickAsync();

    public async Task OpenQueueAsync() => await page.GotoAsync("/forensics");

    public async Task OpenSubmissionAsync(string exhibit) => await Queue.GetByRole(AriaRole.Link, new() { Name = exhibit }).ClickAsync();

    public async Task RecordTriageAsync(string result, string note, bool close)
    {
        await page.GetByLabel(result, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note (optional)").First.FillAsync(note);
        if (close)
        {
            await page.GetByLabel("Close the submission without a full examination", new() { Exact = false }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the triage" }).ClickAsync();
    }
}
