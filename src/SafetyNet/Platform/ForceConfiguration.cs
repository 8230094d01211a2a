using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Platform;

/// <summary>
/// A version of one piece of configuration the force tunes (grades, risk instruments, timescales…). A new
/// version never overwrites the old: records keep the version of the rule that judged them.
/// </summary>
public sealed class ConfigurationVersion
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }
    public bool IsCurrent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ConfigurationVersionConfiguration : IEntityTypeConfiguration<ConfigurationVersion>
{
    public void Configure(EntityTypeBuilder<ConfigurationVersion> config)
    {
        config.ToTable("ConfigurationVersions");
        config.Property(c => c.Key).HasMaxLength(100);
        config.Property(c => c.CreatedBy).HasMaxLength(256);
        config.Property(c => c.Reason).HasMaxLength(1000);
        config.HasIndex(c => new { c.Key, c.Version }).IsUnique();
    }
}

public sealed record Versioned<T>(T Value, int Version);

/// <summary>
/// Recently read current versions, so intake does not read and parse configuration on every request. Entries
/// live for a short while, so a version published on another node is in force everywhere within seconds.
/// </summary>
public sealed class ConfigurationCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (object Value, DateTimeOffset ReadAt)> _entries = new();

    public bool TryGet<T>(string key, out Versioned<T> value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Value is Versioned<T> typed && time.GetUtcNow() - entry.ReadAt < Lifetime)
        {
            value = typed;
            return true;
        }
        value = null!;
        return false;
    }

    public void Set<T>(string key, Versioned<T> value) => _entries[key] = (value, time.GetUtcNow());

    public void Forget(string key) => _entries.TryRemove(key, out _);
}

/// <summary>Reads and writes the current version of each configuration document.</summary>
public sealed class ForceConfiguration(AppDb db, TimeProvider time, CurrentUser user, ConfigurationCache cache)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task<Versioned<T>> CurrentAsync<T>(string key, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet<T>(key, out var cached))
        {
            return cached;
        }
        var row = await db.Set<ConfigurationVersion>().AsNoTracking()
            .Where(c => c.Key == key && c.IsCurrent).FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Configuration '{key}' has not been seeded.");
        var current = new Versioned<T>(JsonSerializer.Deserialize<T>(row.Json, Json)!, row.Version);
        cache.Set(key, current);
        return current;
    }

    public Task<List<ConfigurationVersion>> HistoryAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<ConfigurationVersion>().AsNoTracking().Where(c => c.Key == key).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);

    public Task<List<ConfigurationVersion>> AllCurrentAsync(CancellationToken cancellationToken = default) =>
        db.Set<ConfigurationVersion>().AsNoTracking().Where(c => c.IsCurrent).OrderBy(c => c.Key).ToListAsync(cancellationToken);

    /// <summary>Adds a new current version; the caller saves (with its audit event).</summary>
    public async Task<int> PublishAsync<T>(string key, T value, string? reason, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ConfigurationVersion>().Where(c => c.Key == key).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.IsCurrent = false;
        }
        var version = rows.Count == 0 ? 1 : rows.Max(r => r.Version) + 1;
        cache.Forget(key);
        // A reader between now and the caller's save (a background worker building the pack) would cache the old
        // version again: forget it once more when the new one is saved.
        void ForgetOnSave(object? sender, SavedChangesEventArgs e)
        {
            cache.Forget(key);
            db.SavedChanges -= ForgetOnSave;
        }
        db.SavedChanges += ForgetOnSave;
        db.Set<ConfigurationVersion>().Add(new ConfigurationVersion
        {
            Key = key,
            Version = version,
            Json = JsonSerializer.Serialize(value, Json),
            IsCurrent = true,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.Name,
            Reason = reason,
        });
        return version;
    }

    /// <summary>Seeds a default when the key has no version yet.</summary>
    public async Task SeedAsync<T>(string key, T value, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<ConfigurationVersion>().AnyAsync(c => c.Key == key, cancellationToken))
        {
            await PublishAsync(key, value, "Seeded default", cancellationToken);
        }
    }
}
