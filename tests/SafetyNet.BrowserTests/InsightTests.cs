using System.Globalization;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Demo;
using SafetyNet.Insight;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

/// <summary>An application of its own with a synthetic quarter of reports, so its figures do not disturb the other browser tests.</summary>
public sealed class SeededBrowserFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        await Browser.App.WithServiceAsync<DemoSeeder, SyntheticBatch>(s => s.AddAsync(1500, 5, null, CancellationToken.None));
        // The pack built at start-up saw no reports; the meeting would press "refresh the figures now".
        await Browser.App.WithServiceAsync<PackSnapshots, DailyPack>(p => p.GetAsync(null, fresh: true, CancellationToken.None));
    }

    public Task DisposeAsync() => Browser.DisposeAsync();
}

[CollectionDefinition("seeded-browser")]
public sealed class SeededBrowserCollection : ICollectionFixture<SeededBrowserFixture>;

[Collection("seeded-browser")]
public class InsightTests(SeededBrowserFixture fixture)
{
    [Fact]
    public async Task A_supervisor_records_strength_and_reads_the_pack_with_its_map_tables_and_download()
    {
        var page = await fixture.Browser.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        var pack = new DailyPackPage(page);

        await page.GotoAsync("/insight/strength");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strength" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a shift");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a district");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Late").CheckAsync();
        await page.GetByLabel("District").SelectOptionAsync("Watford");
        await page.GetByLabel("Officers planned").FillAsync("14");
        await page.GetByLabel("Officers on duty").FillAsync("11");
        await page.GetByLabel("Neighbourhood officers abstracted").FillAsync("4");
        await page.GetByLabel("Reason for abstraction").FillAsync("Prisoner watch at the hospital");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save strength" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/insight/pack", StringComparison.Ordinal));

        await pack.OpenAsync(fresh: true);
        await Assertions.Expect(pack.Strength).ToContainTextAsync("Prisoner watch at the hospital");
        await Assertions.Expect(pack.Strength).ToContainTextAsync("11 of 14");
        await Assertions.Expect(pack.HotspotRows).ToHaveCountAsync(10);
        // The map draws the ten squares and their ranks with no tile server at all.
        await Assertions.Expect(pack.Map).ToBeVisibleAsync();
        await Assertions.Expect(pack.Map.Locator(".sn-map-rank")).ToHaveCountAsync(10);
        Assert.True(await pack.Map.Locator("path").CountAsync() > 10, "squares and recent reports are drawn");
        // The ten districts are outlined, so the squares have a place without tiles; each row names its street.
        await Assertions.Expect(pack.Map.Locator("path.sn-map-district")).ToHaveCountAsync(10);
        await Assertions.Expect(pack.HotspotRows.First.Locator("td").Nth(1)).Not.ToHaveTextAsync("Not known");
        await Assertions.Expect(pack.Compliance).ToContainTextAsync("Crime recording decisions within 24 hours");
        await page.AssertNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("section,item,measure,value", csv[0]);
        Assert.Contains(csv, line => line.StartsWith("Strength on duty,Watford Late,Neighbourhood officers abstracted,4", StringComparison.Ordinal));

        await page.GotoAsync("/insight/pack?district=Watford");
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync("Watford");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_the_pack_still_lists_the_hotspots()
    {
        var context = await fixture.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Browser.BaseUrl, JavaScriptEnabled = false, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Analyst);
        var pack = new DailyPackPage(page);
        await pack.OpenAsync(fresh: false);
        await Assertions.Expect(pack.HotspotRows).ToHaveCountAsync(10);
        await Assertions.Expect(pack.Map).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#demand")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_registrar_audits_crime_recording_from_a_sample()
    {
        var page = await fixture.Browser.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CrimeRegistrar);
        await page.GotoAsync("/audits/crime-recording");
        await page.AssertNoViolationsAsync();

        var today = DateOnly.FromDateTime(fixture.Browser.App.Time.GetUtcNow().UtcDateTime);
        await page.GetByLabel("Title").FillAsync("October self-audit");
        await page.FillDateAsync("First day of the period", "1", "13", "2026");
        await page.FillDateAsync("Last day of the period", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The first day of the period must be a real date");
        await page.AssertNoViolationsAsync();

        await page.FillDateAsync("First day of the period", today.AddDays(-60));
        await page.GetByLabel("Stratified by incident type").CheckAsync();
        await page.GetByLabel("Sample size").FillAsync("30");
        await page.GetByLabel("Seed (optional)").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("October self-audit");
        await Assertions.Expect(page.Locator("[data-testid=accuracy]")).ToContainTextAsync("No result yet");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Mark the next incident" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Should a crime have been recorded?");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Should a crime have been recorded?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the crime was recorded");
        await page.AssertNoViolationsAsync();

        for (var n = 0; n < 3; n++)
        {
            await page.GetByRole(AriaRole.Group, new() { Name = "Should a crime have been recorded?" }).GetByLabel("Yes").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "If yes, was it recorded within the rules and correctly classified?" }).GetByLabel(n < 2 ? "Yes" : "No").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync($"Incident {n + 2} of");
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the audit" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=accuracy]")).ToContainTextAsync("2 of 3 crimes correctly recorded");
        await page.AssertNoViolationsAsync();
    }
}
