using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Investigations;

public enum HypothesisStatus
{
    Open,
    Supported,
    Eliminated,
}

/// <summary>Whether a line of enquiry seeks evidence that points towards the suspect or away from them (CPIA: all reasonable lines).</summary>
public enum EnquiryDirection
{
    TowardsSuspect,
    AwayFromSuspect,
}

public enum EnquiryStatus
{
    Open,
    Completed,
    Closed,
}

/// <summary>The plan's own facts: whether devices were seized (which makes the digital strategy required).</summary>
public sealed class PlanState : IVersioned
{
    public long InvestigationId { get; set; }
    public bool DevicesSeized { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// What the parts of a plan that are added and then moved on (hypotheses, lines of enquiry, actions) share: the
/// investigation, who added the part and when, and the version a change must name. Not an entity of its own: each part
/// keeps its own table with these columns.
/// </summary>
public abstract class PlanPart : IVersioned
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>An explanation of what happened that the investigation sets out to support or eliminate.</summary>
public sealed class Hypothesis : PlanPart
{
    public required string Text { get; set; }
    public HypothesisStatus Status { get; set; }
}

/// <summary>A line of enquiry: what it seeks to establish, and whether towards or away from the suspect.</summary>
public sealed class LineOfEnquiry : PlanPart
{
    public required string Text { get; set; }
    public required string Objective { get; set; }
    public EnquiryDirection Direction { get; set; }
    public EnquiryStatus Status { get; set; }
}

/// <summary>
/// An action of one strategy section of the plan: who owns it and when it falls due. It is completed with its result and
/// the rationale for what was (or was not) done; open actions past <see cref="DueAt"/> are overdue, found by query.
/// </summary>
public sealed class PlanAction : PlanPart
{
    /// <summary>One of <see cref="StrategySections.All"/>.</summary>
    public required string Section { get; set; }
    public long? LineOfEnquiryId { get; set; }
    public required string Text { get; set; }
    public required string OwnerUserId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? Result { get; set; }
    public string? Rationale { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

/// <summary>The text of one strategy section of an investigation's plan (optional: a section may have only actions).</summary>
public sealed class StrategyNote : IVersioned
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    public required string Section { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public required string ChangedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>One entry of the plan's decision log: what was decided, the options weighed, why, who and when. Never changed.</summary>
public sealed class PlanDecision
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    public required string Decision { get; set; }
    public required string OptionsConsidered { get; set; }
    public required string Rationale { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class InvestigationPlanConfiguration :
    IEntityTypeConfiguration<PlanState>, IEntityTypeConfiguration<Hypothesis>, IEntityTypeConfiguration<LineOfEnquiry>,
    IEntityTypeConfiguration<PlanAction>, IEntityTypeConfiguration<StrategyNote>, IEntityTypeConfiguration<PlanDecision>
{
    public void Configure(EntityTypeBuilder<PlanState> state)
    {
        state.HasKey(s => s.InvestigationId);
        state.Property(s => s.InvestigationId).ValueGeneratedNever();
        state.Property(s => s.ChangedBy).HasMaxLength(256);
    }

    /// <summary>The columns every <see cref="PlanPart"/> has, and the index that reads one investigation's parts.</summary>
    private static void ConfigurePart<T>(EntityTypeBuilder<T> part) where T : PlanPart
    {
        part.Property(p => p.CreatedBy).HasMaxLength(256);
        part.HasIndex(p => p.InvestigationId);
    }

    public void Configure(EntityTypeBuilder<Hypothesis> hypothesis)
    {
        ConfigurePart(hypothesis);
        hypothesis.Property(h => h.Text).HasMaxLength(2000);
        hypothesis.Property(h => h.Status).HasConversion<string>().HasMaxLength(12);
    }

    public void Configure(EntityTypeBuilder<LineOfEnquiry> line)
    {
        ConfigurePart(line);
        line.Property(l => l.Text).HasMaxLength(2000);
        line.Property(l => l.Objective).HasMaxLength(2000);
        line.Property(l => l.Direction).HasConversion<string>().HasMaxLength(16);
        line.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
    }

    public void Configure(EntityTypeBuilder<PlanAction> action)
    {
        ConfigurePart(action);
        action.Property(a => a.Section).HasMaxLength(40);
        action.Property(a => a.Text).HasMaxLength(2000);
        action.Property(a => a.OwnerUserId).HasMaxLength(64);
        action.Property(a => a.Result).HasMaxLength(2000);
        action.Property(a => a.Rationale).HasMaxLength(2000);
        action.Property(a => a.CompletedBy).HasMaxLength(256);
        // An officer's actions due and overdue: open ones (not completed) by owner, in due order.
        action.HasIndex(a => new { a.OwnerUserId, a.CompletedAt, a.DueAt });
    }

    public void Configure(EntityTypeBuilder<StrategyNote> note)
    {
        note.Property(n => n.Section).HasMaxLength(40);
        note.Property(n => n.Text).HasMaxLength(4000);
        note.Property(n => n.ChangedBy).HasMaxLength(256);
        note.HasIndex(n => new { n.InvestigationId, n.Section }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PlanDecision> decision)
    {
        decision.Property(d => d.Decision).HasMaxLength(2000);
        decision.Property(d => d.OptionsConsidered).HasMaxLength(2000);
        decision.Property(d => d.Rationale).HasMaxLength(2000);
        decision.Property(d => d.By).HasMaxLength(256);
        decision.HasIndex(d => new { d.InvestigationId, d.At });
    }
}
