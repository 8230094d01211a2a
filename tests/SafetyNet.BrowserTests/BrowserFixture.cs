using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SafetyNet.Data;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

/// <summary>
/// The application on Kestrel (SQLite) and Debian's Chromium driven by Playwright — never a downloaded browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SafetyNetApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = await new SafetyNetApp(DatabaseProvider.Sqlite, kestrel: true).ReadyAsync();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        // The first sign-in and the first pages pay for the server's warm-up (compiling the pages, the first queries):
        // paid here with time to spare, so that no test's time-outs are spent on it, whichever test comes first.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(120_000);
        await new Pages.SignInPage(await context.NewPageAsync()).SignInAsRoleAsync(Platform.Roles.CallHandler);
        await context.CloseAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

public static class Accessibility
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
    };

    /// <summary>Fails with every WCAG 2.2 AA violation axe finds on the page as it stands.</summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe(Wcag22AA);
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => $"{n.Target}: {string.Join("; ", n.Any.Select(c => c.Message))}"))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url} has accessibility violations:\n" + string.Join('\n', violations));
    }
}

public static class DateInputs
{
    /// <summary>Types a date into the GOV.UK date input whose legend is <paramref name="legend"/>, box by box.</summary>
    public static async Task FillDateAsync(this IPage page, string legend, string day, string month, string year)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }

    public static Task FillDateAsync(this IPage page, string legend, DateOnly date) =>
        page.FillDateAsync(legend, date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
