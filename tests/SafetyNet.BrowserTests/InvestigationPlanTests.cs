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

        // She carries on, still signed in, in a browser that runs no script: every step of the plan is a plain form.
        var noScript = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl, Locale = "en-GB", TimezoneId = "Europe/London", JavaScriptEnabled = false,
            StorageState = await page.Context.StorageStateAsync(),
        });
        noScript.SetDefaultTimeout(15_000);
        var scripted = page;
        page = await noScript.NewPageAsync();
        plan = new InvestigationPlanPages(page);
        await page.GotoAsync("/investigations/actions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit the suspect's phone to the digital forensics unit for kiosk triage" }).ClickAsync();
        await Assertions.Expect(plan.Heading).ToHaveTextAsync("Investigation plan");

        // An action is completed with its result and the rationale for it, and not without the rationale.
        const string phone = "Submit the suspect's phone";
        await plan.CompleteActionAsync("Digital", phone, "Handed to the digital forensics unit, exhibit JS/1", null);
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Enter the rationale: why the action was done this way, or why no more was done");
        await plan.CompleteActionAsync("Digital", phone, "Handed to the digital forensics unit, exhibit JS/1", "Kiosk triage says within a day whether a full examination is needed");
        await Assertions.Expect(plan.Saved).ToContainTextAsync("Action completed");
        await Assertions.Expect(plan.Action("Digital", phone).Locator(".govuk-tag")).ToHaveTextAsync("Done");
        await Assertions.Expect(plan.Action("Digital", phone)).ToContainTextAsync("Result: Handed to the digital forensics unit, exhibit JS/1");
        await Assertions.Expect(plan.Action("Digital", phone)).ToContainTextAsync("Rationale: Kiosk triage says within a day");

        const string hypothesis = "He forced the back door and took the laptop";
        await plan.AddHypothesisAsync(hypothesis);
        await Assertions.Expect(plan.Hypothesis(hypothesis).Locator(".govuk-tag")).ToHaveTextAsync("Open");
        await plan.ChangeHypothesisAsync(hypothesis, "Supported");
        await Assertions.Expect(plan.Saved).ToContainTextAsync("Hypothesis changed");
        await Assertions.Expect(plan.Hypothesis(hypothesis).Locator(".govuk-tag")).ToHaveTextAsync("Supported");

        await plan.WriteStrategyAsync("Victim", "Victim", "Updates by phone on weekday evenings, as she asked; referred to Victim Support");
        await Assertions.Expect(plan.Strategy("Victim").Locator(".sn-pre")).ToHaveTextAsync("Updates by phone on weekday evenings, as she asked; referred to Victim Support");

        const string decision = "Not to seek a warrant for his sister's address";
        await plan.RecordDecisionAsync(decision, null, null);
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Enter the options considered");
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Enter the rationale for the decision");
        await plan.RecordDecisionAsync(decision, "A warrant now, or her doorbell camera's footage first", "The footage tests his alibi without searching a third party's home");
        await Assertions.Expect(plan.Decisions).ToHaveCountAsync(1);
        await Assertions.Expect(plan.Decisions.First).ToContainTextAsync(decision);
        await Assertions.Expect(plan.Decisions.First).ToContainTextAsync("her doorbell camera's footage first");
        await Assertions.Expect(plan.Decisions.First).ToContainTextAsync("without searching a third party's home");

        // A change the sergeant made to a line of enquiry meanwhile is not overwritten.
        var alibi = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/{id}/plan")).GetProperty("linesOfEnquiry").EnumerateArray()
            .Single(l => l.GetProperty("direction").GetString() == nameof(EnquiryDirection.AwayFromSuspect));
        (await supervisor.PatchAsJsonAsync($"/api/v1/investigations/{id}/plan/lines-of-enquiry/{alibi.GetProperty("id").GetInt64()}",
            new { status = "Closed", version = alibi.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();
        await plan.ChangeLineStatusAsync(1, "Completed");
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Someone else changed the line of enquiry while you were reading it");
        await Assertions.Expect(plan.LineStatus(1)).ToHaveTextAsync("Closed");
        await plan.ChangeLineStatusAsync(1, "Completed");
        await Assertions.Expect(plan.Saved).ToContainTextAsync("Line of enquiry changed");
        await Assertions.Expect(plan.LineStatus(1)).ToHaveTextAsync("Completed");
        await Assertions.Expect(plan.LineStatus(0)).ToHaveTextAsync("Open");

        // Back in the first browser (axe needs script): the plan as it now stands, and a status must be chosen.
        page = scripted;
        plan = new InvestigationPlanPages(page);
        await page.GotoAsync($"/investigations/{id}/plan");
        await plan.ChangeLineStatusAsync(0, null);
        await Assertions.Expect(plan.ErrorSummary).ToContainTextAsync("Select whether the line of enquiry is open, completed or closed");
        await Assertions.Expect(plan.LineStatus(0)).ToHaveTextAsync("Open");
        await page.AssertNoViolationsAsync();
    }
}
