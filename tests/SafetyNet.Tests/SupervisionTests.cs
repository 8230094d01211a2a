using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Supervision on a cadence and finalisation under the outcome rules (decision 0112): the first review falls due when the
/// force's rules say, an overdue review reaches the inspector only past the threshold, "agreed verbally" closes nothing,
/// and an outcome 15 waits for the victim's view.
/// </summary>
[Collection("app")]
public class SupervisionTests(AppFixture fixture)
{
    private static async Task<(long Incident, long Crime)> RecordAsync(HttpClient supervisor, Dictionary<string, object?> report, string subgroup)
    {
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        var id = incident.GetProperty("id").GetInt64();
        var crime = record.GetProperty("id").GetInt64();
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{id}/crime-decisions",
            new { crimeRecordId = crime, decision = "crime", offenceSubgroup = subgroup, version = record.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        return (id, crime);
    }

    private static Task<Investigation> InvestigationOfAsync(SafetyNetApp app, long crime) =>
        app.WithDbAsync(db => db.Set<Investigation>().AsNoTracking().SingleAsync(i => i.CrimeRecordId == crime));

    private static Task<SupervisoryReview> WaitingAsync(SafetyNetApp app, long investigation) =>
        app.WithDbAsync(db => db.Set<SupervisoryReview>().AsNoTracking().SingleAsync(r => r.InvestigationId == investigation && r.CompletedAt == null));

    private static bool Lists(JsonElement rows, long investigation) => rows.EnumerateArray().Any(r => r.GetProperty("investigationId").GetInt64() == investigation);

    [Theory, Providers]
    public async Task The_first_review_falls_due_at_72_hours_for_volume_crime_and_24_hours_for_high_risk_domestic_abuse(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var recordedAt = app.Time.GetUtcNow();

        var (_, burglary) = await RecordAsync(supervisor, Reports.Burglary(), "Residential burglary");
        var (_, abuse) = await RecordAsync(supervisor, Reports.DomesticAbuse(15), "Violence without injury");

        var volume = await WaitingAsync(app, (await InvestigationOfAsync(app, burglary)).Id);
        Assert.Equal((ReviewKind.First, recordedAt.AddHours(72)), (volume.Kind, volume.DueAt));
        var urgent = await WaitingAsync(app, (await InvestigationOfAsync(app, abuse)).Id);
        Assert.Equal((ReviewKind.First, recordedAt.AddHours(24)), (urgent.Kind, urgent.DueAt));
    }

    [Theory, Providers]
    public async Task A_missed_review_reaches_the_inspector_only_when_it_is_more_than_7_days_overdue(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        await app.WithDbAsync(async db =>
        {
            var id = await db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.Supervisor)).Select(u => u.Id).SingleAsync();
            if (await db.Set<Investigator>().FindAsync(id) is { } existing)
            {
                existing.Rank = Rank.Inspector;
            }
            else
            {
                db.Add(new Investigator { UserId = id, PipLevel = 2, Rank = Rank.Inspector });
            }
            return await db.SaveChangesAsync();
        });
        var (_, abuse) = await RecordAsync(supervisor, Reports.DomesticAbuse(15), "Violence without injury");
        var investigation = (await InvestigationOfAsync(app, abuse)).Id;

        // 24 hours to the first review, then six days overdue: the supervisor's queue, not yet the inspector's.
        app.Time.Advance(TimeSpan.FromHours(24 + 6 * 24));
        // Signed in afresh, as a sergeant coming on duty would be (a token lasts less than a week).
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        var queue = await supervisor.GetAsync("/api/v1/investigations/reviews/due").ExpectAsync(HttpStatusCode.OK);
        Assert.True(Lists(queue.GetProperty("due"), investigation));
        Assert.False(Lists(queue.GetProperty("forInspector"), investigation));

