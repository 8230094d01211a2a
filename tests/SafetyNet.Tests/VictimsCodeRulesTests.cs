using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Feedback;
using SafetyNet.Messaging;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using SafetyNet.Victims;

namespace SafetyNet.Tests;

/// <summary>The Victims' Code rules (DOMAIN §6, 8, 10, 11) as the officer, the crime service team and the victim meet them.</summary>
public sealed partial class VictimsCodeRulesTests
{
    /// <summary>The whole app, without the insight pack's background rebuild: each jump of the fake clock would start one, and no rule here reads the pack.</summary>
    private static Task<SafetyNetApp> AppAsync(DatabaseProvider provider) =>
        new SafetyNetApp(provider, settings: new Dictionary<string, string?> { ["Insight:RefreshInBackground"] = "false" }).ReadyAsync();

    private static Dictionary<string, object?> Damage(object victim, bool vulnerable = false)
    {
        var report = VictimCases.Report("CRIMINAL-DAMAGE", "Car window smashed outside the house", victim);
        report["thrive"] = Reports.Thrive(vulnerable);
        return report;
    }

    private static Dictionary<string, object?> Burglary(object victim, bool vulnerable = false) => Reports.Burglary(Reports.Thrive(vulnerable), "PRIORITY", victim);

    private static long Id(JsonElement element) => element.GetProperty("id").GetInt64();

    private static DateTimeOffset DueOf(JsonElement contract, string what) =>
        contract.GetProperty("dues").EnumerateArray().Single(d => d.GetProperty("event").GetString() == what).GetProperty("dueAt").GetDateTimeOffset();

    private static async Task<JsonElement> EventAsync(HttpClient client, long contractId, string what, DateTimeOffset? at = null) =>
        await VictimCases.JsonAsync(await client.PostAsJsonAsync($"/api/v1/victims/contracts/{contractId}/events", new { @event = what, occurredAt = at }));

