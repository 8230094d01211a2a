using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public partial class VictimsTests(BrowserFixture fixture)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object Report(string type, object person, object? assessments = null) => new
    {
        channel = "NonEmergency101",
        typeCode = type,
        narrative = "Front garden wall knocked down overnight",
        location = new { text = "22 Bancroft, Hitchin", district = "North Hertfordshire" },
        people = new[] { person },
        grade = "SCHEDULED",
        thrive = new
        {
            threat = "None now", harm = "Damage to property", risk = "Standard", investigation = "Neighbour's doorbell camera",
            vulnerability = "None identified", engagement = "Happy to be called", vulnerablePerson = false,
        },
        assessments,
    };

    /// <summary>A DASH with every scored question answered no.</summary>
    private static object[] Dash()
    {
        string[] scored =
        [
            "injury", "frightened", "isolated", "depressed", "separated", "child-contact", "stalking", "pregnant", "hurt-children", "threatened-children",
            "more-often", "getting-worse", "strangle", "threats-to-kill", "weapons", "controlling", "sexual-abuse", "others-threatened", "animals",
            "financial", "substances", "abuser-suicide", "breached-bail", "criminal-record",
        ];
        var answers = scored.ToDictionary(k => k, _ => "no");
        answers["dependants"] = "no";
        answers["frightened-of"] = "Being hurt again";
        return [new { instrument = "DASH", answers }];
    }

    [Fact]
    public async Task An_officer_logs_a_victim_update_from_the_reminder_list()
    {
        var app = fixture.App;
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Report("CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Imogen", lastName = "Achterberg", phone = "01462 960 321" })));
        var id = incident.GetProperty("id").GetInt64();
        var record = incident.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64();
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = record, decision = "crime", offenceSubgroup = "Criminal damage", version = incident.GetProperty("crimeRecords")[0].GetProperty("version").GetInt32() }));
        var contract = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts?crimeRecordId={record}")).GetProperty("items")[0].GetProperty("id").GetInt64();
        // A suspect was charged eight days ago and nobody has told her: the update is due and overdue.
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{contract}/events",
            new { @event = "SuspectCharged", occurredAt = app.Time.GetUtcNow().AddDays(-8) }));

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var due = new VictimsDuePage(page);
        await due.OpenAsync();
        await Assertions.Expect(due.RowFor("Imogen Achterberg").First).ToContainTextAsync("Suspect charged");
        await page.AssertNoViolationsAsync();

        await due.LogUpdateAsync("Imogen Achterberg", "Told Ms Achterberg the suspect was charged and the first hearing date");
        await Assertions.Expect(due.Banner).ToContainTextAsync("Contact logged for HC/");
        await Assertions.Expect(due.RowFor("Imogen Achterberg")).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/incidents/{id}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Told Ms Achterberg the suspect was charged");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/victims/escalations");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/referrals");
        await page.AssertNoViolationsAsync();

        // A victim of domestic abuse: the list names her crime, not her, and her contract opens once the officer says why.
        var abuse = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Report("DOMESTIC-ABUSE", new { role = "Victim", firstName = "Ottilie", lastName = "Brennan", phone = "01462 960 654" }, Dash())));
        var abuseRecord = abuse.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64();
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{abuse.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = abuseRecord, decision = "crime", offenceSubgroup = "Violence without injury", version = abuse.GetProperty("crimeRecords")[0].GetProperty("version").GetInt32() }));
        var abuseContract = await app.WithDbAsync(db => db.VictimContactContracts.Where(c => c.CrimeRecordId == abuseRecord).Select(c => new { c.Id, c.CrimeReference }).SingleAsync());
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{abuseContract.Id}/events",
            new { @event = "SuspectCharged", occurredAt = app.Time.GetUtcNow().AddDays(-8) }));
        await due.OpenAsync();
        await Assertions.Expect(due.RowFor(abuseContract.CrimeReference!).First).ToContainTextAsync("Sensitive");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Brennan");
        await due.RowFor(abuseContract.CrimeReference!).First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Log update") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This record is sensitive");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Brennan");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the contract" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your purpose");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Purpose").FillAsync("Returning her call about the charge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the contract" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ottilie Brennan");
        await page.AssertNoViolationsAsync();
        await new LogContactPage(page).LogAsync("Contact made", "Told Ms Brennan the suspect was charged");
        await Assertions.Expect(due.Banner).ToContainTextAsync($"Contact logged for {abuseContract.CrimeReference}");
        var opened = abuseContract.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "victim-contract.read" && e.RecordId == opened && e.Purpose == "Returning her call about the charge")));
    }

    [Fact]
    public async Task An_officer_logs_an_unanswered_call_which_leaves_the_update_due_and_then_the_call_that_gives_it()
    {
        var app = fixture.App;
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Report("CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Wilhelmina", lastName = "Strachan", phone = "01462 960 777" })));
        var record = incident.GetProperty("crimeRecords")[0];
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Criminal damage", version = record.GetProperty("version").GetInt32() }));
        var contractId = await app.WithDbAsync(db => db.VictimContactContracts.Where(c => c.CrimeRecordId == record.GetProperty("id").GetInt64()).Select(c => c.Id).SingleAsync());

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var log = new LogContactPage(page);
        await log.OpenAsync(contractId);
        await page.AssertNoViolationsAsync();
        // Not saying what came of it is refused: nothing is logged.
        await log.LogAsync(null, "Rang Ms Strachan");
        await Assertions.Expect(log.ErrorSummary).ToContainTextAsync("Select what came of the contact");
        await page.AssertNoViolationsAsync();
        await log.LogAsync("Tried, no answer", "Rang Ms Strachan, no answer", "Telephone");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Contact logged for HC/");

        var contract = new VictimContractPage(page);
        await page.GotoAsync($"/victims/contracts/{contractId}");
        await Assertions.Expect(contract.Dues.Locator("tbody tr").Filter(new() { HasText = "Routine update" })).ToContainTextAsync("Open");
        await Assertions.Expect(contract.Dues).Not.ToContainTextAsync("On time");
        await Assertions.Expect(page.Locator("table").Filter(new() { HasText = "Contact log" })).ToContainTextAsync("no answer");
        await page.AssertNoViolationsAsync();

        // She picks up: the update is given; the written information still waits for a letter or e-mail.
        await log.OpenAsync(contractId);
        await log.LogAsync("Contact made", "Told Ms Strachan the wall has been photographed for the insurer", "Telephone");
        await page.GotoAsync($"/victims/contracts/{contractId}");
        await Assertions.Expect(contract.Dues.Locator("tbody tr").Filter(new() { HasText = "Routine update" }).First).ToContainTextAsync("On time");
        await Assertions.Expect(contract.Dues.Locator("tbody tr").Filter(new() { HasText = "Written information" })).ToContainTextAsync("Open");
        await page.AssertNoViolationsAsync();
        Assert.Equal(["Made", "NoAnswer"], (await app.WithDbAsync(db => db.VictimContacts.Where(c => c.ContractId == contractId).Select(c => c.Outcome).ToListAsync()))
            .Select(o => o.ToString()).Order().ToArray());
    }

    [Fact]
    public async Task A_supervisor_opens_a_domestic_abuse_crime_decision_and_its_victim_only_after_saying_why()
    {
        var app = fixture.App;
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var abuse = await JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents",
            Report("DOMESTIC-ABUSE", new { role = "Victim", firstName = "Philippa", lastName = "Marchbanks", phone = "01462 960 777" }, Dash())));
        var incidentId = abuse.GetProperty("id").GetInt64();
        var recordId = abuse.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64();
        var personId = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incidentId).Select(p => p.Id).SingleAsync());

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);

        // The crime recording decision: the purpose first, nothing of what was reported before it.
        await page.GotoAsync($"/crimes/{recordId}/decide");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This record is sensitive");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Marchbanks");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Front garden wall");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your purpose");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Purpose").FillAsync("Making the crime recording decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Front garden wall");
        await page.AssertNoViolationsAsync();

        // The victim's own page asks again: each record opened is its own read.
        await page.GotoAsync($"/people/{personId}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This record is sensitive");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Marchbanks");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Purpose").FillAsync("Checking her earlier reports before calling her");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Marchbanks");
        await page.AssertNoViolationsAsync();

        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Purpose == "Making the crime recording decision")));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Purpose == "Checking her earlier reports before calling her")));
    }

    [Fact]
    public async Task An_officer_records_no_further_action_and_the_victims_choices_on_the_contract_page_and_the_closure_survey_follows()
    {
        var app = fixture.App;
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Report("CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Wilhelmina", lastName = "Osei-Bonsu", email = "w.oseibonsu@example.org" })));
        var id = incident.GetProperty("id").GetInt64();
        var record = incident.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64();
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = record, decision = "crime", offenceSubgroup = "Criminal damage", version = incident.GetProperty("crimeRecords")[0].GetProperty("version").GetInt32() }));

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        await page.GotoAsync($"/incidents/{id}");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record an event or change the contract") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Wilhelmina Osei-Bonsu");
        await page.AssertNoViolationsAsync();
        var contract = new VictimContractPage(page);

        // She cannot both opt in and opt out: the error names the choice, and nothing is saved.
        await contract.Field("Opted in to victim support").CheckAsync();
        await contract.Field("Opted out of victim support").CheckAsync();
        await contract.Field("Special measures").FillAsync("Screens at court");
        await contract.SaveAsync();
        await Assertions.Expect(contract.ErrorSummary).ToContainTextAsync("either opts in to victim support or opts out");
        await page.AssertNoViolationsAsync();
        await contract.Field("Opted out of victim support").UncheckAsync();
        await contract.Field("Taken").CheckAsync();
        await contract.SaveAsync();
        await Assertions.Expect(contract.Banner).ToContainTextAsync("The contract is saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Taken");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Opted in");

        await contract.RecordEventAsync("No further action (Right to Review)", "No line of enquiry left");
        await Assertions.Expect(contract.Banner).ToContainTextAsync("recorded");
        await Assertions.Expect(contract.Dues).ToContainTextAsync("Tell the victim of the decision and of the Victims' Right to Review");
        await page.AssertNoViolationsAsync();

        var stored = await app.WithDbAsync(async db => (
            await db.VictimContactContracts.Where(c => c.CrimeRecordId == record).Select(c => new { c.SpecialMeasures, c.Vps, c.VictimSupportOptIn, c.VictimSupportOptOut }).SingleAsync(),
            await db.SurveyInvitations.Where(i => i.IncidentId == id).Select(i => i.Trigger).ToListAsync()));
        Assert.Equal("Screens at court", stored.Item1.SpecialMeasures);
        Assert.Equal(SafetyNet.Victims.VpsStatus.Taken, stored.Item1.Vps);
        Assert.True(stored.Item1.VictimSupportOptIn);
        Assert.False(stored.Item1.VictimSupportOptOut);
        Assert.Contains("closure", stored.Item2);
    }

    [GeneratedRegex(@"/s/[A-Za-z0-9_\-]+")]
    private static partial Regex SurveyPath();

    [Fact]
    public async Task A_victim_answers_a_survey_and_the_supervisor_sees_the_recovery_task()
    {
        var app = fixture.App;
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents",
            Report("CRIMINAL-DAMAGE", new { role = "Victim", firstName = "Rafael", lastName = "Quintero", email = "rafael.q@example.org" })));
        var id = incident.GetProperty("id").GetInt64();
        var reference = incident.GetProperty("reference").GetString()!;
        var person = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == id).Select(p => p.Id).FirstAsync());
        await JsonAsync(await handler.PostAsJsonAsync("/api/v1/feedback/surveys", new { incidentId = id, personId = person, trigger = "contact" }));
        var body = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Purpose == "survey" && m.Reference == reference).Select(m => m.Body).FirstAsync());
        var path = SurveyPath().Match(body).Value;

        var victim = await fixture.NewPageAsync();
        var survey = new PublicSurveyPage(victim);
        await survey.OpenAsync(path);
        await Assertions.Expect(victim.Locator("h1")).ToHaveTextAsync("Tell us how we did");
        await victim.AssertNoViolationsAsync();
        await victim.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Assertions.Expect(victim.Locator(".govuk-error-summary")).ToContainTextAsync("Select an answer from 1 to 5");
        await victim.AssertNoViolationsAsync();
        await survey.AnswerAllAsync(1, "Nobody told me anything for a week");
        await Assertions.Expect(victim.Locator("h1")).ToHaveTextAsync("Thank you");
        await victim.AssertNoViolationsAsync();
        await survey.OpenAsync(path);
        await Assertions.Expect(victim.Locator("h1")).ToHaveTextAsync("This survey has already been answered");
        await victim.AssertNoViolationsAsync();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        await page.GotoAsync("/feedback");
        var task = page.Locator(".govuk-summary-card").Filter(new() { HasText = reference });
        await Assertions.Expect(task).ToContainTextAsync("Nobody told me anything for a week");
        await page.AssertNoViolationsAsync();
        await task.GetByLabel("What did you do to put it right?").FillAsync("Called Mr Quintero and apologised; OIC to update weekly");
        await task.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Record the recovery") }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Service recovery recorded for {reference}");
        await Assertions.Expect(page.Locator(".govuk-summary-card").Filter(new() { HasText = reference })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_supervisor_says_what_was_done_about_a_team_alert_and_reads_the_figures_for_a_chosen_period()
    {
        var app = fixture.App;
        var now = app.Time.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            db.TeamAlerts.Add(new SafetyNet.Feedback.TeamAlert { RaisedAt = now.AddHours(-2), PoorAnswers = 4, Reason = "4 poor answers in 14 days for the Welwyn night shift" });
            await db.SaveChangesAsync();
            return 0;
        });

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        await page.GotoAsync("/feedback");
        var alert = page.Locator("li").Filter(new() { HasText = "Welwyn night shift" });
        await alert.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Acknowledge the alert") }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was done");
        await page.AssertNoViolationsAsync();
        await alert.GetByLabel("What have you done about it?").FillAsync("Shift briefed on updating callers; second call taker on Fridays");
        await alert.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Acknowledge the alert") }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Alert acknowledged");
        await Assertions.Expect(page.Locator("li").Filter(new() { HasText = "Welwyn night shift" })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        await page.FillDateAsync("From", new DateOnly(2026, 3, 10));
        await page.FillDateAsync("To", new DateOnly(2026, 3, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The period must end on or after the day it starts");
        await page.AssertNoViolationsAsync();
        await page.FillDateAsync("To", new DateOnly(2026, 3, 31));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".satisfaction-headline")).ToContainTextAsync("from 10 March 2026 to 31 March 2026");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_administrator_sees_the_outbox_without_message_bodies()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Administrator);
        await page.GotoAsync("/admin/outbox");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Messages sent");
        await page.AssertNoViolationsAsync();
    }
}