        // Past seven days overdue it is the inspector's too; an officer has no review queue at all.
        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        supervisor = await app.ClientForAsync(Roles.Supervisor);
        var officer = await app.ClientForAsync(Roles.Officer);
        queue = await supervisor.GetAsync("/api/v1/investigations/reviews/due").ExpectAsync(HttpStatusCode.OK);
        Assert.True(queue.GetProperty("isInspector").GetBoolean());
        Assert.True(Lists(queue.GetProperty("forInspector"), investigation));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/investigations/reviews/due")).StatusCode);
        // The queue comes a page at a time; a page size out of range is named.
        var refused = await supervisor.GetAsync("/api/v1/investigations/reviews/due?pageSize=0").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory, Providers]
    public async Task Agreed_verbally_closes_no_review_and_an_outcome_15_waits_for_the_victims_view(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incident, crime) = await RecordAsync(supervisor, Reports.Burglary(null, "PRIORITY", Reports.Victim("Joan", "Whitcombe", "1951-02-03")), "Residential burglary");
        var investigation = await InvestigationOfAsync(app, crime);
        // The allocation is earlier work: the investigation is with an investigator.
        await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.Id == investigation.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvestigationStatus.Allocated).SetProperty(i => i.Version, i => i.Version + 1)));
        var waiting = await WaitingAsync(app, investigation.Id);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        object Review(string note) => new
        {
            version = waiting.Version, riskAfter = "Medium", actionsChecked = "House-to-house done; CCTV from the corner shop seized",
            qualityNote = note, newActions = "Interview the named suspect", nextReviewDue = today.AddDays(14).ToString("yyyy-MM-dd"), beforeFinalisation = true,
        };

        var verbal = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/reviews", Review("Agreed verbally with DC Patel."))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(verbal.GetProperty("errors").TryGetProperty("qualityNote", out _));
        Assert.Null((await WaitingAsync(app, investigation.Id)).CompletedAt);

        var tooLate = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/reviews",
            new { version = waiting.Version, riskAfter = "Medium", actionsChecked = "All done", qualityNote = "Thorough enquiries, suspect identified from CCTV",
                nextReviewDue = today.AddDays(40).ToString("yyyy-MM-dd") }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(tooLate.GetProperty("errors").TryGetProperty("nextReviewDue", out _));

        await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/reviews",
            Review("Thorough enquiries; the suspect is identified from the CCTV and the victim supports a prosecution")).ExpectAsync(HttpStatusCode.OK);
        var reviewed = await InvestigationOfAsync(app, crime);
        Assert.Equal(InvestigationRisk.Medium, reviewed.Risk);
        Assert.Equal(ReviewKind.Periodic, (await WaitingAsync(app, investigation.Id)).Kind);

        object Finalise(int version) => new { version, outcomeCode = "15", suspectName = "Kevin Marsh", victimSupportsAction = true, rightToReviewExplained = true };
        var refused = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/finalisation", Finalise(reviewed.Version))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("outcomeCode", out _));

        // The victim's view is recorded on their Victims' Code contract; then outcome 15 is recorded.
        var contract = await app.WithDbAsync(db => db.VictimContactContracts.AsNoTracking().Where(c => c.IncidentId == incident).Select(c => new { c.Id, c.Version }).SingleAsync());
        await supervisor.PatchAsJsonAsync($"/api/v1/victims/contracts/{contract.Id}",
            new { version = contract.Version, outOfCourtView = "Wants the suspect prosecuted; understands the evidence is weak" }).ExpectAsync(HttpStatusCode.OK);
        var finalised = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/finalisation", Finalise(reviewed.Version))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Finalised", "15", "Unable to prosecute suspect"),
            (finalised.GetProperty("status").GetString(), finalised.GetProperty("outcomeCode").GetString(), finalised.GetProperty("policeUkCategory").GetString()));

        // Re-opened with a reason, it returns to its investigator and its history keeps the outcome it had.
        var reopened = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigation.Id}/reopening",
            new { version = finalised.GetProperty("version").GetInt32(), reason = "New forensic evidence links a second suspect" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Allocated", reopened.GetProperty("status").GetString());
        var history = await app.WithDbAsync(db => db.Set<InvestigationEvent>().AsNoTracking().Where(e => e.InvestigationId == investigation.Id)
            .OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(["Opened", "Reviewed", "Finalised", "Re-opened"], history);
    }

    [Theory, Providers]
    public async Task Finalising_tells_the_victim_of_the_decision_as_the_Victims_Code_says_for_no_further_action_an_out_of_court_outcome_and_a_charge(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var (incident, crime) = await RecordAsync(supervisor, Reports.Burglary(null, "PRIORITY", Reports.Victim("Alma", "Rusk", "1958-09-30")), "Residential burglary");
        var id = (await InvestigationOfAsync(app, crime)).Id;
        // The allocation is earlier work: the investigation is with an investigator.
        await app.WithDbAsync(db => db.Set<Investigation>().Where(i => i.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvestigationStatus.Allocated).SetProperty(i => i.Version, i => i.Version + 1)));
        var contract = await app.WithDbAsync(db => db.VictimContactContracts.AsNoTracking().Where(c => c.IncidentId == incident).Select(c => c.Id).SingleAsync());
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);

        async Task<int> ReviewAsync()
        {
            var waiting = await WaitingAsync(app, id);
            await supervisor.PostAsJsonAsync($"/api/v1/investigations/{id}/reviews", new
            {
                version = waiting.Version, riskAfter = "Standard", actionsChecked = "Statements taken, CCTV viewed, forensics back",
                qualityNote = "Every line of enquiry is complete and the file is ready for its outcome", nextReviewDue = today.AddDays(7).ToString("yyyy-MM-dd"),
                beforeFinalisation = true,
            }).ExpectAsync(HttpStatusCode.OK);
            return (await InvestigationOfAsync(app, crime)).Version;
        }
        Task<JsonElement> FinaliseAsync(object outcome) =>
            supervisor.PostAsJsonAsync($"/api/v1/investigations/{id}/finalisation", outcome).ExpectAsync(HttpStatusCode.OK);
        Task ReopenAsync(JsonElement finalised) => supervisor.PostAsJsonAsync($"/api/v1/investigations/{id}/reopening",
            new { version = finalised.GetProperty("version").GetInt32(), reason = "New evidence from a second witness" }).ExpectAsync(HttpStatusCode.OK);
        async Task<List<JsonElement>> DecisionsAsync()
        {
            var read = await supervisor.GetAsync($"/api/v1/victims/contracts/{contract}").ExpectAsync(HttpStatusCode.OK);
            return [.. read.GetProperty("dues").EnumerateArray().Where(d => d.GetProperty("event").GetString() is not ("CrimeRecorded" or "RoutineUpdate"))];
        }

        // No further action (outcome 18): the victim is owed the decision and the Victims' Right to Review, and a contact
        // that does not confirm the Right to Review was explained does not meet it.
        var finalisedAt = app.Time.GetUtcNow();
        var noSuspect = await FinaliseAsync(new { version = await ReviewAsync(), outcomeCode = "18", rightToReviewExplained = true });
        var nfa = Assert.Single(await DecisionsAsync());
        Assert.Equal(("NoFurtherAction", finalisedAt), (nfa.GetProperty("event").GetString(), nfa.GetProperty("startedAt").GetDateTimeOffset()));
        Assert.Equal("Tell the victim of the decision and of the Victims' Right to Review: investigation finalised with outcome 18: Investigation complete: no suspect identified",
            nfa.GetProperty("notes").GetString());
        var told = await supervisor.PostAsJsonAsync("/api/v1/victims/contacts",
            new { contractId = contract, channel = "Phone", summary = "Told Mrs Rusk the investigation is closed: no suspect identified" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(told.GetProperty("errors").TryGetProperty("rightToReviewExplained", out _));

        // Re-opened, a refused finalisation (a stale version) starts no contact: nothing is half-saved.
        await ReopenAsync(noSuspect);
        var version = await ReviewAsync();
        await supervisor.PostAsJsonAsync($"/api/v1/investigations/{id}/finalisation", new { version = version - 1, outcomeCode = "1", suspectName = "Ray Dunn" })
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Single(await DecisionsAsync());

        // An out-of-court outcome (community resolution, after the victim's view) and then a charge each start their own contact.
        var view = await app.WithDbAsync(db => db.VictimContactContracts.AsNoTracking().Where(c => c.Id == contract).Select(c => c.Version).SingleAsync());
        await supervisor.PatchAsJsonAsync($"/api/v1/victims/contracts/{contract}",
            new { version = view, outOfCourtView = "Content with a community resolution if the suspect repairs the door" }).ExpectAsync(HttpStatusCode.OK);
        var resolved = await FinaliseAsync(new { version, outcomeCode = "8", suspectName = "Ray Dunn" });
        await ReopenAsync(resolved);
        await FinaliseAsync(new { version = await ReviewAsync(), outcomeCode = "1", suspectName = "Ray Dunn" });
        var decisions = await DecisionsAsync();
        Assert.Equal(["NoFurtherAction", "OutOfCourtOutcome", "SuspectCharged"], decisions.Select(d => d.GetProperty("event").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("investigation finalised with outcome 1: Charged or summonsed",
            decisions.Single(d => d.GetProperty("event").GetString() == "SuspectCharged").GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("Agreed verbally", true)]
    [InlineData("Discussed with DC Smith and agreed verbally.", true)]
    [InlineData("Verbal review with OIC, all ok", true)]
    [InlineData("Good victim care; CCTV outstanding; suspect to be arrested this week", false)]
    [InlineData("Spoke to the victim: she supports a prosecution and the CCTV shows the suspect's face", false)]
    public void A_note_that_only_says_it_was_agreed_verbally_is_refused(string note, bool refused) =>
        Assert.Equal(refused, Supervision.IsOnlyVerbal(note));
}
