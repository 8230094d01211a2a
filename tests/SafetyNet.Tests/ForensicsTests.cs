using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Investigations;
using SafetyNet.Investigations.Forensics;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// The digital forensics queue (decision 0114): a device submitted from an investigation is scored P1 to P4 by the
/// force's transparent rule, with its reasons; the unit triages it at the kiosk and may close it there. Its continuity
/// (decision 0123) starts at the seizure and lists hand-overs in the order they happened, each with where the device went.
/// </summary>
[Collection("app")]
public class ForensicsTests(AppFixture fixture)
{
    public const string Unit = "dfu@safetynet.test";

    // 10:00 UTC on Monday 23 November 2026: in London too.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ForensicPriorities Rule = ForensicPriorities.Default;

    private static ForensicCaseFacts Facts(bool safeguarding = false, DateTimeOffset? custody = null, InvestigationRisk risk = InvestigationRisk.Standard,
        DateOnly? court = null, bool suspect = false) => new(safeguarding, custody, risk, court, suspect);

    [Fact]
    public void A_child_at_risk_now_or_a_custody_clock_running_is_P1_with_each_reason()
    {
        var both = Rule.Score(Facts(safeguarding: true, custody: Now.AddHours(18), risk: InvestigationRisk.High, suspect: true), Now);
        Assert.Equal(ForensicPriority.P1, both.Priority);
        Assert.Equal(["A child or vulnerable person is at risk now", "A custody clock is running: it ends 24 Nov 2026 04:00"], both.Reasons);
        Assert.Equal(1, both.TargetDays);
        // A custody clock that has run out no longer makes it P1.
        Assert.Equal(ForensicPriority.P4, Rule.Score(Facts(custody: Now.AddHours(-1)), Now).Priority);
    }

    [Fact]
    public void A_high_risk_investigation_or_a_court_date_within_28_days_is_P2()
    {
        var high = Rule.Score(Facts(risk: InvestigationRisk.High, suspect: true), Now);
        Assert.Equal((ForensicPriority.P2, 14), (high.Priority, high.TargetDays));
        Assert.Equal(["The investigation is high risk"], high.Reasons);
        var court = Rule.Score(Facts(court: new DateOnly(2026, 12, 21), suspect: true), Now);
        Assert.Equal(ForensicPriority.P2, court.Priority);
        Assert.Equal(["The charge or court date, 21 December 2026, is within 28 days"], court.Reasons);
        // 29 days away is outside the window: a named suspect makes it P3.
        Assert.Equal(ForensicPriority.P3, Rule.Score(Facts(court: new DateOnly(2026, 12, 22), suspect: true), Now).Priority);
    }

    [Fact]
    public void Another_crime_with_a_named_suspect_is_P3_and_the_rest_P4()
    {
        var named = Rule.Score(Facts(risk: InvestigationRisk.Medium, suspect: true), Now);
        Assert.Equal((ForensicPriority.P3, 30), (named.Priority, named.TargetDays));
        Assert.Equal(["A suspect is named"], named.Reasons);
        var rest = Rule.Score(Facts(risk: InvestigationRisk.Medium), Now);
        Assert.Equal((ForensicPriority.P4, 90), (rest.Priority, rest.TargetDays));
        Assert.Single(rest.Reasons);
        Assert.Empty(Rule.Validate());
        Assert.Contains("p1TargetDays", (Rule with { P3TargetDays = 10 }).Validate().Keys);
    }

