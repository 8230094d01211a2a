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
    public async Task An_investigator_submits_a_phone_from_a_high_risk_investigation_at_P2_and_the_unit_records_its_continuity_triage_and_examination()
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
        // Times earlier today on the force's clock, which stands at 10:00 for browser tests.
        var clock = ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime;
        var (seized, handedOver) = (clock.AddHours(-2).AddMinutes(-15), clock.AddMinutes(-40));
        // The sergeant has already sent the suspect's laptop from the same investigation.
        var laptop = $"KC/{Guid.NewGuid():N}"[..9];
        using (var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/investigations/{investigation}/forensics")
        {
            Content = JsonContent.Create(new
            {
                deviceType = "computer", exhibitReference = laptop, namedSuspect = true, seizedAt = ForceClock.FromLocal(seized), seizedFrom = "The suspect's home",
                location = "Exhibits store, Hatfield police station",
            }),
        })
        {
            send.Headers.Add("X-Purpose", "Submitting the suspect's laptop for examination");
            (await supervisor.SendAsync(send)).EnsureSuccessStatusCode();
        }

        // The investigator opens the investigation and submits the suspect's phone.
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("investigator@safetynet.test", SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync($"/investigations/{investigation}");
        await new PurposeForm(page).OpenAsync("Open the record", "Submitting the suspect's phone for examination");
        var forensics = new ForensicsPages(page);
        await Assertions.Expect(page.Locator("#forensics-summary")).ToContainTextAsync("1 device submitted, 1 with the unit");
        await forensics.SubmitDeviceFromInvestigationAsync();
        await new PurposeForm(page).OpenAsync("Open the record", "Submitting the suspect's phone for examination");
        await Assertions.Expect(forensics.Heading).ToHaveTextAsync("Submit a device for examination");
        await forensics.SubmitAsync();
        await Assertions.Expect(forensics.ErrorSummary).ToContainTextAsync("Enter the exhibit reference");
        await page.AssertNoViolationsAsync();
        await forensics.FillDeviceAsync("Mobile phone", exhibit, namedSuspect: true);
        await forensics.FillSeizureAsync(seized, "The suspect, on arrest", "Exhibits store, Hatfield police station");
        await forensics.SubmitAsync();
        await Assertions.Expect(forensics.Heading).ToHaveTextAsync("Device submitted at P2");
        await Assertions.Expect(forensics.Reasons).ToHaveTextAsync("The investigation is high risk");
        await page.AssertNoViolationsAsync();

        // The digital forensics unit finds both devices waiting in its queue, counted in its backlog by age and priority.
        var unitPage = await fixture.NewPageAsync();
        var unitSignIn = new SignInPage(unitPage);
        await unitSignIn.OpenAsync();
        await unitSignIn.SignInAsync("dfu@safetynet.test", SafetyNetApp.Password);
        await unitPage.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var unit = new ForensicsPages(unitPage);
        await unit.OpenQueueAsync();
        await Assertions.Expect(unit.QueueRow(exhibit)).ToContainTextAsync("P2");
        await Assertions.Expect(unit.QueueRow(exhibit)).ToContainTextAsync("Submitted");
        await Assertions.Expect(unit.QueueRow(laptop)).ToContainTextAsync("Submitted");
        await unitPage.AssertNoViolationsAsync();
        var (openP2, newP2, finishedP2) = (await unit.FigureAsync("backlog", "P2", "Open"), await unit.FigureAsync("backlog", "P2", "0 to 7 days"),
            await unit.FigureAsync("turnaround", "P2", "Finished"));
        Assert.True(newP2 >= 2, "The two devices submitted today are in the P2 backlog's first age band");

        // The phone reached the kiosk room 40 minutes ago: the unit records that hand-over now, which accepts it (a time before
        // the seizure is refused), then the kiosk triage: nothing relevant, closed early.
        await unit.OpenSubmissionAsync(exhibit);
        await Assertions.Expect(unit.Heading).ToHaveTextAsync($"Exhibit {exhibit}");
        var gb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        await Assertions.Expect(unit.Continuity.First).ToContainTextAsync($"{seized.ToString("d MMM yyyy HH:mm", gb)}");
        await unit.RecordMovementAsync(seized.AddMinutes(-30), "Exhibits officer, Hatfield police station", "DC Okafor", "Kiosk room, Hatfield police station",
            "Sealed bag HT0042, seal intact");
        await Assertions.Expect(unit.ErrorSummary).ToContainTextAsync($"must be on or after its seizure, {seized.ToString("d MMM yyyy HH:mm", gb)}");
        await Assertions.Expect(unit.Status).ToHaveTextAsync("Submitted");
        await unitPage.AssertNoViolationsAsync();
        await unit.RecordMovementAsync(handedOver, "Exhibits officer, Hatfield police station", "DC Okafor", "Kiosk room, Hatfield police station",
            "Sealed bag HT0042, seal intact");
        await Assertions.Expect(unit.Status).ToHaveTextAsync("Accepted");
        await Assertions.Expect(unit.Continuity.First).ToContainTextAsync("Exhibits store, Hatfield police station");
        await Assertions.Expect(unit.Continuity.Last).ToContainTextAsync(handedOver.ToString("d MMM yyyy HH:mm", gb));
        await Assertions.Expect(unit.Continuity.Last).ToContainTextAsync("Exhibits officer, Hatfield police station");
        await Assertions.Expect(unit.Continuity.Last).ToContainTextAsync("DC Okafor (Sealed bag HT0042, seal intact)");
        await Assertions.Expect(unit.Continuity.Last).ToContainTextAsync("Kiosk room, Hatfield police station");
        await Assertions.Expect(unit.Continuity.Last).ToContainTextAsync($"{clock.ToString("d MMM yyyy HH:mm", gb)} by dfu@safetynet.test");
        await unit.RecordTriageAsync("No relevant material found", "Nothing in the dates given", close: true);
        await Assertions.Expect(unit.Status).ToHaveTextAsync("Closed at triage");
        await Assertions.Expect(unit.Triage).ToContainTextAsync("No relevant material found");
        await Assertions.Expect(unit.Continuity).ToHaveCountAsync(2);
        await unitPage.AssertNoViolationsAsync();

        // The laptop goes to full examination; the queue shows it under way.
        await unit.OpenQueueAsync();
        await Assertions.Expect(unit.QueueRow(exhibit)).ToHaveCountAsync(0);
        await unit.OpenSubmissionAsync(laptop);
        await unit.StartExaminationAsync();
        await Assertions.Expect(unit.Status).ToHaveTextAsync("In examination");
        await Assertions.Expect(unit.Examination).ToContainTextAsync("Started");
        await unitPage.AssertNoViolationsAsync();
        await unit.OpenQueueAsync();
        await Assertions.Expect(unit.QueueRow(laptop)).ToContainTextAsync("In examination");

        // The examiner completes it with what it found, well within the P2 target; it leaves the queue and counts as finished.
        await unit.OpenSubmissionAsync(laptop);
        await unit.CompleteExaminationAsync("Messages arranging to meet the victim on the day; extraction report sent to the officer in the case");
        await Assertions.Expect(unit.Status).ToHaveTextAsync("Completed");
        await Assertions.Expect(unit.Examination).ToContainTextAsync("Messages arranging to meet the victim on the day");
        await Assertions.Expect(unit.Turnaround).ToHaveTextAsync("Finished in less than a day, within its 14-day target");
        await unitPage.AssertNoViolationsAsync();
        await unit.OpenQueueAsync();
        await Assertions.Expect(unit.QueueRow(laptop)).ToHaveCountAsync(0);
        Assert.Equal((openP2 - 2, newP2 - 2, finishedP2 + 2), (await unit.FigureAsync("backlog", "P2", "Open"), await unit.FigureAsync("backlog", "P2", "0 to 7 days"),
            await unit.FigureAsync("turnaround", "P2", "Finished")));
    }
}
