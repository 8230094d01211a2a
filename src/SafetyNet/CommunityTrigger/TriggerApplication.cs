using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Cases;
using SafetyNet.Data;

namespace SafetyNet.CommunityTrigger;

public enum TriggerStatus
{
    Received,
    ThresholdNotMet,
    ReviewDue,
    Reviewed,
}

/// <summary>
/// A Community Trigger (ASB case review) application made by a victim or on their behalf: the threshold
/// decision, the review meeting and its recommendations. Councils publish the counts each year.
/// </summary>
public sealed class TriggerApplication : IVersioned
{
    public long Id { get; set; }
    public string Reference { get; set; } = "";
    public long? CaseId { get; set; }
    public required string ApplicantName { get; set; }
    public bool OnBehalfOfVictim { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int LeadAgencyId { get; set; }
    public string? District { get; set; }
    public required string Summary { get; set; }
    /// <summary>What SafetyNet counted when the application arrived: the qualifying complaints on the case.</summary>
    public int? QualifyingComplaints { get; set; }
    public TriggerStatus Status { get; set; }
    public bool? ThresholdMet { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? ReviewMeetingAt { get; set; }
    public string? ReviewOutcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

public sealed class TriggerRecommendation : IVersioned
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public required string Text { get; set; }
    public int OwnerAgencyId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class TriggerApplicationConfiguration : IEntityTypeConfiguration<TriggerApplication>, IEntityTypeConfiguration<TriggerRecommendation>
{
    public void Configure(EntityTypeBuilder<TriggerApplication> a)
    {
        a.ToTable("TriggerApplications");
        a.Property(x => x.Reference).HasMaxLength(30).IsUnversioned();
        a.Property(x => x.ApplicantName).HasMaxLength(200);
        a.Property(x => x.District).HasMaxLength(60);
        a.Property(x => x.Summary).HasMaxLength(4000);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.DecisionReason).HasMaxLength(2000);
        a.Property(x => x.DecidedBy).HasMaxLength(256);
        a.Property(x => x.ReviewOutcome).HasMaxLength(4000);
        a.Property(x => x.CreatedBy).HasMaxLength(256);
        a.HasIndex(x => x.ReceivedAt);
        a.HasIndex(x => x.CaseId);
        a.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<TriggerRecommendation> r)
    {
        r.ToTable("TriggerRecommendations");
        r.Property(x => x.Text).HasMaxLength(2000);
        r.Property(x => x.Outcome).HasMaxLength(2000);
        r.Property(x => x.CreatedBy).HasMaxLength(256);
        r.HasIndex(x => x.ApplicationId);
        r.HasOne<TriggerApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
