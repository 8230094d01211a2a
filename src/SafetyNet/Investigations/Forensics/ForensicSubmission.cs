using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Investigations.Forensics;

/// <summary>The digital forensics unit's priorities: P1 first.</summary>
public enum ForensicPriority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

public enum ForensicStatus
{
    /// <summary>Sent by the investigation; the unit has not yet taken the device in.</summary>
    Submitted,
    /// <summary>The unit holds the device (a movement into the unit accepts it).</summary>
    Accepted,
    /// <summary>Kiosk triage found relevant material, or was not done: the device waits for full examination.</summary>
    Triaged,
    InExamination,
    Completed,
    /// <summary>Kiosk triage found no relevant material and the unit closed the submission without a full examination.</summary>
    ClosedAtTriage,
}

public enum KioskTriageResult
{
    RelevantPresent,
    RelevantAbsent,
    NotExamined,
}

/// <summary>
/// A seized device sent from an investigation to the digital forensics unit, with the case's deadlines and risk as the
/// submitter stated them, the priority the force's rule gave it (and why, and under which version), kiosk triage and
/// full examination.
/// </summary>
public sealed class ForensicSubmission : IVersioned
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    /// <summary>What kind of device: phone, tablet, computer, storage, other (see <see cref="DeviceTypes"/>).</summary>
    public required string DeviceType { get; set; }
    /// <summary>The exhibit reference the seizing officer gave it (for example "JS/1").</summary>
    public required string ExhibitReference { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    /// <summary>When a suspect's detention clock runs out, while someone is in custody.</summary>
    public DateTimeOffset? CustodyClockEndsAt { get; set; }
    /// <summary>A charging decision or court date the examination must meet.</summary>
    public DateOnly? ChargeOrCourtDate { get; set; }
    /// <summary>A child or vulnerable person is at risk now, and the device may show it.</summary>
    public bool SafeguardingRiskNow { get; set; }
    public bool NamedSuspect { get; set; }
    public ForensicPriority Priority { get; set; }
    /// <summary>Why the rule gave this priority, one reason a line.</summary>
    public required string PriorityReasons { get; set; }
    /// <summary>The version of <see cref="ForensicPriorities"/> that scored it.</summary>
    public int RuleVersion { get; set; }
    /// <summary>The turnaround the rule set for its priority when it was scored.</summary>
    public int TargetDays { get; set; }
    public ForensicStatus Status { get; set; }
    public KioskTriageResult? TriageResult { get; set; }
    public string? TriageNote { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public string? TriagedBy { get; set; }
    public DateTimeOffset? ExaminationStartedAt { get; set; }
    public DateTimeOffset? ExaminationCompletedAt { get; set; }
    public string? ExaminedBy { get; set; }
    public string? ExaminationNote { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One step of a device's continuity: who handed it to whom, when that happened, and where the device was then held; with
/// when it was recorded and by whom. The first is its seizure. Never changed.
/// </summary>
public sealed class ExhibitMovement
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    /// <summary>When the hand-over happened: never in the future, never before the seizure, and often before it was recorded.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>Who (or which store) handed the device over; for the seizure, who or where it was seized from.</summary>
    public required string From { get; set; }
    public required string To { get; set; }
    /// <summary>Where the device was held after the hand-over: a store, room or place.</summary>
    public required string Location { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

public static class DeviceTypes
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("phone", "Mobile phone"), ("tablet", "Tablet"), ("computer", "Computer or laptop"), ("storage", "Storage (USB drive, memory card, hard drive)"),
        ("other", "Other device"),
    ];

    public static string Describe(string code) => All.FirstOrDefault(d => d.Code == code).Name ?? code;
}

internal sealed class ForensicConfiguration : IEntityTypeConfiguration<ForensicSubmission>, IEntityTypeConfiguration<ExhibitMovement>
{
    public void Configure(EntityTypeBuilder<ForensicSubmission> submission)
    {
        submission.Property(s => s.DeviceType).HasMaxLength(20);
        submission.Property(s => s.ExhibitReference).HasMaxLength(60);
        submission.Property(s => s.SubmittedBy).HasMaxLength(256);
        submission.Property(s => s.Priority).HasConversion<string>().HasMaxLength(2);
        submission.Property(s => s.PriorityReasons).HasMaxLength(1000);
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.TriageResult).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.TriageNote).HasMaxLength(1000);
        submission.Property(s => s.TriagedBy).HasMaxLength(256);
        submission.Property(s => s.ExaminedBy).HasMaxLength(256);
        submission.Property(s => s.ExaminationNote).HasMaxLength(1000);
        submission.HasIndex(s => s.InvestigationId);
        // The queue: open submissions by priority, then age.
        submission.HasIndex(s => new { s.Status, s.Priority, s.SubmittedAt });
    }

    public void Configure(EntityTypeBuilder<ExhibitMovement> movement)
    {
        movement.Property(m => m.From).HasMaxLength(200);
        movement.Property(m => m.To).HasMaxLength(200);
        movement.Property(m => m.Location).HasMaxLength(200);
        movement.Property(m => m.Note).HasMaxLength(1000);
        movement.Property(m => m.RecordedBy).HasMaxLength(256);
        movement.HasIndex(m => new { m.SubmissionId, m.At });
    }
}
