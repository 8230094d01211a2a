using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Incidents;

public enum IncidentLogKind
{
    /// <summary>A note written by whoever works the incident.</summary>
    Note,
    Graded,
    Regraded,
    Assigned,
    Arrived,
    Linked,
    Closed,
}

/// <summary>
/// One line of an incident's log: what was done, by whom, when and why. Written with every change made to an incident
/// after it was recorded (a regrade with its reason, an assignment, an arrival, a link, the closure) and for every note,
/// so the incident's timeline is the log and never lost to a later change. Entries are appended, never edited.
/// </summary>
public sealed class IncidentLogEntry
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public IncidentLogKind Kind { get; set; }
    public required string Text { get; set; }
    /// <summary>For a link: the other incident. A link shows on both incidents' timelines.</summary>
    public long? LinkedIncidentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

/// <summary>How an incident ended: the result code given when it is closed, with its label.</summary>
public sealed record IncidentResult(string Code, string Label);

public static class IncidentResults
{
    public static readonly IReadOnlyList<IncidentResult> All =
    [
        new("RESOLVED-AT-SCENE", "Resolved at the scene"),
        new("ADVICE-GIVEN", "Advice given"),
        new("CRIME-RECORDED", "Crime recorded and passed for investigation"),
        new("ARREST", "Arrest made"),
        new("REFERRED-TO-PARTNER", "Referred to a partner agency"),
        new("NO-TRACE", "No trace of the people or the incident"),
        new("DUPLICATE", "Duplicate of another incident"),
        new("NO-FURTHER-ACTION", "No further police action needed"),
    ];

    public static IncidentResult? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string? code) => Find(code)?.Label ?? code ?? "";
}

public static class IncidentLogLimits
{
    public const int Text = 2000;
}

internal sealed class IncidentLogConfiguration : IEntityTypeConfiguration<IncidentLogEntry>
{
    public void Configure(EntityTypeBuilder<IncidentLogEntry> entry)
    {
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Text).HasMaxLength(IncidentLogLimits.Text);
        entry.Property(e => e.By).HasMaxLength(256);
        entry.HasIndex(e => e.IncidentId);
        entry.HasIndex(e => e.LinkedIncidentId);
    }
}
