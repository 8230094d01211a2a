using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Insight;

/// <summary>
/// Serves the pack from its snapshot while it is fresh (the refresh interval, five minutes unless configured)
/// and rebuilds it otherwise. At a million incidents a build reads several hundred thousand index entries; the
/// morning meeting's readers, the page and its downloads share one build instead of each paying for it.
/// </summary>
public sealed class PackSnapshots(AppDb db, ManagementPack pack, TimeProvider time, IConfiguration settings)
{
    public const string All = "all";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(Math.Clamp(settings.GetValue("Insight:PackRefreshMinutes", 5.0), 0, 60));

    public async Task<DailyPack> GetAsync(string? district, bool fresh, CancellationToken ct)
    {
        var scope = district ?? All;
        var asked = time.GetUtcNow();
        if (!fresh && await StoredAsync(scope, asked - RefreshInterval, ct) is { } kept)
        {
            return kept;
        }
        // One build per scope at a time in this node: readers arriving meanwhile take its result.
        var gate = Gates.GetOrAdd(scope, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return (fresh ? null : await StoredAsync(scope, asked - RefreshInterval, ct)) ?? await RebuildAsync(district, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The last pack read per scope in this node, keyed by when it was built: the database says which build is current.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Built, DailyPack Pack)> Read = new(StringComparer.Ordinal);

    private async Task<DailyPack?> StoredAsync(string scope, DateTimeOffset since, CancellationToken ct)
    {
        var built = await db.Set<PackSnapshot>().AsNoTracking().Where(s => s.Scope == scope && s.GeneratedAt >= since)
            .Select(s => (DateTimeOffset?)s.GeneratedAt).FirstOrDefaultAsync(ct);
        if (built is null)
        {
            return null;
        }
        // Keyed by database too: several applications may share a process (the tests do).
        var key = $"{db.Database.GetConnectionString()}|{scope}";
        if (Read.TryGetValue(key, out var cached) && cached.Built == built)
        {
            return cached.Pack;
        }
        var json = await db.Set<PackSnapshot>().AsNoTracking().Where(s => s.Scope == scope).Select(s => s.Json).FirstOrDefaultAsync(ct);
        if (json is null || JsonSerializer.Deserialize<DailyPack>(json, Json) is not { } pack)
        {
            return null;
        }
        Read[key] = (built.Value, pack);
        return pack;
    }

    public async Task<DailyPack> RebuildAsync(string? district, CancellationToken ct)
    {
        var built = await pack.BuildAsync(district, ct);
        var scope = district ?? All;
        var json = JsonSerializer.Serialize(built, Json);
        // Last writer wins: two builds of the same moment hold the same figures.
        var updated = await db.Set<PackSnapshot>().Where(s => s.Scope == scope)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.GeneratedAt, built.GeneratedAt).SetProperty(s => s.Json, json), ct);
        if (updated == 0)
        {
            db.Set<PackSnapshot>().Add(new PackSnapshot { Scope = scope, GeneratedAt = built.GeneratedAt, Json = json });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node stored its build first.
            }
            db.ChangeTracker.Clear();
        }
        // The next read here takes the new build from the database, even if its instant equals the last one's.
        Read.TryRemove($"{db.Database.GetConnectionString()}|{scope}", out _);
        return built;
    }
}

/// <summary>Rebuilds the county pack in the background at the refresh interval, so a reader rarely waits for a build.</summary>
public sealed class PackRefresher(IServiceScopeFactory scopes, StartupState startup, TimeProvider time, IConfiguration settings, ILogger<PackRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.GetValue("Insight:RefreshInBackground", true))
        {
            return;
        }
        if (!await startup.SucceededAsync(stoppingToken))
        {
            return;
        }
        var minutes = Math.Clamp(settings.GetValue("Insight:PackRefreshMinutes", 5.0), 0.5, 60);
        // A little under the interval, so a reader finds the snapshot fresh.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes * 0.8), time);
        do
        {
            // Off the timer's own thread: a clock that jumps ahead fires many ticks at once, and they must
            // coalesce into one pending build rather than each run a build before the next tick is fired.
            await Task.Yield();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PackSnapshots>().GetAsync(null, fresh: true, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogWarning(error, "The daily pack could not be rebuilt; readers will build it themselves");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
