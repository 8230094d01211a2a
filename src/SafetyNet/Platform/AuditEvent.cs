using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Platform;

/// <summary>
/// One entry of the append-only audit trail (Data Protection Act 2018 s.62): who did what to which record,
/// when, why and from where. Requests only append; the sealer gives each event its place in the hash chain.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserId { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? RecordType { get; set; }
    public string? RecordId { get; set; }
    public string? Purpose { get; set; }
    public required string Source { get; set; }
    public string? Details { get; set; }

    /// <summary>Position in the chain, assigned by the sealer; null while pending.</summary>
    public long? Sequence { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.UserId).HasMaxLength(64);
        audit.Property(a => a.Actor).HasMaxLength(256);
        audit.Property(a => a.Action).HasMaxLength(80);
        audit.Property(a => a.RecordType).HasMaxLength(60);
        audit.Property(a => a.RecordId).HasMaxLength(100);
        audit.Property(a => a.Purpose).HasMaxLength(500);
        audit.Property(a => a.Source).HasMaxLength(100);
        audit.Property(a => a.Details).HasMaxLength(2000);
        audit.Property(a => a.PreviousHash).HasMaxLength(64);
        audit.Property(a => a.Hash).HasMaxLength(64);
        audit.HasIndex(a => a.Sequence).IsUnique();
        audit.HasIndex(a => new { a.RecordType, a.RecordId });
        audit.HasIndex(a => a.OccurredAt);
    }
}
