using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

public enum InvestigationStatus
{
    /// <summary>Recorded and waiting in the allocation queue for a supervisor to give it to an investigator.</summary>
    AwaitingAllocation,
    /// <summary>Given to an investigator and their team; the plan, reviews and forensics follow.</summary>
    Allocated,
    /// <summary>Finalised with a Home Office outcome; re-opening returns it to <see cref="Allocated"/> and keeps the history.</summary>
    Finalised,
}

/// <summary>How much harm the investigation's risk assessment foresees; high risk shortens every clock.</summary>
public enum InvestigationRisk
{
    Standard,
    Medium,
    High,
}

/// <summary>
/// The investigation of one recorded crime (one per crime record). It is opened when the crime is recorded, with the
/// crime group, risk and flags that decide the investigator's level and the review cadence under the rule version
/// that judged it; everything the investigation gathers (plan, reviews, forensics, outcome) hangs from it.
/// </summary>
public sealed class Investigation : IVersioned
{
    public long Id { get; set; }
    public long CrimeRecordId { get; set; }
    public long IncidentId { get; set; }
    /// <summary>The crime group of <see cref="InvestigationRules"/>: it names the PIP level and review cadence.</summary>
    public required string CrimeGroup { get; set; }
    public InvestigationRisk Risk { get; set; }
    public bool DomesticAbuse { get; set; }
    public bool VulnerableVictim { get; set; }
    /// <summary>Copied from the incident: reading a sensitive investigation needs a purpose.</summary>
    public bool Sensitive { get; set; }
    /// <summary>The PIP level the crime needs (1 volume and priority crime, 2 serious and complex, 3 major).</summary>
    public int RequiredPipLevel { get; set; }
    public InvestigationStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public int? TeamId { get; set; }
    public string? InvestigatorId { get; set; }
    public DateTimeOffset? AllocatedAt { get; set; }
    public string? AllocatedBy { get; set; }
    /// <summary>Why the investigator was given a crime above their PIP level; required when they were.</summary>
    public string? BelowLevelReason { get; set; }
    /// <summary>The Home Office outcome type (for example "1", "1A", "15") once finalised.</summary>
    public string? OutcomeCode { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }
    public string? FinalisedBy { get; set; }
    /// <summary>The version of <see cref="InvestigationRules"/> that judged the group, level and cadence.</summary>
    public int RuleVersion { get; set; }
    public int Version { get; set; }
}

/// <summary>An officer who investigates: their Professionalising Investigation Programme level and their rank.</summary>
public sealed class Investigator : IVersioned
{
    public required string UserId { get; set; }
    /// <summary>0 for an officer not accredited; 1 to 4 for the PIP levels.</summary>
    public int PipLevel { get; set; }
    public Rank Rank { get; set; }
    public int Version { get; set; }
}

/// <summary>The ranks that matter to supervision: a sergeant reviews, an inspector sees what stays overdue.</summary>
public enum Rank
{
    Constable,
    Sergeant,
    Inspector,
    ChiefInspector,
    Superintendent,
}

/// <summary>One line of an investigation's history: opened, allocated, re-allocated, finalised, re-opened… Never changed.</summary>
public sealed class InvestigationEvent
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

/// <summary>An investigation has just been opened for a recorded crime: the features that follow it (reviews) start their clocks.</summary>
public sealed class InvestigationOpened(Investigation investigation, InvestigationRules rules) : Happening
{
    public Investigation Investigation { get; } = investigation;
    public InvestigationRules Rules { get; } = rules;
}

internal sealed class InvestigationConfiguration :
    IEntityTypeConfiguration<Investigation>, IEntityTypeConfiguration<Investigator>, IEntityTypeConfiguration<InvestigationEvent>
{
    public void Configure(EntityTypeBuilder<Investigation> investigation)
    {
        investigation.Property(i => i.CrimeGroup).HasMaxLength(40);
        investigation.Property(i => i.Risk).HasConversion<string>().HasMaxLength(12);
        investigation.Property(i => i.Status).HasConversion<string>().HasMaxLength(24);
        investigation.Property(i => i.InvestigatorId).HasMaxLength(64);
        investigation.Property(i => i.AllocatedBy).HasMaxLength(256);
        investigation.Property(i => i.BelowLevelReason).HasMaxLength(1000);
        investigation.Property(i => i.OutcomeCode).HasMaxLength(4);
        investigation.Property(i => i.FinalisedBy).HasMaxLength(256);
        investigation.HasIndex(i => i.CrimeRecordId).IsUnique();
        // Lists by status and age, the allocation queue (status, risk, then age) and an investigator's list.
        investigation.HasIndex(i => new { i.Status, i.OpenedAt });
        investigation.HasIndex(i => new { i.Status, i.Risk, i.OpenedAt });
        investigation.HasIndex(i => new { i.InvestigatorId, i.Status, i.OpenedAt });
        investigation.HasIndex(i => new { i.TeamId, i.Status });
    }

    public void Configure(EntityTypeBuilder<Investigator> investigator)
    {
        investigator.HasKey(i => i.UserId);
        investigator.Property(i => i.UserId).HasMaxLength(64);
        investigator.Property(i => i.Rank).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<InvestigationEvent> entry)
    {
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.Text).HasMaxLength(2000);
        entry.Property(e => e.By).HasMaxLength(256);
        entry.HasIndex(e => new { e.InvestigationId, e.At });
    }
}
