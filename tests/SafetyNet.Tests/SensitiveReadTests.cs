using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// A victim of domestic abuse is read only by those entitled to (404 for anyone else), only for a stated purpose,
/// and every read leaves an audit event carrying that purpose: through the API, its lists and the pages alike.
/// </summary>
[Collection("app")]
public sealed partial class SensitiveReadTests(AppFixture fixture)
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? purpose)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }
        return await client.SendAsync(request);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The records a list-read event names.</summary>
    private static IEnumerable<string> Named(string? details) =>
        details is null ? [] : RecordsNamed().Match(details).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"records=([0-9,]*)")]
    private static partial Regex RecordsNamed();

    /// <summary>The incidents a case-read event names.</summary>
    private static IEnumerable<string> IncidentsNamed(string? details) =>
        details is null ? [] : IncidentsListed().Match(details).Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"incidents=([0-9,]*)")]
    private static partial Regex IncidentsListed();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenField();

    /// <summary>The hidden fields of a page's forms, as a browser would post them again.</summary>
    private static Dictionary<string, string> HiddenFields(string page) => HiddenField().Matches(page)
        .Where(m => m.Groups["name"].Value is not ("__RequestVerificationToken" or "_handler"))
        .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static FormUrlEncodedContent Form(string page, string formName, IDictionary<string, string> fields) => new(new Dictionary<string, string>(fields)
    {
        ["_handler"] = formName,
        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
    });

    private static async Task<List<AuditEvent>> EventsAsync(SafetyNetApp app, string purpose) =>
        await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Purpose == purpose).OrderBy(e => e.Id).ToListAsync());

    [Theory, Providers]
    public async Task A_domestic_abuse_contract_its_contacts_and_its_place_in_the_queues_are_read_only_for_a_purpose_and_each_read_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incidentId, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("DOMESTIC-ABUSE", "Partner pushed her down the stairs", Reports.Victim("Rowena", "Blackwood", "1985-04-04")), "Violence without injury");
        var contractId = contract.GetProperty("id").GetInt64();
        var officer = await app.ClientForAsync(Roles.Officer);
        await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId, channel = "Phone", summary = "Talked through the safety plan with Rowena" })
            .ExpectAsync(HttpStatusCode.Created);
        // A suspect was charged eight days ago and nobody told her: the update is overdue, in the officer's list and the escalations.
        await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{contractId}/events", new { @event = "SuspectCharged", occurredAt = app.Time.GetUtcNow().AddDays(-8) })
            .ExpectAsync(HttpStatusCode.Created);

        // Without a purpose the list and the contact log refuse, naming the header, and nothing is read.
        string[] paths = [$"/api/v1/victims/contracts?incidentId={incidentId}", $"/api/v1/victims/contacts?contractId={contractId}"];
        var readsBefore = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action.StartsWith("victim-contract.") && e.Purpose == null));
        foreach (var path in paths)
        {
            var refused = await GetAsync(officer, path, null).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _), path);
            Assert.DoesNotContain("Blackwood", refused.GetRawText(), StringComparison.Ordinal);
        }
        // Saving a change answers with the contract: that is a read too.
        var unsaved = await officer.PatchAsJsonAsync($"/api/v1/victims/contracts/{contractId}",
            new { specialMeasures = "Screens at court", version = contract.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(unsaved.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.Null(await app.WithDbAsync(db => db.VictimContactContracts.Where(c => c.Id == contractId).Select(c => c.SpecialMeasures).SingleAsync()));
        Assert.Equal(readsBefore, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action.StartsWith("victim-contract.") && e.Purpose == null)));

        // With one, the details come back and the read is audited with the purpose: one event for the list, naming the contract.
        const string purpose = "Preparing the protection order application";
        var listed = await GetAsync(officer, paths[0], purpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Rowena Blackwood", listed.GetProperty("items").EnumerateArray().Single().GetProperty("victimName").GetString());
        var contacts = await GetAsync(officer, paths[1], purpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Talked through the safety plan with Rowena", contacts.EnumerateArray().Single().GetProperty("summary").GetString());
        using (var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/victims/contracts/{contractId}")
        {
            Content = JsonContent.Create(new { specialMeasures = "Screens at court", version = contract.GetProperty("version").GetInt32() }),
        })
        {
            patch.Headers.Add("X-Purpose", purpose);
            var saved = await officer.SendAsync(patch).ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("Screens at court", saved.GetProperty("specialMeasures").GetString());
        }
        var events = await EventsAsync(app, purpose);
        Assert.Equal(["victim-contract.list", "victim-contract.read", "victim-contract.read"], events.Select(e => e.Action).ToArray());
        Assert.Equal([Id(contractId)], Named(events[0].Details));
        Assert.Equal(Id(contractId), events[1].RecordId);
        Assert.All(events, e => Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), e.Actor));

        // The queues name the crime, not the victim: her name is on the contract, behind the purpose; each queue read is one event.
        var crimeService = await app.ClientForAsync(Roles.CrimeServiceTeam);
        foreach (var (client, path) in new[] { (officer, "/api/v1/victims/due"), (crimeService, "/api/v1/victims/escalations") })
        {
            var queueReads = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "victim-contract.queue").Select(e => e.Id).ToListAsync());
            var rows = (await client.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Where(r => r.GetProperty("contractId").GetInt64() == contractId).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("victimName").ValueKind));
            Assert.All(rows, r => Assert.True(r.GetProperty("sensitive").GetBoolean()));
            var queueRead = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "victim-contract.queue" && !queueReads.Contains(e.Id)).SingleAsync());
            Assert.Contains(Id(contractId), Named(queueRead.Details));
        }

        // A partner caseworker is not entitled: not found, whether or not a purpose is given, and the list shows nothing.
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        foreach (var given in new[] { null, purpose })
        {
            await GetAsync(partner, $"/api/v1/victims/contracts/{contractId}", given).ExpectAsync(HttpStatusCode.NotFound);
            await GetAsync(partner, paths[1], given).ExpectAsync(HttpStatusCode.NotFound);
            var list = await GetAsync(partner, paths[0], given);
            Assert.NotEqual(HttpStatusCode.BadRequest, list.StatusCode);
            Assert.DoesNotContain("Blackwood", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var partnerPatch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/victims/contracts/{contractId}") { Content = JsonContent.Create(new { specialMeasures = "x", version = 1 }) })
        {
            await partner.SendAsync(partnerPatch).ExpectAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory, Providers]
    public async Task The_contract_log_contact_incident_and_person_pages_show_a_sensitive_victim_only_after_a_purpose_and_audit_it_first(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incidentId, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("DOMESTIC-ABUSE", "Ex-partner waiting outside her work", Reports.Victim("Delphine", "Ashcombe", "1979-09-09")), "Stalking and harassment");
        var contractId = contract.GetProperty("id").GetInt64();
        var incidentReference = contract.GetProperty("incidentReference").GetString()!;
        var (personId, identityId) = await app.WithDbAsync(async db => await db.IncidentPeople.Where(p => p.IncidentId == incidentId && p.LastName == "Ashcombe")
            .Select(p => new ValueTuple<long, long>(p.Id, p.IdentityId ?? 0)).SingleAsync());
        var officer = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));

        var pages = new[]
        {
            ($"/victims/contracts/{contractId}", "victim-contract.read", Id(contractId), "Checking special measures before the hearing"),
            ($"/victims/contracts/{contractId}/contact", "victim-contract.read", Id(contractId), "Returning her call about the bail conditions"),
            ($"/people/{personId}", "person.read", Id(personId), "Checking her contact details for the visit"),
            ($"/incidents/{incidentId}", "incident.read", Id(incidentId), "Reviewing the incident before the visit"),
            ($"/identities/{identityId}", "identity.read", Id(identityId), "Checking her earlier contact with us"),
        };
        foreach (var (path, action, record, purpose) in pages)
        {
            // First only a purpose form: no name, no incident, and nothing read.
            var form = await officer.GetStringAsync(path);
            Assert.DoesNotContain("Ashcombe", form, StringComparison.Ordinal);
            Assert.DoesNotContain("Ex-partner waiting", form, StringComparison.Ordinal);
            if (!path.StartsWith("/incidents/", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(incidentReference, form, StringComparison.Ordinal);
            }
            Assert.Contains("name=\"Purpose\"", form, StringComparison.Ordinal);
            Assert.Empty(await EventsAsync(app, purpose));

            var tooShort = await (await officer.PostAsync(path, Form(form, "purpose", new Dictionary<string, string> { ["Purpose"] = "why" }))).Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", tooShort, StringComparison.Ordinal);
            Assert.DoesNotContain("Ashcombe", tooShort, StringComparison.Ordinal);

            var opened = await officer.PostAsync(path, Form(form, "purpose", new Dictionary<string, string> { ["Purpose"] = purpose }));
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains("Ashcombe", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var read = await EventsAsync(app, purpose);
            Assert.Contains(read, e => e.Action == action && e.RecordId == record && e.Actor == SafetyNetApp.DemoEmail(Roles.Officer));
            if (path.StartsWith("/incidents/", StringComparison.Ordinal))
            {
                // The incident page lists the victim's contract: read under the same purpose, one event naming it.
                Assert.Contains(read, e => e.Action == "victim-contract.list" && Named(e.Details).Contains(Id(contractId)));
            }
        }

        // Her identity through the API likewise: it holds an entry on a sensitive incident.
        var identityPath = $"/api/v1/identities/{identityId}";
        var api = await app.ClientForAsync(Roles.Officer);
        Assert.True((await GetAsync(api, identityPath, null).ExpectAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.Equal("Delphine Ashcombe", (await GetAsync(api, identityPath, "Checking her identity before the MARAC").ExpectAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Contains(await EventsAsync(app, "Checking her identity before the MARAC"), e => e.Action == "identity.read" && e.RecordId == Id(identityId));
        await GetAsync(await app.ClientForAsync(Roles.PartnerCaseworker), identityPath, null).ExpectAsync(HttpStatusCode.NotFound);

        // The contact is logged on the page without JavaScript, the purpose carried with the form.
        var contactPage = await officer.GetStringAsync($"/victims/contracts/{contractId}/contact");
        const string logPurpose = "Logging the call back about bail";
        var logged = await officer.PostAsync($"/victims/contracts/{contractId}/contact", Form(contactPage, "contact", new Dictionary<string, string>
        {
            ["StatedPurpose"] = logPurpose, ["Form.Channel"] = "Phone", ["Form.Outcome"] = "Made", ["Form.Summary"] = "Told Ms Ashcombe the bail conditions",
        }));
        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        Assert.Contains("Contact logged for", await logged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.VictimContacts.AnyAsync(c => c.ContractId == contractId && c.Summary == "Told Ms Ashcombe the bail conditions")));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? purpose)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }
        return await client.SendAsync(request);
    }

    private static async Task<long> LastEventIdAsync(SafetyNetApp app) =>
        await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)) ?? 0;

    /// <summary>Whether the role's demo user has left any audit event since <paramref name="after"/>.</summary>
    private static Task<bool> ReadSinceAsync(SafetyNetApp app, long after, string role) =>
        app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Id > after && e.Actor == SafetyNetApp.DemoEmail(role)));

    private static async Task<AuditEvent> OneEventSinceAsync(SafetyNetApp app, long after, string action) =>
        await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > after && e.Action == action).SingleAsync());

    [Theory, Providers]
    public async Task A_sensitive_incident_through_the_api_its_change_and_its_crime_decision_page_are_read_only_for_a_purpose(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            VictimCases.Report("DOMESTIC-ABUSE", "Husband took her phone and keys and locked her in", Reports.Victim("Ottilie", "Fairbrother", "1988-02-02"))));
        var id = incident.GetProperty("id").GetInt64();
        var recordId = incident.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64();
        var path = $"/api/v1/incidents/{id}";

        // Not entitled is 404 whether or not a purpose is given; then a sensitive incident needs one, named in the 400.
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        await GetAsync(partner, path, null).ExpectAsync(HttpStatusCode.NotFound);
        await GetAsync(partner, path, "Looking for her details").ExpectAsync(HttpStatusCode.NotFound);
        var refused = await GetAsync(supervisor, path, null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain("Fairbrother", refused.GetRawText(), StringComparison.Ordinal);
        const string purpose = "Arranging the safeguarding visit";
        var read = await GetAsync(supervisor, path, purpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Ottilie", read.GetProperty("people")[0].GetProperty("firstName").GetString());
        Assert.Contains(await EventsAsync(app, purpose), e => e.Action == "incident.read" && e.RecordId == Id(id) && e.Actor == SafetyNetApp.DemoEmail(Roles.Supervisor));

        // A change answers with the incident: without a purpose nothing is changed and nothing is shown.
        var version = read.GetProperty("version").GetInt32();
        var unchanged = await SendAsync(supervisor, HttpMethod.Patch, path, new { version, narrative = "She has now been let out by a neighbour" }, null)
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(unchanged.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain("Fairbrother", unchanged.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Husband took her phone and keys and locked her in", await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.Narrative).SingleAsync()));
        const string changePurpose = "Adding what the neighbour told us";
        var changed = await SendAsync(supervisor, HttpMethod.Patch, path, new { version, narrative = "She has now been let out by a neighbour" }, changePurpose)
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("She has now been let out by a neighbour", changed.GetProperty("narrative").GetString());
        Assert.Contains(await EventsAsync(app, changePurpose), e => e.Action == "incident.read" && e.RecordId == Id(id));

        // A change that makes an incident sensitive answers with a sensitive incident: it needs the purpose too.
        var burglary = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(people: Reports.Victim("Ottilie", "Fairbrother", "1988-02-02"))));
        var retyped = await SendAsync(supervisor, HttpMethod.Patch, $"/api/v1/incidents/{burglary.GetProperty("id").GetInt64()}",
            new { version = burglary.GetProperty("version").GetInt32(), typeCode = "DOMESTIC-ABUSE" }, null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(retyped.GetProperty("errors").TryGetProperty("X-Purpose", out _));

        // The crime recording decision shows what was reported: its page asks first, and the read is audited.
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));
        var form = await pages.GetStringAsync($"/crimes/{recordId}/decide");
        Assert.DoesNotContain("let out by a neighbour", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Purpose\"", form, StringComparison.Ordinal);
        const string decidePurpose = "Making the crime recording decision";
        var opened = await (await pages.PostAsync($"/crimes/{recordId}/decide", Form(form, "purpose", new Dictionary<string, string> { ["Purpose"] = decidePurpose })))
            .Content.ReadAsStringAsync();
        Assert.Contains("let out by a neighbour", opened, StringComparison.Ordinal);
        Assert.Contains("name=\"StatedPurpose\"", opened, StringComparison.Ordinal);
        Assert.Contains(await EventsAsync(app, decidePurpose), e => e.Action == "incident.read" && e.RecordId == Id(id));
    }

    [Theory, Providers]
    public async Task Person_search_the_review_queue_and_the_crime_recording_queue_list_a_sensitive_row_without_personal_details_and_audit_each_list(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var last = $"Penhaligon{Guid.NewGuid():N}"[..20];
        var abuse = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            VictimCases.Report("DOMESTIC-ABUSE", "Ex-partner sent threatening messages all night", Reports.Victim("Zinnia", last, "1991-11-30"))));
        var burglary = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(people: Reports.Victim("Ambrose", last, "1960-06-15"))));
        var (hidden, shown) = (abuse.GetProperty("people")[0].GetProperty("id").GetInt64(), burglary.GetProperty("people")[0].GetProperty("id").GetInt64());
        var (hiddenRecord, shownRecord) = (abuse.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64(), burglary.GetProperty("crimeRecords")[0].GetProperty("id").GetInt64());
        // Both decisions long overdue, so they head the queue; the pair scored high, so it heads the review queue.
        await app.WithDbAsync(async db =>
        {
            await db.CrimeRecords.Where(c => c.Id == hiddenRecord || c.Id == shownRecord).ExecuteUpdateAsync(c => c.SetProperty(r => r.DueAt, SafetyNetApp.Start.AddYears(-5)));
            db.IdentityReviews.Add(new SafetyNet.People.IdentityReview
            {
                PersonId = hidden, CandidatePersonId = shown, Score = 0.999, Reasons = "last name: exact (+9.0)", Status = SafetyNet.People.ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        var abuseReference = abuse.GetProperty("reference").GetString()!;
        void NoPersonalDetails(string text, string where)
        {
            Assert.False(text.Contains("Zinnia", StringComparison.Ordinal), where);
            Assert.False(text.Contains("1991-11-30", StringComparison.Ordinal) || text.Contains("30/11/1991", StringComparison.Ordinal), where);
        }

        // Person search: the sensitive row gives its incident's reference and type, no name or date of birth.
        var before = await LastEventIdAsync(app);
        var found = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/people?name={last}");
        NoPersonalDetails(found.GetRawText(), "person search");
        var rows = found.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[hidden].GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[hidden].GetProperty("dateOfBirth").ValueKind);
        Assert.True(rows[hidden].GetProperty("sensitive").GetBoolean());
        Assert.Equal(abuseReference, rows[hidden].GetProperty("incidentReference").GetString());
        Assert.Equal("DOMESTIC-ABUSE", rows[hidden].GetProperty("typeCode").GetString());
        Assert.Equal($"Ambrose {last}", rows[shown].GetProperty("name").GetString());
        var search = await OneEventSinceAsync(app, before, "person.search");
        Assert.Equal(new[] { Id(hidden), Id(shown) }.Order(), Named(search.Details).Order());

        // The review queue: the reviewer sees the pair, the sensitive entry without her name; one event names both entries.
        before = await LastEventIdAsync(app);
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/identities/reviews?pageSize=500");
        NoPersonalDetails(queue.GetRawText(), "review queue");
        var pair = Assert.Single(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("person").GetProperty("personId").GetInt64() == hidden);
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("person").GetProperty("name").ValueKind);
        Assert.True(pair.GetProperty("person").GetProperty("sensitive").GetBoolean());
        Assert.Equal(abuseReference, pair.GetProperty("person").GetProperty("incidentReference").GetString());
        Assert.Equal($"Ambrose {last}", pair.GetProperty("candidate").GetProperty("name").GetString());
        var reviewRead = await OneEventSinceAsync(app, before, "identity.review-queue");
        Assert.Contains(Id(hidden), Named(reviewRead.Details));
        Assert.Contains(Id(shown), Named(reviewRead.Details));

        // The crime recording queue likewise.
        before = await LastEventIdAsync(app);
        var due = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/queues/crime-recording?pageSize=500");
        NoPersonalDetails(due.GetRawText(), "crime recording queue");
        var decisions = due.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("crimeRecordId").GetInt64());
        Assert.Equal(JsonValueKind.Null, decisions[hiddenRecord].GetProperty("victimName").ValueKind);
        Assert.True(decisions[hiddenRecord].GetProperty("sensitive").GetBoolean());
        Assert.Equal($"Ambrose {last}", decisions[shownRecord].GetProperty("victimName").GetString());
        var queueRead = await OneEventSinceAsync(app, before, "crime-record.queue");
        Assert.Contains(Id(hiddenRecord), Named(queueRead.Details));
        Assert.Contains(Id(shownRecord), Named(queueRead.Details));

        // The pages of both queues show "Sensitive" where the name would be, and the other name as before.
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor));
        foreach (var page in new[] { "/people/review", "/queues/crime-recording" })
        {
            var html = await pages.GetStringAsync(page);
            NoPersonalDetails(html, page);
            Assert.Contains($"Ambrose {last}", html, StringComparison.Ordinal);
            Assert.Contains("Sensitive", html, StringComparison.Ordinal);
        }
    }

    private static object Victim(string first, string last, string dob, long notIdentity) => new
    {
        role = "Victim", firstName = first, lastName = last, dateOfBirth = dob, sex = "Female", phone = "01727 960 123",
        address = "14 Holywell Hill, St Albans", postcode = "AL1 1BT", notIdentityIds = new[] { notIdentity },
    };

    private static async Task<(long Person, long Identity)> BurglaryVictimAsync(HttpClient client, string first, string last, long notIdentity)
    {
        var incident = await VictimCases.JsonAsync(await client.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(people: Victim(first, last, "1960-06-15", notIdentity))));
        var person = incident.GetProperty("people")[0];
        return (person.GetProperty("id").GetInt64(), person.GetProperty("identityId").GetInt64());
    }

    private static Task<int> IdentityVersionAsync(SafetyNetApp app, long identityId) =>
        app.WithDbAsync(db => db.PersonIdentities.Where(i => i.Id == identityId).Select(i => i.Version).SingleAsync());

    private static Task<long?> IdentityOfAsync(SafetyNetApp app, long personId) =>
        app.WithDbAsync(db => db.IncidentPeople.Where(p => p.Id == personId).Select(p => p.IdentityId).SingleAsync());

    [Theory, Providers]
    public async Task A_merge_split_or_review_decision_answering_with_a_sensitive_identity_needs_a_purpose_before_the_change_and_is_audited_as_a_read(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var last = $"Trevithick{Guid.NewGuid():N}"[..20];
        var abuse = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            VictimCases.Report("DOMESTIC-ABUSE", "Ex-partner broke in and took her car keys", Reports.Victim("Zinnia", last, "1991-11-30"))));
        var hidden = abuse.GetProperty("people")[0].GetProperty("id").GetInt64();
        var hiddenIdentity = abuse.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        var (shown, shownIdentity) = await BurglaryVictimAsync(supervisor, "Ambrose", last, hiddenIdentity);

        // Merging into the identity that holds her entry answers with her identity: without a purpose nothing is merged or shown.
        object Merge() => new { intoPersonId = hidden, version = 0, intoVersion = 0, reason = "Same household, same phone" };
        async Task<object> MergeAsync() => new
        {
            intoPersonId = hidden, version = await IdentityVersionAsync(app, shownIdentity), intoVersion = await IdentityVersionAsync(app, hiddenIdentity), reason = "Same household, same phone",
        };
        var refused = await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/people/{shown}/merge", await MergeAsync(), null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain("Zinnia", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(shownIdentity, await IdentityOfAsync(app, shown));
        // The purpose is asked before the body is judged: a stale or empty merge is refused for the purpose first.
        Assert.True((await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/people/{shown}/merge", Merge(), null).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("X-Purpose", out _));
        const string mergePurpose = "Checking the household before the risk meeting";
        var merged = await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/people/{shown}/merge", await MergeAsync(), mergePurpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(hiddenIdentity, merged.GetProperty("id").GetInt64());
        Assert.Equal(2, merged.GetProperty("entries").GetArrayLength());
        Assert.Contains(await EventsAsync(app, mergePurpose), e => e.Action == "identity.read" && e.RecordId == Id(hiddenIdentity) && e.Actor == SafetyNetApp.DemoEmail(Roles.Supervisor));

        // Splitting her identity likewise.
        var split = new { personIds = new[] { shown }, version = await IdentityVersionAsync(app, hiddenIdentity), reason = "Different people after all" };
        Assert.True((await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/identities/{hiddenIdentity}/split", split, null).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.Equal(hiddenIdentity, await IdentityOfAsync(app, shown));
        const string splitPurpose = "Separating the entries for the risk meeting";
        var apart = await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/identities/{hiddenIdentity}/split", split, splitPurpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(shownIdentity, apart.GetProperty("id").GetInt64());
        Assert.Contains(await EventsAsync(app, splitPurpose), e => e.Action == "identity.read" && e.RecordId == Id(shownIdentity));

        // A reviewer's "same person" on a pair holding her entry answers with the merged identity too.
        var review = await app.WithDbAsync(async db =>
        {
            var pair = new SafetyNet.People.IdentityReview
            {
                PersonId = shown, CandidatePersonId = hidden, Score = 0.999, Reasons = "phone: exact (+6.0)", Status = SafetyNet.People.ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow(),
            };
            db.IdentityReviews.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });
        Assert.True((await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/identities/reviews/{review}", new { decision = "merge", version = 1 }, null).ExpectAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.Equal(SafetyNet.People.ReviewStatus.Open, await app.WithDbAsync(db => db.IdentityReviews.Where(r => r.Id == review).Select(r => r.Status).SingleAsync()));
        const string reviewPurpose = "Deciding the pair before the risk meeting";
        var decided = await SendAsync(supervisor, HttpMethod.Post, $"/api/v1/identities/reviews/{review}", new { decision = "merge", version = 1 }, reviewPurpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, decided.GetProperty("entries").GetArrayLength());
        Assert.Contains(await EventsAsync(app, reviewPurpose), e => e.Action == "identity.read" && e.RecordId == Id(decided.GetProperty("id").GetInt64()));

        // The review queue page: "same person" on a sensitive pair asks the purpose, keeping the decision, and nothing is merged until it is given.
        var (queued, _) = await BurglaryVictimAsync(supervisor, "Ambrose", last, hiddenIdentity);
        var pageReview = await app.WithDbAsync(async db =>
        {
            var pair = new SafetyNet.People.IdentityReview
            {
                PersonId = queued, CandidatePersonId = hidden, Score = 0.999, Reasons = "phone: exact (+6.0)", Status = SafetyNet.People.ReviewStatus.Open, CreatedAt = app.Time.GetUtcNow(),
            };
            db.IdentityReviews.Add(pair);
            await db.SaveChangesAsync();
            return pair.Id;
        });
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor));
        var queue = await pages.GetStringAsync("/people/review");
        var asked = await (await pages.PostAsync("/people/review", Form(queue, "identity-review", new Dictionary<string, string> { ["Form.Decision"] = $"merge:{pageReview}:1" })))
            .Content.ReadAsStringAsync();
        Assert.Contains("This record is sensitive", asked, StringComparison.Ordinal);
        Assert.Contains($"value=\"merge:{pageReview}:1\"", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Zinnia", asked, StringComparison.Ordinal);
        Assert.Equal(SafetyNet.People.ReviewStatus.Open, await app.WithDbAsync(db => db.IdentityReviews.Where(r => r.Id == pageReview).Select(r => r.Status).SingleAsync()));
        var tooShort = await (await pages.PostAsync("/people/review", Form(asked, "identity-review", new Dictionary<string, string>
        {
            ["Form.Decision"] = $"merge:{pageReview}:1", ["StatedPurpose"] = "why",
        }))).Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", tooShort, StringComparison.Ordinal);
        const string pagePurpose = "Deciding the pair on the review page";
        var done = await (await pages.PostAsync("/people/review", Form(asked, "identity-review", new Dictionary<string, string>
        {
            ["Form.Decision"] = $"merge:{pageReview}:1", ["StatedPurpose"] = pagePurpose,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Merged into identity", done, StringComparison.Ordinal);
        Assert.Equal(SafetyNet.People.ReviewStatus.Merged, await app.WithDbAsync(db => db.IdentityReviews.Where(r => r.Id == pageReview).Select(r => r.Status).SingleAsync()));
        Assert.Contains(await EventsAsync(app, pagePurpose), e => e.Action == "identity.read");

        // The person page: merging a plain entry into her identity asks the purpose first, carrying the merge.
        var (plain, plainIdentity) = await BurglaryVictimAsync(supervisor, "Ambrose", last, hiddenIdentity);
        var personPage = await pages.GetStringAsync($"/people/{plain}");
        Assert.Contains("value=\"person-merge\"", personPage, StringComparison.Ordinal);
        var target = hidden + ":" + (await IdentityVersionAsync(app, (await IdentityOfAsync(app, hidden))!.Value)).ToString(CultureInfo.InvariantCulture);
        var mergeFields = new Dictionary<string, string> { ["Form.Target"] = target, ["Form.Version"] = Id(await IdentityVersionAsync(app, plainIdentity)) };
        var askedToMerge = await (await pages.PostAsync($"/people/{plain}", Form(personPage, "person-merge", mergeFields))).Content.ReadAsStringAsync();
        Assert.Contains("This record is sensitive", askedToMerge, StringComparison.Ordinal);
        Assert.Contains("name=\"StatedPurpose\"", askedToMerge, StringComparison.Ordinal);
        Assert.DoesNotContain("Zinnia", askedToMerge, StringComparison.Ordinal);
        Assert.Equal(plainIdentity, await IdentityOfAsync(app, plain));
        const string personPurpose = "Joining his entry to the household";
        var mergedOnPage = await (await pages.PostAsync($"/people/{plain}", Form(askedToMerge, "person-merge", new Dictionary<string, string>(mergeFields) { ["StatedPurpose"] = personPurpose })))
            .Content.ReadAsStringAsync();
        Assert.Contains("Merged: this entry is now part of", mergedOnPage, StringComparison.Ordinal);
        Assert.NotEqual(plainIdentity, await IdentityOfAsync(app, plain));
        Assert.Contains(await EventsAsync(app, personPurpose), e => e.Action == "identity.read");
    }

    [Theory, Providers]
    public async Task The_attendance_queue_and_the_incident_list_give_a_sensitive_incident_without_its_location_and_audit_each_list(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var street = $"Lane{Guid.NewGuid():N}"[..14];
        var abuseReport = VictimCases.Report("DOMESTIC-ABUSE", "Husband threatened her with a knife", Reports.Victim("Philippa", "Quennell", "1983-01-09"));
        abuseReport["location"] = new { text = $"7 {street}, Hitchin", district = "North Hertfordshire" };
        var burglaryReport = Reports.Burglary(people: Reports.Victim("Barnaby", "Quennell", "1950-02-02"));
        burglaryReport["location"] = new { text = $"9 {street}, Hitchin", district = "North Hertfordshire" };
        var abuse = (await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", abuseReport))).GetProperty("id").GetInt64();
        var burglary = (await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", burglaryReport))).GetProperty("id").GetInt64();
        // Both long overdue for attendance, so they head the queue.
        await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == abuse || i.Id == burglary)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.AttendanceDueAt, SafetyNetApp.Start.AddYears(-5)).SetProperty(x => x.ArrivedAt, (DateTimeOffset?)null)));

        foreach (var (path, action) in new[] { ("/api/v1/queues/attendance?pageSize=500", "incident.attendance-queue"), ($"/api/v1/incidents?q={street}", "incident.search") })
        {
            var before = await LastEventIdAsync(app);
            var list = await supervisor.GetFromJsonAsync<JsonElement>(path);
            Assert.DoesNotContain($"7 {street}", list.GetRawText(), StringComparison.Ordinal);
            var rows = list.GetProperty("items").EnumerateArray()
                .ToDictionary(r => (r.TryGetProperty("incidentId", out var incidentId) ? incidentId : r.GetProperty("id")).GetInt64());
            Assert.Equal(JsonValueKind.Null, rows[abuse].GetProperty("locationText").ValueKind);
            Assert.True(rows[abuse].GetProperty("sensitive").GetBoolean());
            Assert.Equal("DOMESTIC-ABUSE", rows[abuse].GetProperty("typeCode").GetString());
            Assert.Equal($"9 {street}, Hitchin", rows[burglary].GetProperty("locationText").GetString());
            Assert.False(rows[burglary].GetProperty("sensitive").GetBoolean());
            var read = await OneEventSinceAsync(app, before, action);
            Assert.Contains(Id(abuse), Named(read.Details));
            Assert.Contains(Id(burglary), Named(read.Details));
        }

        // The page shows "Sensitive" where the place would be.
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor))).GetStringAsync("/queues/attendance");
        Assert.Contains($"9 {street}, Hitchin", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"7 {street}", page, StringComparison.Ordinal);
        Assert.Contains("Sensitive", page, StringComparison.Ordinal);
    }

    private static string Letters(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray());

    [Theory, Providers]
    public async Task The_intakes_possible_matches_and_a_persons_matches_show_a_sensitive_identity_without_its_name_until_a_purpose_and_audit_each_list(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var last = Letters("Thistlewood");
        // She is known from a domestic abuse report; the call handler now types "Peggy", the surname misspelt.
        var abuse = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            VictimCases.Report("DOMESTIC-ABUSE", "Partner followed her home and smashed the window", Reports.Victim("Margaret", last, "1958-06-14"))));
        var identity = abuse.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        var reference = abuse.GetProperty("reference").GetString()!;
        var misspelt = last.Remove(9, 1);
        void NoPersonalDetails(string text, string where)
        {
            Assert.False(text.Contains("Margaret", StringComparison.Ordinal), where);
            Assert.False(text.Contains("14 June 1958", StringComparison.Ordinal) || text.Contains("14/06/1958", StringComparison.Ordinal), where);
        }

        // Through the API: the suggestion tells the call handler the force knows her, from which incident, and nothing personal.
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var probe = new { firstName = "Peggy", lastName = misspelt, dateOfBirth = "1958-06-14" };
        var before = await LastEventIdAsync(app);
        var listed = await SendAsync(handler, HttpMethod.Post, "/api/v1/people/suggestions", probe, null).ExpectAsync(HttpStatusCode.OK);
        NoPersonalDetails(listed.GetRawText(), "intake suggestions");
        var row = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("identityId").GetInt64() == identity);
        Assert.True(row.GetProperty("sensitive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("dateOfBirth").ValueKind);
        var incident = Assert.Single(row.GetProperty("incidents").EnumerateArray());
        Assert.Equal(reference, incident.GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("enteredAs").ValueKind);
        var suggested = await OneEventSinceAsync(app, before, "identity.matches");
        Assert.Contains(Id(identity), Named(suggested.Details));
        Assert.Null(suggested.Purpose);
        const string purpose = "Checking the caller is the earlier victim";
        var opened = Assert.Single((await SendAsync(handler, HttpMethod.Post, "/api/v1/people/suggestions", probe, purpose).ExpectAsync(HttpStatusCode.OK)).EnumerateArray(),
            s => s.GetProperty("identityId").GetInt64() == identity);
        Assert.Equal($"Margaret {last}", opened.GetProperty("name").GetString());
        Assert.Equal("1958-06-14", opened.GetProperty("dateOfBirth").GetString());
        Assert.Contains(await EventsAsync(app, purpose), e => e.Action == "identity.matches" && Named(e.Details).Contains(Id(identity)));

        // A reviewer's matches for another entry (born a day later, judged a different person) list her the same way, through the
        // API and on the person page.
        var other = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary(people: Victim("Peggy", misspelt, "1958-06-15", identity))));
        var otherPerson = other.GetProperty("people")[0].GetProperty("id").GetInt64();
        before = await LastEventIdAsync(app);
        var matches = await GetAsync(supervisor, $"/api/v1/people/{otherPerson}/matches", null).ExpectAsync(HttpStatusCode.OK);
        NoPersonalDetails(matches.GetRawText(), "matches");
        var match = Assert.Single(matches.GetProperty("items").EnumerateArray(), s => s.GetProperty("identityId").GetInt64() == identity);
        Assert.True(match.GetProperty("sensitive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, match.GetProperty("name").ValueKind);
        Assert.Contains(Id(identity), Named((await OneEventSinceAsync(app, before, "identity.matches")).Details));
        const string reviewPurpose = "Deciding whether to merge the two entries";
        var matchOpened = Assert.Single((await GetAsync(supervisor, $"/api/v1/people/{otherPerson}/matches", reviewPurpose).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray(), s => s.GetProperty("identityId").GetInt64() == identity);
        Assert.Equal($"Margaret {last}", matchOpened.GetProperty("name").GetString());
        Assert.Contains(await EventsAsync(app, reviewPurpose), e => e.Action == "identity.matches" && Named(e.Details).Contains(Id(identity)));
        var personPage = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor))).GetStringAsync($"/people/{otherPerson}");
        NoPersonalDetails(personPage, "person page's possible matches");
        Assert.Contains("Sensitive", personPage, StringComparison.Ordinal);
        Assert.Contains(reference, personPage, StringComparison.Ordinal);

        // The intake page: "Sensitive" and her incident, no name, and she cannot be confirmed unseen.
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CallHandler));
        var start = await pages.GetStringAsync("/incidents/new");
        var entered = new Dictionary<string, string>
        {
            ["Form.Step"] = "2", ["Form.Token"] = Guid.NewGuid().ToString("N"), ["Form.TypeCode"] = "ASB-PERSONAL", ["Form.LocationText"] = "22 Windmill Avenue, Watford",
            ["Form.People[0].Role"] = "Victim", ["Form.People[0].FirstName"] = "Peggy", ["Form.People[0].LastName"] = misspelt,
            ["Form.People[0].DobDay"] = "14", ["Form.People[0].DobMonth"] = "6", ["Form.People[0].DobYear"] = "1958",
        };
        before = await LastEventIdAsync(app);
        var checkedPage = await (await pages.PostAsync("/incidents/new", Form(start, "intake", new Dictionary<string, string>(entered) { ["Form.Action"] = "check-people" })))
            .Content.ReadAsStringAsync();
        NoPersonalDetails(checkedPage, "intake page");
        Assert.Contains("A person known from a sensitive record", checkedPage, StringComparison.Ordinal);
        Assert.Contains(reference, checkedPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"type=\"radio\" value=\"{identity}\"", checkedPage, StringComparison.Ordinal);
        Assert.Contains(Id(identity), Named((await OneEventSinceAsync(app, before, "identity.matches")).Details));

        // "Show who this is" asks the purpose, carrying what was entered; a purpose too short is refused.
        before = await LastEventIdAsync(app);
        var again = HiddenFields(checkedPage);
        foreach (var (name, value) in entered)
        {
            again[name] = value;
        }
        again["Form.Action"] = "open-matches";
        var asked = await (await pages.PostAsync("/incidents/new", Form(checkedPage, "intake", again))).Content.ReadAsStringAsync();
        Assert.Contains("This record is sensitive", asked, StringComparison.Ordinal);
        Assert.Contains("name=\"StatedPurpose\"", asked, StringComparison.Ordinal);
        Assert.Equal(misspelt, HiddenFields(asked)["Form.People[0].LastName"]);
        NoPersonalDetails(asked, "intake purpose form");
        Assert.False(await ReadSinceAsync(app, before, Roles.CallHandler), "nothing is read before the purpose");
        var tooShort = await (await pages.PostAsync("/incidents/new", Form(asked, "intake", new Dictionary<string, string>(HiddenFields(asked)) { ["StatedPurpose"] = "why" })))
            .Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", tooShort, StringComparison.Ordinal);
        NoPersonalDetails(tooShort, "intake purpose form with an error");

        // With a purpose she is shown by name and date of birth, can be confirmed, and the read is audited with it.
        const string pagePurpose = "Checking the caller against the earlier report";
        var shown = await (await pages.PostAsync("/incidents/new", Form(asked, "intake", new Dictionary<string, string>(HiddenFields(asked)) { ["StatedPurpose"] = pagePurpose })))
            .Content.ReadAsStringAsync();
        Assert.Contains($"Margaret {last}", shown, StringComparison.Ordinal);
        Assert.Contains("14 June 1958", shown, StringComparison.Ordinal);
        Assert.Contains($"type=\"radio\" value=\"{identity}\"", shown, StringComparison.Ordinal);
        Assert.Equal(pagePurpose, HiddenFields(shown)["StatedPurpose"]);
        Assert.Contains(await EventsAsync(app, pagePurpose), e => e.Action == "identity.matches" && Named(e.Details).Contains(Id(identity)));
    }

    [Theory, Providers]
    public async Task A_person_entered_on_a_plain_incident_whose_identity_holds_a_sensitive_entry_is_opened_only_for_a_purpose(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var last = Letters("Wetherall");
        var abuse = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents",
            VictimCases.Report("DOMESTIC-ABUSE", "Ex-husband turned up at the school gates again", Reports.Victim("Wilhelmina", last, "1984-08-08"))));
        var identity = abuse.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        var reference = abuse.GetProperty("reference").GetString()!;
        // Months later she reports a burglary; the call handler confirms she is the same person.
        var burglaryReport = Reports.Burglary(people: new
        {
            role = "Victim", firstName = "Billie", lastName = last, sex = "Female", address = "6 Upper Marlborough Road, St Albans", postcode = "AL1 3UT", identityId = identity,
        });
        var burglary = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", burglaryReport));
        var person = burglary.GetProperty("people")[0].GetProperty("id").GetInt64();
        Assert.Equal(identity, burglary.GetProperty("people")[0].GetProperty("identityId").GetInt64());

        // Her burglary entry leads to her identity's name and the domestic abuse report: the API asks the purpose first.
        var path = $"/api/v1/people/{person}";
        var officer = await app.ClientForAsync(Roles.Officer);
        var before = await LastEventIdAsync(app);
        var refused = await GetAsync(officer, path, null).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("X-Purpose", out _));
        Assert.DoesNotContain(reference, refused.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(last, refused.GetRawText(), StringComparison.Ordinal);
        Assert.False(await ReadSinceAsync(app, before, Roles.Officer), "nothing is read before the purpose");
        await GetAsync(await app.ClientForAsync(Roles.PartnerCaseworker), path, "Checking her details").ExpectAsync(HttpStatusCode.NotFound);
        const string purpose = "Arranging the crime prevention visit";
        var read = await GetAsync(officer, path, purpose).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(read.GetProperty("otherIncidents").EnumerateArray(), i => i.GetProperty("reference").GetString() == reference);
        Assert.Contains(await EventsAsync(app, purpose), e => e.Action == "person.read" && e.RecordId == Id(person) && e.Actor == SafetyNetApp.DemoEmail(Roles.Officer));

        // The person page likewise: only the purpose form, then the person with her other incidents, the read audited first.
        var pages = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));
        var form = await pages.GetStringAsync($"/people/{person}");
        Assert.Contains("name=\"Purpose\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain(last, form, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, form, StringComparison.Ordinal);
        const string pagePurpose = "Checking her contact details before the visit";
        var opened = await (await pages.PostAsync($"/people/{person}", Form(form, "purpose", new Dictionary<string, string> { ["Purpose"] = pagePurpose })))
            .Content.ReadAsStringAsync();
        Assert.Contains($"Billie {last}", opened, StringComparison.Ordinal);
        Assert.Contains(reference, opened, StringComparison.Ordinal);
        Assert.Contains(await EventsAsync(app, pagePurpose), e => e.Action == "person.read" && e.RecordId == Id(person));
    }

    [Theory, Providers]
    public async Task The_desk_queue_gives_a_sensitive_incident_without_its_location_and_audits_the_incidents_listed(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var street = $"Row{Guid.NewGuid():N}"[..14];
        var abuseReport = Reports.DomesticAbuse(15);
        abuseReport["location"] = new { text = $"4 {street}, St Albans", district = "St Albans" };
        var abuse = (await AsbTesting.RecordAsync(handler, abuseReport)).Id();
        var asb = (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(place: $"6 {street}, St Albans", district: "St Albans"))).Id();
        // Both long overdue for review, so they head the queue.
        Assert.Equal(2, await app.WithDbAsync(db => db.DeskReviews.Where(r => r.IncidentId == abuse || r.IncidentId == asb)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.DueAt, SafetyNetApp.Start.AddYears(-5)))));

        var before = await LastEventIdAsync(app);
        var queue = await (await app.ClientForAsync(Roles.CommunityFocusDesk)).GetFromJsonAsync<JsonElement>("/api/v1/asb/desk?pageSize=500");
        Assert.DoesNotContain($"4 {street}", queue.GetRawText(), StringComparison.Ordinal);
        var rows = queue.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("incidentId").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows[abuse].GetProperty("locationText").ValueKind);
        Assert.True(rows[abuse].GetProperty("sensitive").GetBoolean());
        Assert.Equal("DOMESTIC-ABUSE", rows[abuse].GetProperty("typeCode").GetString());
        Assert.Equal($"6 {street}, St Albans", rows[asb].GetProperty("locationText").GetString());
        Assert.False(rows[asb].GetProperty("sensitive").GetBoolean());
        var read = await OneEventSinceAsync(app, before, "desk.queue");
        Assert.Contains(Id(abuse), Named(read.Details));
        Assert.Contains(Id(asb), Named(read.Details));

        // The page shows "Sensitive" where the place would be.
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk))).GetStringAsync("/asb/desk");
        Assert.Contains($"6 {street}, St Albans", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"4 {street}", page, StringComparison.Ordinal);
        Assert.Contains("Sensitive", page, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_desk_review_lists_the_victims_sensitive_incident_without_its_place_and_a_case_opened_from_one_is_not_titled_with_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var street = $"Close{Guid.NewGuid():N}"[..14];
        var surname = $"W{Guid.NewGuid():N}"[..12];
        // She reported domestic abuse at home; weeks later she reports anti-social behaviour elsewhere, recognised at intake.
        var abuseReport = Reports.DomesticAbuse(15);
        abuseReport["people"] = new object[] { Reports.Victim("Nadia", surname, "1984-09-09") };
        abuseReport["location"] = new { text = $"2 {street}, Hitchin", district = "North Hertfordshire" };
        var abuse = await AsbTesting.RecordAsync(handler, abuseReport);
        var identity = abuse.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        var asbReport = AsbTesting.AsbReport(place: "Market Place, Hitchin", district: "North Hertfordshire");
        asbReport["people"] = new object[]
        {
            new { role = "Victim", firstName = "Nadia", lastName = surname, dateOfBirth = "1984-09-09", sex = "Female", phone = "01462 960 555", identityId = identity },
        };
        var asb = (await AsbTesting.RecordAsync(handler, asbReport)).Id();

        // The review of the plain report lists her earlier incident by reference and type, without its place.
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{asb}");
        Assert.DoesNotContain($"2 {street}", review.GetRawText(), StringComparison.Ordinal);
        var earlier = Assert.Single(review.GetProperty("victimHistory").EnumerateArray(), h => h.GetProperty("incidentId").GetInt64() == abuse.Id());
        Assert.True(earlier.GetProperty("sensitive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, earlier.GetProperty("locationText").ValueKind);
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk))).GetStringAsync($"/asb/desk/{asb}");
        Assert.Contains(abuse.GetProperty("reference").GetString()!, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"2 {street}", page, StringComparison.Ordinal);

        // A case opened at the desk from the abuse report (for a stated purpose) is not titled with her address, which partners would see.
        var stated = await app.ClientForAsync(Roles.CommunityFocusDesk);
        stated.DefaultRequestHeaders.Add("X-Purpose", "Desk review of a repeat victim");
        var opened = await AsbTesting.OpenCaseFromDeskAsync(stated, abuse.Id());
        Assert.DoesNotContain(street, opened.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Contains(abuse.GetProperty("reference").GetString()!, opened.GetProperty("title").GetString()!, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task A_case_lists_its_sensitive_incidents_and_suggestions_without_their_location_and_its_reads_name_them(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var street = $"Mews{Guid.NewGuid():N}"[..14];
        var surname = $"Y{Guid.NewGuid():N}"[..12];
        var asbReport = AsbTesting.AsbReport(last: surname, place: $"1 {street}, Watford");
        asbReport["people"] = new object[] { Reports.Victim("Janet", surname, "1975-02-20") };
        var asb = (await AsbTesting.RecordAsync(handler, asbReport)).Id();
        var caseId = (await AsbTesting.OpenCaseFromDeskAsync(desk, asb)).Id();
        // One domestic abuse incident linked to the case, another naming a person added to it, each at the victim's home.
        var linkedReport = Reports.DomesticAbuse(15);
        linkedReport["people"] = new object[] { Reports.Victim("Sarah", surname, "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = surname } };
        linkedReport["location"] = new { text = $"3 {street}, Watford", district = "Watford" };
        var linked = await AsbTesting.RecordAsync(handler, linkedReport);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{caseId}/incidents", new { incidentId = linked.Id() }).ExpectAsync(HttpStatusCode.OK);
        var suggestedReport = Reports.DomesticAbuse(15);
        suggestedReport["people"] = new object[] { Reports.Victim("Hannah", surname, "1992-05-05"), new { role = "Suspect", firstName = "Lee", lastName = surname } };
        suggestedReport["location"] = new { text = $"5 {street}, Watford", district = "Watford" };
        var suggested = (await AsbTesting.RecordAsync(handler, suggestedReport)).Id();
        var hannah = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == suggested && p.Role == People.PersonRole.Victim).Select(p => p.IdentityId!.Value).SingleAsync());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{caseId}/parties", new { identityId = hannah, role = "Victim" }).ExpectAsync(HttpStatusCode.OK);

        // The case: the sensitive incident listed without its place, and the read naming the incidents it listed.
        var before = await LastEventIdAsync(app);
        var asbCase = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}");
        Assert.DoesNotContain($"3 {street}", asbCase.GetRawText(), StringComparison.Ordinal);
        var incidents = asbCase.GetProperty("incidents").EnumerateArray().ToDictionary(i => i.GetProperty("incidentId").GetInt64());
        Assert.Equal(JsonValueKind.Null, incidents[linked.Id()].GetProperty("locationText").ValueKind);
        Assert.True(incidents[linked.Id()].GetProperty("sensitive").GetBoolean());
        Assert.Equal(linked.GetProperty("reference").GetString(), incidents[linked.Id()].GetProperty("reference").GetString());
        Assert.Equal($"1 {street}, Watford", incidents[asb].GetProperty("locationText").GetString());
        Assert.False(incidents[asb].GetProperty("sensitive").GetBoolean());
        var read = await OneEventSinceAsync(app, before, "case.read");
        Assert.Equal(Id(caseId), read.RecordId);
        Assert.Contains(Id(linked.Id()), IncidentsNamed(read.Details));
        Assert.Contains(Id(asb), IncidentsNamed(read.Details));

        // Its chronology gives the sensitive incident without its place too.
        before = await LastEventIdAsync(app);
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}/chronology");
        Assert.DoesNotContain($"3 {street}", chronology.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("kind").GetString() == "incident"
            && e.GetProperty("text").GetString()!.Contains(linked.GetProperty("reference").GetString()!, StringComparison.Ordinal));
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains($"1 {street}, Watford", StringComparison.Ordinal));
        Assert.Contains(Id(linked.Id()), IncidentsNamed((await OneEventSinceAsync(app, before, "case.chronology")).Details));

        // The incidents that may belong to it: the one naming Hannah, without its place.
        before = await LastEventIdAsync(app);
        var suggestions = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}/suggestions");
        Assert.DoesNotContain($"5 {street}", suggestions.GetRawText(), StringComparison.Ordinal);
        var offered = suggestions.EnumerateArray().Single(s => s.GetProperty("incidentId").GetInt64() == suggested);
        Assert.Equal(JsonValueKind.Null, offered.GetProperty("locationText").ValueKind);
        Assert.True(offered.GetProperty("sensitive").GetBoolean());
        Assert.Contains(Id(suggested), IncidentsNamed((await OneEventSinceAsync(app, before, "case.suggestions")).Details));

        // The page shows "Sensitive" where the places would be.
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk))).GetStringAsync($"/asb/cases/{caseId}");
        Assert.Contains($"1 {street}, Watford", page, StringComparison.Ordinal);
        Assert.Contains(linked.GetProperty("reference").GetString()!, page, StringComparison.Ordinal);
        Assert.DoesNotContain($"3 {street}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"5 {street}", page, StringComparison.Ordinal);
        Assert.Contains("Sensitive", page, StringComparison.Ordinal);
    }
}
