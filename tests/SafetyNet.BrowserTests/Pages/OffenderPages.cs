using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The offender register's search: a hotspot or a district, a radius, who, offences, released this week.</summary>
public sealed class OffenderSearchPage(IPage page)
{
    public async Task OpenAsync() =>
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Offenders" }).ClickAsync();

    public Task ChooseHotspotAsync(string value) => page.GetByLabel("Near a burglary hotspot").SelectOptionAsync(value);

    public Task WithinAsync(string metres) => page.GetByLabel("Within").SelectOptionAsync(metres);

    public Task OnlyReleasedThisWeekAsync() => page.GetByLabel("Released this week").CheckAsync();

    public Task SearchAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Search the register" }).ClickAsync();

    public ILocator Results => page.GetByRole(AriaRole.Table).Locator("tbody tr");

    public Task OpenAsync(string name) => page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
}

/// <summary>One offender's record.</summary>
public sealed class OffenderRecordPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Summary => page.Locator(".govuk-summary-list").First;
}
