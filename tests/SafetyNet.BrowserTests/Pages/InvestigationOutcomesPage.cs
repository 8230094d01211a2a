using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

public sealed class InvestigationOutcomesPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/investigations/outcomes");

    public async Task ShowAsync(string from, string to, string groupBy, string period)
    {
        await page.GetByLabel("First month").FillAsync(from);
        await page.GetByLabel("Last month").FillAsync(to);
        await page.GetByLabel("Group by").SelectOptionAsync(new SelectOptionValue { Label = groupBy });
        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = period });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show outcomes" }).ClickAsync();
    }

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator ChargeRate => page.Locator("[data-testid=charge-rate]");

    public ILocator Row(string group) => page.Locator("[data-testid=rates] tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = group, Exact = true }) });
}
