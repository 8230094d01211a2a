using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cli;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>The database verbs of the binary, each against an application of its own.</summary>
public class CommandLineTests
{
    [Theory, Providers]
    public async Task Admin_create_makes_a_first_administrator_who_can_sign_in_and_the_verb_is_audited(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        Environment.SetEnvironmentVariable("SAFETYNET_ADMIN_PASSWORD", "Admin-Password-456!");
        try
        {
            var (code, output, _) = await CliRun.RunAsync(CliRun.For(app, "admin", "create", "--email", "chief.admin@herts.example", "--name", "Chief Admin"));
            Assert.Equal(0, code);
            Assert.Contains("chief.admin@herts.example created", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SAFETYNET_ADMIN_PASSWORD", null);
        }
        var login = await app.CreateClient().PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "chief.admin@herts.example", password = "Admin-Password-456!" }));
        Assert.True(login.IsSuccessStatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "cli.admin-create")));

        var (again, _, error) = await CliRun.RunAsync(CliRun.For(app, "admin", "create", "--email", "chief.admin@herts.example"));
        Assert.Equal(2, again);
        Assert.Contains("already exists", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Bad_input_gives_one_line_and_exit_2()
    {
        var (code, _, error) = await CliRun.RunAsync("admin", "create", "--email", "not-an-address");
        Assert.Equal(2, code);
        Assert.Contains("not an email address", error);
        Assert.Single(error.Trim().Split('\n'));

        (code, _, error) = await CliRun.RunAsync("seed", "--incidents", "many");
        Assert.Equal(2, code);
        Assert.Contains("--incidents", error);

        (code, _, error) = await CliRun.RunAsync("export", "policeuk", "--month", "2021-13", "--output", "outcomes.csv");
        Assert.Equal(2, code);
        Assert.Equal("SafetyNet export: --month must be a month as YYYY-MM, not '2021-13'", error.Trim());
    }

    [Theory, Providers]
    public async Task Every_database_verb_works_on_a_small_seeded_database_no_web_host_has_touched(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        async Task<string> RunAsync(params string[] args)
        {
            var (code, output, error) = await CliRun.RunAsync(CliRun.For(database, args));
            Assert.True(code == 0, $"SafetyNet {string.Join(' ', args)} exited {code}: {error}");
            return output;
        }

        Assert.Contains("current migration", await RunAsync("migrate"));
        Assert.Contains("Seeded 120 synthetic incidents", await RunAsync("seed", "--incidents", "120", "--seed", "4", "--cases", "2"));
        // Seeding sets up every feature's configuration, not only that of the features the verb once knew.
        var keys = await database.WithDbAsync(db => db.ConfigurationVersions.Select(c => c.Key).Distinct().ToListAsync());
        foreach (var key in new[] { Incidents.GradeTable.Key, People.IdentityRules.Key, Cases.AsbRules.Key, Messaging.MessagingRules.Key, Victims.VictimCodeRules.Key, Feedback.SurveyRules.Key })
        {
            Assert.Contains(key, keys);
        }
        // A force left without teams (a first start stopped between agencies and teams, before passes ran in one
        // transaction) gets them at the next seeding.
        await database.WithDbAsync(db => db.Teams.ExecuteDeleteAsync());
        Assert.Contains("Reference data seeded", await RunAsync("seed"));
        // The nine force and partner teams, and a neighbourhood team for each district.
        Assert.Equal(10 + SafetyNet.Web.Validation.Districts.Count, await database.WithDbAsync(db => db.Teams.CountAsync()));

        Environment.SetEnvironmentVariable("SAFETYNET_ADMIN_PASSWORD", "Admin-Password-456!");
        try
        {
            Assert.Contains("first.admin@herts.example created", await RunAsync("admin", "create", "--email", "first.admin@herts.example"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SAFETYNET_ADMIN_PASSWORD", null);
        }

        var csv = Path.Combine(database.Folder, "2021-01-hertfordshire-street.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
            "3213248c757541c6929959150b619ef987ae1c4b43d2ed6af9e1c460f5f754ac,2021-01,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.667245,51.817719,On or near Parking Area,E01017651,Aylesbury Vale 009A,Other theft,Investigation complete; no suspect identified,",
            ",2021-01,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.605640,51.814065,On or near Stocks Road,E01017702,Aylesbury Vale 009F,Anti-social behaviour,,",
            "a3855a3a4c09d3d15afc2f0fdc85a4a15f60da28a9da6a934f0dc520a8162ee4,2021-01,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.690612,51.792392,On or near Tring Hill,E01017629,Aylesbury Vale 021C,Criminal damage and arson,Investigation complete; no suspect identified,",
        ]);
        Assert.Contains("Imported 3 street rows", await RunAsync("import", "policeuk", csv));

        // Earlier work: three crimes of a seeded incident finalised, two in February 2021 (one charged) and one in March.
        var marker = Guid.NewGuid().ToString("N")[..6];
        await database.WithDbAsync(async db =>
        {
            var incident = await db.Incidents.Where(i => i.Latitude != null).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            foreach (var (n, code, at) in new[] { (1, "1", new DateTimeOffset(2021, 2, 3, 10, 0, 0, TimeSpan.Zero)), (2, "18", new DateTimeOffset(2021, 2, 20, 10, 0, 0, TimeSpan.Zero)),
                (3, "8", new DateTimeOffset(2021, 3, 1, 10, 0, 0, TimeSpan.Zero)) })
            {
                var record = new Crimes.CrimeRecord
                {
                    IncidentId = incident, Status = Crimes.CrimeRecordingStatus.Recorded, CrimeReference = $"41/{marker}/{n}", OffenceSubgroup = "Residential burglary",
                    PoliceUkCategory = "Burglary", DueAt = at.AddDays(-30), DecidedAt = at.AddDays(-30), DecidedBy = "registrar",
                };
                db.Add(record);
                await db.SaveChangesAsync();
                db.Add(new Investigations.Investigation
                {
                    CrimeRecordId = record.Id, IncidentId = incident, CrimeGroup = "volume", RequiredPipLevel = 1, Status = Investigations.InvestigationStatus.Finalised,
                    OutcomeCode = code, OpenedAt = at.AddDays(-30), FinalisedAt = at, FinalisedBy = "sergeant",
                });
            }
            return await db.SaveChangesAsync();
        });
        // The force's February outcomes, exported in police.uk's layout, import back as police.uk outcomes of February.
        var outcomes = Path.Combine(database.Folder, "force-outcomes.csv");
        Assert.Contains("Exported 2 outcomes finalised in 2021-02", await RunAsync("export", "policeuk", "--month", "2021-02", "--output", outcomes));
        Assert.Contains("Read 0 street and 2 outcome rows", await RunAsync("import", "policeuk", outcomes));
        static string CrimeId(string reference) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"HERTS-POLICE|{reference}")));
        var ids = new[] { 1, 2, 3 }.Select(n => CrimeId($"41/{marker}/{n}")).ToList();
        var imported = await database.WithDbAsync(db => db.OpenDataOutcomes.AsNoTracking().Where(o => ids.Contains(o.CrimeId))
            .Select(o => new { o.CrimeId, o.Month, o.OutcomeType }).ToListAsync());
        // March's finalisation is not in February's file.
        Assert.Equal(
            new[] { (ids[0], new DateOnly(2021, 2, 1), "Suspect charged"), (ids[1], new DateOnly(2021, 2, 1), "Investigation complete; no suspect identified") }.OrderBy(o => o.Item1, StringComparer.Ordinal),
            imported.Select(o => (o.CrimeId, o.Month, o.OutcomeType)).OrderBy(o => o.CrimeId, StringComparer.Ordinal));
        Assert.Contains("recipient=cli:", await database.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "investigation.outcomes.export" && e.RecordId == "2021-02")
            .Select(e => e.Details).SingleAsync()));

        Assert.Contains("identities resolve:", await RunAsync("identities", "resolve"));
        Assert.Equal(0, await database.WithDbAsync(db => db.IncidentPeople.CountAsync(p => p.ResolvedAt == null)));

        Assert.Contains("Audit trail intact", await RunAsync("audit", "verify"));
        var audited = await database.WithDbAsync(db => db.AuditEvents.Where(e => e.Action.StartsWith("cli.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["cli.admin-create", "cli.audit-verify", "cli.export-policeuk", "cli.identities.resolve", "cli.import-policeuk", "cli.import-policeuk", "cli.migrate", "cli.seed", "cli.seed"],
            audited.Order(StringComparer.Ordinal));
    }

    [Theory, Providers]
    public async Task A_verb_on_a_database_made_by_the_earlier_migrations_exits_1_with_one_line_saying_to_delete_it(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await database.MarkMadeByEarlierMigrationsAsync();
        var earlier = await database.MigrationHistoryAsync();

        foreach (var verb in new[] { "migrate", "seed", "audit verify" })
        {
            var (code, output, error) = await CliRun.RunAsync(CliRun.For(database, verb.Split(' ')));
            Assert.Equal(1, code);
            Assert.Equal("", output);
            var line = Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith("This database (", line);
            Assert.EndsWith(provider == DatabaseProvider.Postgres
                ? ") was made by an earlier SafetyNet's migrations, which are gone: drop it, create it empty and start again (no production database exists yet)."
                : "safetynet.db) was made by an earlier SafetyNet's migrations, which are gone: delete the file and start again (no production database exists yet).", line);
        }
        // Nothing was migrated, seeded or audited.
        Assert.Equal(earlier, await database.MigrationHistoryAsync());

        // Doing what the line says is enough: the new database migrates and seeds.
        await database.DeleteAndStartAgainAsync();
        Assert.Equal(0, (await CliRun.RunAsync(CliRun.For(database, "migrate"))).Code);
        var (seeded, seedOutput, seedError) = await CliRun.RunAsync(CliRun.For(database, "seed"));
        Assert.True(seeded == 0, seedError);
        Assert.Contains("Reference data seeded", seedOutput);
        var history = await database.MigrationHistoryAsync();
        Assert.NotEmpty(history);
        Assert.Empty(history.Intersect(earlier));
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_naming_the_verbs_while_host_options_still_start_the_web_application()
    {
        Assert.True(CommandLine.IsVerb(["frobnicate"]));
        var (code, output, error) = await CliRun.RunAsync("frobnicate", "--now");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("unknown verb 'frobnicate'", line);
        Assert.Contains("migrate, seed, admin, audit, import", line);
        Assert.Contains("identities", line);

        // No arguments (as `dotnet run` gives), and host options alone, start the web application.
        Assert.False(CommandLine.IsVerb([]));
        Assert.False(CommandLine.IsVerb(["--urls", "http://localhost:5080"]));
        Assert.False(CommandLine.IsVerb(["--environment=Development"]));
        Assert.False(CommandLine.IsVerb(["/urls", "http://localhost:5080"]));
        Assert.False(CommandLine.IsVerb(["Demo:Enabled=true"]));
    }

    [Theory, Providers]
    public async Task Audit_verify_exits_nonzero_and_names_the_first_broken_event(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        await (await app.ClientForAsync(Roles.CallHandler)).GetAsync("/api/v1/incidents");
        await app.WithServiceAsync<AuditSealer, int>(s => s.SealPendingAsync());

        var (ok, output, _) = await CliRun.RunAsync(CliRun.For(app, "audit", "verify"));
        Assert.Equal(0, ok);
        Assert.Contains("intact", output);

        var first = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).FirstAsync());
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone else")));
        var (broken, _, error) = await CliRun.RunAsync(CliRun.For(app, "audit", "verify"));
        Assert.Equal(1, broken);
        Assert.Contains($"event {first.Sequence}", error);
    }

    [Theory, Providers]
    public async Task Seed_adds_deterministic_synthetic_incidents_with_their_matching_truth(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var (code, output, _) = await CliRun.RunAsync(CliRun.For(app, "seed", "--incidents", "400", "--seed", "7"));
        Assert.Equal(0, code);
        Assert.Contains("400", output);
        var summary = await app.WithDbAsync(async db => new
        {
            Incidents = await db.Incidents.CountAsync(),
            People = await db.IncidentPeople.CountAsync(),
            Truth = await db.SyntheticTruth.CountAsync(),
            Identities = await db.SyntheticTruth.Select(t => t.Identity).Distinct().CountAsync(),
            Districts = await db.Incidents.Select(i => i.District).Distinct().CountAsync(),
            Placed = await db.Incidents.CountAsync(i => i.LsoaCode != null && i.Latitude != null),
            Pending = await db.CrimeRecords.CountAsync(c => c.Status == Crimes.CrimeRecordingStatus.Pending),
        });
        Assert.Equal(400, summary.Incidents);
        Assert.Equal(summary.People, summary.Truth);
        Assert.True(summary.Identities < summary.People, "people are re-reported, so there are fewer identities than entries");
        Assert.Equal(10, summary.Districts);
        Assert.Equal(400, summary.Placed);
        Assert.True(summary.Pending > 0);

        // The same seed gives the same people.
        var names = await app.WithDbAsync(db => db.IncidentPeople.OrderBy(p => p.Id).Select(p => p.LastName + p.FirstName).Take(50).ToListAsync());
        await using var other = await new SafetyNetApp(provider).ReadyAsync();
        await CliRun.RunAsync(CliRun.For(other, "seed", "--incidents", "400", "--seed", "7"));
        Assert.Equal(names, await other.WithDbAsync(db => db.IncidentPeople.OrderBy(p => p.Id).Select(p => p.LastName + p.FirstName).Take(50).ToListAsync()));

        // Seeded records are ordinary records: the API lists and reads them, and new intake continues the numbering.
        var client = await app.ClientForAsync(Roles.CallHandler);
        var list = await client.GetAsync("/api/v1/incidents?pageSize=5");
        Assert.True(list.IsSuccessStatusCode);
        var created = await client.PostAsync("/api/v1/incidents", System.Net.Http.Json.JsonContent.Create(Reports.Burglary()));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
    }
    [Theory, Providers]
    public async Task Seed_with_cases_routes_every_asb_incident_to_the_desk_and_builds_open_and_closed_cases_the_api_serves(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var (code, output, error) = await CliRun.RunAsync(CliRun.For(app, "seed", "--incidents", "1500", "--seed", "3", "--cases", "40"));
        Assert.True(code == 0, error);
        Assert.Contains("40 open and 8 closed ASB cases", output);
        var counts = await app.WithDbAsync(async db => new
        {
            Asb = await db.Incidents.CountAsync(i => i.TypeCode.StartsWith("ASB-")),
            Reviews = await db.DeskReviews.CountAsync(),
            Waiting = await db.DeskReviews.CountAsync(r => r.ReviewedAt == null),
            Open = await db.AsbCases.CountAsync(c => c.Status == Cases.AsbCaseStatus.Open),
            Unlinked = await db.AsbCases.CountAsync(c => !db.CaseIncidents.Any(i => i.CaseId == c.Id)),
            Parties = await db.CaseParties.CountAsync(),
        });
        Assert.Equal(counts.Asb, counts.Reviews);
        Assert.True(counts.Waiting > 0, "the last two days' ASB incidents wait for review");
        Assert.Equal(40, counts.Open);
        Assert.Equal(0, counts.Unlinked);
        Assert.True(counts.Parties > 0);

        // Seeded case work is ordinary case work: the desk's queue and the case search serve it, and a case reads.
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var queue = await desk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/asb/desk?pageSize=10");
        Assert.Equal(counts.Waiting, queue.GetProperty("total").GetInt32());
        var search = await desk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/asb/cases?status=Open&pageSize=5");
        Assert.Equal(40, search.GetProperty("total").GetInt32());
        var first = search.GetProperty("items")[0].GetProperty("id").GetInt64();
        var read = await desk.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/asb/cases/{first}");
        Assert.NotEmpty(read.GetProperty("incidents").EnumerateArray());

        // A second run adds no desk review twice.
        (code, _, error) = await CliRun.RunAsync(CliRun.For(app, "seed", "--cases", "5"));
        Assert.True(code == 0, error);
        Assert.Equal(counts.Reviews, await app.WithDbAsync(db => db.DeskReviews.CountAsync()));
    }
}
