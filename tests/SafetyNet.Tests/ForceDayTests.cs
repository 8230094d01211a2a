using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>One application per provider whose clock starts at 23:30 UTC on Wednesday 15 July 2026: 00:30 BST on the 16th in the force.</summary>
public sealed class SummerNightFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset HalfPastMidnight = new(2026, 7, 15, 23, 30, 0, TimeSpan.Zero);

    private readonly Dictionary<DatabaseProvider, Task<SafetyNetApp>> _apps = [];
    private readonly Lock _lock = new();

    public Task<SafetyNetApp> App(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new SafetyNetApp(provider, start: HalfPastMidnight).ReadyAsync();
                _apps[provider] = app;
            }
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await (await app).DisposeAsync();
        }
    }
}

/// <summary>
/// The force's day is London's: at 00:30 BST the pack, its demand baseline, strength and recording audits are on the
/// new day although UTC is still on the old one. And the pack's repeat victims and locations follow the force's
/// repeat rules as an administrator sets them.
/// </summary>
public partial class ForceDayTests(SummerNightFixture fixture) : IClassFixture<SummerNightFixture>
{
    private static Dictionary<string, object?> Burglary(string district, string place, params object[] people)
    {
        var report = Reports.Burglary(null, "PRIORITY", people.Length == 0 ? [Reports.Victim()] : people);
        report["location"] = new { text = place, district };
        return report;
    }

