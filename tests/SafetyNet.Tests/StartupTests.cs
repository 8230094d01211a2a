using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Start-up: the web host and the command line build every feature from one composition root, the start-up passes run
/// in the order it states, and a start stopped part-way through seeding is completed by the next.
/// </summary>
public class StartupTests
{
    [Fact]
    public async Task The_web_host_and_the_command_line_build_every_feature_from_one_root_with_valid_services()
    {
        var folder = Directory.CreateTempSubdirectory("safetynet-test-").FullName;
        try
        {
            var builder = Cli.CommandLine.CreateBuilder([$"--ConnectionStrings:SafetyNet=Data Source={Path.Combine(folder, "unused.db")}"]);
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
            using var verbs = builder.Build();

            // Every start-up pass a feature registers is stated once, and they run in the stated order.
            await using (var scope = verbs.Services.CreateAsyncScope())
            {
                var registered = scope.ServiceProvider.GetServices<IStartupSeeder>().ToList();
                var order = scope.ServiceProvider.GetRequiredService<StartupOrder>();
                Assert.Equal(order.Passes.Select(t => t.FullName).Order(), registered.Select(p => p.GetType().FullName).Order());
                Assert.Equal(order.Passes, order.Sort(registered).Select(p => p.GetType()));
            }

            // The web host (built with ValidateOnBuild and ValidateScopes, as every test application is) has every
            // service the command line has, background work included; it adds only what serves HTTP.
            await using var web = new SafetyNetApp(DatabaseProvider.Sqlite);
            var isService = web.Services.GetRequiredService<IServiceProviderIsService>();
            var missing = builder.Services.Where(d => !d.IsKeyedService && !d.ServiceType.IsGenericTypeDefinition && !isService.IsService(d.ServiceType))
                .Select(d => d.ServiceType.FullName).Distinct().ToList();
            Assert.Empty(missing);
            var background = verbs.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType()).ToList();
            Assert.Subset(web.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType()).ToHashSet(), background.ToHashSet());
            Assert.Contains(background, t => t.Name == "DatabaseStartup");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, Providers]
    public async Task The_web_application_on_a_database_made_by_the_earlier_migrations_stops_non_zero_with_one_line_saying_to_delete_it(DatabaseProvider provider)
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await database.MarkMadeByEarlierMigrationsAsync();
        var earlier = await database.MigrationHistoryAsync();

        // The published binary, as an operator starts it: its own process, so its exit code is what a service manager sees.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "SafetyNet.dll"), "--urls=http://127.0.0.1:0",
            $"--Database:Provider={provider}", $"--ConnectionStrings:SafetyNet={database.ConnectionString}", $"--Audit:Folder={database.AuditFolder}" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A bound, not a wait for something to happen: a host that never stops fails here rather than hanging the run.
        using (var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        var log = await output + await error;

        Assert.Equal(1, process.ExitCode);
        var refusal = Assert.Single(log.Split('\n'), line => line.Contains("was made by an earlier SafetyNet's migrations", StringComparison.Ordinal));
        Assert.EndsWith(provider == DatabaseProvider.Postgres
            ? ") was made by an earlier SafetyNet's migrations, which are gone: drop it, create it empty and start again (no production database exists yet)."
            : "safetynet.db) was made by an earlier SafetyNet's migrations, which are gone: delete the file and start again (no production database exists yet).", refusal.TrimEnd());
        Assert.DoesNotContain("Exception", log, StringComparison.Ordinal);
        // The database is as it was: nothing migrated, nothing seeded.
        Assert.Equal(earlier, await database.MigrationHistoryAsync());
    }

    /// <summary>A small demo, so that every demo seeder has work: incidents, ASB cases, victim contracts, survey answers.</summary>
    private static readonly Dictionary<string, string?> SmallDemo = new()
    {
        ["Demo:Incidents"] = "300",
        ["Demo:Seed"] = "3",
        ["Demo:ImportOpenData"] = "false",
    };

    [Theory, Providers]
    public async Task A_start_killed_inside_a_seeder_leaves_nothing_of_that_seeder_and_the_next_start_completes_it(DatabaseProvider provider)
    {
        // What an unfaulted first start gives, on a database of its own, started alongside.
        var reference = new SafetyNetApp(provider, settings: SmallDemo);
        var referenceReady = Task.Run(reference.ReadyAsync);
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(provider);

            // Killed as the production account seeder saves the force's teams, after the agencies.
            await StartKilledAsync(database, new KillAt<Team>(1));
            Assert.Equal(0, await database.WithDbAsync(db => db.Agencies.CountAsync()));

            // Killed after the first demo ASB case: the nine force and partner teams and a neighbourhood team for each district are there.
            await StartKilledAsync(database, new KillAt<Cases.AsbCase>(2));
            Assert.Equal(10 + SafetyNet.Web.Validation.Districts.Count, await database.WithDbAsync(db => db.Teams.CountAsync()));
            Assert.Equal(0, await database.WithDbAsync(db => db.AsbCases.CountAsync()));
            Assert.Equal(0, await database.WithDbAsync(db => db.SharingAgreements.CountAsync()));

            // Killed after the first demo victim contract, before the survey answers.
            await StartKilledAsync(database, new KillAt<Victims.VictimContactContract>(2));
            Assert.Equal(0, await database.WithDbAsync(db => db.VictimContactContracts.CountAsync()));
            Assert.Equal(0, await database.WithDbAsync(db => db.SurveyInvitations.CountAsync()));

            await using (var resumed = new SafetyNetApp(provider, settings: SmallDemo, database: database))
            {
                await resumed.ReadyAsync();
            }
            await referenceReady;
            var expected = await reference.WithDbAsync(CountAsync);
            Assert.True(expected.AsbCases >= 2 && expected.Contracts >= 2 && expected.SurveyResponses > 0, $"the small demo has too little to kill part-way: {expected}");
            // The demo's investigations are in every state: allocated, planned, reviews overdue, finalised, devices with the unit.
            Assert.True(expected is { Allocated: > 0, Finalised: > 0, Plans: > 0, OverdueReviews: > 0, ForensicSubmissions: > 0 }, $"the small demo's investigations: {expected}");
            Assert.Equal(expected, await database.WithDbAsync(CountAsync));
        }
        finally
        {
            await reference.DisposeAsync();
        }
    }

    private static async Task StartKilledAsync(ScratchDatabase database, IInterceptor kill)
    {
        await using var app = new SafetyNetApp(database.Provider, settings: SmallDemo, database: database, services: services =>
        {
            services.ConfigureDbContext<SqliteAppDb>(options => options.AddInterceptors(kill));
            services.ConfigureDbContext<PostgresAppDb>(options => options.AddInterceptors(kill));
        });
        var killed = await Assert.ThrowsAsync<KilledAtStartup>(app.ReadyAsync);
        Assert.Contains(kill.ToString()!, killed.Message);
    }

    private sealed record Counts(
        int Agencies, int Teams, int Users, int Memberships, int Configuration, int Incidents, int People, int CrimeRecords,
        int Agreements, int DeskReviews, int AsbCases, int CaseEntries, int CaseActions, int CaseShares,
        int Contracts, int Dues, int Referrals, int Outbox, int SurveyInvitations, int SurveyResponses, int RecoveryTasks, int TeamAlerts, int Strength,
        int Investigations, int Allocated, int Finalised, int Plans, int Reviews, int OverdueReviews, int ForensicSubmissions);

    private static async Task<Counts> CountAsync(AppDb db) => new(
        await db.Agencies.CountAsync(), await db.Teams.CountAsync(), await db.Users.CountAsync(), await db.TeamMemberships.CountAsync(),
        await db.ConfigurationVersions.CountAsync(), await db.Incidents.CountAsync(), await db.IncidentPeople.CountAsync(), await db.CrimeRecords.CountAsync(),
        await db.SharingAgreements.CountAsync(), await db.DeskReviews.CountAsync(), await db.AsbCases.CountAsync(), await db.CaseEntries.CountAsync(),
        await db.CaseActions.CountAsync(), await db.CaseShares.CountAsync(),
        await db.VictimContactContracts.CountAsync(), await db.VictimContactDues.CountAsync(), await db.Referrals.CountAsync(), await db.OutboxMessages.CountAsync(),
        await db.SurveyInvitations.CountAsync(), await db.SurveyResponses.CountAsync(), await db.ServiceRecoveryTasks.CountAsync(), await db.TeamAlerts.CountAsync(),
        await db.Set<Insight.StrengthOnDuty>().CountAsync(),
        await db.Set<Investigations.Investigation>().CountAsync(),
        await db.Set<Investigations.Investigation>().CountAsync(i => i.Status == Investigations.InvestigationStatus.Allocated),
        await db.Set<Investigations.Investigation>().CountAsync(i => i.Status == Investigations.InvestigationStatus.Finalised),
        await db.Set<Investigations.Hypothesis>().Select(h => h.InvestigationId).Distinct().CountAsync(),
        await db.Set<Investigations.SupervisoryReview>().CountAsync(),
        await db.Set<Investigations.SupervisoryReview>().CountAsync(r => r.CompletedAt == null && r.DueAt < SafetyNetApp.Start),
        await db.Set<Investigations.Forensics.ForensicSubmission>().CountAsync());

    /// <summary>Stops a start-up where a kill would, at a chosen point: the n-th save that adds a <typeparamref name="T"/> fails before it writes.</summary>
    private sealed class KillAt<T>(int occurrence) : SaveChangesInterceptor where T : class
    {
        private int _seen;

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Check(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private void Check(DbContext? context)
        {
            if (context is not null && context.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref _seen) == occurrence)
            {
                throw new KilledAtStartup($"killed at save {this}");
            }
        }

        public override string ToString() => $"{occurrence} of a {typeof(T).Name}";
    }

    private sealed class KilledAtStartup(string message) : Exception(message);
}
