using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class ForensicsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_investigator_submits_a_phone_from_a_high_risk_investigation_at_P2_and_the_unit_records_its_kiosk_triage()
    {
        // Earlier work, by the API: a high-risk domestic abuse crime (a DASH of 15), whose investigation is opened when it is recorded.
        var supervisor = await fixture.App.ClientForAsync(Roles.Supervisor);
        var incident = await (await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.DomesticAbuse(15))).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var record = incident.GetProperty("crimeRecords")[0];
        (await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions", new
        {
            crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Violence without injury", version = record.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        var crimeId = record.GetProperty("id").GetInt64();
        var investigation = await fixture.App.WithDbAsync(db => db.Set<Investigation>().Where(i => i.CrimeRecordId == crimeId).Select(i => i.Id).SingleAsync());
        var exhibit = $"KB/{Guid.NewGuid():N}"[..9];

        // The investigator opens the investigation and submits the suspect's phone.
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("investigator@safetynet.test", SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync($"/investigations/{investigation}");
        await new PurposeForm(page).OpenAsync("Open the record", "Submitting the suspect's phone for examination");
        var forensics = new ForensicsPages(page);
        await Assertions.Expect(page.Locator("#forensics-summary")).ToContainTextAsync("no devices submitted");
        await forensics.SubmitDeviceFromInvestigationAsync();
        await new PurposeForm(page).OpenAsync("Open the record", "Submitting the suspect's phone for examination");
        await Assertions.Expect(forensics.Heading).ToHaveTextAsync("Submit a device for examination");
        await forensics.SubmitAsync();
        await Assertions.Expect(forensics.ErrorSummary).ToContainTextAsync("Enter the exhibit reference");
        await page.AssertNoViolationsAsync();
        await forensics.FillDeviceAsync("Mobile phone", exhibit, namedSuspect: true);
        await forensics.SubmitAsync();
        await Assertions.Expect(forensics.Heading).ToHaveTextAsync("Device submitted at P2");
        await Assertions.Expect(forensics.Reasons).ToHaveTextAsync("The investigation is high risk");
        await page.AssertNoViolationsAsync();

        // The digital forensics unit finds it in its queue and records the kiosk triage: nothing relevant, closed early.
        var unitPage = await fixture.NewPageAsync();
        var unitSignIn = new SignInPage(unitPage);
        await unitSignIn.OpenAsync();
        await unitSignIn.SignInAsync("dfu@safetynet.test", SafetyNetApp.Password);
        await unitPage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var unit = new ForensicsPages(unitPage);
        await unit.OpenQueueAsync();
        await Assertions.Expect(unit.Queue.Locator("tr", new() { HasText = exhibit })).ToContainTextAsync("P2");
        await unitPage.AssertNoViolationsAsync();
        await unit.OpenSubmissionAsync(exhibit);
        await Assertions.Expect(unit.Heading).ToHaveTextAsync($"Exhibit {exhibit}");
        await unit.RecordTriageAsync("No relevant material found", "Nothing in the dates given", close: true);
        await Assertions.Expect(unit.Status).ToHaveTextAsync("Closed at triage");
        await Assertions.Expect(unit.Triage).ToContainTextAsync("No relevant material found");
        await unitPage.AssertNoViolationsAsync();
    }
}