    private static Task MoveAsync(SafetyNetApp app, long incidentId, DateTimeOffset reportedAt) =>
        app.WithDbAsync(db => db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReportedAt, reportedAt)));

    [Theory, Providers]
    public async Task At_half_past_midnight_in_summer_the_pack_its_baseline_strength_and_audit_periods_are_on_the_forces_new_day(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        Assert.Equal(new DateOnly(2026, 7, 16), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), ForceClock.London).DateTime));
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var supervisor = await app.ClientForAsync(Roles.Supervisor);

        // Strength for the early shift of Thursday 16 July, the force's today.
        await supervisor.PutAsJsonAsync("/api/v1/insight/strength", new { date = "2026-07-16", shift = "Early", district = "Dacorum", planned = 12, onDuty = 11, neighbourhoodAbstracted = 0 })
            .ExpectAsync(HttpStatusCode.OK);

        // The baseline is the 28 force days before the last 7: 11 June to 8 July inclusive, in London. Both of these
        // reports are in it; by UTC days (10 June to 7 July) only the second would be.
        //   8 July 22:30 UTC is 23:30 BST on 8 July, the baseline's last day.
        //   10 June 23:30 UTC is 00:30 BST on 11 June, its first day.
        foreach (var at in new[] { new DateTimeOffset(2026, 7, 8, 22, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 10, 23, 30, 0, TimeSpan.Zero) })
        {
            await MoveAsync(app, (await AsbTesting.RecordAsync(handler, Burglary("Dacorum", "4 Marlowes, Hemel Hempstead"))).Id(), at);
        }

        var pack = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/insight/pack?district=Dacorum&fresh=true");
        Assert.Equal("2026-07-16", pack.GetProperty("date").GetString());
        Assert.Equal(2 / 4.0, pack.GetProperty("total").GetProperty("weeklyAverage").GetDouble(), 12);
        var strength = Assert.Single(pack.GetProperty("strength").EnumerateArray());
        Assert.Equal(("Dacorum", "Early", 11), (strength.GetProperty("district").GetString(), strength.GetProperty("shift").GetString(), strength.GetProperty("onDuty").GetInt32()));
        // The demand summary keeps force days.
        var days = await app.WithDbAsync(db => db.Set<DemandDay>().Where(d => d.District == "Dacorum").OrderBy(d => d.Day).Select(d => new { d.Day, d.Incidents }).ToListAsync());
        Assert.Equal([(new DateOnly(2026, 6, 11), 1), (new DateOnly(2026, 7, 8), 1)], days.Select(d => (d.Day, d.Incidents)));

        // A recording audit of "today" is allowed, and its period is the force's day: a report at 00:10 BST is in it,
        // one at 23:45 BST the evening before is not.
        var justAfterMidnight = await AsbTesting.RecordAsync(handler, Burglary("Dacorum", "9 Marlowes, Hemel Hempstead"));
        await MoveAsync(app, justAfterMidnight.Id(), new DateTimeOffset(2026, 7, 15, 23, 10, 0, TimeSpan.Zero));
        var lateEvening = await AsbTesting.RecordAsync(handler, Burglary("Dacorum", "11 Marlowes, Hemel Hempstead"));
        await MoveAsync(app, lateEvening.Id(), new DateTimeOffset(2026, 7, 15, 22, 45, 0, TimeSpan.Zero));
        var registrar = await app.ClientForAsync(Roles.CrimeRegistrar);
        var audit = await registrar.PostAsJsonAsync("/api/v1/audits/crime-recording",
            new { title = "Overnight", periodFrom = "2026-07-16", periodTo = "2026-07-16", design = "Simple", sampleSize = 500, seed = 7 }).ExpectAsync(HttpStatusCode.Created);
        var items = (await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/audits/crime-recording/{audit.Id()}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("incidentId").GetInt64()).ToList();
        Assert.Contains(justAfterMidnight.Id(), items);
        Assert.DoesNotContain(lateEvening.Id(), items);
        // Tomorrow is still refused.
        await registrar.PostAsJsonAsync("/api/v1/audits/crime-recording",
            new { title = "Tomorrow", periodFrom = "2026-07-16", periodTo = "2026-07-17", design = "Simple", sampleSize = 5 }).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task The_packs_repeat_victims_and_locations_follow_the_repeat_rules_an_administrator_publishes(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var analyst = await app.ClientForAsync(Roles.Analyst);
        const string place = "2 Shenley Road, Borehamwood";
        object Victim(long? identityId = null) => new
        {
            role = "Victim", firstName = "Imogen", lastName = "Castellane", dateOfBirth = "1971-09-30", sex = "Female", phone = "07700 900456",
            address = place, postcode = "WD6 1AA", identityId,
        };

        // One victim at one address, reported 80 and 40 days ago and now; the call handler links the later reports to her.
        var first = await AsbTesting.RecordAsync(handler, Burglary("Hertsmere", place, Victim()));
        var identity = first.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        var second = await AsbTesting.RecordAsync(handler, Burglary("Hertsmere", place, Victim(identity)));
        await AsbTesting.RecordAsync(handler, Burglary("Hertsmere", place, Victim(identity)));
        await MoveAsync(app, first.Id(), app.Time.GetUtcNow().AddDays(-80));
        await MoveAsync(app, second.Id(), app.Time.GetUtcNow().AddDays(-40));

        async Task<(int? Victim, int? Location)> RepeatsAsync()
        {
            var pack = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/insight/pack?district=Hertsmere");
            var victim = pack.GetProperty("repeatVictims").EnumerateArray().Where(v => v.GetProperty("name").GetString() == "Imogen Castellane").Select(v => (int?)v.GetProperty("reports").GetInt32()).SingleOrDefault();
            var location = pack.GetProperty("repeatLocations").EnumerateArray().Where(l => l.GetProperty("location").GetString() == place).Select(l => (int?)l.GetProperty("reports").GetInt32()).SingleOrDefault();
            return (victim, location);
        }
        // The seeded rules: 3 reports in 90 days for both.
        Assert.Equal((3, 3), await RepeatsAsync());

        var admin = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Administrator));
        async Task PublishAsync(IdentityRules rules)
        {
            const string page = "/admin/configuration/people.identity";
            var form = await admin.GetStringAsync(page);
            var response = await admin.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "configuration",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value),
                ["Form.Json"] = JsonSerializer.Serialize(rules, ForceConfiguration.Json),
                ["Form.Reason"] = "Tighter repeat window for the pack",
            }));
            Assert.Contains("is now in force", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // 3 in 60 days for victims: her report of 80 days ago no longer counts, and the pack (not asked to refresh) says so.
        await PublishAsync(IdentityRules.Default with { RepeatVictim = new RepeatRule(3, 60) });
        Assert.Equal((null, 3), await RepeatsAsync());
        // 2 in 60 days for victims, 4 in 90 for locations.
        await PublishAsync(IdentityRules.Default with { RepeatVictim = new RepeatRule(2, 60), RepeatLocation = new RepeatRule(4, 90) });
        Assert.Equal((2, null), await RepeatsAsync());
        // The page says which rules it used (fresh, so it waits for a build: on PostgreSQL it once drew itself before the pack was read, and failed).
        var page = await (await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Analyst))).GetStringAsync("/insight/pack?district=Hertsmere&fresh=true");
        Assert.Contains("with 2 or more reports in 60 days, and places with 4 or more in 90 days", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
