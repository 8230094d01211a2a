using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public sealed class InvestigationsTests(BrowserFixture fixture)
{
    private const string Sergeant = "detective.sergeant@safetynet.test", Investigator = "investigator@safetynet.test";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_detective_sergeant_allocates_a_burglary_from_the_queue_to_a_PIP1_investigator_who_finds_it_among_their_investigations()
    {
        var app = fixture.App;
        // Earlier work: a residential burglary reported and recorded as a crime, which opens its investigation in the queue.
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var recorded = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Reports.Burglary(null, "PRIORITY", Reports.Victim("Harold", "Penrose", "1951-05-17"))));
        var record = recorded.GetProperty("crimeRecords")[0];
        var crimeId = record.GetProperty("id").GetInt64();
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{recorded.GetProperty("id").GetInt64()}/crime-decisions", new
        {
            crimeRecordId = crimeId, decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32(),
        }));
        var crime = await app.WithDbAsync(db => db.CrimeRecords.Where(c => c.Id == crimeId).Select(c => c.CrimeReference!).SingleAsync());

        // The detective sergeant allocates it from the queue, seeing each investigator's level and open investigations.
        var sergeantPage = await fixture.NewPageAsync();
        var signIn = new SignInPage(sergeantPage);
        await signIn.OpenAsync();
        await signIn.SignInAsync(Sergeant, SafetyNetApp.Password);
        await sergeantPage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await sergeantPage.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Investigations", Exact = true }).ClickAsync();
        var sergeant = new InvestigationPages(sergeantPage);
        await sergeantPage.GetByRole(AriaRole.Link, new() { Name = "Allocation queue" }).ClickAsync();
        await Assertions.Expect(sergeantPage.Locator("h1")).ToHaveTextAsync("Allocation queue");
        await Assertions.Expect(sergeant.RowFor(crime)).ToContainTextAsync("Volume crime");
        await sergeantPage.AssertNoViolationsAsync();
        await sergeant.RowFor(crime).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Allocate") }).ClickAsync();
        await Assertions.Expect(sergeantPage.Locator("h1")).ToHaveTextAsync($"Allocate crime {crime}");
        await Assertions.Expect(sergeant.Workload.Locator("tr").Filter(new() { HasText = "Demo investigator" })).ToContainTextAsync("PIP1");
        await sergeantPage.AssertNoViolationsAsync();
        await sergeant.AllocateAsync("Demo investigator", "Investigations");
        await Assertions.Expect(sergeant.Banner).ToContainTextAsync($"Crime {crime} allocated");
        await Assertions.Expect(sergeant.RowFor(crime)).ToHaveCountAsync(0);

        // The investigator finds it under their own investigations.
        var investigatorPage = await fixture.NewPageAsync();
        var investigatorSignIn = new SignInPage(investigatorPage);
        await investigatorSignIn.OpenAsync();
        await investigatorSignIn.SignInAsync(Investigator, SafetyNetApp.Password);
        await investigatorPage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var investigator = new InvestigationPages(investigatorPage);
        await investigator.OpenMyInvestigationsAsync();
        await Assertions.Expect(investigatorPage.Locator("h1")).ToHaveTextAsync("My investigations");
        await Assertions.Expect(investigator.RowFor(crime)).ToContainTextAsync("Demo investigator");
        await investigatorPage.AssertNoViolationsAsync();
        await investigator.RowFor(crime).GetByRole(AriaRole.Link, new() { Name = crime }).ClickAsync();
        await Assertions.Expect(investigatorPage.Locator("main")).ToContainTextAsync("Allocated to Demo investigator by");
    }
}
