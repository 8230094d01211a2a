using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Crimes;

public enum CrimeRecordingStatus
{
    /// <summary>A decision is due: the row's DueAt is 24 hours after the report.</summary>
    Pending,
    Recorded,
    NotACrime,
    Transferred,
    Cancelled,
}

/// <summary>
/// The crime recording decision for one victim of one incident (one crime per victim, NCRS). Its history
/// of decisions — recorded, reclassified, cancelled — is kept in <see cref="CrimeDecision"/>.
/// </summary>
public sealed class CrimeRecord : IVersioned
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    /// <summary>The victim entry; null where no victim is yet identified.</summary>
    public long? VictimId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public CrimeRecordingStatus Status { get; set; }
    public string? CrimeReference { get; set; }
    public string? OffenceSubgroup { get; set; }
    public string? PoliceUkCategory { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public int RuleVersion { get; set; }
    /// <summary>The officer who investigates the crime: "my crimes" are those whose officer in the case is me.</summary>
    public string? OfficerInCaseId { get; set; }
    public int Version { get; set; }
}

public enum CrimeDecisionKind
{
    Recorded,
    NotACrime,
    Transferred,
    Reclassified,
    Cancelled,
}

public sealed class CrimeDecision
{
    public long Id { get; set; }
    public long CrimeRecordId { get; set; }
    public CrimeDecisionKind Kind { get; set; }
    public string? OffenceSubgroup { get; set; }
    public string? CrimeReference { get; set; }
    public string? Reason { get; set; }
    public string? Details { get; set; }
    public string? TransferredTo { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string DecidedBy { get; set; }
}

/// <summary>Why a crime-related incident was not recorded as a crime: the reason must be kept (DOMAIN §4).</summary>
public static class NotCrimeReasons
{
    public static readonly IReadOnlyList<string> All =
    [
        "No crime in law on the balance of probabilities",
        "Credible evidence that no crime took place",
        "Reported in error or duplicate of a recorded crime",
        "Incident only: no victim-based crime disclosed",
        "Crime recorded by another force",
    ];
}

internal sealed class CrimeConfiguration : IEntityTypeConfiguration<CrimeRecord>, IEntityTypeConfiguration<CrimeDecision>
{
    public void Configure(EntityTypeBuilder<CrimeRecord> crime)
    {
        crime.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        crime.Property(c => c.CrimeReference).HasMaxLength(40);
        crime.Property(c => c.OffenceSubgroup).HasMaxLength(80);
        crime.Property(c => c.PoliceUkCategory).HasMaxLength(60);
        crime.Property(c => c.DecidedBy).HasMaxLength(256);
        crime.HasIndex(c => new { c.Status, c.DueAt });
        crime.HasIndex(c => c.IncidentId);
        crime.HasIndex(c => c.CrimeReference);
        crime.Property(c => c.OfficerInCaseId).HasMaxLength(64);
        crime.HasIndex(c => c.OfficerInCaseId);
    }

    public void Configure(EntityTypeBuilder<CrimeDecision> decision)
    {
        decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        decision.Property(d => d.OffenceSubgroup).HasMaxLength(80);
        decision.Property(d => d.CrimeReference).HasMaxLength(40);
        decision.Property(d => d.Reason).HasMaxLength(200);
        decision.Property(d => d.Details).HasMaxLength(2000);
        decision.Property(d => d.TransferredTo).HasMaxLength(200);
        decision.Property(d => d.DecidedBy).HasMaxLength(256);
        decision.HasIndex(d => d.CrimeRecordId);
    }
}
