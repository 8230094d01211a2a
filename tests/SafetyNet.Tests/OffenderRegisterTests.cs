using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using SafetyNet.Web;

namespace SafetyNet.Tests;

/// <summary>
/// The offender register (decision 0121): the force's alone, every read audited; searched by area and offence type;
/// who was released this week; reminders before licence and bail conditions expire.
/// </summary>
[Collection("app")]
public class OffenderRegisterTests(AppFixture fixture)
{
    // A point in Hemel Hempstead the searches are made around, and places at known distances from it.
    private const double Lat = 51.7526, Lon = -0.4692;
    private const double MetresPerDegreeLat = 111_195;

    private static (double Lat, double Lon) North(double metres) => (Lat + metres / MetresPerDegreeLat, Lon);

    /// <summary>People entered on one incident, each an identity of their own; their identity numbers by first name.</summary>
    private static async Task<Dictionary<string, long>> IdentitiesAsync(SafetyNetApp app, string surname, params string[] firstNames)
    {
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var report = Reports.Burglary(null, "PRIORITY", [.. firstNames.Select((f, i) => (object)new { role = "Suspect", firstName = f, lastName = surname, dateOfBirth = $"199{i}-0{i + 1}-15" })]);
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);
        var people = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incident.Id()).Select(p => new { p.FirstName, p.IdentityId }).ToListAsync());
        return people.ToDictionary(p => p.FirstName!, p => p.IdentityId!.Value);
    }

    private static async Task<(long Id, int Version)> AddAsync(HttpClient officer, long identityId, (double Lat, double Lon)? home = null, string? district = null)
    {
        var created = await officer.PostAsJsonAsync("/api/v1/offenders", new { identityId, homeLatitude = home?.Lat, homeLongitude = home?.Lon, homeDistrict = district })
            .ExpectAsync(HttpStatusCode.Created);
        return (created.GetProperty("offenderId").GetInt64(), created.GetProperty("version").GetInt32());
    }

    private static async Task<int> PostAsync(HttpClient officer, string path, object body) =>
        (await officer.PostAsJsonAsync(path, body).ExpectAsync(HttpStatusCode.Created)).GetProperty("version").GetInt32();

    [Theory, Providers]
    public async Task The_register_is_the_forces_alone_its_additions_are_checked_and_every_read_is_audited(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var surname = $"Zr{Guid.NewGuid():N}"[..12];
        var people = await IdentitiesAsync(app, surname, "Dean");
        var officer = await app.ClientForAsync(Roles.Officer);
        var (id, version) = await AddAsync(officer, people["Dean"], North(100), "Dacorum");

        // Each addition names its bad fields; a stale version is 409 and changes nothing.
        var bad = await officer.PostAsJsonAsync($"/api/v1/offenders/{id}/arrests", new { arrestedAt = app.Time.GetUtcNow().AddDays(-1), offenceCode = "2800", version })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("five-digit", bad.GetProperty("errors").GetProperty("offenceCode")[0].GetString());
        var intelligence = await officer.PostAsJsonAsync($"/api/v1/offenders/{id}/intelligence", new { text = "Seen with a crowbar", sourceEvaluation = 4, assessment = "F", handlingCode = "C", version })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["assessment", "handlingConditions", "sourceEvaluation"], intelligence.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        version = await PostAsync(officer, $"/api/v1/offenders/{id}/markers", new { kind = "WEAPONS", note = "Carries a knife", version });
        await officer.PostAsJsonAsync($"/api/v1/offenders/{id}/markers", new { kind = "VIOLENCE", version = version - 1 }).ExpectAsync(HttpStatusCode.Conflict);
        version = await PostAsync(officer, $"/api/v1/offenders/{id}/intelligence",
            new { text = "Selling stolen jewellery at the market", sourceEvaluation = 2, assessment = "B", handlingCode = "C", handlingConditions = "Not to be shared outside the force", version });
        await PostAsync(officer, $"/api/v1/offenders/{id}/sanctions", new { kind = "Conviction", sanctionedOn = "2015-03-02", offenceCode = "02800", disposal = "Immediate custody, 18 months", version });

        // Force readers see every section; the read is audited.
        var analyst = await app.ClientForAsync(Roles.Analyst);
        var record = await analyst.GetAsync($"/api/v1/offenders/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Weapons"], record.GetProperty("markers").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var intel = record.GetProperty("intelligence")[0];
        Assert.Equal((2, "B", "C"), (intel.GetProperty("sourceEvaluation").GetInt32(), intel.GetProperty("assessment").GetString(), intel.GetProperty("handlingCode").GetString()));
        // Born 15 January 1990, first convicted 2 March 2015: 25 at the first sanction.
        Assert.Equal((1, 25), (record.GetProperty("sanctionCounts").GetProperty("total").GetInt32(), record.GetProperty("sanctionCounts").GetProperty("ageAtFirstSanction").GetInt32()));
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "offender.read" && e.RecordId == idText)));

        // A partner caseworker, and force staff outside the register's roles, find nothing: not the record, its
        // intelligence and markers, nor a search; and adding is refused as if the record did not exist.
        var partner = await app.ClientForAsync(Roles.PartnerCaseworker);
        var callHandler = await app.ClientForAsync(Roles.CallHandler);
        foreach (var outsider in new[] { partner, callHandler })
        {
            await outsider.GetAsync($"/api/v1/offenders/{id}").ExpectAsync(HttpStatusCode.NotFound);
            await outsider.GetAsync($"/api/v1/offenders?name={surname}").ExpectAsync(HttpStatusCode.NotFound);
            await outsider.GetAsync("/api/v1/offenders/released").ExpectAsync(HttpStatusCode.NotFound);
            await outsider.PostAsJsonAsync($"/api/v1/offenders/{id}/intelligence", new { text = "x", sourceEvaluation = 1, assessment = "A", handlingCode = "P", version = 9 })
                .ExpectAsync(HttpStatusCode.NotFound);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "offender.read" && e.RecordId == idText)));
        // The community focus desk reads the register but adds nothing to it.
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        await desk.GetAsync($"/api/v1/offenders/{id}").ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/offenders/{id}/markers", new { kind = "DRUGS", version = version + 1 }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task Who_lives_or_was_recently_arrested_near_a_hotspot_is_found_by_offence_and_who_was_released_this_week(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var now = app.Time.GetUtcNow();
        var today = ForceClock.DayOf(now);
        var surname = $"Zs{Guid.NewGuid():N}"[..12];
        var people = await IdentitiesAsync(app, surname, "Alan", "Bella", "Carl", "Dora", "Evan");
        var officer = await app.ClientForAsync(Roles.Officer);
        // Alan lives 200 m from the point and has a burglary arrest; Bella lives 3 km away but was arrested for robbery
        // 300 m from it ten days ago; Carl lives 2 km away; Dora was arrested 100 m from it, but 200 days ago.
        var alan = await AddAsync(officer, people["Alan"], North(200), "Dacorum");
        await PostAsync(officer, $"/api/v1/offenders/{alan.Id}/arrests", new { arrestedAt = now.AddDays(-400), offenceCode = "02800", outcome = "Charged", version = alan.Version });
        var bella = await AddAsync(officer, people["Bella"], North(3000), "Dacorum");
        var (bLat, bLon) = North(300);
        await PostAsync(officer, $"/api/v1/offenders/{bella.Id}/arrests",
            new { arrestedAt = now.AddDays(-10), offenceCode = "03401", outcome = "Bailed", latitude = bLat, longitude = bLon, district = "Dacorum", version = bella.Version });
        var carl = await AddAsync(officer, people["Carl"], North(2000), "Dacorum");
        var dora = await AddAsync(officer, people["Dora"], North(5000), "St Albans");
        var (dLat, dLon) = North(100);
        await PostAsync(officer, $"/api/v1/offenders/{dora.Id}/arrests",
            new { arrestedAt = now.AddDays(-200), offenceCode = "02800", latitude = dLat, longitude = dLon, district = "Dacorum", version = dora.Version });

        async Task<string[]> NamesAsync(string query) =>
            [.. (await officer.GetAsync($"/api/v1/offenders?name={surname}&{query}").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("name").GetString()!.Split(' ')[0]).Order()];
        var near = FormattableString.Invariant($"latitude={Lat}&longitude={Lon}&radius=500");
        Assert.Equal(["Alan"], await NamesAsync(near));
        Assert.Equal(["Alan", "Bella"], await NamesAsync(near + "&activeDays=30"));
        Assert.Equal(["Alan", "Bella", "Dora"], await NamesAsync(near + "&activeDays=365"));
        Assert.Equal(["Alan", "Dora"], await NamesAsync(near + "&activeDays=365&offenceType=BURGLARY"));
        Assert.Equal(["Alan", "Bella", "Carl"], await NamesAsync("district=Dacorum"));
        Assert.Equal(["Alan", "Dora"], await NamesAsync("offenceType=BURGLARY"));
        var search = await officer.GetAsync($"/api/v1/offenders?name={surname}&{near}&activeDays=30").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Arrested 300 m away on " + ForceClock.Format(now.AddDays(-10)), "Lives 200 m away"],
            search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("why").GetString()).Order());
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "offender.search" && e.Details!.Contains($"records={Math.Min(alan.Id, bella.Id)},"))));
        var problem = await officer.GetAsync(FormattableString.Invariant($"/api/v1/offenders?district=Dacorum&latitude={Lat}&longitude={Lon}&radius=20000")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["district", "radius"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        // Released this week: Carl two days ago; Evan (Watford) yesterday; Alan eight days ago is not this week's.
        var evan = await AddAsync(officer, people["Evan"], North(20_000), "Watford");
        var spell = await officer.PostAsJsonAsync($"/api/v1/offenders/{carl.Id}/custody", new { startedOn = today.AddDays(-300), establishment = "HMP The Mount", version = carl.Version })
            .ExpectAsync(HttpStatusCode.Created);
        await officer.PostAsJsonAsync($"/api/v1/offenders/{carl.Id}/custody/{spell.GetProperty("itemId").GetInt64()}/release",
            new { releasedOn = today.AddDays(1), version = spell.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.BadRequest);
        await officer.PostAsJsonAsync($"/api/v1/offenders/{carl.Id}/custody/{spell.GetProperty("itemId").GetInt64()}/release",
            new { releasedOn = today.AddDays(-2), version = spell.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        await PostAsync(officer, $"/api/v1/offenders/{evan.Id}/custody", new { startedOn = today.AddDays(-90), releasedOn = today.AddDays(-1), version = evan.Version });
        await PostAsync(officer, $"/api/v1/offenders/{alan.Id}/custody", new { startedOn = today.AddDays(-90), releasedOn = today.AddDays(-8), version = alan.Version + 1 });
        async Task<string[]> ReleasedAsync(string query) =>
            [.. (await officer.GetAsync($"/api/v1/offenders/released?pageSize=500{query}").ExpectAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("name").GetString()!).Where(n => n.EndsWith(surname, StringComparison.Ordinal)).Select(n => n.Split(' ')[0]).Order()];
        Assert.Equal(["Carl", "Evan"], await ReleasedAsync(""));
        Assert.Equal(["Carl"], await ReleasedAsync("&district=Dacorum"));
    }

    [Theory, Providers]
    public async Task A_reminder_falls_due_a_week_before_licence_conditions_expire_and_a_breach_is_recorded_within_them(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var now = app.Time.GetUtcNow();
        var today = ForceClock.DayOf(now);
        var surname = $"Zc{Guid.NewGuid():N}"[..12];
        var people = await IdentitiesAsync(app, surname, "Fay", "Gus");
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var fay = await AddAsync(supervisor, people["Fay"], district: "Watford");
        var gus = await AddAsync(supervisor, people["Gus"], district: "Watford");
        // Fay's licence expires in five days: its reminder (seven days before) is due. Gus's bail expires in thirty.
        var licence = await supervisor.PostAsJsonAsync($"/api/v1/offenders/{fay.Id}/conditions",
            new { kind = "Licence", conditions = "Curfew 19:00 to 07:00; not to enter Watford town centre", startsOn = today.AddDays(-60), expiresOn = today.AddDays(5), version = fay.Version })
            .ExpectAsync(HttpStatusCode.Created);
        await PostAsync(supervisor, $"/api/v1/offenders/{gus.Id}/conditions",
            new { kind = "Bail", conditions = "Reside at his mother's address", startsOn = today.AddDays(-2), expiresOn = today.AddDays(30), version = gus.Version });
        var bad = await supervisor.PostAsJsonAsync($"/api/v1/offenders/{gus.Id}/conditions",
            new { kind = "Parole", conditions = "", startsOn = today, expiresOn = today.AddDays(-1), version = gus.Version + 1 }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["conditions", "expiresOn", "kind"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        var reminders = (await supervisor.GetAsync("/api/v1/offenders/reminders").ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
            .Where(r => r.GetProperty("name").GetString()!.EndsWith(surname, StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(("Fay " + surname, today.AddDays(5)), (reminder.GetProperty("name").GetString(), reminder.GetProperty("expiresOn").Deserialize<DateOnly>()));
        Assert.Equal(ForceClock.StartOf(today.AddDays(-2)), reminder.GetProperty("reminderDueAt").GetDateTimeOffset());

        // A breach is recorded while the licence is in force, not before it started.
        var conditionId = licence.GetProperty("itemId").GetInt64();
        var early = await supervisor.PostAsJsonAsync($"/api/v1/offenders/{fay.Id}/conditions/{conditionId}/breaches",
            new { breachedAt = now.AddDays(-61), details = "Out after curfew", version = licence.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("breachedAt", out _));
        await PostAsync(supervisor, $"/api/v1/offenders/{fay.Id}/conditions/{conditionId}/breaches",
            new { breachedAt = now.AddDays(-3), details = "Out after curfew: seen in the town centre at 23:10", version = licence.GetProperty("version").GetInt32() });
        var record = await supervisor.GetAsync($"/api/v1/offenders/{fay.Id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Out after curfew: seen in the town centre at 23:10", record.GetProperty("conditions")[0].GetProperty("breaches")[0].GetProperty("details").GetString());
    }

    [Theory, Providers]
    public async Task Importing_a_file_twice_changes_nothing_the_second_time_and_each_bad_row_is_rejected_with_its_reasons(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var surname = $"Zi{Guid.NewGuid():N}"[..12];
        var people = await IdentitiesAsync(app, surname, "Ian", "Jo");
        var (ian, jo) = (people["Ian"], people["Jo"]);
        var csv = $"""
            record,identity_id,date,end_date,offence_code,outcome,disposal,place,district,latitude,longitude,details,marker,grading,handling_conditions,ignored
            arrest,{ian},2026-10-01T14:30,,02800,Charged,,Queensway,Dacorum,51.7530,-0.4690,,,,,x
            offender,{ian},,,,,,"12 Queensway, Hemel Hempstead",Dacorum,51.7526,-0.4692,,,,,
            conviction,{ian},2025-01-10,,02800,,"Community order, 12 months",,,,,,,,,
            marker,{ian},,,,,,,,,,Carries a knife,WEAPONS,,,
            custody,{jo},2026-06-01,,,,,,,,,HMP The Mount,,,,
            intelligence,{jo},,,,,,,,,,Dealing from the flat,,2BC,Not to be shared outside the force,
            arrest,{ian},2026-10-02,,2800,Charged,,,,,,,,,,
            marker,{ian},,,,,,,,,,,UNICORN,,,
            licence,999999999,2026-01-01,2027-01-01,,,,,,,,Curfew,,,,
            intelligence,{jo},,,,,,,,,,Seen at the station,,4BC,,
            """;
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        async Task<JsonElement> ImportAsync(string text) =>
            await supervisor.PostAsync("/api/v1/offenders/import", new StringContent(text, System.Text.Encoding.UTF8, "text/csv")).ExpectAsync(HttpStatusCode.OK);

        var first = await ImportAsync(csv);
        Assert.Equal((6, 0), (first.GetProperty("added").GetInt32(), first.GetProperty("unchanged").GetInt32()));
        var rejected = first.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reasons").GetString()!)).ToList();
        Assert.Equal([8, 9, 10, 11], rejected.Select(r => r.Item1));
        Assert.StartsWith("offence_code: Enter the offence code as the five-digit Home Office offence code", rejected[0].Item2);
        Assert.StartsWith("marker: The kind of warning marker must be one of: WEAPONS", rejected[1].Item2);
        Assert.Equal("identity_id: There is no identity with this number", rejected[2].Item2);
        Assert.StartsWith("grading: Select the source evaluation", rejected[3].Item2);

        // The same file again: every good row is already in the register, the bad rows are rejected as before.
        var again = await ImportAsync(csv);
        Assert.Equal((0, 6), (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal([8, 9, 10, 11], again.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));

        var offenders = await app.WithDbAsync(db => db.Set<SafetyNet.Offenders.OffenderRecord>().Where(o => o.IdentityId == ian || o.IdentityId == jo)
            .ToDictionaryAsync(o => o.IdentityId, o => o.Id));
        var record = await supervisor.GetAsync($"/api/v1/offenders/{offenders[ian]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("12 Queensway, Hemel Hempstead", "Dacorum"), (record.GetProperty("homeAddress").GetString(), record.GetProperty("homeDistrict").GetString()));
        Assert.Equal(1, record.GetProperty("arrests").GetArrayLength());
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 13, 30, 0, TimeSpan.Zero), record.GetProperty("arrests")[0].GetProperty("arrestedAt").GetDateTimeOffset());
        Assert.Equal(("Community order, 12 months", 1), (record.GetProperty("sanctions")[0].GetProperty("disposal").GetString(), record.GetProperty("markers").GetArrayLength()));
        var joRecord = await supervisor.GetAsync($"/api/v1/offenders/{offenders[jo]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((1, 1), (joRecord.GetProperty("custody").GetArrayLength(), joRecord.GetProperty("intelligence").GetArrayLength()));

        // A later file with Jo's release records it on the custody the register holds.
        var release = await ImportAsync($"record,identity_id,date,end_date\ncustody,{jo},2026-06-01,{DateParts.Iso(ForceClock.DayOf(app.Time.GetUtcNow()).AddDays(-1))}\n");
        Assert.Equal(1, release.GetProperty("added").GetInt32());
        joRecord = await supervisor.GetAsync($"/api/v1/offenders/{offenders[jo]}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ForceClock.DayOf(app.Time.GetUtcNow()).AddDays(-1), joRecord.GetProperty("custody")[0].GetProperty("releasedOn").Deserialize<DateOnly>());
        var unreadable = await supervisor.PostAsync("/api/v1/offenders/import", new StringContent("name,date\nx,y\n", System.Text.Encoding.UTF8, "text/csv"))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("record and identity_id", unreadable.GetProperty("errors").GetProperty("file")[0].GetString());
    }
}
