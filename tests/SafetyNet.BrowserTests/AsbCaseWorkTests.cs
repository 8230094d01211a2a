using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

/// <summary>Working an ASB case on its pages: a partner's caseworker on a case shared with her agency, and the desk giving out actions.</summary>
[Collection("browser")]
public class AsbCaseWorkTests(BrowserFixture fixture)
{
    private const string HousingCaseworker = "housing.caseworker@safetynet.test";
    private const string Housing = "Hertfordshire Homes Housing Association";

    /// <summary>The earlier work of others, through the API: a report, the desk's case, and what it shared.</summary>
    private async Task<(long CaseId, string Reference)> OpenCaseAsync(string marker)
    {
        var handler = await fixture.App.ClientForAsync(Roles.CallHandler);
        var report = Reports.Asb(Reports.Asb());
        report["people"] = new object[] { Reports.Victim("Janet", marker, "1975-02-20"), new { role = "Suspect", firstName = "Kyle", lastName = "Dunmore" } };
        report["location"] = new { text = $"{marker} Court, Watford", district = "Watford" };
        var incident = await (await handler.PostAsJsonAsync("/api/v1/incidents", report)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var id = incident.GetProperty("id").GetInt64();
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{id}");
        var reviewed = await (await desk.PostAsJsonAsync($"/api/v1/asb/desk/{id}/review",
            new { version = review.GetProperty("version").GetInt32(), riskDecision = "confirm", caseDecision = "Open" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var caseId = reviewed.GetProperty("decision").GetProperty("caseId").GetInt64();
        var asbCase = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}");
        return (caseId, asbCase.GetProperty("reference").GetString()!);
    }

    private Task<Dictionary<string, int>> AgenciesAsync() => fixture.App.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));

    [Fact]
    public async Task A_housing_caseworker_adds_changes_and_removes_a_person_records_a_breach_of_a_notice_uploads_a_document_writes_a_letter_and_takes_the_case_to_a_panel()
    {
        var marker = $"H{Guid.NewGuid():N}"[..10];
        var (caseId, reference) = await OpenCaseAsync(marker);
        var desk = await fixture.App.ClientForAsync(Roles.CommunityFocusDesk);
        var agencies = await AgenciesAsync();
        (await desk.PostAsJsonAsync($"/api/v1/asb/cases/{caseId}/shares", new { agencyId = agencies["HOUSING"], lawfulBasis = "CrimeAndDisorderActSection115" })).EnsureSuccessStatusCode();
        // The association's agreement is extended to documents (its risk level stays with the force).
        var admin = await fixture.App.ClientForAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime);
        (await admin.PostAsJsonAsync("/api/v1/asb/sharing-agreements", new { agencyId = agencies["HOUSING"], title = "Tenancy documents", categories = new[] { "documents" }, startsOn = today.AddDays(-1) }))
            .EnsureSuccessStatusCode();
        var kyle = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}")).GetProperty("parties").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "Kyle Dunmore").GetProperty("identityId").GetInt64();
        var now = fixture.App.Time.GetUtcNow();
        (await desk.PostAsJsonAsync($"/api/v1/asb/cases/{caseId}/powers", new
        {
            kind = "CommunityProtectionNotice", subjectIdentityId = kyle, issuedAt = now.AddDays(-3), expiresAt = now.AddDays(60), details = "No gathering at the flats' entrance",
        })).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).OpenAsync();
        await new SignInPage(page).SignInAsync(HousingCaseworker, SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        var work = new CaseWorkPages(page);
        // The risk level is not in the association's agreement: it is said to be not shared, not left blank.
        await page.GotoAsync($"/asb/cases?q={marker}");
        await Assertions.Expect(page.Locator("tr", new() { HasText = reference })).ToContainTextAsync("Not shared with your agency");
        await page.AssertNoViolationsAsync();
        await work.Click(reference);
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Risk" }).First).ToContainTextAsync("Not shared with your agency");
        await page.AssertNoViolationsAsync();

        await work.Click("Add a person");
        await Assertions.Expect(work.Heading).ToHaveTextAsync("Add a person to the case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(work.ErrorSummary).ToContainTextAsync("Enter the person's first name");
        await page.AssertNoViolationsAsync();
        await work.AddSomeoneNewAsync("Ruth", marker, "Witness");
        await Assertions.Expect(work.People).ToContainTextAsync($"Ruth {marker}");
        await Assertions.Expect(page.Locator("tr", new() { HasText = $"Ruth {marker}" })).ToContainTextAsync("Witness");

        // She turns out to be a victim too; then she moves away and is taken off the case, with the reason kept in the chronology.
        await work.Click($"Change Ruth {marker} (witness)");
        await Assertions.Expect(work.Heading).ToHaveTextAsync($"Ruth {marker}, witness");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Victim", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the role" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = $"Ruth {marker}" })).ToContainTextAsync("Victim");
        await work.Click($"Change Ruth {marker} (victim)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take them off the case" }).ClickAsync();
        await Assertions.Expect(work.ErrorSummary).ToContainTextAsync("Enter why the person is taken off the case");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Why they are taken off the case").FillAsync("Moved out of the block in March; no longer affected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take them off the case" }).ClickAsync();
        await Assertions.Expect(work.People).Not.ToContainTextAsync($"Ruth {marker}");
        await Assertions.Expect(page.Locator(".moj-timeline__item", new() { HasText = "Person removed" }).First)
            .ToContainTextAsync($"Ruth {marker} removed as victim");
        await Assertions.Expect(page.Locator(".moj-timeline__item", new() { HasText = "Person removed" }).First)
            .ToContainTextAsync("Moved out of the block in March; no longer affected");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record a breach of the community protection notice") }).ClickAsync();
        await Assertions.Expect(work.Heading).ToHaveTextAsync("Record a breach of the community protection notice");
        await page.AssertNoViolationsAsync();
        await work.RecordBreachAsync(today.AddDays(-1), "21:15", "Gathered at the entrance again with four others");
        await Assertions.Expect(work.Powers).ToContainTextAsync("Gathered at the entrance again with four others");
        await page.AssertNoViolationsAsync();

        await work.Click("Upload a document");
        await work.UploadAsync("tenancy.exe", "application/pdf", "MZ\u0090 not a document"u8.ToArray(), "Tenancy agreement");
        await Assertions.Expect(work.ErrorSummary).ToContainTextAsync("The selected file must be a PDF, JPG, PNG or Word (.docx)");
        await page.AssertNoViolationsAsync();
        await work.UploadAsync("tenancy-agreement.pdf", "application/pdf", "%PDF-1.7\n%%EOF"u8.ToArray(), "Tenancy agreement");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "tenancy-agreement.pdf" })).ToBeVisibleAsync();
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == caseId)));

        await work.Click("Write a letter");
        await work.PreviewLetterAsync("ASB warning letter", "Kyle Dunmore (perpetrator)");
        await Assertions.Expect(work.Heading).ToHaveTextAsync("Check the letter");
        await Assertions.Expect(page.Locator("#letter-preview")).ToContainTextAsync("Dear Kyle Dunmore");
        await Assertions.Expect(page.Locator("#letter-preview")).ToContainTextAsync(reference);
        await page.AssertNoViolationsAsync();
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == caseId)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the letter to the case" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ASB warning letter to Kyle Dunmore");
        await page.AssertNoViolationsAsync();

        // She records the multi-agency panel that discussed the case, and what it decided for the case's plan.
        await page.GotoAsync("/meetings/new");
        await Assertions.Expect(work.Heading).ToHaveTextAsync("Record a multi-agency meeting");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Title").FillAsync("Watford ASB risk panel");
        await page.FillDateAsync("Date of the meeting", today);
        await page.GetByLabel("Who attended").FillAsync("Housing officer, PCSO, council ASB officer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Assertions.Expect(work.Heading).ToHaveTextAsync("Watford ASB risk panel");
        await page.GetByLabel("Case", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = caseId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await page.GetByLabel("What the meeting decided").FillAsync("Acceptable behaviour contract for Kyle Dunmore");
        await page.GetByLabel("Agency that owns the action").SelectOptionAsync(new SelectOptionValue { Label = Housing });
        await page.GetByLabel("Action for the case's plan").FillAsync("Draw up and sign the acceptable behaviour contract");
        await page.FillDateAsync("Due date", today.AddDays(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the agenda item" }).ClickAsync();
        var item = page.Locator("#agenda + table tr", new() { HasText = reference });
        await Assertions.Expect(item).ToContainTextAsync("Acceptable behaviour contract for Kyle Dunmore");
        await Assertions.Expect(item.GetByRole(AriaRole.Link, new() { Name = "On the case's action plan" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await item.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = "Draw up and sign the acceptable behaviour contract" })).ToContainTextAsync(Housing);
        await Assertions.Expect(page.Locator(".moj-timeline__item", new() { HasText = "Multi-agency meeting" }).First)
            .ToContainTextAsync("Discussed at Watford ASB risk panel");
    }

    [Fact]
    public async Task An_action_for_an_agency_that_cannot_see_the_case_is_refused_with_the_reason_and_an_offer_to_share_first()
    {
        var marker = $"S{Guid.NewGuid():N}"[..10];
        var (caseId, _) = await OpenCaseAsync(marker);
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CommunityFocusDesk);
        await page.GotoAsync($"/asb/cases/{caseId}");
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(fixture.App.Time.GetUtcNow()).DateTime);

        await page.GetByLabel("What is to be done").FillAsync("Visit the tenants and remind them of their tenancy conditions");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = Housing });
        await page.FillDateAsync("Due date", today.AddDays(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync($"the case is not shared with {Housing}");
        var offer = page.GetByRole(AriaRole.Link, new() { Name = $"Share the case with {Housing} first" });
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.CaseActions.CountAsync(a => a.CaseId == caseId)));

        // The offer opens the share form filled in for the agency; nothing is shared until the officer shares it.
        await offer.ClickAsync();
        await Assertions.Expect(page.Locator("#agencyId")).ToHaveValueAsync((await AgenciesAsync())["HOUSING"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.CaseShares.CountAsync(s => s.CaseId == caseId)));
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Crime and Disorder Act 1998, section 115").CheckAsync();
        await page.GetByLabel("Not sought").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share the case" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{Housing} – Crime and Disorder Act 1998, section 115");
        await page.GetByLabel("What is to be done").FillAsync("Visit the tenants and remind them of their tenancy conditions");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = Housing });
        await page.FillDateAsync("Due date", today.AddDays(14));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = "Visit the tenants" })).ToContainTextAsync(Housing);
    }
}
