using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Insight;

/// <summary>
/// Serves the pack from its snapshot while it is fresh (the refresh interval, five minutes unless configured, on the
/// force's same day and under the repeat rules now in force) and rebuilds it otherwise. At a million incidents a
/// build reads several hundred thousand index entries; the morning meeting's readers, the page and its downloads
/// share one build instead of each paying for it.
/// </summary>
public sealed class PackSnapshots(AppDb db, ManagementPack pack, ForceConfiguration configuration, TimeProvider time, IConfiguration settings)
{
    public const string All = "all";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(Math.Clamp(settings.GetValue("Insight:PackRefreshMinutes", 5.0), 0, 60));

    public async Task<DailyPack> GetAsync(string? district, bool fresh, CancellationToken ct)
    {
        var scope = district ?? All;
        var asked = time.GetUtcNow();
        // A snapshot from before midnight, or from before an administrator changed the repeat rules, is stale however new.
        var rules = (await configuration.CurrentAsync<People.IdentityRules>(People.IdentityRules.Key, ct)).Version;
        bool Current(DailyPack kept) => kept.Date == ForceClock.DayOf(asked) && kept.RepeatRules?.Version == rules;
        if (!fresh && await StoredAsync(scope, asked - RefreshInterval, ct) is { } kept && Current(kept))
        {
            return kept;
        }
        // One build per scope at a time in this node: readers arriving meanwhile take its result.
        var gate = Gates.GetOrAdd(scope, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return (!fresh && await StoredAsync(scope, asked - RefreshInterval, ct) is { } built && Current(built) ? built : null) ?? await RebuildAsync(district, ct);
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

/// <summary>
/// Rebuilds the county pack in the background a little under the refresh interval, so a reader finds the snapshot
/// fresh and rarely waits for a build. When a build fails, readers build the pack themselves meanwhile.
/// </summary>
public sealed class PackRefresher(IServiceScopeFactory scopes, WorkerHealth health, StartupState startup, TimeProvider time, IConfiguration settings, ILogger<PackRefresher> log)
    : RecurringWorker("daily pack refresh", TimeSpan.FromMinutes(Math.Clamp(settings.GetValue("Insight:PackRefreshMinutes", 5.0), 0.5, 60) * 0.8), health, startup, time, log)
{
    protected override bool Enabled => settings.GetValue("Insight:RefreshInBackground", true);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PackSnapshots>().GetAsync(null, fresh: true, stoppingToken);
    }
}
