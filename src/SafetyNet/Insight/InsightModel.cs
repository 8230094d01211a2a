using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;

namespace SafetyNet.Insight;

public enum Shift
{
    Early,
    Late,
    Night,
}

/// <summary>
/// Strength on duty for one district's response and neighbourhood teams in one shift, as the supervisor records
/// it: how many officers were planned, how many are on duty, and how many neighbourhood officers were taken
/// away to cover other work (abstracted).
/// </summary>
public sealed class StrengthOnDuty : IVersioned
{
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public Shift Shift { get; set; }
    public required string District { get; set; }
    public int Planned { get; set; }
    public int OnDuty { get; set; }
    public int NeighbourhoodAbstracted { get; set; }
    public string? AbstractionReason { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// Incidents per day, type and district for whole days (UTC), so that the pack's four-week average reads a
/// few thousand rows instead of scanning a month of incidents. Rebuilt for a day when incidents reported
/// on it arrive after it was summarised (imports, seeding): see <see cref="DemandSummary"/>.
/// </summary>
public sealed class DemandDay
{
    public DateOnly Day { get; set; }
    public required string TypeCode { get; set; }
    public required string District { get; set; }
    public int Incidents { get; set; }
}

/// <summary>
/// A built pack for the county or one district, kept so that the morning meeting's many readers share one
/// computation: rebuilt when older than the refresh interval, or when someone asks for fresh figures.
/// </summary>
public sealed class PackSnapshot
{
    /// <summary>"all" or a district's name.</summary>
    public required string Scope { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public required string Json { get; set; }
}

/// <summary>A crime-recording self-audit: the inspectorate's method run by the force on its own incidents, stratified by incident type.</summary>
public sealed class CrimeRecordingAudit : AuditSample<CrimeRecordingAuditItem>;

/// <summary>One sampled incident (its stratum is the incident type) and the auditor's judgement of it.</summary>
public sealed class CrimeRecordingAuditItem : AuditSampleItem
{
    public long AuditId { get; set; }
    public long IncidentId { get; set; }
    public bool? ShouldHaveBeenRecorded { get; set; }
    /// <summary>Recorded, within the rules, and correctly classified.</summary>
    public bool? CorrectlyRecorded { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? MarkedAt { get; set; }
    public string? MarkedBy { get; set; }
}

internal sealed class InsightConfiguration :
    IEntityTypeConfiguration<StrengthOnDuty>, IEntityTypeConfiguration<DemandDay>, IEntityTypeConfiguration<PackSnapshot>,
    IEntityTypeConfiguration<CrimeRecordingAudit>, IEntityTypeConfiguration<CrimeRecordingAuditItem>
{
    public void Configure(EntityTypeBuilder<StrengthOnDuty> strength)
    {
        strength.ToTable("StrengthOnDuty");
        strength.Property(s => s.Shift).HasConversion<string>().HasMaxLength(10);
        strength.Property(s => s.District).HasMaxLength(60);
        strength.Property(s => s.AbstractionReason).HasMaxLength(500);
        strength.Property(s => s.RecordedBy).HasMaxLength(256);
        strength.HasIndex(s => new { s.Date, s.Shift, s.District }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<DemandDay> day)
    {
        day.ToTable("DemandDays");
        day.HasKey(d => new { d.Day, d.TypeCode, d.District });
        day.Property(d => d.TypeCode).HasMaxLength(40);
        day.Property(d => d.District).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<PackSnapshot> snapshot)
    {
        snapshot.ToTable("PackSnapshots");
        snapshot.HasKey(s => s.Scope);
        snapshot.Property(s => s.Scope).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<CrimeRecordingAudit> audit)
    {
        audit.ToTable("CrimeRecordingAudits");
        AuditSampleConfiguration.ConfigureSample<CrimeRecordingAudit, CrimeRecordingAuditItem>(audit, nameof(CrimeRecordingAuditItem.AuditId));
    }

    public void Configure(EntityTypeBuilder<CrimeRecordingAuditItem> item)
    {
        item.ToTable("CrimeRecordingAuditItems");
        AuditSampleConfiguration.ConfigureItem(item, nameof(CrimeRecordingAuditItem.AuditId));
        item.Property(i => i.Note).HasMaxLength(1000);
        item.Property(i => i.MarkedBy).HasMaxLength(256);
    }
}

/// <summary>The indexes the daily management pack reads by, on other features' tables.</summary>
internal sealed class PackIndexes : IEntityTypeConfiguration<CrimeRecord>, IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<CrimeRecord> crime) => crime.HasIndex(c => c.DueAt);

    public void Configure(EntityTypeBuilder<RiskAssessment> risk) => risk.HasIndex(r => new { r.Level, r.CreatedAt });
}
