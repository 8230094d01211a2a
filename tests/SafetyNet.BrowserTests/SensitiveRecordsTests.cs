using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

/// <summary>
/// Records of domestic abuse on the pages: each one shows only a purpose form until its reader says why, the read is
/// audited with that purpose, and the work on the page is done without being asked again.
/// </summary>
[Collection("browser")]
public class SensitiveRecordsTests(BrowserFixture fixture)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray());

    /// <summary>A domestic abuse report with a vulnerable victim, graded for attendance and with its DASH done, as a call handler records it.</summary>
    private static Dictionary<string, object?> Abuse(string first, string last, string narrative)
    {
        var report = Reports.DomesticAbuse(0);
        report["narrative"] = narrative;
        report["people"] = new object[] { Reports.Victim(first, last, "1986-05-17") };
        return report;
    }

    private async Task<JsonElement> RecordAsync(HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", report);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<bool> AuditedAsync(string action, long record, string purpose, string role) =>
        fixture.App.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == action && e.RecordId == Id(record) && e.Purpose == purpose && e.Actor == SafetyNetApp.DemoEmail(role)));

    [Fact]
    public async Task An_officer_opens_a_domestic_abuse_incident_records_arrival_logs_a_contact_and_opens_the_victims_identity_each_for_a_purpose()
    {
        var app = fixture.App;
        var last = Unique("Ravensworth");
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await RecordAsync(supervisor, Abuse("Perpetua", last, "Partner smashed her phone and would not let her leave"));
        var incidentId = incident.GetProperty("id").GetInt64();
        var reference = incident.GetProperty("reference").GetString()!;
        var crime = incident.GetProperty("crimeRecords")[0];
        (await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incidentId}/crime-decisions", new
        {
            crimeRecordId = crime.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Violence without injury", version = crime.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        var contract = await app.WithDbAsync(db => db.VictimContactContracts.Where(c => c.IncidentId == incidentId).Select(c => new { c.Id, c.CrimeReference }).SingleAsync());
        var (contractId, crimeReference) = (contract.Id, contract.CrimeReference!);
        var identityId = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incidentId).Select(p => p.IdentityId ?? 0).SingleAsync());

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var purpose = new PurposeForm(page);

        // The incident: the purpose first, nothing of the report before it.
        await page.GotoAsync($"/incidents/{incidentId}");
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(last);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("smashed her phone");
        await page.AssertNoViolationsAsync();
        const string visit = "Attending the address for the safeguarding visit";
        await purpose.OpenAsync("Open the record", visit);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync($"Incident {reference}");
        await Assertions.Expect(purpose.Main).ToContainTextAsync($"Perpetua {last}");
        await page.AssertNoViolationsAsync();
        var readsBeforeArrival = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "incident.read" && e.RecordId == Id(incidentId) && e.Purpose == visit));

        // Arrival is recorded on the same page, which shows the incident again for the same purpose without asking.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record arrival now" }).ClickAsync();
        await Assertions.Expect(purpose.Main).ToContainTextAsync("Arrived ");
        await Assertions.Expect(purpose.Title).ToHaveTextAsync($"Incident {reference}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record arrival now" })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();
        Assert.NotNull(await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == incidentId).Select(i => i.ArrivedAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "incident.read" && e.RecordId == Id(incidentId) && e.Purpose == visit)) > readsBeforeArrival,
            "the incident shown after the arrival was read again for the purpose it was opened with");

        // The contact form of her contract, opened by its address: the purpose first, then the contact is logged.
        await page.GotoAsync($"/victims/contracts/{contractId}/contact");
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(last);
        await page.AssertNoViolationsAsync();
        const string callBack = "Returning her call about the bail conditions";
        await purpose.OpenAsync("Open the contract", callBack);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync("Log a contact with the victim");
        await Assertions.Expect(purpose.Main).ToContainTextAsync($"Perpetua {last}");
        await page.AssertNoViolationsAsync();
        await new LogContactPage(page).LogAsync("Contact made", "Told her the suspect's bail conditions and who to call", "Telephone");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Contact logged for {crimeReference}");
        Assert.True(await app.WithDbAsync(db => db.VictimContacts.AnyAsync(c => c.ContractId == contractId && c.Summary == "Told her the suspect's bail conditions and who to call")));
        Assert.True(await AuditedAsync("victim-contract.read", contractId, callBack, Roles.Officer));

        // Her identity holds an entry on this incident: the purpose form alone, refused empty, then the identity.
        await page.GotoAsync($"/identities/{identityId}");
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(last);
        await page.AssertNoViolationsAsync();
        await purpose.OpenAsync("Open the record", null);
        await Assertions.Expect(purpose.ErrorSummary).ToContainTextAsync("Enter your purpose");
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(last);
        await page.AssertNoViolationsAsync();
        const string history = "Checking her earlier contact with us before the visit";
        await purpose.OpenAsync("Open the record", history);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync($"Perpetua {last}");
        await Assertions.Expect(purpose.Main).ToContainTextAsync(reference);
        await page.AssertNoViolationsAsync();
        Assert.True(await AuditedAsync("identity.read", identityId, history, Roles.Officer));
    }

    [Fact]
    public async Task A_supervisor_finds_a_sensitive_entry_in_the_review_and_crime_recording_queues_without_her_name_and_completes_the_desk_review_for_a_purpose()
    {
        var app = fixture.App;
        var last = Unique("Penhaligon");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var abuse = await RecordAsync(handler, Abuse("Zinnia", last, "Ex-partner sent threatening messages all night"));
        var burglary = await RecordAsync(handler, Reports.Burglary(null, "PRIORITY", Reports.Victim("Ambrose", last, "1960-06-15")));
        var abuseId = abuse.GetProperty("id").GetInt64();
        var reference = abuse.GetProperty("reference").GetString()!;
        var burglaryReference = burglary.GetProperty("reference").GetString()!;
        // The matching engine put the two entries in its grey band: a pair for a reviewer.
        await app.WithDbAsync(async db =>
        {
            db.IdentityReviews.Add(new SafetyNet.People.IdentityReview
            {
                PersonId = abuse.GetProperty("people")[0].GetProperty("id").GetInt64(), CandidatePersonId = burglary.GetProperty("people")[0].GetProperty("id").GetInt64(),
                Score = 0.999, Reasons = "last name: exact (+9.0)", Status = SafetyNet.People.ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        var purpose = new PurposeForm(page);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });

        // The review queue: "Sensitive" where her name would be, the other entry named; opening hers asks why.
        await menu.GetByRole(AriaRole.Link, new() { Name = "People to review" }).ClickAsync();
        var pair = page.Locator(".govuk-summary-card").Filter(new() { HasText = burglaryReference });
        await Assertions.Expect(pair).ToContainTextAsync("Sensitive");
        await Assertions.Expect(pair).ToContainTextAsync($"Ambrose {last}");
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Zinnia");
        await page.AssertNoViolationsAsync();
        await pair.GetByRole(AriaRole.Link, new() { Name = $"the entry on {reference}" }).ClickAsync();
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Zinnia");

        // The crime recording queue likewise; deciding hers asks why.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Queues" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Sensitive");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = burglaryReference })).ToContainTextAsync($"Ambrose {last}");
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Zinnia");
        await page.AssertNoViolationsAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = $"Decide for {reference}" }).ClickAsync();
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Zinnia");

        // The desk review of her vulnerable report: the purpose, then the review, completed on the page.
        await page.GotoAsync("/asb/desk?sort=-due");
        await new AsbPages(page).OpenReviewAsync(reference);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync("Zinnia");
        await page.AssertNoViolationsAsync();
        const string review = "Reviewing the risk to the victim for the desk";
        await purpose.OpenAsync("Open the review", review);
        await Assertions.Expect(purpose.Title).ToHaveTextAsync($"Desk review of {reference}");
        await Assertions.Expect(purpose.Main).ToContainTextAsync($"Zinnia {last}");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Confirm the assessed level").CheckAsync();
        await page.GetByLabel("Notes (optional)").FillAsync("Safety plan in place; IDVA referral already made");
        await new AsbPages(page).SaveReviewAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Review of {reference} saved");
        await page.AssertNoViolationsAsync();
        Assert.NotNull(await app.WithDbAsync(db => db.DeskReviews.Where(r => r.IncidentId == abuseId).Select(r => r.ReviewedAt).SingleAsync()));
        Assert.True(await AuditedAsync("desk.read", abuseId, review, Roles.Supervisor));
    }

    [Fact]
    public async Task A_reviewer_merges_a_pair_holding_a_sensitive_entry_only_after_saying_why_and_the_queues_give_her_report_without_its_place()
    {
        var app = fixture.App;
        var last = Unique("Trelawney");
        var street = Unique("Quillet Row ");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var report = Abuse("Morwenna", last, "Partner kicked the door in and took her car keys");
        report["location"] = new { text = $"9 {street}, St Albans", district = "St Albans" };
        var abuse = await RecordAsync(handler, report);
        var plain = await RecordAsync(handler, Reports.Burglary(null, "PRIORITY", Reports.Victim("Morwenna", last, "1986-05-17")));
        var reference = abuse.GetProperty("reference").GetString()!;
        var plainReference = plain.GetProperty("reference").GetString()!;
        await app.WithDbAsync(async db =>
        {
            db.IdentityReviews.Add(new SafetyNet.People.IdentityReview
            {
                PersonId = plain.GetProperty("people")[0].GetProperty("id").GetInt64(), CandidatePersonId = abuse.GetProperty("people")[0].GetProperty("id").GetInt64(),
                Score = 0.97, Reasons = "last name: exact (+9.0)", Status = SafetyNet.People.ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        var purpose = new PurposeForm(page);

        // The attendance queue and the desk queue list her report by reference, "Sensitive" where its place would be.
        await page.GotoAsync("/queues/attendance");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Sensitive");
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/asb/desk?sort=-due&pageSize=200");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference })).ToContainTextAsync("Sensitive");
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();

        // Merging the pair answers with the identity they make, which holds her sensitive entry: the purpose first, the decision kept.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "People to review" }).ClickAsync();
        var pair = page.Locator(".govuk-summary-card").Filter(new() { HasText = plainReference });
        await pair.GetByRole(AriaRole.Button, new() { Name = "Same person: merge" }).ClickAsync();
        await Assertions.Expect(purpose.Title).ToHaveTextAsync(PurposeForm.Heading);
        await Assertions.Expect(purpose.Main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();
        Assert.Equal(SafetyNet.People.ReviewStatus.Open, await app.WithDbAsync(db => db.IdentityReviews.Where(r => r.CandidatePersonId == abuse.GetProperty("people")[0].GetProperty("id").GetInt64()).Select(r => r.Status).SingleAsync()));
        const string why = "Checking whether the burglary victim is the same woman";
        await purpose.OpenAsync("Merge the entries", why);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Merged into identity");
        await page.AssertNoViolationsAsync();
        var identity = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == plain.GetProperty("id").GetInt64()).Select(p => p.IdentityId ?? 0).SingleAsync());
        Assert.True(await AuditedAsync("identity.read", identity, why, Roles.Supervisor));
    }

    [Fact]
    public async Task The_desk_reviews_a_plain_report_whose_victim_reported_abuse_before_and_the_review_and_the_case_it_opens_list_that_report_without_its_place()
    {
        var app = fixture.App;
        var last = Unique("Carbis");
        var street = Unique("Lantern Yard ");
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var report = Abuse("Tamsin", last, "Partner threw a glass at her");
        report["location"] = new { text = $"7 {street}, St Albans", district = "St Albans" };
        var abuse = await RecordAsync(handler, report);
        var reference = abuse.GetProperty("reference").GetString()!;
        // Weeks later she reports youths throwing stones at her car in town, recognised by the call handler.
        var asb = Reports.Asb(Reports.Asb("targeted"));
        asb["location"] = new { text = "Market Place, St Albans", district = "St Albans" };
        asb["people"] = new object[]
        {
            new { role = "Victim", firstName = "Tamsin", lastName = last, dateOfBirth = "1986-05-17", sex = "Female", phone = "01727 960 444",
                identityId = abuse.GetProperty("people")[0].GetProperty("identityId").GetInt64() },
        };
        var plain = await RecordAsync(handler, asb);
        var plainId = plain.GetProperty("id").GetInt64();

        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.CommunityFocusDesk);
        var main = page.GetByRole(AriaRole.Main);

        // The review of the plain report needs no purpose; her earlier report is listed by reference and type, "Sensitive" for its place.
        await page.GotoAsync($"/asb/desk/{plainId}");
        var earlier = page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(earlier).ToContainTextAsync("Sensitive");
        await Assertions.Expect(main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();

        // The desk opens a case from it; the case suggests her earlier report, again without its place.
        await page.GetByLabel("Confirm the assessed level").CheckAsync();
        await page.GetByLabel("Open a new case").CheckAsync();
        await new AsbPages(page).SaveReviewAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/asb/cases/[0-9]+"));
        var suggested = page.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Assertions.Expect(suggested).ToContainTextAsync("Sensitive");
        await Assertions.Expect(main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();

        // Linked to the case, it is listed among the case's incidents by reference and type, still without its place.
        await suggested.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Link") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = reference }).First).ToContainTextAsync("Sensitive");
        await Assertions.Expect(main).Not.ToContainTextAsync(street);
        await page.AssertNoViolationsAsync();
    }
}
