using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

/// <summary>An incident managed on its page: a supervisor regrades it and assigns it, and the officer finds it as their own.</summary>
[Collection("browser")]
public class IncidentManagementTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_supervisor_regrades_and_assigns_an_incident_on_its_page_and_the_officer_finds_it_under_my_incidents()
    {
        var app = fixture.App;
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var recorded = await handler.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary());
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        var incident = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var id = incident.GetProperty("id").GetInt64();
        var reference = incident.GetProperty("reference").GetString()!;

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        await page.GotoAsync($"/incidents/{id}");
        var main = page.Locator("main");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Incident {reference}");
        await page.AssertNoViolationsAsync();

        // A regrade needs its reason.
        await page.GetByLabel("New grade", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Emergency" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Regrade" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give the reason for changing the grade");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("New grade", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Emergency" });
        await page.GetByLabel("Reason for the new grade").FillAsync("Caller says the burglars are still in the garden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Regrade" }).ClickAsync();
        var timeline = page.Locator(".moj-timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Priority to Emergency: Caller says the burglars are still in the garden");
        await Assertions.Expect(main).ToContainTextAsync("Emergency");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        var regraded = await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => new { i.GradeCode, i.GradedAt, i.AttendanceDueAt, i.Rural }).SingleAsync());
        Assert.Equal("EMERGENCY", regraded.GradeCode);
        // The target starts again at the regrade: an emergency is attended within 15 minutes in a town, 20 in the country.
        Assert.Equal(regraded.GradedAt!.Value.AddMinutes(regraded.Rural ? 20 : 15), regraded.AttendanceDueAt);

        // Someone else changes the incident while the supervisor has it open: the assignment is refused, and nothing lost.
        var version = await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Version).SingleAsync());
        (await handler.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { version, narrative = "Caller adds that a neighbour saw a white van" })).EnsureSuccessStatusCode();
        await page.GetByLabel("Officer in the case", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo officer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("This incident was changed by someone else");
        await Assertions.Expect(main).ToContainTextAsync("a neighbour saw a white van");
        await page.AssertNoViolationsAsync();
        Assert.Null(await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.OfficerInCaseId).SingleAsync()));

        await page.GetByLabel("Officer in the case", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo officer" });
        await page.GetByLabel("Owning team").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(timeline).ToContainTextAsync("Officer in the case: Demo officer");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        // The officer signs in and finds it on the home page, under "My incidents".
        var officerPage = await fixture.NewPageAsync();
        await new SignInPage(officerPage).SignInAsRoleAsync(Roles.Officer);
        await officerPage.GotoAsync("/");
        var mine = officerPage.GetByRole(AriaRole.Table, new() { Name = "My incidents, most pressing first" });
        await Assertions.Expect(mine).ToContainTextAsync(reference);
        await officerPage.AssertNoViolationsAsync();
        await mine.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(officerPage.Locator("h1")).ToHaveTextAsync($"Incident {reference}");
    }

    [Fact]
    public async Task The_attending_officer_revises_the_DASH_after_the_call_and_it_comes_out_high_with_MARAC()
    {
        var handler = await fixture.App.ClientForAsync(Roles.CallHandler);
        var report = Reports.DomesticAbuse(0);
        report["people"] = new object[] { Reports.Victim("Rosalind", $"Pemberton{Guid.NewGuid():N}"[..16], "1983-03-09") };
        var recorded = await handler.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        await page.GotoAsync($"/incidents/{id}");
        await new PurposeForm(page).OpenAsync("Open the record", "Attending the call: revising the DASH with the victim");
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("DASH version");
        var maracTag = main.Locator("strong.govuk-tag", new() { HasText = "Refer to MARAC" });
        await Assertions.Expect(maracTag).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Revise the DASH" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Revise the Domestic abuse, stalking, harassment and honour-based violence (DASH)");
        await Assertions.Expect(page.GetByLabel("Threat", new() { Exact = true })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();

        var form = new IntakePages(page);
        for (var i = 0; i < DashQuestions.Length; i++)
        {
            await form.AnswerAsync(DashQuestions[i], i < 14 ? "yes" : "no");
        }
        await form.AnswerAsync("dependants", "no");
        await form.FillTextAnswerAsync("frightened-of", "That he will come back tonight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();

        // Back on the incident (the purpose asked again for this new read), the revision stands beside the first assessment.
        await new PurposeForm(page).OpenAsync("Open the record", "Checking the revised DASH");
        await Assertions.Expect(maracTag).ToBeVisibleAsync();
        await Assertions.Expect(main.Locator("strong.govuk-tag", new() { HasText = "High" }).First).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        var assessments = await fixture.App.WithDbAsync(db => db.RiskAssessments.Where(a => a.IncidentId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, assessments.Count);
        Assert.Equal(("Standard", "High", assessments[0].Id), (assessments[0].Level, assessments[1].Level, assessments[1].SupersedesId!.Value));
        Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), assessments[1].CreatedBy);
    }

    [Fact]
    public async Task A_supervisor_adds_to_the_log_links_a_second_report_and_closes_the_incident_with_its_result_on_its_page()
    {
        var handler = await fixture.App.ClientForAsync(Roles.CallHandler);
        async Task<JsonElement> RecordAsync()
        {
            var response = await handler.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary());
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var first = await RecordAsync();
        var second = await RecordAsync();
        var id = first.GetProperty("id").GetInt64();
        var secondReference = second.GetProperty("reference").GetString()!;

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        await page.GotoAsync($"/incidents/{id}");
        var main = page.Locator("main");

        await page.GetByLabel("Log entry").FillAsync("Neighbour's doorbell camera footage seized");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the log" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Neighbour's doorbell camera footage seized");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Reference of the incident to link").FillAsync(secondReference);
        await page.GetByLabel("Why they are linked").FillAsync("Same back door forced two doors along");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link incident" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync($"{secondReference}: Same back door forced two doors along");
        await page.AssertNoViolationsAsync();

        // The burglary's crime gets its own officer in the case, who finds it under "my crimes".
        await page.GetByLabel("Officer in the case of this crime").SelectOptionAsync(new SelectOptionValue { Label = "Demo officer" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the officer in the case" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Officer in the case: Demo officer");
        await page.AssertNoViolationsAsync();
        var crimeOfficer = await fixture.App.WithDbAsync(db => db.CrimeRecords.Where(c => c.IncidentId == id).Select(c => c.OfficerInCaseId).SingleAsync());
        Assert.Equal(await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.Officer)).Select(u => u.Id).SingleAsync()), crimeOfficer);

        // Closing needs its result; then the incident says how it ended and takes no more changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the incident" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Arrest made").CheckAsync();
        await page.GetByLabel("Summary of how it ended").FillAsync("Two arrested in the next street with the jewellery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the incident" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Arrest made");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Regrade" })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();
        var closed = await fixture.App.WithDbAsync(db => db.Incidents.SingleAsync(i => i.Id == id));
        Assert.Equal(("ARREST", SafetyNetApp.DemoEmail(Roles.Supervisor)), (closed.ResultCode, closed.ClosedBy));
    }

    private static readonly string[] DashQuestions =
    [
        "injury", "frightened", "isolated", "depressed", "separated", "child-contact", "stalking", "pregnant",
        "hurt-children", "threatened-children", "more-often", "getting-worse", "strangle", "threats-to-kill", "weapons",
        "controlling", "sexual-abuse", "others-threatened", "animals", "financial", "substances", "abuser-suicide",
        "breached-bail", "criminal-record",
    ];
}
