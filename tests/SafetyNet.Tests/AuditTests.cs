using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>Each test has an application of its own: they alter the trail on purpose.</summary>
public class AuditTests
{
    private static async Task<SafetyNetApp> AppWithEventsAsync(DatabaseProvider provider, int events)
    {
        var app = await new SafetyNetApp(provider).ReadyAsync();
        await app.WithServiceAsync<AuditTrail, int>(async audit =>
        {
            for (var i = 0; i < events; i++)
            {
                audit.Add("test.event", "incident", $"INC-{i}", purpose: "testing", details: $"event {i}");
            }
            await audit.WriteAsync("test.event", "incident", "last");
            return 0;
        });
        return app;
    }

    private static Task<int> SealAsync(SafetyNetApp app) => app.WithServiceAsync<AuditSealer, int>(s => s.SealPendingAsync());

    private static Task<AuditVerification> VerifyAsync(SafetyNetApp app) => app.WithServiceAsync<AuditVerifier, AuditVerification>(v => v.VerifyAsync());

    [Theory, Providers]
    public async Task A_sealed_trail_verifies_and_unsealed_events_are_reported_pending(DatabaseProvider provider)
    {
        await using var app = await AppWithEventsAsync(provider, 20);
        var before = await VerifyAsync(app);
        Assert.True(before.Intact);
        Assert.True(before.PendingEvents >= 21);

        await SealAsync(app);
        var after = await VerifyAsync(app);
        Assert.True(after.Intact, after.FirstProblem);
        Assert.Equal(0, after.PendingEvents);
        Assert.True(after.SealedEvents >= 21);
    }

    [Theory, Providers]
    public async Task Altering_a_sealed_event_is_found_and_named(DatabaseProvider provider)
    {
        await using var app = await AppWithEventsAsync(provider, 10);
        await SealAsync(app);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == "INC-4").Select(e => e.Sequence).SingleAsync());
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == "INC-4").ExecuteUpdateAsync(s => s.SetProperty(e => e.Purpose, "rewritten")));

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Contains($"event {target}", result.FirstProblem);
        Assert.Contains("altered", result.FirstProblem);
    }

    [Theory, Providers]
    public async Task Removing_the_newest_sealed_events_is_caught_by_the_signed_head(DatabaseProvider provider)
    {
        await using var app = await AppWithEventsAsync(provider, 5);
        await SealAsync(app);
        var last = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Sequence));
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Sequence == last).ExecuteDeleteAsync());

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Contains($"event {last}", result.FirstProblem);
    }

    [Theory, Providers]
    public async Task Removing_an_event_in_the_middle_is_found(DatabaseProvider provider)
    {
        await using var app = await AppWithEventsAsync(provider, 8);
        await SealAsync(app);
        var middle = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == "INC-3").Select(e => e.Sequence).SingleAsync());
        await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RecordId == "INC-3").ExecuteDeleteAsync());

        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Contains($"event {middle} is missing", result.FirstProblem);
    }

    [Fact]
    public async Task A_forged_chain_head_is_not_accepted()
    {
        await using var app = await AppWithEventsAsync(DatabaseProvider.Sqlite, 3);
        await SealAsync(app);
        var heads = Path.Combine(app.Folder, "audit", "chain-heads.log");
        await File.AppendAllTextAsync(heads, $"99 {new string('a', 64)} 2026-11-23T10:00:00.0000000Z {new string('b', 64)}\n");
        var result = await VerifyAsync(app);
        Assert.False(result.Intact);
        Assert.Contains("not genuine", result.FirstProblem);
    }
}
