using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.Messaging;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using SafetyNet.Victims;

namespace SafetyNet.Tests;

/// <summary>Records crimes through the API the way the force does, and finds the victim contract each opens.</summary>
public static class VictimCases
{
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(string OfficerId, int TeamId)> OfficerAsync(SafetyNetApp app) =>
        await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.Officer)).Select(u => u.Id).FirstAsync(),
            await db.Teams.Where(t => t.Code == "RESPONSE").Select(t => t.Id).FirstAsync()));

    /// <summary>Records an incident and the crime for its victim; answers the incident, crime record and contract ids.</summary>
    public static async Task<(long IncidentId, long CrimeRecordId, JsonElement Contract)> RecordCrimeAsync(
        SafetyNetApp app, HttpClient supervisor, Dictionary<string, object?> report, string subgroup)
    {
        var (officer, team) = await OfficerAsync(app);
        report["officerInCaseId"] = officer;
        report["owningTeamId"] = team;
        var incident = await JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", report));
        var id = incident.GetProperty("id").GetInt64();
        var record = incident.GetProperty("crimeRecords")[0];
        var recordId = record.GetProperty("id").GetInt64();
        await JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = recordId, decision = "crime", offenceSubgroup = subgroup, version = record.GetProperty("version").GetInt32() }));
        // A contract on a sensitive crime is read only for a stated purpose.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/victims/contracts?crimeRecordId={recordId}");
        request.Headers.Add("X-Purpose", "Checking the contract the crime opened");
        var contracts = await JsonAsync(await supervisor.SendAsync(request));
        return (id, recordId, contracts.GetProperty("items").EnumerateArray().Single());
    }

    public static Dictionary<string, object?> Report(string type, string narrative, params object[] people) => new()
    {
        ["channel"] = "NonEmergency101",
        ["typeCode"] = type,
        ["narrative"] = narrative,
        ["location"] = new { text = "3 Market Place, Hitchin", district = "North Hertfordshire" },
        ["people"] = people,
        ["grade"] = "PRIORITY",
        ["thrive"] = Reports.Thrive(),
        ["assessments"] = type switch
        {
            "DOMESTIC-ABUSE" => new[] { new { instrument = "DASH", answers = Reports.Dash(3) } },
            _ when type.StartsWith("ASB-", StringComparison.Ordinal) => new[] { new { instrument = "ASB", answers = Reports.Asb() } },
            _ => null,
        },
    };
}

public sealed class VictimsTests
{
    private static readonly DateTimeOffset Monday = SafetyNetApp.Start; // Monday 23 November 2026, 10:00 in London

