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
/// Investigations (decision 0109): recording a crime opens its investigation in the allocation queue, in the crime group
/// whose PIP level and review cadence the force's rules give it.
/// </summary>
[Collection("app")]
public class InvestigationsTests(AppFixture fixture)
{
    private static async Task<(long Incident, long Crime, int Version)> ReportAsync(HttpClient client, Dictionary<string, object?> report)
    {
        var incident = await client.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        return (incident.GetProperty("id").GetInt64(), record.GetProperty("id").GetInt64(), record.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> DecideAsync(HttpClient supervisor, long incident, object decision) =>
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident}/crime-decisions", decision).ExpectAsync(HttpStatusCode.OK);

    [Theory, Providers]
    public async Task Recording_a_crime_opens_its_investigation_in_the_group_that_sets_its_PIP_level(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);

        var (burglary, burglaryCrime, version) = await ReportAsync(supervisor, Reports.Burglary());
        var recorded = await DecideAsync(supervisor, burglary, new { crimeRecordId = burglaryCrime, decision = "crime", offenceSubgroup = "Residential burglary", version });
        var opened = await app.WithDbAsync(db => db.Set<Investigation>().AsNoTracking().SingleAsync(i => i.CrimeRecordId == burglaryCrime));
        Assert.Equal(("volume", 1, InvestigationStatus.AwaitingAllocation, InvestigationRisk.Standard), (opened.CrimeGroup, opened.RequiredPipLevel, opened.Status, opened.Risk));

        // Reclassified as a wounding, the open investigation moves into serious violence and needs a PIP2 investigator.
        await DecideAsync(supervisor, burglary, new
        {
            crimeRecordId = burglaryCrime, decision = "reclassify", offenceSubgroup = "Violence with injury", reason = "The householder was injured by the intruder",
            version = recorded.GetProperty("version").GetInt32(),
        });
        var moved = await app.WithDbAsync(db => db.Set<Investigation>().AsNoTracking().SingleAsync(i => i.CrimeRecordId == burglaryCrime));
        Assert.Equal(("serious-violence", 2, opened.Id), (moved.CrimeGroup, moved.RequiredPipLevel, moved.Id));

        // Domestic abuse at high risk (a DASH of 15 ticks) needs PIP2, whatever the offence; the crime is sensitive.
        var (abuse, abuseCrime, abuseVersion) = await ReportAsync(supervisor, Reports.DomesticAbuse(15));
        await DecideAsync(supervisor, abuse, new { crimeRecordId = abuseCrime, decision = "crime", offenceSubgroup = "Violence without injury", version = abuseVersion });
        var domestic = await app.WithDbAsync(db => db.Set<Investigation>().AsNoTracking().SingleAsync(i => i.CrimeRecordId == abuseCrime));
        Assert.Equal(("domestic-abuse", 2, InvestigationRisk.High, true, true), (domestic.CrimeGroup, domestic.RequiredPipLevel, domestic.Risk, domestic.DomesticAbuse, domestic.Sensitive));
    }

    [Fact]
    public void The_seeded_rules_are_valid_and_put_each_crime_in_the_group_the_force_set()
    {
        var rules = InvestigationRules.Default;
        Assert.Empty(rules.Validate());
        Assert.Equal("homicide", rules.GroupOf("Homicide", domesticAbuse: true).Code);
        Assert.Equal("serious-sexual", rules.GroupOf("Rape offences", domesticAbuse: false).Code);
        Assert.Equal("domestic-abuse", rules.GroupOf("Criminal damage", domesticAbuse: true).Code);
        Assert.Equal("volume", rules.GroupOf("Shoplifting", domesticAbuse: false).Code);
        var volume = new Investigation { CrimeGroup = "volume" };
        Assert.Equal((72, 28), (rules.FirstReviewHoursFor(volume), rules.ReviewEveryDaysFor(volume)));
        var vulnerable = new Investigation { CrimeGroup = "volume", VulnerableVictim = true };
        Assert.Equal((24, 7), (rules.FirstReviewHoursFor(vulnerable), rules.ReviewEveryDaysFor(vulnerable)));
        Assert.Equal(["Victim", "Digital"], rules.RequiredStrategiesFor(volume, devicesSeized: true));
        Assert.Contains("groups", (rules with { Groups = [.. rules.Groups.Take(3)] }).Validate().Keys);
    }

