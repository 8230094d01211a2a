using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Every endpoint a partner can reach × every role × a case of their own agency, of another agency, shared with
/// them and not shared with them. Not entitled is 404, and the case is absent from lists, searches and counts.
/// </summary>
[Collection("app")]
public class AsbAuthorizationMatrixTests(AppFixture fixture)
{
    private sealed record Principal(string Name, HttpClient Client, bool ForceOperational, bool Desk, string? Agency);

    private sealed record Cases(long Own, long Other, long Shared, long NotShared, long DeskIncident, string Marker, string Surname, long Application = 0, string AbuseReference = "", long Meeting = 0);

    private static async Task<Cases> ArrangeAsync(SafetyNetApp app)
    {
        var marker = $"M{Guid.NewGuid():N}"[..14];
        var surname = $"Z{Guid.NewGuid():N}"[..12];
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);

        var sharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: $"1 {marker} Road, Watford"));
        var shared = await AsbTesting.OpenCaseFromDeskAsync(desk, sharedIncident.Id());
        var notSharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: $"2 {marker} Road, Watford"));
        var notShared = await AsbTesting.OpenCaseFromDeskAsync(desk, notSharedIncident.Id());
        var deskIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: $"3 {marker} Road, Watford"));

        // The shared case's victim is also a domestic abuse victim: her whereabouts never reach a partner.
        var abuse = Reports.DomesticAbuse(15);
        abuse["people"] = new object[] { Reports.Victim("Sarah", surname, "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = surname } };
        var abuseIncident = await AsbTesting.RecordAsync(handler, abuse);
        var abuseVictim = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == abuseIncident.Id() && p.Role == People.PersonRole.Victim).Select(p => p.IdentityId!.Value).SingleAsync());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/parties", new { identityId = abuseVictim, role = "Victim" }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/incidents", new { incidentId = abuseIncident.Id() }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/contacts", new { text = $"POLICE-ONLY {marker}", policeOnly = true }).ExpectAsync(HttpStatusCode.Created);

        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/shares", new { agencyId = agencies["COUNCIL-WATFORD"], lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{notShared.Id()}/shares", new { agencyId = agencies["HOUSING"], lawfulBasis = "Consent", consentSought = true, consentGiven = true })
            .ExpectAsync(HttpStatusCode.OK);
        // An action owned by housing on a case housing may not see must not reach housing's home page.
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/actions", new { title = $"Housing action {marker}", ownerAgencyId = agencies["HOUSING"], dueAt = app.Time.GetUtcNow().AddDays(3) })
            .ExpectAsync(HttpStatusCode.Created);

        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var own = await watford.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Fly-tipping behind the parade {marker}", category = "Environmental", riskLevel = "Low", district = "Watford" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(agencies["COUNCIL-WATFORD"], own.GetProperty("leadAgency").GetProperty("id").GetInt32());
        var stAlbans = await app.ClientForEmailAsync(AsbTesting.StAlbansCaseworker);
        var other = await stAlbans.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Noise from a flat {marker}", category = "Nuisance", riskLevel = "Medium", district = "St Albans" })
            .ExpectAsync(HttpStatusCode.Created);
        // A Community Trigger application on Watford's own case: the lead agency's business, and the force's.
        var application = await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new
        {
            caseId = own.Id(), applicantName = $"Janet {surname}", summary = $"Nothing has changed {marker}",
        }).ExpectAsync(HttpStatusCode.Created);
        // A meeting Watford and housing attended, with three cases on its agenda: each attendee sees only its own.
        var meeting = await desk.PostAsJsonAsync("/api/v1/asb/meetings", new
        {
            title = $"Watford ASB panel {marker}", district = "Watford", heldAt = app.Time.GetUtcNow().AddDays(-1),
            agencyIds = new[] { agencies["COUNCIL-WATFORD"], agencies["HOUSING"] }, attendees = "PC Shah, council ASB officer, housing officer",
        }).ExpectAsync(HttpStatusCode.Created);
        foreach (var caseId in new[] { shared.Id(), notShared.Id(), own.Id() })
        {
            await desk.PostAsJsonAsync($"/api/v1/asb/meetings/{meeting.Id()}/agenda", new { caseId, decision = $"Review at the next panel {marker}" }).ExpectAsync(HttpStatusCode.Created);
        }
        return new Cases(own.Id(), other.Id(), shared.Id(), notShared.Id(), deskIncident.Id(), marker, surname, application.Id(), abuseIncident.GetProperty("reference").GetString()!, meeting.Id());
    }

    private static async Task<List<Principal>> PrincipalsAsync(SafetyNetApp app)
    {
        var principals = new List<Principal>();
        foreach (var role in Roles.All)
        {
            var operational = Roles.ForceOperational.Contains(role);
            principals.Add(new Principal(role, await app.ClientForAsync(role), operational, role is Roles.CommunityFocusDesk or Roles.Supervisor,
                role == Roles.PartnerCaseworker ? "COUNCIL-WATFORD" : null));
        }
        principals.Add(new Principal("St Albans council", await app.ClientForEmailAsync(AsbTesting.StAlbansCaseworker), false, false, "COUNCIL-ST-ALBANS"));
        principals.Add(new Principal("Housing", await app.ClientForEmailAsync(AsbTesting.HousingCaseworker), false, false, "HOUSING"));
        principals.Add(new Principal("Dacorum council (no agreement)", await app.ClientForEmailAsync(AsbTesting.DacorumCaseworker), false, false, "COUNCIL-DACORUM"));
        return principals;
    }

    /// <summary>The rule, written out independently of the code under test.</summary>
    private static bool Sees(Principal who, Cases cases, long caseId) => who.ForceOperational || (who.Agency, caseId) switch
    {
        ("COUNCIL-WATFORD", var id) => id == cases.Own || id == cases.Shared,
        ("COUNCIL-ST-ALBANS", var id) => id == cases.Other,
        ("HOUSING", var id) => id == cases.NotShared,
        _ => false,
    };

    [Theory, Providers]
    public async Task Every_partner_endpoint_answers_404_to_those_not_entitled_and_lists_leave_the_case_out(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var cases = await ArrangeAsync(app);
        var principals = await PrincipalsAsync(app);
        var all = new[] { ("own", cases.Own), ("other agency", cases.Other), ("shared", cases.Shared), ("not shared", cases.NotShared) };
        var failures = new List<string>();

        void Expect(bool condition, string what)
        {
            if (!condition)
            {
                failures.Add(what);
            }
        }

        foreach (var who in principals)
        {
            var list = await who.Client.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={cases.Marker}&pageSize=100");
            var listed = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToHashSet();
            var expected = all.Count(c => Sees(who, cases, c.Item2));
            Expect(list.GetProperty("total").GetInt32() == expected, $"{who.Name}: case search total {list.GetProperty("total").GetInt32()}, expected {expected}");
            foreach (var (label, id) in all)
            {
                var sees = Sees(who, cases, id);
                Expect(listed.Contains(id) == sees, $"{who.Name} × {label}: in list = {listed.Contains(id)}");
                var read = await who.Client.GetAsync($"/api/v1/asb/cases/{id}");
                Expect(read.StatusCode == (sees ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name} × {label}: GET case {read.StatusCode}");
                var chronology = await who.Client.GetAsync($"/api/v1/asb/cases/{id}/chronology");
                Expect(chronology.StatusCode == (sees ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name} × {label}: chronology {chronology.StatusCode}");
                foreach (var part in new[] { "documents", "powers" })
                {
                    var listing = await who.Client.GetAsync($"/api/v1/asb/cases/{id}/{part}");
                    Expect(listing.StatusCode == (sees ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name} × {label}: {part} {listing.StatusCode}");
                }
                var suggestions = await who.Client.GetAsync($"/api/v1/asb/cases/{id}/suggestions");
                Expect(suggestions.StatusCode == (sees && who.ForceOperational ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name} × {label}: suggestions {suggestions.StatusCode}");
                if (!sees)
                {
                    // Changes to a case one may not see are refused as if it did not exist, however valid the request.
                    var contact = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/contacts", new { text = "probe" });
                    Expect(contact.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST contact {contact.StatusCode}");
                    var action = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "probe", ownerAgencyId = 1, dueAt = app.Time.GetUtcNow().AddDays(1) });
                    Expect(action.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST action {action.StatusCode}");
                    var close = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/close", new { version = 1, outcome = "probe" });
                    Expect(close.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST close {close.StatusCode}");
                    var letter = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters", new { template = "warning-letter", recipientName = "probe" });
                    Expect(letter.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST letter {letter.StatusCode}");
                    var document = await who.Client.GetAsync($"/api/v1/asb/cases/{id}/documents/1");
                    Expect(document.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: GET document {document.StatusCode}");
                    var share = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/shares", new { agencyId = 2, lawfulBasis = "Marac" });
                    Expect(share.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST share {share.StatusCode}");
                    using var upload = new MultipartFormDataContent();
                    var pdf = new ByteArrayContent("%PDF-1.4 probe"u8.ToArray());
                    pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                    upload.Add(pdf, "file", "probe.pdf");
                    upload.Add(new StringContent("probe"), "description");
                    var uploaded = await who.Client.PostAsync($"/api/v1/asb/cases/{id}/documents", upload);
                    Expect(uploaded.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST document {uploaded.StatusCode}");
                    var power = await who.Client.PostAsJsonAsync($"/api/v1/asb/cases/{id}/powers", new { kind = "WarningLetter", issuedOn = "2026-11-01" });
                    Expect(power.StatusCode == HttpStatusCode.NotFound, $"{who.Name} × {label}: POST power {power.StatusCode}");
                    var trigger = await who.Client.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new { caseId = id, applicantName = "probe", summary = "probe" });
                    Expect(trigger.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{who.Name} × {label}: POST trigger application {trigger.StatusCode}");
                    Expect(!(await app.WithDbAsync(db => db.TriggerApplications.AnyAsync(a => a.CaseId == id && a.ApplicantName == "probe"))),
                        $"{who.Name} × {label}: a trigger application was recorded on a case they may not see");
                }
            }

            var deskRead = await who.Client.GetAsync($"/api/v1/asb/desk/{cases.DeskIncident}");
            Expect(deskRead.StatusCode == (who.Desk ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name}: desk review {deskRead.StatusCode}");
            var deskQueue = await who.Client.GetFromJsonAsync<JsonElement>("/api/v1/asb/desk?pageSize=500");
            Expect((deskQueue.GetProperty("total").GetInt32() > 0) == who.Desk, $"{who.Name}: desk queue total {deskQueue.GetProperty("total").GetInt32()}");

            var people = await who.Client.GetFromJsonAsync<JsonElement>($"/api/v1/people?name={cases.Surname}");
            Expect((people.GetProperty("total").GetInt32() > 0) == who.ForceOperational, $"{who.Name}: people search total {people.GetProperty("total").GetInt32()}");
            var matches = await who.Client.GetFromJsonAsync<JsonElement>($"/api/v1/people/history?firstName=Janet&lastName={cases.Surname}&dateOfBirth=1975-02-20");
            Expect((matches.GetProperty("person").GetArrayLength() > 0) == who.ForceOperational, $"{who.Name}: person matches {matches.GetProperty("person").GetArrayLength()}");

            // A Community Trigger application is seen by the force and the case's lead agency.
            var seesApplication = Sees(who, cases, cases.Own);
            var application = await who.Client.GetAsync($"/api/v1/asb/community-trigger/applications/{cases.Application}");
            Expect(application.StatusCode == (seesApplication ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name}: trigger application {application.StatusCode}");
            var applications = await who.Client.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/applications?pageSize=500");
            Expect(applications.GetProperty("items").EnumerateArray().Any(a => a.Id() == cases.Application) == seesApplication, $"{who.Name}: trigger application listed");
            var flagged = await who.Client.GetAsync("/api/v1/asb/community-trigger/flagged");
            if (flagged.IsSuccessStatusCode)
            {
                var flaggedCases = (await flagged.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(f => f.GetProperty("caseId").GetInt64());
                Expect(flaggedCases.All(c => !all.Any(a => a.Item2 == c) || Sees(who, cases, c)), $"{who.Name}: a flagged case they may not see");
            }

            // The library of what works and community priorities carry no case data: every caseworker, no one else.
            var caseworker = who.ForceOperational || who.Agency is not null;
            var library = await who.Client.GetAsync("/api/v1/practice");
            Expect(library.StatusCode == (caseworker ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name}: library {library.StatusCode}");
            var priorities = await who.Client.GetAsync("/api/v1/asb/priorities");
            Expect(priorities.StatusCode == (caseworker ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name}: priorities {priorities.StatusCode}");
            var export = await who.Client.GetAsync($"/api/v1/asb/cases/export?q={cases.Marker}");
            if (caseworker)
            {
                var csv = await export.Content.ReadAsStringAsync();
                foreach (var (label, id) in all)
                {
                    var reference = await app.WithDbAsync(db => db.AsbCases.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
                    Expect(csv.Contains(reference, StringComparison.Ordinal) == Sees(who, cases, id), $"{who.Name} × {label}: in export = {csv.Contains(reference, StringComparison.Ordinal)}");
                }
            }
            else
            {
                Expect(export.StatusCode == HttpStatusCode.NotFound, $"{who.Name}: export {export.StatusCode}");
            }

            // Meetings: the force and the agencies that attended; the agenda shows only the cases the reader may see.
            var attended = who.ForceOperational || who.Agency is "COUNCIL-WATFORD" or "HOUSING";
            var meeting = await who.Client.GetAsync($"/api/v1/asb/meetings/{cases.Meeting}");
            Expect(meeting.StatusCode == (attended ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{who.Name}: meeting {meeting.StatusCode}");
            var meetings = await who.Client.GetAsync("/api/v1/asb/meetings?pageSize=100");
            var meetingListed = meetings.IsSuccessStatusCode
                && (await meetings.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Any(m => m.Id() == cases.Meeting);
            Expect(meetingListed == attended, $"{who.Name}: meeting listed = {meetingListed}");
            var agendaItem = await who.Client.PostAsJsonAsync($"/api/v1/asb/meetings/{cases.Meeting}/agenda", new { caseId = cases.Other, decision = $"probe {cases.Marker}" });
            var mayAddOther = attended && Sees(who, cases, cases.Other);
            Expect(agendaItem.StatusCode == (!attended ? HttpStatusCode.NotFound : mayAddOther ? HttpStatusCode.Created : HttpStatusCode.BadRequest),
                $"{who.Name}: agenda item for the other agency's case {agendaItem.StatusCode}");
            if (attended && meeting.IsSuccessStatusCode)
            {
                var agenda = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agenda").EnumerateArray()
                    .Select(i => i.GetProperty("caseId").GetInt64()).ToHashSet();
                foreach (var (label, id) in all.Where(c => c.Item2 != cases.Other))
                {
                    Expect(agenda.Contains(id) == Sees(who, cases, id), $"{who.Name} × {label}: on the meeting's agenda = {agenda.Contains(id)}");
                }
            }

            var mine = await who.Client.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine");
            Expect(!mine.EnumerateArray().Any(a => a.GetProperty("title").GetString()!.Contains(cases.Marker, StringComparison.Ordinal) && !Sees(who, cases, a.GetProperty("caseId").GetInt64())),
                $"{who.Name}: sees an action on a case not theirs");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Only the force's own agenda items for the other agency's case were recorded.
        var probes = await app.WithDbAsync(db => db.MeetingItems.CountAsync(i => i.MeetingId == cases.Meeting && i.CaseId == cases.Other));
        Assert.Equal(principals.Count(p => p.ForceOperational), probes);
    }

    [Theory, Providers]
    public async Task A_partner_sees_only_the_parts_its_agreement_permits_and_never_police_intelligence_or_a_domestic_abuse_victims_whereabouts(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var cases = await ArrangeAsync(app);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);

        var police = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}");
        Assert.Equal(2, police.GetProperty("incidents").GetArrayLength());
        var sarahForPolice = police.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Sarah {cases.Surname}");
        Assert.False(sarahForPolice.GetProperty("addressWithheld").GetBoolean());
        Assert.Contains((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray(),
            e => e.GetProperty("text").GetString()!.Contains("POLICE-ONLY", StringComparison.Ordinal));

        // Watford's agreement gives parties, addresses, incidents, risk, actions and chronology.
        var forWatford = await watford.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}");
        Assert.Empty(forWatford.GetProperty("withheld").EnumerateArray());
        var sarah = forWatford.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Sarah {cases.Surname}");
        Assert.True(sarah.GetProperty("addressWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sarah.GetProperty("address").ValueKind);
        var janet = forWatford.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Janet {cases.Surname}");
        Assert.Equal("14 Holywell Hill, St Albans", janet.GetProperty("address").GetString());
        var incidents = forWatford.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Single(incidents);
        Assert.Equal("Anti-social behaviour – personal", incidents[0].GetProperty("typeName").GetString());
        Assert.Equal(JsonValueKind.Null, forWatford.GetProperty("shares").ValueKind);
        var chronology = (await watford.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray().ToList();
        Assert.NotEmpty(chronology);
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains("POLICE-ONLY", StringComparison.Ordinal));
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains("DOMESTIC", StringComparison.OrdinalIgnoreCase));
        // Not even the reference of the domestic abuse incident linked to the case.
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains(cases.AbuseReference, StringComparison.Ordinal));
        Assert.Contains((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray(),
            e => e.GetProperty("text").GetString()!.Contains(cases.AbuseReference, StringComparison.Ordinal));
        var refused = await watford.PostAsJsonAsync($"/api/v1/asb/cases/{cases.Shared}/contacts", new { text = "Our intelligence", policeOnly = true }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("policeOnly", out _));
        await watford.PostAsJsonAsync($"/api/v1/asb/cases/{cases.Shared}/contacts", new { text = "Council officer visited the victim" }).ExpectAsync(HttpStatusCode.Created);

        // Housing's agreement has no incidents or risk: those parts are withheld and named as withheld.
        var forHousing = await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.NotShared}");
        var withheld = forHousing.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("incidents", withheld);
        Assert.Contains("risk", withheld);
        Assert.Equal(JsonValueKind.Null, forHousing.GetProperty("incidents").ValueKind);
        Assert.Equal(JsonValueKind.Null, forHousing.GetProperty("riskLevel").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, forHousing.GetProperty("parties").ValueKind);
        var housingList = await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={cases.Marker}");
        Assert.Equal(JsonValueKind.Null, housingList.GetProperty("items")[0].GetProperty("riskLevel").ValueKind);
        // Housing's agreement includes people, so it finds its case by a party's name, and only that one.
        Assert.Equal(1, (await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={cases.Surname}")).GetProperty("total").GetInt32());

        var id = cases.Shared.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "case.read" && e.RecordId == id && e.Details!.StartsWith("partner view"))));
    }

    [Theory, Providers]
    public async Task Case_pages_answer_not_found_to_those_not_entitled(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var cases = await ArrangeAsync(app);
        var watford = await app.CreateClientSignedInAsync(AsbTesting.WatfordCaseworker);
        Assert.Equal(HttpStatusCode.OK, (await watford.GetAsync($"/asb/cases/{cases.Shared}")).StatusCode);
        var page = await watford.GetStringAsync($"/asb/cases/{cases.Shared}");
        Assert.DoesNotContain("POLICE-ONLY", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.GetAsync($"/asb/cases/{cases.NotShared}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.GetAsync($"/asb/cases/{cases.Other}")).StatusCode);
        var list = await watford.GetStringAsync($"/asb/cases?q={cases.Marker}");
        Assert.Contains("2 cases", list, StringComparison.Ordinal);
        var analyst = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Analyst));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/asb/cases/{cases.Shared}")).StatusCode);
    }
}
