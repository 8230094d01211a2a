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
public class InvestigationPlanTests(BrowserFixture fixture)
{
    private const string InvestigatorEmail = "investigator@safetynet.test";

    [Fact]
    public async Task The_investigator_writes_the_plan_with_lines_of_enquiry_towards_and_away_from_the_suspect_and_a_digital_strategy_once_devices_are_seized()
    {
        // Earlier work, by the API and the database: a recorded burglary, allocated by the sergeant to the PIP1 investigator.
        var supervisor = await fixture.App.ClientForAsync(Roles.Supervisor);
        var incident = await (await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary())).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var record = incident.GetProperty("crimeRecords")[0];
        var crimeId = record.GetProperty("id").GetInt64();
        (await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = crimeId, decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        var id = await fixture.App.WithDbAsync(async db =>
        {
            var investigator = await db.Users.Where(u => u.Email == InvestigatorEmail).Select(u => u.Id).SingleAsync();
            if (!await db.Set<Investigator>().AnyAsync(i => i.UserId == investigator))
            {
                db.Add(new Investigator { UserId = investigator, PipLevel = 1, Rank = Rank.Constable });
            }
            var investigation = await db.Set<Investigation>().SingleAsync(i => i.CrimeRecordId == crimeId);
            (investigation.InvestigatorId, investigation.Status, investigation.AllocatedAt, investigation.AllocatedBy) =
                (investigator, InvestigationStatus.Allocated, fixture.App.Time.GetUtcNow(), "detective.sergeant@safetynet.test");
            await db.SaveChangesAsync();
            return investigation.Id;
        });

        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync(InvestigatorEmail, SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var plan = new InvestigationPlanPages(page);

        await plan.OpenInvestigationAsync(id);
        await Assertions.Expect(plan.Summary).ToContainTextAsync("0 lines of enquiry, 0 actions; missing: Victim strategy");
        await plan.OpenPlanFromSummaryAsync();
        await Assertions.Expect(plan.Heading).ToHaveTextAsync("Investigation plan");
        await Assertions.Expect(plan.Missing).ToContainTextAsync("Victim strategy");
        await page.AssertNoViolationsAsync();

        // A line of enquiry without its direction is refused and says why.
        await page.GetByLabel("Line of enquiry", new() { Exact = true }).FillAsync("CCTV from the houses opposite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line of enquiry" }).ClickAsync();
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Enter what the line of enquiry is to establish");
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Select whether it points towards or away from the suspect");
        await page.AssertNoViolationsAsync();

        await plan.AddLineOfEnquiryAsync("CCTV from the houses opposite", "Whether the man arrested was at the back door at 2am", "Towards the suspect");
        await plan.AddLineOfEnquiryAsync("His account that he was at his sister's", "Whether his alibi holds: her doorbell camera and phone cell site", "Away from the suspect");
        await Assertions.Expect(plan.LinesOfEnquiry).ToHaveCountAsync(2);
        await Assertions.Expect(plan.LinesOfEnquiry.Nth(0)).ToContainTextAsync("Towards the suspect");
        await Assertions.Expect(plan.LinesOfEnquiry.Nth(1)).ToContainTextAsync("Away from the suspect");

        // Seizing his phone makes a digital strategy required.
        await plan.MarkDevicesSeizedAsync();
        await Assertions.Expect(plan.Missing).ToContainTextAsync("Digital strategy");
        await Assertions.Expect(plan.Missing).ToContainTextAsync("Victim strategy");

        var today = DateOnly.FromDateTime(fixture.App.Time.GetUtcNow().UtcDateTime);
        await plan.AddActionAsync("Digital", "Submit the suspect's phone to the digital forensics unit for kiosk triage", today.AddDays(3));
        await Assertions.Expect(plan.Strategy("Digital")).ToContainTextAsync("Submit the suspect's phone");
        await Assertions.Expect(plan.Missing).Not.ToContainTextAsync("Digital strategy");
        await plan.AddActionAsync("Victim", "Agree weekly updates with the householder and offer a crime prevention visit", today.AddDays(1));
        await Assertions.Expect(plan.Missing).ToHaveCountAsync(0);
        await Assertions.Expect(plan.Complete).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await plan.OpenInvestigationAsync(id);
        await Assertions.Expect(plan.Summary).ToContainTextAsync("2 lines of enquiry, 2 actions.");
        await page.AssertNoViolationsAsync();

        // The actions fall due to their owner, who finds them among their investigations.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Investigations", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Investigations" }).GetByRole(AriaRole.Link, new() { Name = "My actions" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-plan-actions]")).ToContainTextAsync("Submit the suspect's phone to the digital forensics unit");
        await page.AssertNoViolationsAsync();
    }
}
