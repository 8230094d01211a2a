using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>Background work that carries on after a failure, and <c>/health/workers</c>, which shows it.</summary>
[Collection("app")]
public class BackgroundWorkTests(AppFixture fixture)
{
    /// <summary>
    /// Waits for a worker's state to satisfy <paramref name="condition"/>: every change of state completes
    /// <see cref="WorkerHealth.NextChange"/>, so nothing is polled; the bound only keeps a broken build from hanging the run.
    /// </summary>
    private static async Task<WorkerState> WhenAsync(WorkerHealth health, Func<WorkerState, bool> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var next = health.NextChange;
            if (health.All.FirstOrDefault(w => w.Name == "identity resolution" && w.Status != WorkerStatus.Off && condition(w)) is { } state)
            {
                return state;
            }
            await next.WaitAsync(bound.Token);
        }
    }

    private static JsonElement Resolution(JsonElement body) =>
        body.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "identity resolution" && w.GetProperty("status").GetString() != "Off");

    [Theory, Providers]
    public async Task Identity_resolution_backs_off_after_an_unexpected_failure_carries_on_and_health_workers_says_so(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var health = app.Services.GetRequiredService<WorkerHealth>();
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var incident = await AsbTesting.RecordAsync(handler, Reports.Burglary(null, "PRIORITY", Reports.Victim("Rosalind", "Tremayne", "1950-02-03")));
        var entry = incident.GetProperty("people")[0].GetProperty("id").GetInt64();
        Task<DateTimeOffset?> ResolvedAtAsync() => app.WithDbAsync(db => db.IncidentPeople.Where(p => p.Id == entry).Select(p => p.ResolvedAt).SingleAsync());

        // Background resolution whose first pass meets an exception nobody planned for, with a name in its message.
        var scopes = new ScopesThatFailOnce(app.Services.GetRequiredService<IServiceScopeFactory>(), new InvalidOperationException("Could not read Rosalind Tremayne"));
        var log = new CapturingLogger<IdentityResolution>();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["People:ResolveInBackground"] = "true" }).Build();
        using var worker = ActivatorUtilities.CreateInstance<IdentityResolution>(app.Services, scopes, (IConfiguration)settings, (ILogger<IdentityResolution>)log);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var failedAt = app.Time.GetUtcNow();
            var failing = await WhenAsync(health, w => w.Status == WorkerStatus.BackingOff);
            Assert.Equal((1, failedAt, failedAt.AddMinutes(1)), (failing.ConsecutiveFailures, failing.LastFailureAt, failing.NextAttemptAt));
            Assert.Null(await ResolvedAtAsync());

            // /health keeps its meaning; beside it, monitoring sees the failing worker, without the message.
            var anonymous = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
            var workers = await anonymous.GetAsync("/health/workers");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, workers.StatusCode);
            var text = await workers.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Tremayne", text, StringComparison.Ordinal);
            var body = JsonDocument.Parse(text).RootElement;
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            var reported = Resolution(body);
            Assert.Equal("BackingOff", reported.GetProperty("status").GetString());
            Assert.Equal(1, reported.GetProperty("consecutiveFailures").GetInt32());
            Assert.Equal("InvalidOperationException", reported.GetProperty("lastFailure").GetString());
            Assert.Equal(failedAt, reported.GetProperty("lastFailureAt").GetDateTimeOffset());

            // The failure is logged for the operator, with no personal data in it.
            Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("InvalidOperationException", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Entries, e => e.Text.Contains("Tremayne", StringComparison.Ordinal));

            // A minute later it tries again, resolves the waiting entry and is healthy.
            app.Time.Advance(TimeSpan.FromMinutes(1));
            var recovered = await WhenAsync(health, w => w.Status == WorkerStatus.Running);
            Assert.Equal((0, failedAt), (recovered.ConsecutiveFailures, recovered.LastFailureAt));
            Assert.NotNull(await ResolvedAtAsync());
            workers = await anonymous.GetAsync("/health/workers");
            body = await workers.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(workers.StatusCode == HttpStatusCode.OK, body.ToString());
            Assert.Equal("Running", Resolution(body).GetProperty("status").GetString());
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void The_back_off_doubles_with_each_failure_in_a_row_up_to_five_minutes_or_the_interval()
    {
        TimeSpan[] minute = [.. Enumerable.Range(1, 5).Select(n => RecurringWorker.BackOff(TimeSpan.FromMinutes(1), n))];
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)], minute);
        Assert.Equal(TimeSpan.FromSeconds(2 * 64), RecurringWorker.BackOff(TimeSpan.FromSeconds(2), 7));
        Assert.Equal(TimeSpan.FromMinutes(5), RecurringWorker.BackOff(TimeSpan.FromSeconds(2), 1_000));
        Assert.Equal(TimeSpan.FromMinutes(48), RecurringWorker.BackOff(TimeSpan.FromMinutes(48), 3));
    }

    [Theory, Providers]
    public async Task A_failed_or_cancelled_index_build_is_built_again_by_the_next_lookup(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var real = app.Services.GetRequiredService<IServiceScopeFactory>();
        foreach (var failure in new Exception[] { new InvalidOperationException("The database went away"), new OperationCanceledException("The read was cancelled") })
        {
            var matcher = ActivatorUtilities.CreateInstance<PersonMatcher>(app.Services, new ScopesThatFailOnce(real, failure));
            await Assert.ThrowsAnyAsync<Exception>(() => matcher.WarmAsync(CancellationToken.None));
            Assert.False(matcher.IsReady);

            // The next lookup does not inherit the failure, nor wait for a build that will never finish: it builds again.
            // (The bound only keeps a regression from hanging the run.)
            await matcher.WarmAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
            Assert.True(matcher.IsReady, failure.GetType().Name);
            await matcher.FindAsync(PersonMatcher.ToEntry(new IncidentPerson { FirstName = "Rosalind", LastName = "Tremayne" }), null, 5, CancellationToken.None);
        }
    }
}
