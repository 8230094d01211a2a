using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The search box in every page's header and the results page it opens.</summary>
public sealed class SearchPages(IPage page)
{
    public async Task SearchFromHeaderAsync(string text)
    {
        await page.GetByRole(AriaRole.Search).GetByLabel("Search people, incidents, places and cases").FillAsync(text);
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/search?", StringComparison.Ordinal));
    }

    public ILocator Results => page.Locator("table.govuk-table");

    public ILocator Count => page.Locator("#result-count");

    public ILocator Row(string reference) => Results.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }) });

    public async Task OpenAsync(string reference) => await Results.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
}
