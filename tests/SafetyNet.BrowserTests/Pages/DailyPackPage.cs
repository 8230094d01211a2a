using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

public sealed class DailyPackPage(IPage page)
{
    public async Task OpenAsync(bool fresh) => await page.GotoAsync(fresh ? "/insight/pack?fresh=true" : "/insight/pack");

    public ILocator Map => page.Locator("#hotspot-map");

    public ILocator HotspotRows => page.Locator("[data-testid=hotspots] tbody tr");

    public ILocator Strength => page.Locator("[data-testid=strength]");

    public ILocator Compliance => page.Locator("[data-testid=compliance]");
}
