using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The investigations list, the allocation queue and the allocation form.</summary>
public sealed class InvestigationPages(IPage page)
{
    public async Task OpenQueueAsync() => await page.GotoAsync("/investigations/allocate");

    public async Task OpenMyInvestigationsAsync() => await page.GotoAsync("/investigations");

    public ILocator RowFor(string crimeReference) => page.Locator("tbody tr").Filter(new() { HasText = crimeReference });

    public ILocator Banner => page.Locator(".govuk-notification-banner");

    public ILocator Workload => page.Locator("table").Filter(new() { HasText = "Investigators' open investigations" });

    public async Task AllocateAsync(string investigator, string team)
    {
        await page.GetByLabel(investigator, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = team });
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
    }
}
