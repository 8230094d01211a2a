using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The person and identity pages as a reviewer uses them: merge from the possible matches, split from the identity.</summary>
public sealed class IdentityPages(IPage page)
{
    public async Task OpenPersonAsync(long personId) => await page.GotoAsync($"/people/{personId}");

    public async Task MergeWithAsync(string name) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Merge with {name}" }).ClickAsync();

    public async Task OpenMergedIdentityAsync() => await page.Locator(".govuk-notification-banner a").ClickAsync();

    public async Task SplitOffAsync(string name, string reason)
    {
        await page.GetByLabel($"Split off {name}").CheckAsync();
        await page.GetByLabel("Reason for splitting").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Split selected entries" }).ClickAsync();
    }

    public ILocator Entries => page.Locator("table.govuk-table tbody tr");

    public ILocator Banner => page.Locator(".govuk-notification-banner");
}