    private static async Task<List<JsonElement>> ReferralsOfAsync(HttpClient client, long incidentId) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("incidentId").GetInt64() == incidentId).ToList();

    private static (string Kind, string Status)[] KindsAndStatuses(IEnumerable<JsonElement> referrals) =>
        referrals.Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("status").GetString()!)).Order().ToArray();

    /// <summary>As <see cref="VictimCases.RecordCrimeAsync"/>, for a crime owned by another team.</summary>
    private static async Task<JsonElement> RecordCrimeForTeamAsync(SafetyNetApp app, HttpClient supervisor, string teamCode, Dictionary<string, object?> report, string subgroup)
    {
        var (officer, _) = await VictimCases.OfficerAsync(app);
        report["officerInCaseId"] = officer;
        report["owningTeamId"] = await app.WithDbAsync(db => db.Teams.Where(t => t.Code == teamCode).Select(t => t.Id).FirstAsync());
        var incident = await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/incidents", report));
        var recordId = Id(incident.GetProperty("crimeRecords")[0]);
        await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync($"/api/v1/incidents/{Id(incident)}/crime-decisions",
            new { crimeRecordId = recordId, decision = "crime", offenceSubgroup = subgroup, version = incident.GetProperty("crimeRecords")[0].GetProperty("version").GetInt32() }));
        var contracts = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts?crimeRecordId={recordId}");
        return contracts.GetProperty("items").EnumerateArray().Single();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"/s/([A-Za-z0-9_\-]+)")]
    private static partial Regex SurveyLink();

    /// <summary>A page's form as a browser posts it: the antiforgery token the page was rendered with, the form's name, the fields.</summary>
    private static FormUrlEncodedContent Form(string page, string formName, IDictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
        };
        return new FormUrlEncodedContent(all);
    }

    [Theory, Providers]
    public async Task Vulnerable_intimidated_and_child_victims_are_enhanced_automatically_and_their_first_update_is_due_within_24_hours(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);

        var (_, _, vulnerable) = await VictimCases.RecordCrimeAsync(app, supervisor,
            Damage(Reports.Victim("Vera", "Hale", "1960-01-01"), vulnerable: true), "Criminal damage");
        // Harassment is not among the most serious crimes; a high DASH score marks the victim intimidated.
        var harassment = VictimCases.Report("HARASSMENT", "Neighbour sends threatening messages every night", Reports.Victim("Ines", "Hale", "1980-01-01"));
        harassment["assessments"] = new[] { new { instrument = "DASH", personIndex = 0, answers = Reports.Dash(14) } };
        var (_, _, intimidated) = await VictimCases.RecordCrimeAsync(app, supervisor, harassment, "Stalking and harassment");
        // Monday 23 November 2026: one is 18 tomorrow and still a child, the other turned 18 today.
        var (_, _, child) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Cara", "Hale", "2008-11-24")), "Criminal damage");
        var (_, _, adult) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Ada", "Hale", "2008-11-23")), "Criminal damage");
        var medium = VictimCases.Report("HARASSMENT", "Ex-colleague keeps calling", Reports.Victim("Mia", "Hale", "1981-01-01"));
        medium["assessments"] = new[] { new { instrument = "DASH", personIndex = 0, answers = Reports.Dash(10) } };
        var (_, _, notIntimidated) = await VictimCases.RecordCrimeAsync(app, supervisor, medium, "Stalking and harassment");

        Assert.Equal((true, "Vulnerable"), (vulnerable.GetProperty("enhanced").GetBoolean(), vulnerable.GetProperty("enhancedReasons").GetString()));
        Assert.Equal((true, "Intimidated"), (intimidated.GetProperty("enhanced").GetBoolean(), intimidated.GetProperty("enhancedReasons").GetString()));
        Assert.Equal((true, "Vulnerable (under 18)"), (child.GetProperty("enhanced").GetBoolean(), child.GetProperty("enhancedReasons").GetString()));
        foreach (var standard in new[] { adult, notIntimidated })
        {
            Assert.False(standard.GetProperty("enhanced").GetBoolean());
            Assert.Equal(JsonValueKind.Null, standard.GetProperty("enhancedReasons").ValueKind);
        }

        // Enhanced: the first routine update within 24 hours; standard: within 5 working days (midnight ending Monday 30 November).
        foreach (var enhanced in new[] { vulnerable, intimidated, child })
        {
            Assert.Equal(SafetyNetApp.Start.AddHours(24), DueOf(enhanced, "RoutineUpdate"));
        }
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), DueOf(adult, "RoutineUpdate"));
        // The written information on what to expect is 5 working days for everyone.
        Assert.Equal(DueOf(adult, "CrimeRecorded"), DueOf(child, "CrimeRecorded"));
    }

    [Theory, Providers]
    public async Task Enhanced_rights_set_by_hand_need_a_reason_and_shorten_the_next_clock_and_the_victim_personal_statement_is_recorded_with_its_dates(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (_, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Noor", "Baig", "1975-04-04")), "Criminal damage");
        var id = Id(contract);
        var path = $"/api/v1/victims/contracts/{id}";

        // Monday 23 November, standard: an arrest is to be told within 5 working days, by the end of Monday 30 November.
        var arrested = await EventAsync(supervisor, id, "SuspectArrested");
        Assert.Equal((false, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), (arrested.GetProperty("enhanced").GetBoolean(), arrested.GetProperty("dueAt").GetDateTimeOffset()));

        var blank = await supervisor.PatchReadAsync(path, new { enhanced = true, enhancedReason = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("enhancedReason", out _));
        Assert.False((await supervisor.GetFromJsonAsync<JsonElement>(path)).GetProperty("enhanced").GetBoolean());

        var set = await VictimCases.JsonAsync(await supervisor.PatchReadAsync(path, new { enhanced = true, enhancedReason = "Suspect lives next door and has been seen watching her" }));
        Assert.Equal((true, "Suspect lives next door and has been seen watching her"),
            (set.GetProperty("enhanced").GetBoolean(), set.GetProperty("enhancedByHandReason").GetString()));
        // What is already running is owed the enhanced timescale from now: the arrest by the end of Tuesday, the
        // routine update within 24 hours.
        var dues = set.GetProperty("dues").EnumerateArray().Where(d => d.GetProperty("metAt").ValueKind == JsonValueKind.Null)
            .ToDictionary(d => d.GetProperty("event").GetString()!, d => (d.GetProperty("enhanced").GetBoolean(), d.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal((true, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)), dues["SuspectArrested"]);
        Assert.Equal((true, SafetyNetApp.Start.AddHours(24)), dues["RoutineUpdate"]);

        // Now enhanced: the interview the same Monday is to be told within 1 working day, by the end of Tuesday.
        var interviewed = await EventAsync(supervisor, id, "SuspectInterviewed");
        Assert.Equal((true, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)), (interviewed.GetProperty("enhanced").GetBoolean(), interviewed.GetProperty("dueAt").GetDateTimeOffset()));

        // Taking the entitlement away needs a reason too.
        var removed = await supervisor.PatchReadAsync(path, new { enhanced = false });
        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        Assert.True((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("enhancedReason", out _));
        Assert.True((await supervisor.GetFromJsonAsync<JsonElement>(path)).GetProperty("enhanced").GetBoolean());

        // The Victim Personal Statement: whether it was offered, taken or declined, and when.
        var (_, _, taken) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Rhys", "Owen", "1970-02-02")), "Criminal damage");
        var (_, _, declined) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Sian", "Owen", "1972-03-03")), "Criminal damage");
        var takenPath = $"/api/v1/victims/contracts/{Id(taken)}";
        var declinedPath = $"/api/v1/victims/contracts/{Id(declined)}";
        Assert.Equal("NotYetOffered", taken.GetProperty("vps").GetString());

        var offered = await VictimCases.JsonAsync(await supervisor.PatchReadAsync(takenPath, new { vps = "Offered" }));
        Assert.Equal(("Offered", SafetyNetApp.Start), (offered.GetProperty("vps").GetString(), offered.GetProperty("vpsOfferedAt").GetDateTimeOffset()));
        Assert.Equal(JsonValueKind.Null, offered.GetProperty("vpsTakenAt").ValueKind);

        // Two days later he gives it: the offer keeps its own date.
        app.Time.Advance(TimeSpan.FromDays(2));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        var given = await VictimCases.JsonAsync(await supervisor.PatchReadAsync(takenPath, new { vps = "Taken" }));
        Assert.Equal(("Taken", SafetyNetApp.Start, SafetyNetApp.Start.AddDays(2)),
            (given.GetProperty("vps").GetString(), given.GetProperty("vpsOfferedAt").GetDateTimeOffset(), given.GetProperty("vpsTakenAt").GetDateTimeOffset()));
        Assert.Equal(JsonValueKind.Null, given.GetProperty("vpsDeclinedAt").ValueKind);

        // Declining at the first asking records that it was offered then.
        var no = await VictimCases.JsonAsync(await supervisor.PatchReadAsync(declinedPath, new { vps = "Declined" }));
        Assert.Equal(("Declined", SafetyNetApp.Start.AddDays(2), SafetyNetApp.Start.AddDays(2)),
            (no.GetProperty("vps").GetString(), no.GetProperty("vpsOfferedAt").GetDateTimeOffset(), no.GetProperty("vpsDeclinedAt").GetDateTimeOffset()));
        Assert.Equal(JsonValueKind.Null, no.GetProperty("vpsTakenAt").ValueKind);

        var unknown = await supervisor.PatchReadAsync(declinedPath, new { vps = "Maybe later" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("vps", out _));
        Assert.Equal("Declined", (await supervisor.GetFromJsonAsync<JsonElement>(declinedPath)).GetProperty("vps").GetString());
    }

    [Theory, Providers]
    public async Task Each_investigation_event_is_due_in_working_days_that_skip_weekends_and_the_Christmas_and_New_Year_bank_holidays(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (_, _, standard) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Paul", "Grant", "1966-06-06")), "Criminal damage");
        var (_, _, enhanced) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Lily", "Grant", "2012-06-06")), "Criminal damage");
        Assert.True(enhanced.GetProperty("enhanced").GetBoolean());

        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        static DateTimeOffset At(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
        // Greenwich Mean Time throughout, so London and UTC agree. Due = midnight ending the last working day.
        var cases = new (string Event, DateTimeOffset OccurredAt, DateTimeOffset Standard, DateTimeOffset Enhanced)[]
        {
            // Friday afternoon: the weekend does not count.
            ("SuspectArrested", At(2026, 11, 27, 16), At(2026, 12, 5), At(2026, 12, 1)),
            ("SuspectInterviewed", At(2026, 12, 2, 9), At(2026, 12, 10), At(2026, 12, 4)),
            // Monday 21 December: Christmas Day and the Boxing Day substitute (Monday 28) are skipped.
            ("SuspectReleased", At(2026, 12, 21, 14), At(2026, 12, 31), At(2026, 12, 23)),
            // Christmas Eve: the next working day is Tuesday 29; New Year's Day is skipped as well.
            ("SuspectBailed", At(2026, 12, 24, 12), At(2027, 1, 6), At(2026, 12, 30)),
            ("SuspectCharged", At(2026, 12, 23, 10), At(2027, 1, 5), At(2026, 12, 25)),
            // New Year's Eve: New Year's Day and the weekend are skipped.
            ("BailConditionsChanged", At(2026, 12, 31, 15), At(2027, 1, 9), At(2027, 1, 5)),
            // Decided on the substitute bank holiday itself: counting starts the next day.
            ("NotInvestigated", At(2026, 12, 28, 9), At(2027, 1, 6), At(2026, 12, 30)),
        };
        foreach (var (what, at, standardDue, enhancedDue) in cases)
        {
            var s = await EventAsync(supervisor, Id(standard), what, at);
            var e = await EventAsync(supervisor, Id(enhanced), what, at);
            Assert.Equal((what, at, standardDue), (s.GetProperty("event").GetString(), s.GetProperty("startedAt").GetDateTimeOffset(), s.GetProperty("dueAt").GetDateTimeOffset()));
            Assert.Equal((what, at, enhancedDue), (e.GetProperty("event").GetString(), e.GetProperty("startedAt").GetDateTimeOffset(), e.GetProperty("dueAt").GetDateTimeOffset()));
        }

        // The contract shows every clock; those due before now and not met are missed, the rest open.
        var after = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/victims/contracts/{Id(standard)}");
        var dues = after.GetProperty("dues").EnumerateArray().Where(d => cases.Any(c => c.Event == d.GetProperty("event").GetString())).ToList();
        Assert.Equal(cases.Length, dues.Count);
        Assert.All(dues, d => Assert.Equal(d.GetProperty("dueAt").GetDateTimeOffset() < app.Time.GetUtcNow() ? "Missed" : "Open", d.GetProperty("state").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/victims/contracts/{Id(standard)}/events",
            new { @event = "SuspectCharged", occurredAt = app.Time.GetUtcNow().AddHours(1) })).StatusCode);
    }

    [Theory, Providers]
    public async Task The_reminder_lead_time_is_force_configuration_and_a_longer_lead_reminds_the_officer_earlier(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        // Recorded on Monday 23 November under the default 24 hours' lead: due by midnight ending Monday 30 November.
        var (_, _, before) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Alan", "Frost", "1960-01-01")), "Criminal damage");

        // An administrator publishes 72 hours' lead on the configuration page; a negative lead is refused.
        var admin = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Administrator));
        const string page = "/admin/configuration/victims-code";
        async Task<string> PublishAsync(int hours)
        {
            var json = JsonSerializer.Serialize(VictimCodeRules.Default with { ReminderLeadHours = hours }, ForceConfiguration.Json);
            var form = await admin.GetStringAsync(page);
            var response = await admin.PostAsync(page, Form(form, "configuration", new Dictionary<string, string> { ["Form.Json"] = json, ["Form.Reason"] = "Officers on four-day shifts" }));
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("The reminder lead time cannot be negative", await PublishAsync(-1), StringComparison.Ordinal);
        Assert.Contains("Version 2 is now in force", await PublishAsync(72), StringComparison.Ordinal);

        supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (_, _, after) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Beth", "Frost", "1962-01-01")), "Criminal damage");
        Assert.Equal((1, 2), (before.GetProperty("ruleVersion").GetInt32(), after.GetProperty("ruleVersion").GetInt32()));
        Assert.Equal(DueOf(before, "RoutineUpdate"), DueOf(after, "RoutineUpdate"));

        async Task<string[]> DueNamesAsync() =>
            (await (await app.ClientForAsync(Roles.Officer)).GetFromJsonAsync<JsonElement>("/api/v1/victims/due")).EnumerateArray()
                .Select(d => d.GetProperty("victimName").GetString()!).Order().ToArray();
        Task<(int, int)> SweepAsync() => app.WithServiceAsync<VictimsCode, (int, int)>(c => c.SweepAsync(CancellationToken.None));

        // 72 hours before the due point is Saturday 28 November: the reminder comes at 09:00 on the Friday before.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 8, 59, 0, TimeSpan.Zero));
        Assert.Empty(await DueNamesAsync());
        Assert.Equal((0, 0), await SweepAsync());
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(["Beth Frost", "Beth Frost"], await DueNamesAsync());
        Assert.Equal((2, 0), await SweepAsync());

        // The crime recorded under 24 hours' lead keeps it: reminded on Monday 30 November.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal((0, 0), await SweepAsync());
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(["Alan Frost", "Alan Frost", "Beth Frost", "Beth Frost"], await DueNamesAsync());
        Assert.Equal((2, 0), await SweepAsync());
        Assert.Equal(4, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "victim-update-reminder")));
    }

    [Theory, Providers]
    public async Task Compliance_counts_on_time_late_and_missed_contacts_by_team_for_the_contacts_due_in_the_period_asked_for(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        // Both recorded on Monday 23 November: two contacts each due by midnight ending Monday 30 November.
        var response = await RecordCrimeForTeamAsync(app, supervisor, "RESPONSE", Damage(Reports.Victim("Greg", "Lund", "1970-01-01")), "Criminal damage");
        var investigations = await RecordCrimeForTeamAsync(app, supervisor, "INVESTIGATIONS",
            VictimCases.Report("THEFT-OTHER", "Wallet taken at the gym", Reports.Victim("Hana", "Lund", "1971-01-01")), "Other theft offences");

        // By e-mail, which also gives the written information on what to expect.
        async Task LogAsync(JsonElement contract, string summary)
        {
            supervisor = await app.ClientForAsync(Roles.Supervisor);
            await VictimCases.JsonAsync(await supervisor.PostAsJsonAsync("/api/v1/victims/contacts", new { contractId = Id(contract), channel = "Email", summary }));
        }
        // Response calls on Tuesday, on time (next routine update due 22 December); Investigations on Wednesday 2 December, late (next due 30 December).
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await LogAsync(response, "Told Mr Lund the damage has been photographed");
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await LogAsync(investigations, "Told Ms Lund the gym's CCTV is being checked");

        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.Zero));
        var team = await app.ClientForAsync(Roles.CrimeServiceTeam);
        async Task<(string, int, int, int, int)[]> ComplianceAsync(string query) =>
            (await team.GetFromJsonAsync<JsonElement>($"/api/v1/victims/compliance{query}")).EnumerateArray()
                .Select(r => (r.GetProperty("team").GetString()!, r.GetProperty("onTime").GetInt32(), r.GetProperty("late").GetInt32(),
                    r.GetProperty("missed").GetInt32(), r.GetProperty("open").GetInt32())).ToArray();

        // The period of the first clocks: the later routine updates are outside it and not counted.
        Assert.Equal([("Investigations", 0, 2, 0, 0), ("Response", 2, 0, 0, 0)],
            await ComplianceAsync("?from=2026-11-30T00:00:00Z&to=2026-12-02T00:00:00Z"));
        // A period ends before its last instant: contacts due at midnight ending 30 November belong to December.
        Assert.Empty(await ComplianceAsync("?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z"));
        // December from the 2nd: Response's update of 22 December is missed, Investigations' of 30 December still open.
        Assert.Equal([("Investigations", 0, 0, 0, 1), ("Response", 0, 0, 1, 0)],
            await ComplianceAsync("?from=2026-12-02T00:00:00Z&to=2027-01-01T00:00:00Z"));

        var backwards = await team.GetAsync("/api/v1/victims/compliance?from=2027-01-01T00:00:00Z&to=2026-12-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
    }

    [Theory, Providers]
    public async Task Referrals_follow_the_code_liaison_from_65_MASH_for_a_vulnerable_adult_or_child_victim_support_unless_opted_out_and_for_sexual_offences_only_on_opting_in(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        async Task<(string, string)[]> SuggestedAsync(Dictionary<string, object?> report, string subgroup)
        {
            var (incident, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, report, subgroup);
            return KindsAndStatuses((await ReferralsOfAsync(supervisor, incident)).Where(r => r.GetProperty("kind").GetString() != "VictimSupport"));
        }

        // Monday 23 November 2026: 65 today, and 65 tomorrow.
        Assert.Equal([("OlderPersonLiaison", "Suggested")],
            await SuggestedAsync(Burglary(Reports.Victim("Iris", "Webb", "1961-11-23")), "Residential burglary"));
        Assert.Empty(await SuggestedAsync(Burglary(Reports.Victim("Ivan", "Webb", "1961-11-24")), "Residential burglary"));
        Assert.Empty(await SuggestedAsync(Burglary(Reports.Victim("Joe", "Webb", "1986-01-01")), "Residential burglary"));
        // Doorstep crime of any type; the same story told by a 40-year-old brings no liaison officer.
        var doorstep = "A man at the doorstep claimed to be from the water board and took her purse";
        Assert.Equal([("OlderPersonLiaison", "Suggested")],
            await SuggestedAsync(VictimCases.Report("THEFT-OTHER", doorstep, Reports.Victim("Kay", "Webb", "1940-01-01")), "Other theft offences"));
        Assert.Empty(await SuggestedAsync(VictimCases.Report("THEFT-OTHER", doorstep, Reports.Victim("Lou", "Webb", "1986-01-01")), "Other theft offences"));

        // MASH: a vulnerable adult, and a child (17, 18 tomorrow); not an adult who turned 18 today.
        var vulnerable = Burglary(Reports.Victim("Max", "Webb", "1980-01-01"), vulnerable: true);
        var mash = (await ReferralsOfAsync(supervisor, (await VictimCases.RecordCrimeAsync(app, supervisor, vulnerable, "Residential burglary")).IncidentId))
            .Single(r => r.GetProperty("kind").GetString() == "Mash");
        Assert.Equal(("Suggested", "Vulnerable adult", SafetyNetApp.Start.AddHours(24)),
            (mash.GetProperty("status").GetString(), mash.GetProperty("reason").GetString(), mash.GetProperty("dueAt").GetDateTimeOffset()));
        var (child, _, _) = await VictimCases.RecordCrimeAsync(app, supervisor, Damage(Reports.Victim("Ned", "Webb", "2008-11-24")), "Criminal damage");
        Assert.Equal("Child victim", (await ReferralsOfAsync(supervisor, child)).Single(r => r.GetProperty("kind").GetString() == "Mash").GetProperty("reason").GetString());
        Assert.Empty(await SuggestedAsync(Damage(Reports.Victim("Oli", "Webb", "2008-11-23")), "Criminal damage"));

        var service = await app.ClientForEmailAsync("victimsupport.caseworker@safetynet.test");

        // Victim support for a burglary victim is sent at once.
        var (burglary, _, contract) = await VictimCases.RecordCrimeAsync(app, supervisor,
            Burglary(Reports.Victim("Dan", "Kerr", "1986-05-05")), "Residential burglary");
        Assert.Equal([("VictimSupport", "Sent")], KindsAndStatuses(await ReferralsOfAsync(supervisor, burglary)));
        Assert.Single(await ReferralsOfAsync(service, burglary));

        // He opts out: the referral is closed, and nobody can send it again.
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{Id(contract)}", new { victimSupportOptOut = true }));
        var closed = Assert.Single(await ReferralsOfAsync(supervisor, burglary));
        Assert.Equal(("Closed", "The victim opted out"), (closed.GetProperty("status").GetString(), closed.GetProperty("feedback").GetString()));
        Assert.Equal("Closed", Assert.Single(await ReferralsOfAsync(service, burglary)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/referrals/{Id(closed)}/send", new { version = closed.GetProperty("version").GetInt32() })).StatusCode);
        var both = await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{Id(contract)}", new { victimSupportOptIn = true });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.True((await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("victimSupportOptIn", out _));
        // He changes his mind: a fresh referral goes at once, and the closed one keeps its record.
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{Id(contract)}", new { victimSupportOptOut = false }));
        Assert.Equal([("VictimSupport", "Closed"), ("VictimSupport", "Sent")], KindsAndStatuses(await ReferralsOfAsync(supervisor, burglary)));
        Assert.Single(await ReferralsOfAsync(service, burglary), r => r.GetProperty("status").GetString() == "Sent");
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{Id(contract)}", new { victimSupportOptIn = true }));
        Assert.Equal(2, (await ReferralsOfAsync(supervisor, burglary)).Count);

        // Asked when the report is taken: a victim who declines is never referred, and only a victim can decline.
        var declines = new { role = "Victim", firstName = "Amir", lastName = "Kerr", dateOfBirth = "1983-03-03", victimSupportOptOut = true };
        var (declined, _, declinedContract) = await VictimCases.RecordCrimeAsync(app, supervisor, Burglary(declines), "Residential burglary");
        Assert.True(declinedContract.GetProperty("victimSupportOptOut").GetBoolean());
        Assert.Empty(await ReferralsOfAsync(supervisor, declined));
        Assert.Empty(await ReferralsOfAsync(service, declined));
        var caller = await supervisor.PostAsJsonAsync("/api/v1/incidents",
            Burglary(new { role = "Caller", firstName = "Bea", lastName = "Kerr", victimSupportOptOut = true }));
        Assert.Equal(HttpStatusCode.BadRequest, caller.StatusCode);
        Assert.True((await caller.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("people[0].victimSupportOptOut", out _));

        // A sexual offence: nothing goes to the service until she opts in.
        var (assault, _, sexual) = await VictimCases.RecordCrimeAsync(app, supervisor,
            VictimCases.Report("SEXUAL-OFFENCE", "Touched without consent on the train", Reports.Victim("Eve", "Kerr", "1995-09-09")), "Other sexual offences");
        Assert.Equal([("VictimSupport", "AwaitingOptIn")], KindsAndStatuses(await ReferralsOfAsync(supervisor, assault)));
        Assert.Empty(await ReferralsOfAsync(service, assault));

        // She opts in on Friday 27 November at 15:00: one referral goes, due within 2 working days (midnight ending Tuesday 1 December).
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        service = await app.ClientForEmailAsync("victimsupport.caseworker@safetynet.test");
        await VictimCases.JsonAsync(await supervisor.PatchReadAsync($"/api/v1/victims/contracts/{Id(sexual)}", new { victimSupportOptIn = true }));
        var sent = Assert.Single(await ReferralsOfAsync(service, assault));
        Assert.Equal(("VictimSupport", "Sent", app.Time.GetUtcNow(), new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)),
            (sent.GetProperty("kind").GetString(), sent.GetProperty("status").GetString(), sent.GetProperty("sentAt").GetDateTimeOffset(), sent.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal([("VictimSupport", "Sent")], KindsAndStatuses(await ReferralsOfAsync(supervisor, assault)));
    }

    [Theory, Providers]
    public async Task An_expired_survey_link_shows_a_plain_explanation_and_records_nothing_even_from_a_form_opened_in_time(DatabaseProvider provider)
    {
        await using var app = await AppAsync(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var report = VictimCases.Report("ASB-NUISANCE", "Music all night from the flat above", new { role = "Caller", firstName = "Pat", lastName = "Doyle", email = "pat.doyle@example.org" });
        var incidentId = Id(await VictimCases.JsonAsync(await handler.PostAsJsonAsync("/api/v1/incidents", report)));
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var invitation = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/surveys?incidentId={incidentId}")).GetProperty("items").EnumerateArray().Single();
        // Sent six hours after the call; the link works for 14 days from then.
        var expiresAt = invitation.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.Equal(SafetyNetApp.Start.AddHours(6).AddDays(14), expiresAt);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Purpose == Outbox.SurveyPurpose));
        var token = SurveyLink().Match(mail.Body).Groups[1].Value;
        Assert.True(token.Length >= 40);

        // A minute before expiry the victim opens the survey, then sends it a minute too late.
        app.Time.SetUtcNow(expiresAt.AddMinutes(-1));
        var browser = app.CreateClient();
        var open = await browser.GetStringAsync($"/s/{token}");
        Assert.Contains("How satisfied are you with what was done about the behaviour?", open, StringComparison.Ordinal);
        app.Time.SetUtcNow(expiresAt);
        var late = await browser.PostAsync($"/s/{token}", Form(open, "survey", new Dictionary<string, string>
        {
            ["Form.Answer1"] = "1", ["Form.Answer2"] = "1", ["Form.Answer3"] = "1", ["Form.Answer4"] = "1", ["Form.Comment"] = "Nobody came",
        }));
        var latePage = await late.Content.ReadAsStringAsync();
        Assert.True(late.IsSuccessStatusCode, $"{(int)late.StatusCode}: {latePage}");
        Assert.Contains("This survey link has expired", latePage, StringComparison.Ordinal);
        Assert.Contains("Nothing has been recorded", latePage, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you", latePage, StringComparison.Ordinal);

        var visit = await browser.GetStringAsync($"/s/{token}");
        Assert.Contains("This survey link has expired", visit, StringComparison.Ordinal);
        Assert.Contains("call 101 and quote your reference", visit, StringComparison.Ordinal);
        Assert.DoesNotContain("Send my answers", visit, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.ServiceRecoveryTasks.CountAsync()));
        Assert.Null(await app.WithDbAsync(db => db.SurveyInvitations.Where(i => i.IncidentId == incidentId).Select(i => i.AnsweredAt).SingleAsync()));

        // The sweep marks the invitation expired for the dashboard.
        Assert.Equal(1, await app.WithServiceAsync<SurveyService, int>(s => s.SweepAsync(CancellationToken.None)));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        Assert.Equal("Expired", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/surveys?incidentId={incidentId}"))
            .GetProperty("items").EnumerateArray().Single().GetProperty("status").GetString());
    }
}
