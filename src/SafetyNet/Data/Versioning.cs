using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Data;

/// <summary>An editable record: its integer <c>Version</c> is the optimistic concurrency token.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versioning
{
    /// <summary>Marks a property the system fills in once (such as a reference): setting it is not an edit.</summary>
    public const string Unversioned = "SafetyNet:Unversioned";

    public static PropertyBuilder<T> IsUnversioned<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Unversioned, true);

    public static void Configure(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    /// <summary>Every saved change of a versioned record moves its version on by one.</summary>
    public static void Advance(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.Version);
                var edited = entry.Properties.Any(p => p.IsModified && p.Metadata.FindAnnotation(Unversioned) is null && p.Metadata.Name != nameof(IVersioned.Version));
                if (edited && version.CurrentValue == version.OriginalValue)
                {
                    version.CurrentValue = version.OriginalValue + 1;
                }
            }
            else if (entry.State == EntityState.Added && entry.Entity.Version == 0)
            {
                entry.Entity.Version = 1;
            }
        }
    }

    /// <summary>
    /// Checks the version a client sent back against the stored one and makes the save conditional on it,
    /// so a change made in between is caught by the database too.
    /// </summary>
    public static bool Matches<T>(this AppDb db, T entity, int clientVersion) where T : class, IVersioned
    {
        if (entity.Version != clientVersion)
        {
            return false;
        }
        db.Entry(entity).Property(e => e.Version).OriginalValue = clientVersion;
        return true;
    }

    /// <summary>
    /// The check before a change: the client sent back the version it read, and nobody has changed the record since.
    /// Null when the change may go ahead (the save is then conditional on that version, as with <see cref="Matches"/>);
    /// otherwise the answer to give: the missing version named, or stale with the current version.
    /// </summary>
    public static Platform.Outcome<TResult>? Unchanged<TResult, T>(this AppDb db, T entity, int? clientVersion) where T : class, IVersioned =>
        clientVersion is not { } version
            ? Platform.Outcome<TResult>.Invalid("version", "Send back the version you read, so a change made since is not overwritten")
            : db.Matches(entity, version) ? null : Platform.Outcome<TResult>.Stale(entity.Version);

    /// <summary>
    /// The same check among a form's other checks: a missing version is one more field error in <paramref name="v"/>,
    /// worded by <paramref name="missing"/>; a stale one is the answer at once.
    /// </summary>
    public static Platform.Outcome<TResult>? Unchanged<TResult, T>(this AppDb db, T entity, int? clientVersion, Web.Validation v, string missing) where T : class, IVersioned
    {
        if (clientVersion is not { } version)
        {
            v.Add("version", missing);
            return null;
        }
        return db.Matches(entity, version) ? null : Platform.Outcome<TResult>.Stale(entity.Version);
    }
}
