using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Insight;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Outcome and charge rates with their intervals, and the force's outcomes in the police.uk file (decision 0113). The
/// finalised investigations are written straight into the database: finalising them on pages is another step's work.
/// Each test uses a year no other test finalises in, so its figures are its own.
/// </summary>
[Collection("app")]
public class InvestigationOutcomesTests(AppFixture fixture)
{
    private const double Tolerance = 1e-4;

    /// <summary>A crime recorded on one reported burglary, finalised (or not) with the outcome given, by the team given.</summary>
    private sealed record Finalised(string Reference, string Subgroup, string? Code, DateTimeOffset? At, int TeamId);

    private static async Task<long> IncidentAsync(SafetyNetApp app)
    {
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary()).ExpectAsync(HttpStatusCode.Created);
        return incident.GetProperty("id").GetInt64();
    }

    private static Task<int> TeamAsync(SafetyNetApp app, string name) => app.WithDbAsync(async db =>
    {
        var force = await db.Agencies.Where(a => a.Code == AccountSeeder.ForceCode).Select(a => a.Id).SingleAsync();
        var team = new Team { AgencyId = force, Code = name.ToUpperInvariant().Replace(' ', '-'), Name = name };
        db.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    private static Task<int> FinaliseAsync(SafetyNetApp app, long incident, IEnumerable<Finalised> crimes) => app.WithDbAsync(async db =>
    {
        foreach (var c in crimes)
        {
            var record = new CrimeRecord
            {
                IncidentId = incident, Status = CrimeRecordingStatus.Recorded, CrimeReference = c.Reference, OffenceSubgroup = c.Subgroup,
                PoliceUkCategory = OffenceSubgroups.CategoryOf(c.Subgroup), DueAt = SafetyNetApp.Start, DecidedAt = SafetyNetApp.Start, DecidedBy = "test",
            };
            db.Add(record);
            await db.SaveChangesAsync();
            db.Add(new Investigation
            {
                CrimeRecordId = record.Id, IncidentId = incident, CrimeGroup = "volume", RequiredPipLevel = 1, TeamId = c.TeamId,
                Status = c.Code is null ? InvestigationStatus.Allocated : InvestigationStatus.Finalised, OutcomeCode = c.Code,
                OpenedAt = (c.At ?? SafetyNetApp.Start).AddDays(-30), FinalisedAt = c.At, FinalisedBy = c.Code is null ? null : "test",
            });
        }
        return await db.SaveChangesAsync();
    });

    private static void Near(double expected, JsonElement actual, string name) =>
        Assert.True(Math.Abs(expected - actual.GetDouble()) < Tolerance, $"{name}: expected {expected}, got {actual.GetDouble()}");

    [Theory, Providers]
    public async Task Charge_and_outcome_rates_by_team_and_quarter_carry_their_Wilson_intervals(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var incident = await IncidentAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (teamA, teamB) = (await TeamAsync(app, $"Outcomes A {marker}"), await TeamAsync(app, $"Outcomes B {marker}"));
        var january = new DateTimeOffset(2019, 1, 15, 12, 0, 0, TimeSpan.Zero);
        // Team A, first quarter of 2019: ten finalised, three charged (1, 1, 1A); one still open and one finalised in 2020 are not counted.
        string[] codesA = ["1", "1", "1A", "18", "18", "18", "14", "15", "8", "3"];
        var crimes = codesA.Select((code, n) => new Finalised($"A{marker}/{n}", "Residential burglary", code, january.AddDays(n * 7), teamA)).ToList();
        crimes.Add(new($"A{marker}/open", "Residential burglary", null, null, teamA));
        crimes.Add(new($"A{marker}/2020", "Residential burglary", "1", new DateTimeOffset(2020, 1, 10, 12, 0, 0, TimeSpan.Zero), teamA));
        // Team B, second quarter: four finalised, one charged. 23:30 on 31 March 2019 (UTC) is already April on the force's clock (BST began that morning).
        crimes.Add(new($"B{marker}/0", "Shoplifting", "1", new DateTimeOffset(2019, 3, 31, 23, 30, 0, TimeSpan.Zero), teamB));
        crimes.AddRange(new[] { "18", "18", "16" }.Select((code, n) => new Finalised($"B{marker}/{n + 1}", "Shoplifting", code, new DateTimeOffset(2019, 5, 2 + n, 9, 0, 0, TimeSpan.Zero), teamB)));
        await FinaliseAsync(app, incident, crimes);

        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var rates = await supervisor.GetAsync("/api/v1/investigations/outcome-rates?from=2019-01&to=2019-12&by=team&period=quarter").ExpectAsync(HttpStatusCode.OK);
        var rows = rates.GetProperty("rows").EnumerateArray().ToList();
        var a = Assert.Single(rows, r => r.GetProperty("group").GetString() == $"Outcomes A {marker}");
        var b = Assert.Single(rows, r => r.GetProperty("group").GetString() == $"Outcomes B {marker}");
        Assert.Equal(("2019 Q1", 10, 3), (a.GetProperty("period").GetString(), a.GetProperty("finalised").GetInt32(), a.GetProperty("charged").GetProperty("count").GetInt32()));
        Assert.Equal(("2019 Q2", 4, 1), (b.GetProperty("period").GetString(), b.GetProperty("finalised").GetInt32(), b.GetProperty("charged").GetProperty("count").GetInt32()));
        // Wilson 95 % score intervals as published tables give them: 3 of 10 → 10.78 % to 60.32 %; 1 of 4 → 4.56 % to 69.94 %.
        Near(0.3, a.GetProperty("charged").GetProperty("rate"), "A rate");
        Near(0.107791, a.GetProperty("charged").GetProperty("lower"), "A lower");
        Near(0.603222, a.GetProperty("charged").GetProperty("upper"), "A upper");
        Near(0.25, b.GetProperty("charged").GetProperty("rate"), "B rate");
        Near(0.045587, b.GetProperty("charged").GetProperty("lower"), "B lower");
        Near(0.699358, b.GetProperty("charged").GetProperty("upper"), "B upper");
        // Each outcome type's share, in the Home Office's order: team A's three 18s are 3 of 10 too.
        var outcomes = a.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(["1", "1A", "3", "8", "14", "15", "18"], outcomes.Select(o => o.GetProperty("code").GetString()));
        var noSuspect = outcomes.Single(o => o.GetProperty("code").GetString() == "18").GetProperty("share");
        Assert.Equal(3, noSuspect.GetProperty("count").GetInt32());
        Near(0.107791, noSuspect.GetProperty("lower"), "18 lower");
        // The whole year: 4 charged of 14 → 11.72 % to 54.65 %.
        Assert.Equal(14, rates.GetProperty("finalised").GetInt32());
        Near(0.117214, rates.GetProperty("charged").GetProperty("lower"), "year lower");
        Near(0.546491, rates.GetProperty("charged").GetProperty("upper"), "year upper");

        // The download: the same figures as CSV, audited as an export with its recipient.
        var csv = await supervisor.GetAsync("/api/v1/investigations/outcome-rates.csv?from=2019-01&to=2019-12&by=team&period=quarter");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("period,group,finalised,outcome,outcome_name,count,rate,lower_95,upper_95\n", text, StringComparison.Ordinal);
        Assert.Contains($"2019 Q1,Outcomes A {marker},10,charge,Charged or summonsed (1 and 1A),3,0.3,0.107791,0.603222\n", text, StringComparison.Ordinal);
        var audited = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "investigation.outcome-rates.export" && e.RecordId == "2019-01..2019-12").ToListAsync());
        Assert.Contains(audited, e => e.Details!.Contains($"recipient={SafetyNetApp.DemoEmail(Roles.Supervisor)}", StringComparison.Ordinal));

        // Analysts read the figures; an officer and a partner are answered as if there were none; a bad month is named.
        var analyst = await app.ClientForAsync(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/investigations/outcome-rates?from=2019-01&to=2019-12")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Roles.Officer)).GetAsync("/api/v1/investigations/outcome-rates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Roles.PartnerCaseworker)).GetAsync("/api/v1/investigations/outcome-rates")).StatusCode);
        var problem = await supervisor.GetAsync("/api/v1/investigations/outcome-rates?from=2019-13&period=week").ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }

    [Fact]
    public void A_crime_id_is_64_lowercase_hex_characters_of_SHA_256_and_the_same_for_the_same_crime()
    {
        var id = PoliceUkOutcomes.CrimeId("HERTS-POLICE", "41/00123/26");
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal(id, PoliceUkOutcomes.CrimeId("HERTS-POLICE", "41/00123/26"));
        Assert.NotEqual(id, PoliceUkOutcomes.CrimeId("HERTS-POLICE", "41/00124/26"));
        Assert.NotEqual(id, PoliceUkOutcomes.CrimeId("BEDS-POLICE", "41/00123/26"));
        // SHA-256 of the UTF-8 text "HERTS-POLICE|41/00123/26" (decision 0113).
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("HERTS-POLICE|41/00123/26"u8)), id);
    }

    [Theory, Providers]
    public async Task A_months_outcomes_exported_in_the_police_uk_layout_import_back_with_the_same_outcomes(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var incident = await IncidentAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var team = await TeamAsync(app, $"Outcomes C {marker}");
        var may = new DateTimeOffset(2018, 5, 10, 12, 0, 0, TimeSpan.Zero);
        await FinaliseAsync(app, incident,
        [
            new($"C{marker}/1", "Residential burglary", "1", may, team),
            new($"C{marker}/2", "Residential burglary", "18", may.AddDays(1), team),
            new($"C{marker}/3", "Shoplifting", "8", may.AddDays(2), team),
            new($"C{marker}/4", "Shoplifting", "18", new DateTimeOffset(2018, 6, 3, 12, 0, 0, TimeSpan.Zero), team),
        ]);

        var registrar = await app.ClientForAsync(Roles.CrimeRegistrar);
        var response = await registrar.GetAsync("/api/v1/investigations/outcomes.csv?month=2018-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n", text, StringComparison.Ordinal);
        // Exported twice, the file is the same: the Crime IDs are stable.
        Assert.Equal(text, await registrar.GetStringAsync("/api/v1/investigations/outcomes.csv?month=2018-05"));

        var folder = Directory.CreateTempSubdirectory("outcomes-");
        try
        {
            var path = Path.Combine(folder.FullName, "2018-05-hertfordshire-outcomes.csv");
            await File.WriteAllTextAsync(path, text, Encoding.UTF8);
            var data = PoliceUkArchive.Read([path], PoliceUkFiles.Outcomes);
            var report = await app.WithDbAsync(db => new PoliceUkImport(db).ImportAsync(data, null, CancellationToken.None));
            Assert.Equal(0, report.RejectedTotal);

            static string Id(string reference) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"HERTS-POLICE|{reference}")));
            var expected = new Dictionary<string, string>
            {
                [Id($"C{marker}/1")] = "Suspect charged",
                [Id($"C{marker}/2")] = "Investigation complete; no suspect identified",
                [Id($"C{marker}/3")] = "Local resolution",
            };
            var keys = expected.Keys.Append(Id($"C{marker}/4")).ToList();
            var imported = await app.WithDbAsync(db => db.OpenDataOutcomes.AsNoTracking().Where(o => keys.Contains(o.CrimeId)).ToListAsync());
            // June's finalisation is in June's file, not May's.
            Assert.Equal(expected.OrderBy(e => e.Key), imported.Select(o => KeyValuePair.Create(o.CrimeId, o.OutcomeType)).OrderBy(e => e.Key));
            Assert.All(imported, o => Assert.Equal(new DateOnly(2018, 5, 1), o.Month));
            // The place is police.uk's anonymised point near Holywell Hill, in a St Albans LSOA; never the address.
            var read = data.Outcomes.Where(o => expected.ContainsKey(o.CrimeId)).ToList();
            Assert.All(read, o => Assert.StartsWith("St Albans", o.LsoaName, StringComparison.Ordinal));
            Assert.All(read, o => Assert.StartsWith("On or near ", o.Location, StringComparison.Ordinal));
            Assert.All(read, o => Assert.Equal("Hertfordshire Constabulary", o.FallsWithin));
            Assert.DoesNotContain("14 Holywell Hill", text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
