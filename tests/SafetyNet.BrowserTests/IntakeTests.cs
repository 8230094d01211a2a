using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class IntakeTests(BrowserFixture fixture)
{
    private static readonly string[] DashScored =
    [
        "injury", "frightened", "isolated", "depressed", "separated", "child-contact", "stalking", "pregnant",
        "hurt-children", "threatened-children", "more-often", "getting-worse", "strangle", "threats-to-kill", "weapons",
        "controlling", "sexual-abuse", "others-threatened", "animals", "financial", "substances", "abuser-suicide",
        "breached-bail", "criminal-record",
    ];

    [Fact]
    public async Task A_call_handler_records_domestic_abuse_and_a_DASH_of_14_yes_answers_shows_high_risk_and_MARAC()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await page.AssertNoViolationsAsync();

        // Continuing with nothing filled shows the error summary, linked to the fields.
        await intake.ContinueAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the type of incident");
        await page.AssertNoViolationsAsync();

        await intake.WhatHappenedAsync("999 call", "Domestic abuse", "Caller says her partner grabbed her arm and threatened her.", "3 Fishpool Street", "St Albans");
        await intake.ContinueAsync();
        await Assertions.Expect(intake.Heading).ToHaveTextAsync("People involved");
        await intake.PersonAsync(0, "Victim", "Sarah", "Whitfield", "1990-07-01");
        await page.AssertNoViolationsAsync();
        await intake.ContinueAsync();

        await Assertions.Expect(intake.Heading).ToHaveTextAsync("Risk and vulnerability");
        await intake.ThriveAsync();
        for (var i = 0; i < DashScored.Length; i++)
        {
            await intake.AnswerAsync(DashScored[i], i < 14 ? "yes" : "no");
        }
        await intake.AnswerAsync("dependants", "no");
        await intake.FillTextAnswerAsync("frightened-of", "Being hurt again");
        await page.AssertNoViolationsAsync();
        await intake.ContinueAsync();

        await Assertions.Expect(intake.Heading).ToHaveTextAsync("Grade and check");
        await intake.GradeAsync("PRIORITY");
        await page.AssertNoViolationsAsync();
        await intake.RecordAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("High");
        await Assertions.Expect(page.Locator(".govuk-warning-text:not(.app-risk-prompt)")).ToContainTextAsync("Refer to MARAC");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_call_handler_records_anti_social_behaviour_with_its_risk_assessment()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Anti-social behaviour – personal", "Youths shouting abuse at the caller every night.", "Windmill Avenue", "Watford");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Janet", "Mbeki", "1975-02-20");
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        var yes = new[] { "targeted", "threats", "afraid", "health", "worse" };
        foreach (var key in new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" })
        {
            await intake.AnswerAsync(key, yes.Contains(key) ? "yes" : "no");
        }
        await intake.ContinueAsync();
        await intake.GradeAsync("SCHEDULED");
        await intake.RecordAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");
        var summary = page.Locator(".govuk-summary-list").First;
        await Assertions.Expect(summary).ToContainTextAsync("ASB");
        await Assertions.Expect(summary).ToContainTextAsync("7");
        await Assertions.Expect(summary).ToContainTextAsync("Medium");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "View the incident" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Incident HC-");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_supervisor_makes_the_crime_recording_decision_from_the_queue()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Burglary – residential", "Back door forced, jewellery taken.", "22 Verulam Road", "St Albans");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Harold", "Pennington", "1941-11-02");
        // He is asked now whether he wants victim support: he does not, so no referral will ever go.
        await page.GetByLabel("A victim who does not want to be referred to victim support").First.CheckAsync();
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        await intake.ContinueAsync();
        await intake.GradeAsync("PRIORITY");
        await intake.RecordAsync();
        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

        var supervisor = await fixture.NewPageAsync();
        await new SignInPage(supervisor).SignInAsRoleAsync(Roles.Supervisor);
        await supervisor.GotoAsync("/queues/crime-recording");
        await supervisor.AssertNoViolationsAsync();
        var row = supervisor.Locator("tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Harold Pennington");
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Decide") }).ClickAsync();
        await supervisor.AssertNoViolationsAsync();

        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".govuk-error-summary")).ToContainTextAsync("Select the decision");
        await supervisor.AssertNoViolationsAsync();

        await supervisor.GetByLabel("Record a crime").CheckAsync();
        await supervisor.GetByLabel("Home Office offence subgroup (for a crime)").SelectOptionAsync(new SelectOptionValue { Value = "Residential burglary" });
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".govuk-notification-banner")).ToContainTextAsync(reference);
        await Assertions.Expect(supervisor.Locator("tr", new() { HasText = reference })).ToHaveCountAsync(0);
        await supervisor.AssertNoViolationsAsync();
        var (optedOut, referrals) = await fixture.App.WithDbAsync(async db =>
        {
            var incident = await db.Incidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync();
            return (await db.VictimContactContracts.Where(c => c.IncidentId == incident).Select(c => c.VictimSupportOptOut).SingleAsync(),
                await db.Referrals.CountAsync(r => r.IncidentId == incident && r.Kind == SafetyNet.Referrals.ReferralKind.VictimSupport));
        });
        Assert.True(optedOut);
        Assert.Equal(0, referrals);
    }

    [Fact]
    public async Task An_emergency_is_dispatched_first_and_THRIVE_is_completed_from_its_queue()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("999 call", "Burglary – residential", "Intruders in the house now; caller hiding upstairs.", "9 Catherine Street", "St Albans");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Dorothy", "Featherstone", "1938-04-09");
        await intake.ContinueAsync();
        await intake.DispatchFirstAsync();
        await intake.ContinueAsync();
        await intake.GradeAsync("EMERGENCY");
        await intake.RecordAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("THRIVE and the risk assessment are due to the attending officer by");
        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

        await page.GotoAsync("/queues/thrive");
        await page.AssertNoViolationsAsync();
        var row = page.Locator("tr", new() { HasText = reference });
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Complete the assessment") }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save THRIVE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the threat");
        await page.AssertNoViolationsAsync();

        await intake.ThriveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save THRIVE" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("tr", new() { HasText = reference })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        // The attending officer records arrival from the incident page; the attendance queue lets it go.
        var officer = await fixture.NewPageAsync();
        await new SignInPage(officer).SignInAsRoleAsync(Roles.Officer);
        await officer.GotoAsync("/queues/attendance");
        await officer.Locator("tr", new() { HasText = reference }).GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await officer.AssertNoViolationsAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Record arrival now" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".govuk-summary-list").First).ToContainTextAsync("Arrived");
        await officer.GotoAsync("/queues/attendance");
        await Assertions.Expect(officer.Locator("tr", new() { HasText = reference })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_ASB_report_whose_answers_describe_hate_with_threats_lands_on_the_crime_recording_queue_with_the_reason()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Anti-social behaviour – personal", "The neighbour shouts racist abuse at the caller over the fence most evenings.", "6 Cassio Road", "Watford");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Amara", "Okonkwo", "1981-06-14");
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        var yes = new[] { "hate", "threats", "afraid" };
        foreach (var key in new[] { "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats", "damage", "children", "isolated", "worse" })
        {
            await intake.AnswerAsync(key, yes.Contains(key) ? "yes" : "no");
        }
        await intake.ContinueAsync();
        await intake.GradeAsync("SCHEDULED");
        await intake.RecordAsync();
        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

        await page.GotoAsync("/queues/crime-recording");
        var row = page.Locator("tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Anti-social behaviour – personal");
        await Assertions.Expect(row).ToContainTextAsync("May be a crime: The answers describe hate-motivated threats or violence: a hate crime");
        await Assertions.Expect(row).ToContainTextAsync("Amara Okonkwo");
        await page.AssertNoViolationsAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        var reason = page.Locator(".govuk-summary-list__row", new() { HasText = "May be a crime" });
        await Assertions.Expect(reason).ToContainTextAsync("hate-motivated threats or violence");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Intake_shows_the_earlier_incident_at_a_place_written_another_way()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Concern for safety", "Caller has not seen the man at number 1 for a week.", "1 Homefield Road", "Dacorum");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Caller", "Brian", "Ashdown");
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        await intake.ContinueAsync();
        await intake.GradeAsync("SCHEDULED");
        await intake.RecordAsync();
        var earlier = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Anti-social behaviour – nuisance", "Loud music from the house until three in the morning.", "1 Homefield Rd, Hemel Hempstead", "Not known");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Caller", "Priya", "Lakhani");
        await intake.ContinueAsync();
        await Assertions.Expect(intake.Heading).ToHaveTextAsync("Risk and vulnerability");
        var history = page.Locator(".govuk-inset-text", new() { HasText = "at 1 Homefield Rd, Hemel Hempstead" });
        await Assertions.Expect(history).ToContainTextAsync($"{earlier}: Concern for safety at 1 Homefield Road,");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Choosing_a_street_found_without_a_district_keeps_the_house_number_and_names_the_district_once()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await page.GetByLabel("101 call", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Type of incident").SelectOptionAsync(new SelectOptionValue { Label = "Concern for safety" });
        await page.GetByLabel("What was reported", new() { Exact = true }).FillAsync("Caller worried about an elderly neighbour who has not answered the door.");
        await page.GetByLabel("Where did it happen?").FillAsync("14 Marshalswick Lane");
        await page.GetByLabel("Find the street").FillAsync("Marshall Av");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find street" }).ClickAsync();
        await page.GetByLabel("Marshall Avenue, St Albans", new() { Exact = true }).CheckAsync();
        await page.AssertNoViolationsAsync();
        await intake.ContinueAsync();

        await Assertions.Expect(intake.Heading).ToHaveTextAsync("People involved");
        await intake.PersonAsync(0, "Caller", "Gwen", "Halloran");
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        await intake.ContinueAsync();
        await Assertions.Expect(intake.Heading).ToHaveTextAsync("Grade and check");
        var where = page.Locator(".govuk-summary-list__row", new() { HasText = "Where" }).Locator("dd");
        await Assertions.Expect(where).ToHaveTextAsync("14 Marshall Avenue, St Albans");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_999_domestic_abuse_call_is_dispatched_without_DASH_and_the_attending_officer_completes_it_from_the_queue_as_high_risk_with_MARAC()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("999 call", "Domestic abuse", "Caller says her partner has a knife and has threatened to kill her; she is locked in the bathroom.", "5 Romeland Hill", "St Albans");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Leanne", "Hartley", "1988-11-02");
        await intake.ContinueAsync();

        // The narrative prompts a check of the risk; it grades nothing.
        await Assertions.Expect(page.Locator(".app-risk-prompt")).ToContainTextAsync("A weapon is mentioned");
        await Assertions.Expect(page.Locator(".app-risk-prompt")).ToContainTextAsync("A threat to kill is mentioned");
        await page.AssertNoViolationsAsync();
        await intake.DispatchFirstAsync();
        await intake.ContinueAsync();
        await intake.GradeAsync("EMERGENCY");
        await intake.RecordAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("THRIVE and the risk assessment are due to the attending officer by");
        await page.AssertNoViolationsAsync();
        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();

        var officer = await fixture.NewPageAsync();
        await new SignInPage(officer).SignInAsRoleAsync(Roles.Officer);
        await officer.GotoAsync("/queues/thrive");
        await officer.AssertNoViolationsAsync();
        await officer.Locator("tr", new() { HasText = reference }).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Complete the assessment") }).ClickAsync();
        await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("Complete THRIVE and the risk assessment");
        await officer.AssertNoViolationsAsync();
        var form = new IntakePages(officer);
        await form.ThriveAsync();
        for (var i = 0; i < DashScored.Length; i++)
        {
            await form.AnswerAsync(DashScored[i], i < 14 ? "yes" : "no");
        }
        await form.AnswerAsync("dependants", "no");
        await form.FillTextAnswerAsync("frightened-of", "Being killed");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();

        var banner = officer.Locator(".govuk-notification-banner");
        await Assertions.Expect(banner).ToContainTextAsync($"Assessment saved for {reference}");
        await Assertions.Expect(banner.Locator(".app-assessed")).ToContainTextAsync("High");
        await Assertions.Expect(banner.Locator(".govuk-warning-text")).ToContainTextAsync("Refer to MARAC");
        await Assertions.Expect(officer.Locator("tr", new() { HasText = reference })).ToHaveCountAsync(0);
        await officer.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_burglary_of_an_80_year_old_goes_to_the_desk_with_the_older_person_liaison_referral_suggested_at_intake()
    {
        var born = DateOnly.FromDateTime(fixture.App.Time.GetUtcNow().UtcDateTime).AddYears(-80).AddDays(-40);
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CallHandler);
        var intake = new IntakePages(page);
        await intake.StartAsync();
        await intake.WhatHappenedAsync("101 call", "Burglary – residential", "Came home from the shops to find the back door forced and her savings tin gone.", "22 Fishpool Street", "St Albans");
        await intake.ContinueAsync();
        await intake.PersonAsync(0, "Victim", "Winifred", "Ashdown", born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await intake.ContinueAsync();
        await intake.ThriveAsync();
        await intake.VulnerabilityAsync(0, "isolated", "yes");
        await intake.VulnerabilityAsync(0, "financial-loss", "yes");
        await page.AssertNoViolationsAsync();
        await intake.ContinueAsync();
        await intake.GradeAsync("PRIORITY");
        await intake.RecordAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Incident recorded");
        await Assertions.Expect(page.Locator(".app-desk-routing")).ToContainTextAsync("Vulnerable victim: Aged 75 or over; Isolated or without support");
        await Assertions.Expect(page.Locator(".app-referrals-suggested")).ToContainTextAsync("Older person liaison officer: Aged 75 or over");
        var vulnerability = page.Locator(".app-vulnerability");
        await Assertions.Expect(vulnerability).ToContainTextAsync("Date of birth (aged 80)");
        await Assertions.Expect(vulnerability).ToContainTextAsync("Asked at first contact");
        await Assertions.Expect(vulnerability).ToContainTextAsync("Enhanced rights: Aged 75 or over");
        await page.AssertNoViolationsAsync();
    }
}