    [Theory, Providers]
    public async Task A_phone_from_a_high_risk_investigation_is_P2_and_a_kiosk_finding_nothing_closes_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var now = app.Time.GetUtcNow();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var officer = await app.ClientForAsync(Roles.Officer);
        var unit = await app.ClientForEmailAsync(Unit);
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.DomesticAbuse(15)).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.Id()}/crime-decisions", new
        {
            crimeRecordId = record.Id(), decision = "crime", offenceSubgroup = "Violence without injury", version = record.GetProperty("version").GetInt32(),
        }).ExpectAsync(HttpStatusCode.OK);
        var investigation = await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.CrimeRecordId == record.Id()).Select(i => i.Id).SingleAsync());

        var seizedAt = now.AddHours(-5);
        var phone = new { deviceType = "phone", exhibitReference = "AB/1", namedSuspect = true, seizedAt, seizedFrom = "The suspect, on arrest", location = "Exhibits store, Hatfield" };
        // The crime is sensitive: submitting opens the investigation, so it needs a purpose; nothing is saved without one.
        await officer.PostAsJsonAsync($"/api/v1/investigations/{investigation}/forensics", phone).ExpectAsync(HttpStatusCode.BadRequest);
        officer.DefaultRequestHeaders.Add("X-Purpose", "Submitting the victim's partner's phone");
        // The seizure starts the continuity: when it happened (never in the future), from whom or where, and where the device is now.
        var unseized = await officer.PostAsJsonAsync($"/api/v1/investigations/{investigation}/forensics",
            new { deviceType = "phone", exhibitReference = "AB/1", seizedAt = now.AddMinutes(5) }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["location", "seizedAt", "seizedFrom"], unseized.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("The date and time the device was seized must be now or in the past", unseized.GetProperty("errors").GetProperty("seizedAt")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ForensicSubmission>().CountAsync(s => s.InvestigationId == investigation)));
        var submitted = await officer.PostAsJsonAsync($"/api/v1/investigations/{investigation}/forensics", phone).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("P2", submitted.GetProperty("priority").GetString());
        Assert.Equal(["The investigation is high risk"], submitted.GetProperty("priorityReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(14, submitted.GetProperty("targetDays").GetInt32());
        var id = submitted.Id();

        // The officer does not work the unit's queue; the unit sees the phone in it.
        await officer.GetAsync($"/api/v1/forensics/{id}").ExpectAsync(HttpStatusCode.NotFound);
        var queue = await unit.GetAsync("/api/v1/forensics").ExpectAsync(HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.Id() == id && i.GetProperty("priority").GetString() == "P2");

        // A hand-over needs when it happened and where the device is now; it cannot be in the future or before the seizure.
        var movements = $"/api/v1/forensics/{id}/movements";
        var unplaced = await unit.PostAsJsonAsync(movements, new { from = "Exhibits store", to = "DC Okafor" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["at", "location"], unplaced.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var ahead = await unit.PostAsJsonAsync(movements, new { at = now.AddMinutes(1), from = "Exhibits store", to = "DC Okafor", location = "Kiosk room" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The date and time the device was handed over must be now or in the past", ahead.GetProperty("errors").GetProperty("at")[0].GetString());
        var early = await unit.PostAsJsonAsync(movements, new { at = seizedAt.AddMinutes(-1), from = "Exhibits store", to = "DC Okafor", location = "Kiosk room" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"The date and time the device was handed over must be on or after its seizure, {ForceClock.ToLocal(seizedAt):d MMM yyyy HH:mm}",
            early.GetProperty("errors").GetProperty("at")[0].GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ExhibitMovement>().CountAsync(m => m.SubmissionId == id)));

        // The kiosk room's hand-over an hour ago accepts the phone; the store's, three hours ago, is recorded after it and listed before it.
        var kioskAt = now.AddHours(-1);
        var accepted = await unit.PostAsJsonAsync(movements, new { at = kioskAt, from = "Exhibits store", to = "DC Okafor", location = "Kiosk room, Hatfield" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var stored = await unit.PostAsJsonAsync(movements, new { at = now.AddHours(-3), from = "PC Patel", to = "Exhibits officer", location = "Exhibits store, Hatfield", note = "Seal HT0042" })
            .ExpectAsync(HttpStatusCode.OK);
        // Triage against the version read before the phone was accepted is stale and changes nothing.
        await unit.PostAsJsonAsync($"/api/v1/forensics/{id}/triage", new { version = submitted.GetProperty("version").GetInt32(), result = "RelevantAbsent", close = true })
            .ExpectAsync(HttpStatusCode.Conflict);
        var closed = await unit.PostAsJsonAsync($"/api/v1/forensics/{id}/triage",
            new { version = stored.GetProperty("version").GetInt32(), result = "RelevantAbsent", note = "Nothing in the dates given", close = true }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("ClosedAtTriage", "RelevantAbsent"), (closed.GetProperty("status").GetString(), closed.GetProperty("triageResult").GetString()));
        var continuity = closed.GetProperty("continuity").EnumerateArray()
            .Select(m => (At: m.GetProperty("at").GetDateTimeOffset(), From: m.GetProperty("from").GetString(), To: m.GetProperty("to").GetString(),
                Location: m.GetProperty("location").GetString(), RecordedAt: m.GetProperty("recordedAt").GetDateTimeOffset(), RecordedBy: m.GetProperty("recordedBy").GetString()))
            .ToList();
        var officerName = submitted.GetProperty("submittedBy").GetString();
        Assert.Equal(
            [
                (seizedAt, "The suspect, on arrest", officerName, "Exhibits store, Hatfield", now, officerName),
                (now.AddHours(-3), "PC Patel", "Exhibits officer", "Exhibits store, Hatfield", now.AddMinutes(10), Unit),
                (kioskAt, "Exhibits store", "DC Okafor", "Kiosk room, Hatfield", now, Unit),
            ], continuity);
        var after = await unit.GetAsync("/api/v1/forensics").ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), i => i.Id() == id);

        // A partner is answered as if none of it existed.
        var partner = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        await partner.GetAsync($"/api/v1/forensics/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await partner.GetAsync("/api/v1/forensics").ExpectAsync(HttpStatusCode.NotFound);
        await partner.PostAsJsonAsync($"/api/v1/investigations/{investigation}/forensics", phone).ExpectAsync(HttpStatusCode.NotFound);
        await partner.PostAsJsonAsync($"/api/v1/forensics/{id}/movements", new { from = "a", to = "b" }).ExpectAsync(HttpStatusCode.NotFound);
    }
}
