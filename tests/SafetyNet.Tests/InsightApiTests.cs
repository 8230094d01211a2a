using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Insight;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>The insight API: the daily pack and its exports, strength on duty, near repeat, open-data rates and hotspots.</summary>
public class InsightApiTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Midnight in London <paramref name="days"/> days from the London date of <paramref name="now"/>.</summary>
    private static DateTimeOffset LondonMidnight(DateTimeOffset now, int days)
    {
        var midnight = TimeZoneInfo.ConvertTime(now, ForceClock.London).Date.AddDays(days);
        return new DateTimeOffset(midnight, ForceClock.London.GetUtcOffset(midnight));
    }

    private static async Task SeedAsync(SafetyNetApp app, int incidents) =>
        await app.WithServiceAsync<DemoSeeder, SyntheticBatch>(seeder => seeder.AddAsync(incidents, 7, null, CancellationToken.None));

    [Theory, Providers]
    public async Task The_pack_counts_demand_and_compliance_as_the_records_hold_them(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        await SeedAsync(app, 600);
        var now = app.Time.GetUtcNow();
        var client = await app.ClientForAsync(Roles.Supervisor);

        var response = await client.GetAsync("/api/v1/insight/pack?fresh=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pack = await JsonAsync(response);

        var expected = await app.WithDbAsync(async db => new
        {
            Day = await db.Incidents.CountAsync(i => i.ReportedAt >= now.AddHours(-24)),
            Week = await db.Incidents.CountAsync(i => i.ReportedAt >= now.AddDays(-7)),
            // The baseline: whole force days (London's) from 35 to 7 days before today.
            Baseline = await db.Incidents.CountAsync(i => i.ReportedAt >= LondonMidnight(now, -35) && i.ReportedAt < LondonMidnight(now, -7)),
            CrimesDue = await db.CrimeRecords.CountAsync(c => c.DueAt >= now.AddDays(-7) && c.DueAt <= now),
            CrimesOnTime = await db.CrimeRecords.CountAsync(c => c.DueAt >= now.AddDays(-7) && c.DueAt <= now && c.DecidedAt != null && c.DecidedAt <= c.DueAt),
            Burglaries = await db.Incidents.CountAsync(i => i.TypeCode == "BURGLARY-RESIDENTIAL" && i.ReportedAt >= now.AddDays(-84)),
        });
        var total = pack.GetProperty("total");
        Assert.True(expected.Week > 20, "the synthetic quarter puts reports in the last week");
        Assert.Equal(expected.Day, total.GetProperty("last24Hours").GetInt32());
        Assert.Equal(expected.Week, total.GetProperty("last7Days").GetInt32());
        Assert.Equal(expected.Baseline / 4.0, total.GetProperty("weeklyAverage").GetDouble(), 6);
        Assert.Equal(expected.Week, pack.GetProperty("demandByDistrict").EnumerateArray().Sum(d => d.GetProperty("last7Days").GetInt32()));

        var recording = pack.GetProperty("compliance").EnumerateArray().First();
        Assert.Equal("Crime recording decisions within 24 hours", recording.GetProperty("measure").GetString());
        Assert.Equal(expected.CrimesDue, recording.GetProperty("due").GetInt32());
        Assert.Equal(expected.CrimesOnTime, recording.GetProperty("met").GetInt32());

        var hotspots = pack.GetProperty("hotspots").EnumerateArray().ToList();
        Assert.Equal(ManagementPack.HotspotCells, hotspots.Count);
        Assert.Equal(Enumerable.Range(1, hotspots.Count), hotspots.Select(h => h.GetProperty("rank").GetInt32()));
        Assert.True(hotspots[0].GetProperty("incidents").GetInt32() >= 1, "the highest-risk square holds reports");
        Assert.All(hotspots, h => Assert.Equal(4, h.GetProperty("corners").GetArrayLength()));
        // Each square is named by the gazetteer street nearest its centre, in words and not only coordinates.
        var gazetteer = SafetyNet.Locations.Gazetteer.Load();
        Assert.All(hotspots, h => Assert.Contains(gazetteer.Places, p => p.Street == h.GetProperty("street").GetString()));

        // Repeat victims: each has at least three reports as a victim within three months, by the person key.
        foreach (var victim in pack.GetProperty("repeatVictims").EnumerateArray())
        {
            Assert.True(victim.GetProperty("reports").GetInt32() >= SafetyNet.People.IdentityRules.Default.RepeatVictim.Incidents);
        }
        // Reading the pack, which names victims, is audited.
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "pack.read" && e.Actor == SafetyNetApp.DemoEmail(Roles.Supervisor))));
    }

    [Theory, Providers]
    public async Task The_pack_is_for_force_staff_its_district_is_checked_and_it_exports_as_csv_and_xlsx(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        await SeedAsync(app, 200);
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/insight/pack")).StatusCode);
        var partnerCsv = await partner.GetAsync("/api/v1/insight/pack.csv");
        Assert.Equal(HttpStatusCode.NotFound, partnerCsv.StatusCode);

        var analyst = await app.ClientForAsync(Roles.Analyst);
        var bad = await analyst.GetAsync("/api/v1/insight/pack?district=Gotham");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Watford", (await JsonAsync(bad)).GetProperty("errors").GetProperty("district")[0].GetString());

        var watford = await JsonAsync(await analyst.GetAsync("/api/v1/insight/pack?district=Watford&fresh=true"));
        var inWatford = await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.District == "Watford" && i.ReportedAt >= app.Time.GetUtcNow().AddDays(-7)));
        Assert.Equal(inWatford, watford.GetProperty("total").GetProperty("last7Days").GetInt32());
        // The district is checked against the force's one list, as everywhere else: in any case, read as the force spells it.
        var lower = await analyst.GetAsync("/api/v1/insight/pack?district=watford");
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal(inWatford, (await JsonAsync(lower)).GetProperty("total").GetProperty("last7Days").GetInt32());

        var csv = await analyst.GetAsync("/api/v1/insight/pack.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,item,measure,value", lines[0]);
        var pack = await JsonAsync(await analyst.GetAsync("/api/v1/insight/pack"));
        Assert.Contains($"Demand by type,All incidents,Last 7 days,{pack.GetProperty("total").GetProperty("last7Days").GetInt32()}", lines);

        var xlsx = await analyst.GetAsync("/api/v1/insight/pack.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(book);
        Assert.Equal(["Demand by type", "Demand by district", "Hotspots", "Repeat victims", "Repeat locations", "High risk", "Strength on duty", "Compliance"], sheets);
        book.Position = 0;
        var compliance = MiniExcel.Query(book, useHeaderRow: true, sheetName: "Compliance").Cast<IDictionary<string, object>>().First();
        Assert.Equal("Crime recording decisions within 24 hours", compliance["Measure"]);
        // Every export is audited with its recipient.
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "pack.export" && e.Actor == SafetyNetApp.DemoEmail(Roles.Analyst))));
    }

    [Theory, Providers]
    public async Task A_supervisor_records_strength_and_abstractions_and_a_stale_correction_is_refused(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var invalid = await supervisor.PutAsJsonAsync("/api/v1/insight/strength", new { date = today, shift = "Dawn", district = "Gotham", planned = -1, onDuty = 4, neighbourhoodAbstracted = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        foreach (var field in new[] { "shift", "district", "planned", "neighbourhoodAbstracted" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StrengthOnDuty>().CountAsync()));

        var first = await supervisor.PutAsJsonAsync("/api/v1/insight/strength", new { date = today, shift = "Early", district = "Stevenage", planned = 12, onDuty = 10, neighbourhoodAbstracted = 3, abstractionReason = "Cover for a football match" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var version = (await JsonAsync(first)).GetProperty("version").GetInt32();

        var stale = await supervisor.PutAsJsonAsync("/api/v1/insight/strength", new { date = today, shift = "Early", district = "Stevenage", planned = 12, onDuty = 9, neighbourhoodAbstracted = 3, abstractionReason = "Match", version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var corrected = await supervisor.PutAsJsonAsync("/api/v1/insight/strength", new { date = today, shift = "Early", district = "Stevenage", planned = 12, onDuty = 9, neighbourhoodAbstracted = 3, abstractionReason = "Cover for a football match", version });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsJsonAsync("/api/v1/insight/strength", new { date = today, shift = "Late", district = "Stevenage", planned = 1, onDuty = 1, neighbourhoodAbstracted = 0 })).StatusCode);

        var pack = await JsonAsync(await officer.GetAsync("/api/v1/insight/pack?fresh=true"));
        var row = Assert.Single(pack.GetProperty("strength").EnumerateArray());
        Assert.Equal("Stevenage", row.GetProperty("district").GetString());
        Assert.Equal(9, row.GetProperty("onDuty").GetInt32());
        Assert.Equal(3, row.GetProperty("abstracted").GetInt32());
    }

    [Fact]
    public async Task Near_repeat_reproduces_the_calculators_table_and_refuses_bad_bands()
    {
        await using var app = await new SafetyNetApp(DatabaseProvider.Sqlite).ReadyAsync();
        var analyst = await app.ClientForAsync(Roles.Analyst);
        var events = File.ReadAllLines(SharedData.Path("nearrepeat", "chicago_be_month1.csv")).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new { x = double.Parse(f[0], CultureInfo.InvariantCulture), y = double.Parse(f[1], CultureInfo.InvariantCulture), date = f[2] }).ToList();
        var response = await analyst.PostAsJsonAsync("/api/v1/insight/nearrepeat", new { events, distanceBand = 100, distanceBands = 3, timeBand = 7, timeBands = 3, permutations = 99, seed = 1 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = await JsonAsync(response);
        Assert.Equal(469_965, table.GetProperty("pairs").GetInt64());
        var observed = table.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("observed").GetInt64()).ToArray();
        Assert.Equal([28, 5, 5, 2, 44, 13, 8, 4, 97, 56, 19, 16, 77, 67, 45, 20, 182194, 146149, 95237, 45879], observed);

        var bad = await analyst.PostAsJsonAsync("/api/v1/insight/nearrepeat", new { events = new[] { new { x = 1.0, y = 2.0, date = "2021-01-01" } }, distanceBand = 0, distanceBands = 3, timeBand = 7, timeBands = 3, metric = "chebyshev" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("events", out _));
        Assert.True(errors.TryGetProperty("distanceBand", out _));
        Assert.True(errors.TryGetProperty("metric", out _));

        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync("/api/v1/insight/nearrepeat", new { events, distanceBand = 100, distanceBands = 3, timeBand = 7, timeBands = 3 })).StatusCode);
    }

    [Theory, Providers]
    public async Task Open_data_rates_and_hotspots_come_from_the_imported_year_with_their_vintage(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/insight/rates")).StatusCode);

        var (code, _, _) = await CliRun.RunAsync(CliRun.For(app, "import", "policeuk", SharedData.Path("policeuk", "hertfordshire-2021.zip")));
        Assert.Equal(0, code);

        // Open data is public: a partner may see the rates.
        var response = await partner.GetAsync("/api/v1/insight/rates?from=2021-07&to=2021-12");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rates = await JsonAsync(response);
        Assert.Equal("2011 Census usual residents", rates.GetProperty("populationVintage").GetString());
        Assert.Equal(1_116_062, rates.GetProperty("population").GetInt64());
        Assert.Equal("2021-01", rates.GetProperty("previousFrom").GetString());
        var burglary = rates.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "Burglary");
        var (current, previous) = await app.WithDbAsync(async db => (
            await db.OpenDataCrimes.CountAsync(c => c.CrimeType == "Burglary" && c.District != null && c.Month >= new DateOnly(2021, 7, 1)),
            await db.OpenDataCrimes.CountAsync(c => c.CrimeType == "Burglary" && c.District != null && c.Month < new DateOnly(2021, 7, 1))));
        Assert.Equal(current, burglary.GetProperty("count").GetInt32());
        Assert.Equal(current * 2 * 1000.0 / 1_116_062, burglary.GetProperty("ratePerThousand").GetDouble(), 9);
        Assert.Equal(previous * 2 * 1000.0 / 1_116_062, burglary.GetProperty("previousRatePerThousand").GetDouble(), 9);
        Assert.Equal(244_648 * 1000.0 / 56_075_912, burglary.GetProperty("englandAndWalesRatePerThousand").GetDouble(), 9);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/v1/insight/rates?from=2021-13")).StatusCode);

        // Hotspots guide the force's patrols: they are for the daily management meeting, not for partners.
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/api/v1/insight/hotspots?type=Burglary&until=2021-10&areaKm2=16.43")).StatusCode);
        var analyst = await app.ClientForAsync(Roles.Analyst);
        var hotspots = await analyst.GetAsync("/api/v1/insight/hotspots?type=Burglary&until=2021-10&areaKm2=16.43");
        Assert.Equal(HttpStatusCode.OK, hotspots.StatusCode);
        Assert.Equal("application/geo+json", hotspots.Content.Headers.ContentType!.MediaType);
        var geo = await JsonAsync(hotspots);
        Assert.Equal("2021-11", geo.GetProperty("month").GetString());
        Assert.Equal(16.43, geo.GetProperty("area_km2").GetDouble(), 1);
        Assert.True(geo.GetProperty("features").GetArrayLength() > 1000);

        var wrong = await analyst.GetAsync("/api/v1/insight/hotspots?type=Burglary&areaKm2=0");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await JsonAsync(wrong)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("until", out _));
        Assert.True(errors.TryGetProperty("areaKm2", out _));
    }
}