    [Fact]
    public void Working_days_skip_weekends_and_bank_holidays_in_England_and_Wales()
    {
        var calendar = WorkingDays.EnglandAndWales;
        // Thursday 24 December 2026, one working day: Christmas (Fri), the weekend and the Boxing Day substitute (Mon 28) do not count.
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 0, 0, 0, TimeSpan.Zero), calendar.DueAfter(new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero), 1));
        // Good Friday 2026, five working days: Easter Monday is skipped; due at midnight ending Monday 13 April, in British Summer Time.
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 0, 0, 0, TimeSpan.FromHours(1)), calendar.DueAfter(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.FromHours(1)), 5));
        Assert.True(calendar.IsBankHoliday(new DateOnly(2027, 12, 28)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 11, 28)));
        // A reminder that would fall on a Sunday comes on the Friday before.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), calendar.RemindBefore(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), 24));
    }

    [Fact]
    public void Beyond_the_published_calendar_the_standing_pattern_of_bank_holidays_still_counts()
    {
        var calendar = WorkingDays.EnglandAndWales;
        // The pattern reproduces every published year, substitute days included.
        for (var year = 2024; year <= 2028; year++)
        {
            var published = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).Where(calendar.IsBankHoliday);
            Assert.Equal(published, WorkingDays.StandingPattern(year).Order());
        }
        Assert.Equal(new DateOnly(2029, 4, 1), WorkingDays.EasterSunday(2029));
        Assert.Equal(new DateOnly(2038, 4, 25), WorkingDays.EasterSunday(2038));
        // 2029 is past the published data: Good Friday 30 March and Easter Monday 2 April are still skipped.
        Assert.True(calendar.IsBankHoliday(new DateOnly(2029, 3, 30)));
        Assert.Equal(new DateTimeOffset(2029, 4, 4, 0, 0, 0, TimeSpan.FromHours(1)), calendar.DueAfter(new DateTimeOffset(2029, 3, 29, 10, 0, 0, TimeSpan.FromHours(1)), 1));
        // Christmas 2032 falls on a Saturday: Monday 27 and Tuesday 28 are the substitutes.
        Assert.True(calendar.IsBankHoliday(new DateOnly(2032, 12, 27)) && calendar.IsBankHoliday(new DateOnly(2032, 12, 28)));
        Assert.False(calendar.IsBankHoliday(new DateOnly(2032, 12, 29)));
    }

    [Theory, Providers]
    public async Task A_recorded_crime_opens_a_contract_whose_clocks_remind_the_officer_escalate_when_missed_and_count_towards_compliance(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (_, crimeId, contract) = await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(), "Residential burglary");

        Assert.False(contract.GetProperty("enhanced").GetBoolean());
        Assert.Equal("Phone", contract.GetProperty("preferredChannel").GetString());
        var dues = contract.GetProperty("dues").EnumerateArray().ToList();
        Assert.Equal(["CrimeRecorded", "RoutineUpdate"], dues.Select(d => d.GetProperty("event").GetString()!).Order().ToArray());
        // Five working days from Monday 23 November: due at midnight ending Monday 30 November.
        Assert.All(dues, d => Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), d.GetProperty("dueAt").GetDateTimeOffset()));

        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>("/api/v1/victims/due")).EnumerateArray());

        // A day before the due point the officer sees it and is e-mailed once.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        officer = await app.ClientForAsync(Roles.Officer);
        var due = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/victims/due")).EnumerateArray().ToList();
        Assert.Equal(2, due.Count);
        Assert.All(due, d => Assert.Equal("Margaret Okafor", d.GetProperty("victimName").GetString()));
        var code = (Func<Task<(int, int)>>)(() => app.WithServiceAsync<VictimsCode, (int, int)>(c => c.SweepAsync(CancellationToken.None)));
        Assert.Equal((2, 0), await code());
        Assert.Equal((0, 0), await code());
        var reminders = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Purpose == "victim-update-reminder").ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, m => Assert.Equal(SafetyNetApp.DemoEmail(Roles.Officer), m.Recipient));
        Assert.DoesNotContain("Okafor", reminders[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("jewellery", reminders[0].Body, StringComparison.Ordinal);

        // Past the due point the crime service team's queue has both, and they count as missed.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal((0, 2), await code());
        var team = await app.ClientForAsync(Roles.CrimeServiceTeam);
        Assert.Equal(2, (await team.GetFromJsonAsync<JsonElement>("/api/v1/victims/escalations")).GetArrayLength());
        var compliance = (await team.GetFromJsonAsync<JsonElement>("/api/v1/victims/compliance")).EnumerateArray().Single();
        Assert.Equal(("Response", 0, 0, 2), (compliance.GetProperty("team").GetString(), compliance.GetProperty("onTime").GetInt32(),
            compliance.GetProperty("late").GetInt32(), compliance.GetProperty("missed").GetInt32()));

        // The officer e-mails the update, which is also the written information: both are met, late, and the next routine update is 28 days on.
        var contractId = contract.GetProperty("id").GetInt64();
        officer = await app.ClientForAsync(Roles.Officer);
        var logged = await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId, channel = "Email", summary = "Told Mrs Okafor the CCTV is being reviewed" });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(crimeId, (await VictimCases.JsonAsync(logged)).GetProperty("crimeRecordId").GetInt64());
        Assert.Equal(0, (await team.GetFromJsonAsync<JsonElement>("/api/v1/victims/escalations")).GetArrayLength());
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{contractId}");
        var states = after.GetProperty("dues").EnumerateArray().Select(d => d.GetProperty("state").GetString()!).ToList();
        Assert.Equal(["Late", "Late", "Open"], states.Order().ToArray());
        var next = after.GetProperty("dues").EnumerateArray().Single(d => d.GetProperty("state").GetString() == "Open");
        Assert.Equal(app.Time.GetUtcNow().AddDays(28), next.GetProperty("dueAt").GetDateTimeOffset());
        compliance = (await team.GetFromJsonAsync<JsonElement>("/api/v1/victims/compliance")).EnumerateArray().Single();
        Assert.Equal((0, 2, 0), (compliance.GetProperty("onTime").GetInt32(), compliance.GetProperty("late").GetInt32(), compliance.GetProperty("missed").GetInt32()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "victim-contact.log")));
    }

    [Fact]
    public void Only_a_contact_made_with_the_victim_meets_a_due_point_and_the_written_information_only_in_writing_or_when_declined()
    {
        Assert.True(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.Phone, VictimCodeEvent.RoutineUpdate));
        Assert.True(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.InPerson, VictimCodeEvent.SuspectCharged));
        Assert.False(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.Phone, VictimCodeEvent.CrimeRecorded));
        Assert.False(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.Sms, VictimCodeEvent.CrimeRecorded));
        Assert.True(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.Letter, VictimCodeEvent.CrimeRecorded));
        Assert.True(VictimsCode.Meets(ContactOutcome.Made, ContactChannel.Email, VictimCodeEvent.CrimeRecorded));
        foreach (var attempt in new[] { ContactOutcome.NoAnswer, ContactOutcome.MessageLeft })
        {
            Assert.False(VictimsCode.Meets(attempt, ContactChannel.Phone, VictimCodeEvent.RoutineUpdate));
            Assert.False(VictimsCode.Meets(attempt, ContactChannel.Letter, VictimCodeEvent.CrimeRecorded));
        }
        // Declining the written information ends what is owed of it; declining to hear of a charge or an update does not.
        Assert.True(VictimsCode.Meets(ContactOutcome.Declined, ContactChannel.Phone, VictimCodeEvent.CrimeRecorded));
        Assert.False(VictimsCode.Meets(ContactOutcome.Declined, ContactChannel.Phone, VictimCodeEvent.RoutineUpdate));
        Assert.False(VictimsCode.Meets(ContactOutcome.Declined, ContactChannel.Email, VictimCodeEvent.SuspectCharged));
    }

    [Theory, Providers]
    public async Task An_unanswered_call_or_a_message_left_is_logged_but_meets_nothing_and_compliance_counts_only_contacts_that_meet_their_point(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (_, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(), "Residential burglary");
        var contractId = contract.GetProperty("id").GetInt64();
        var officer = await app.ClientForAsync(Roles.Officer);
        async Task<string[]> StatesAsync() => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{contractId}")).GetProperty("dues").EnumerateArray()
            .Select(d => $"{d.GetProperty("event").GetString()} {d.GetProperty("state").GetString()}").Order().ToArray();
        async Task LogAsync(string channel, string outcome, string summary) =>
            await VictimCases.JsonAsync(await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId, channel, outcome, summary }));

        await LogAsync("Phone", "NoAnswer", "Rang Mrs Okafor, no answer");
        await LogAsync("Phone", "MessageLeft", "Left a voicemail asking her to call back");
        Assert.Equal(["CrimeRecorded Open", "RoutineUpdate Open"], await StatesAsync());
        // She answers: the update is given, but written information is not given by telephone.
        await LogAsync("Phone", "Made", "Told Mrs Okafor the CCTV is being reviewed");
        Assert.Equal(["CrimeRecorded Open", "RoutineUpdate OnTime", "RoutineUpdate Open"], await StatesAsync());
        await LogAsync("Email", "Made", "E-mailed the leaflet on what to expect, and the CCTV news");
        Assert.Equal(["CrimeRecorded OnTime", "RoutineUpdate OnTime", "RoutineUpdate OnTime", "RoutineUpdate Open"], await StatesAsync());

        var contacts = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contacts?contractId={contractId}")).EnumerateArray()
            .Select(c => c.GetProperty("outcome").GetString()!).Order().ToArray();
        Assert.Equal(["Made", "Made", "MessageLeft", "NoAnswer"], contacts);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "victim-contact.log" && e.Details!.Contains("met=0"))));
        var team = await app.ClientForAsync(Roles.CrimeServiceTeam);
        var compliance = (await team.GetFromJsonAsync<JsonElement>("/api/v1/victims/compliance?from=2026-11-01T00:00:00Z&to=2027-01-01T00:00:00Z")).EnumerateArray().Single();
        Assert.Equal((3, 0, 0, 1), (compliance.GetProperty("onTime").GetInt32(), compliance.GetProperty("late").GetInt32(),
            compliance.GetProperty("missed").GetInt32(), compliance.GetProperty("open").GetInt32()));

        var bad = await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId, channel = "Phone", outcome = "Maybe", summary = "Not sure" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(4, await app.WithDbAsync(db => db.VictimContacts.CountAsync(c => c.ContractId == contractId)));

        // The daily pack a week on: a charge she was rung about but never reached is due and not met.
        await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{contractId}/events", new { @event = "SuspectCharged" }));
        await LogAsync("Phone", "NoAnswer", "Rang about the charge, no answer");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        await VictimCases.RecordCrimeAsync(app, supervisor, Reports.Burglary(), "Residential burglary");
        var unassigned = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary()));
        var record = unassigned.GetProperty("crimeRecords")[0];
        await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{unassigned.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32() }));
        var pack = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/insight/pack?fresh=true");
        var figures = pack.GetProperty("compliance").EnumerateArray().ToDictionary(f => f.GetProperty("measure").GetString()!);
        var contacts7 = figures["Victims' Code contacts on time"];
        Assert.Equal((2, 3), (contacts7.GetProperty("met").GetInt32(), contacts7.GetProperty("due").GetInt32()));
        Assert.Contains("1 still not made", contacts7.GetProperty("basis").GetString(), StringComparison.Ordinal);
        var crimes = figures["Recorded crimes with an officer in the case"];
        Assert.Equal((1, 2), (crimes.GetProperty("met").GetInt32(), crimes.GetProperty("due").GetInt32()));
        Assert.DoesNotContain("not yet recorded", pack.ToString(), StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Enhanced_entitlement_is_set_for_the_most_serious_crime_and_for_a_repeat_victim_and_shortens_the_clocks(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var victim = Reports.Victim("Priya", "Shah", "1990-05-01");
        var (_, _, first) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("CRIMINAL-DAMAGE", "Car window smashed outside the house", victim), "Criminal damage");
        Assert.False(first.GetProperty("enhanced").GetBoolean());

        app.Time.Advance(TimeSpan.FromDays(3));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        // The call handler recognises her at intake: the second report is confirmed as the same identity.
        var identityId = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.LastName == "Shah").Select(p => p.IdentityId).SingleAsync());
        var again = new
        {
            role = "Victim", firstName = "Priya", lastName = "Shah", dateOfBirth = "1990-05-01", sex = "Female", phone = "01727 960 123",
            address = "14 Holywell Hill, St Albans", postcode = "AL1 1BT", identityId,
        };
        var (_, _, second) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("ASSAULT-SERIOUS", "Punched in the street, broken jaw", again), "Violence with injury");
        Assert.True(second.GetProperty("enhanced").GetBoolean());
        Assert.Equal("Persistently targeted; Most serious crime", second.GetProperty("enhancedReasons").GetString());
        var routine = second.GetProperty("dues").EnumerateArray().Single(d => d.GetProperty("event").GetString() == "RoutineUpdate");
        Assert.Equal(app.Time.GetUtcNow().AddHours(24), routine.GetProperty("dueAt").GetDateTimeOffset());

        // Thursday 26 November: a suspect arrested must be told within one working day (by the end of Friday).
        var id = second.GetProperty("id").GetInt64();
        var arrested = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{id}/events", new { @event = "SuspectArrested" }));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), arrested.GetProperty("dueAt").GetDateTimeOffset());

        // Set by hand: needs a reason.
        var firstId = first.GetProperty("id").GetInt64();
        var noReason = await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{firstId}", new { enhanced = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("enhancedReason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var set = await VictimCases.JsonAsync(await supervisor.PatchAsJsonAsync($"/api/v1/victims/contracts/{firstId}",
            new { enhanced = true, enhancedReason = "Intimidated by the neighbour", version = first.GetProperty("version").GetInt32() }));
        Assert.True(set.GetProperty("enhanced").GetBoolean());
        var stale = await supervisor.PatchAsJsonAsync($"/api/v1/victims/contracts/{firstId}", new { needsAssessment = "x", version = first.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory, Providers]
    public async Task A_contact_is_logged_against_its_own_crime_only_and_the_code_guards_no_further_action_and_out_of_court_outcomes(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var victim = Reports.Victim("Tom", "Reid", "1985-02-02");
        var (_, crimeA, a) = await VictimCases.RecordCrimeAsync(app, supervisor, VictimCases.Report("BICYCLE-THEFT", "Bike taken from the station", victim), "Bicycle theft");
        var (_, crimeB, b) = await VictimCases.RecordCrimeAsync(app, supervisor, VictimCases.Report("THEFT-OTHER", "Wallet taken at the gym", victim), "Other theft offences");
        var officer = await app.ClientForAsync(Roles.Officer);
        var aId = a.GetProperty("id").GetInt64();
        var bId = b.GetProperty("id").GetInt64();

        await VictimCases.JsonAsync(await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId = aId, channel = "Phone", summary = "Update on the bike" }));
        var bAfter = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{bId}");
        Assert.All(bAfter.GetProperty("dues").EnumerateArray(), d => Assert.Equal("Open", d.GetProperty("state").GetString()));
        Assert.Empty(bAfter.GetProperty("contacts").EnumerateArray());
        var aAfter = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{aId}");
        Assert.Equal(crimeA, aAfter.GetProperty("contacts")[0].GetProperty("crimeRecordId").GetInt64());
        Assert.NotEqual(crimeA, crimeB);

        // No further action: the victim must be told of the Right to Review.
        await VictimCases.JsonAsync(await officer.PostAsJsonAsync($"/api/v1/victims/contracts/{bId}/events", new { @event = "NoFurtherAction" }));
        var refused = await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId = bId, channel = "Phone", summary = "Told him the case is closed" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("rightToReviewExplained", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{bId}")).GetProperty("contacts").EnumerateArray());
        await VictimCases.JsonAsync(await officer.PostAsJsonAsync("/api/v1/victims/contacts",
            new { contractId = bId, channel = "Phone", summary = "Told him of the decision and the Right to Review", rightToReviewExplained = true }));

        // An out-of-court outcome needs the victim's view first.
        var early = await officer.PostAsJsonAsync($"/api/v1/victims/contracts/{aId}/events", new { @event = "OutOfCourtOutcome" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await VictimCases.JsonAsync(await officer.PatchReadAsync($"/api/v1/victims/contracts/{aId}", new { outOfCourtView = "Happy with a community resolution if the bike is paid for" }));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/v1/victims/contracts/{aId}/events", new { @event = "OutOfCourtOutcome" })).StatusCode);

        var bad = await officer.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId = aId, channel = "Pigeon", summary = "" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _) && errors.TryGetProperty("summary", out _));

        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/victims/contracts/{aId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/victims/contracts")).StatusCode);
    }
}
