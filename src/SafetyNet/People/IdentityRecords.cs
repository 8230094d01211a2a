using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.People;

public enum IdentityChangeKind
{
    /// <summary>One identity's entries joined another; the merged-away identity is kept with <c>MergedIntoId</c>.</summary>
    Merged,
    /// <summary>Entries taken out of an identity into one of their own (or back to the identity they were merged from).</summary>
    Split,
}

/// <summary>
/// One merge or split, kept for ever: which entries moved, from which identity to which, who decided and why.
/// The entries themselves are never rewritten, so any change can be undone from this record.
/// </summary>
public sealed class IdentityChange
{
    public long Id { get; set; }
    public IdentityChangeKind Kind { get; set; }
    public long FromIdentityId { get; set; }
    public long ToIdentityId { get; set; }
    /// <summary>The entries that moved, as comma-separated ids.</summary>
    public string EntryIds { get; set; } = "";
    public IdentityLinkSource By { get; set; }
    public double? Score { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";

    public IReadOnlyList<long> Entries =>
        EntryIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => long.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

public enum ReviewStatus
{
    Open,
    /// <summary>A reviewer (or a later merge) put the two entries in one identity.</summary>
    Merged,
    /// <summary>Judged to be different people: never suggested or linked automatically again.</summary>
    NotSame,
}

/// <summary>
/// A pair of entries the engine scored in the grey band (or a call handler's "not this person"), waiting for
/// or holding a reviewer's judgement.
/// </summary>
public sealed class IdentityReview : IVersioned
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long CandidatePersonId { get; set; }
    public double Score { get; set; }
    public string Reasons { get; set; } = "";
    public ReviewStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public int Version { get; set; }
}

public enum DeskRoutingReason
{
    RepeatVictim,
    VulnerableVictim,
}

/// <summary>
/// An incident sent to the community focus desk because its victim is a repeat or vulnerable victim, with the
/// rule version that judged it. Set at intake and by background resolution; the desk's queue reads these rows.
/// </summary>
public sealed class DeskRouting
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public long PersonId { get; set; }
    public long IdentityId { get; set; }
    public DeskRoutingReason Reason { get; set; }
    /// <summary>What the rule saw, in the words shown to the desk ("reported 4 times in 90 days, twice as ASB").</summary>
    public string Detail { get; set; } = "";
    public int RuleVersion { get; set; }
    public DateTimeOffset RoutedAt { get; set; }
    public IdentityLinkSource RoutedBy { get; set; }
}

internal sealed class IdentityRecordConfiguration :
    IEntityTypeConfiguration<IdentityChange>, IEntityTypeConfiguration<IdentityReview>, IEntityTypeConfiguration<DeskRouting>
{
    public void Configure(EntityTypeBuilder<IdentityChange> change)
    {
        change.ToTable("IdentityChanges");
        change.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        change.Property(c => c.By).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.EntryIds).HasMaxLength(4000);
        change.Property(c => c.Reason).HasMaxLength(1000);
        change.Property(c => c.Actor).HasMaxLength(256);
        change.HasIndex(c => c.FromIdentityId);
        change.HasIndex(c => c.ToIdentityId);
        change.Ignore(c => c.Entries);
    }

    public void Configure(EntityTypeBuilder<IdentityReview> review)
    {
        review.ToTable("IdentityReviews");
        review.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        review.Property(r => r.Reasons).HasMaxLength(1000);
        review.Property(r => r.DecidedBy).HasMaxLength(256);
        review.HasIndex(r => new { r.Status, r.Score });
        review.HasIndex(r => r.PersonId);
        review.HasIndex(r => r.CandidatePersonId);
    }

    public void Configure(EntityTypeBuilder<DeskRouting> routing)
    {
        routing.ToTable("DeskRoutings");
        routing.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        routing.Property(r => r.RoutedBy).HasConversion<string>().HasMaxLength(20);
        routing.Property(r => r.Detail).HasMaxLength(500);
        routing.HasIndex(r => new { r.IncidentId, r.PersonId, r.Reason }).IsUnique();
        routing.HasIndex(r => r.RoutedAt);
        routing.HasIndex(r => r.IdentityId);
    }
}