    private static object Reviewed(bool effective, int version, string? reasons = null) => new
    {
        planPresentAndSpecific = true, reviewsOnTime = effective, linesOfEnquiryFollowed = effective, victimContactAndNeedsMet = true,
        outcomeAppropriate = true, effective, reasons, version,
    };

    [Theory, Providers]
    public async Task A_file_review_of_20_investigations_reports_the_proportion_effective_with_its_Wilson_interval(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var registrar = await app.ClientForAsync(Roles.CrimeRegistrar);
        var investigations = await FinalisedInvestigations.AddAsync(app, await app.ClientForAsync(Roles.Supervisor), 20, daysAgo: 800);
        var day = DateOnly.FromDateTime(app.Time.GetUtcNow().AddDays(-800).UtcDateTime);

        var created = await registrar.PostAsJsonAsync("/api/v1/investigations/file-reviews",
            new { title = "Burglary files", periodFrom = day.AddDays(-1), periodTo = day.AddDays(1), design = "Simple", sampleSize = 20, seed = 7 }).ExpectAsync(HttpStatusCode.Created);
        var id = created.Id();
        var review = await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/file-reviews/{id}");
        var items = review.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(investigations.Order(), items.Select(i => i.GetProperty("investigationId").GetInt64()).Order());

        // Not effective needs its reasons; a stale version is refused.
        var noReasons = await registrar.PutAsJsonAsync($"/api/v1/investigations/file-reviews/{id}/items/1", Reviewed(false, 1)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(noReasons.GetProperty("errors").TryGetProperty("reasons", out _));
        // 16 of 20 effective, as HMICFRS found 48 of 60 in 2018.
        for (var position = 1; position <= 20; position++)
        {
            await registrar.PutAsJsonAsync($"/api/v1/investigations/file-reviews/{id}/items/{position}",
                Reviewed(position > 4, 1, position > 4 ? null : "No review for five weeks; CCTV not collected")).ExpectAsync(HttpStatusCode.OK);
        }
        await registrar.PutAsJsonAsync($"/api/v1/investigations/file-reviews/{id}/items/1", Reviewed(true, 1)).ExpectAsync(HttpStatusCode.Conflict);

        var result = (await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/file-reviews/{id}")).GetProperty("result");
        Assert.Equal((20, 16), (result.GetProperty("reviewed").GetInt32(), result.GetProperty("effective").GetInt32()));
        // Wilson's 95 % interval for 16 of 20, worked by hand: centre (0.8 + 1.96²/40) / (1 + 1.96²/20) = 0.75166,
        // half-width 1.96·√(0.8·0.2/20 + 1.96²/1600) / (1 + 1.96²/20) = 0.16768.
        Assert.Equal(0.8, result.GetProperty("proportion").GetDouble(), 6);
        Assert.Equal(0.58398, result.GetProperty("lower").GetDouble(), 4);
        Assert.Equal(0.91934, result.GetProperty("upper").GetDouble(), 4);

        // The same seed draws the same sample again; a partner and an officer are answered 404.
        var again = await registrar.PostAsJsonAsync("/api/v1/investigations/file-reviews",
            new { title = "Again", periodFrom = day.AddDays(-1), periodTo = day.AddDays(1), design = "Simple", sampleSize = 5, seed = 11 }).ExpectAsync(HttpStatusCode.Created);
        var twice = await registrar.PostAsJsonAsync("/api/v1/investigations/file-reviews",
            new { title = "Twice", periodFrom = day.AddDays(-1), periodTo = day.AddDays(1), design = "Simple", sampleSize = 5, seed = 11 }).ExpectAsync(HttpStatusCode.Created);
        async Task<List<long>> SampleOf(long review) => [.. (await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/investigations/file-reviews/{review}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("investigationId").GetInt64())];
        Assert.Equal(await SampleOf(again.Id()), await SampleOf(twice.Id()));
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/investigations/file-reviews/{id}")).StatusCode);
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/investigations/file-reviews/{id}")).StatusCode);
    }
}
