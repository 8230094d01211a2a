using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class SearchTests(BrowserFixture fixture)
{
    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray());

    private static async Task<JsonElement> RecordAsync(HttpClient client, string type, string narrative, string place, params object[] people)
    {
        var report = new Dictionary<string, object?>
        {
            ["channel"] = "NonEmergency101", ["typeCode"] = type, ["narrative"] = narrative,
            ["location"] = new { text = place, district = "Watford" },
            ["people"] = people, ["grade"] = "PRIORITY",
            ["thrive"] = new { threat = "None now", harm = "Distress", risk = "Standard", investigation = "Neighbours", vulnerability = "None identified", engagement = "Wants a call back" },
            ["assessments"] = type == "DOMESTIC-ABUSE" ? new[] { new { instrument = "DASH", personIndex = 0, answers = Reports.Dash(3) } } : null,
        };
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_officer_types_a_victims_familiar_name_in_the_header_and_finds_her_incidents_a_sensitive_one_without_its_place()
    {
        // Earlier work of the call handlers: two reports naming Margaret, one of them domestic abuse.
        var api = await fixture.App.ClientForAsync(Roles.CallHandler);
        var last = Unique("Hollingworth");
        var victim = new { role = "Victim", firstName = "Margaret", lastName = last, dateOfBirth = "1957-08-19", sex = "Female", address = "41 Whippendell Road, Watford" };
        var burglary = await RecordAsync(api, "BURGLARY-RESIDENTIAL", "Back door forced, a handbag taken from the kitchen.", "41 Whippendell Road, Watford", victim);
        var abuse = await RecordAsync(api, "DOMESTIC-ABUSE", "Her son pushed her and took her bank card.", "41 Whippendell Road, Watford", victim);
        // Resolution joins the two entries into one identity, as the background service does between calls.
        await fixture.App.Services.GetRequiredService<IdentityResolution>().ResolvePendingAsync(CancellationToken.None);

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var search = new SearchPages(page);
        // "Peggy" is a familiar form of Margaret, and the surname is typed with one "l".
        await search.SearchFromHeaderAsync($"Peggy {last.Replace("Hollingworth", "Holingworth", StringComparison.Ordinal)}");

        var burglaryReference = burglary.GetProperty("reference").GetString()!;
        var abuseReference = abuse.GetProperty("reference").GetString()!;
        await Assertions.Expect(search.Row(burglaryReference)).ToContainTextAsync("Burglary");
        await Assertions.Expect(search.Row(burglaryReference)).ToContainTextAsync("41 Whippendell Road");
        await Assertions.Expect(search.Row(abuseReference)).ToContainTextAsync("Domestic abuse");
        await Assertions.Expect(search.Row(abuseReference)).ToContainTextAsync("Sensitive");
        await Assertions.Expect(search.Row(abuseReference)).Not.ToContainTextAsync("Whippendell");
        // She holds a sensitive record, so she is listed without her name.
        await Assertions.Expect(search.Results).Not.ToContainTextAsync(last);
        await Assertions.Expect(search.Results).ToContainTextAsync("Person on a sensitive record");
        await page.AssertNoViolationsAsync();

        // Her burglary opens as any incident does.
        await search.OpenAsync(burglaryReference);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(burglaryReference);
        await page.AssertNoViolationsAsync();
    }
}
