using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Cases;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;

namespace SafetyNet.Desk;

/// <summary>Why an incident came to the community focus desk.</summary>
public enum DeskRouteReason
{
    Asb,
    RepeatVictim,
    VulnerableVictim,
}

public enum DeskCaseDecision
{
    None,
    Open,
    Link,
}

/// <summary>
/// One incident waiting for, or given, the community focus desk's review. The row is the deadline: the queue
/// is a query over open rows ordered by <see cref="DueAt"/>, and a row is overdue the moment the clock passes it.
/// </summary>
public sealed class DeskReview : IVersioned
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public DeskRouteReason Reason { get; set; }
    /// <summary>Every reason that applied when the incident was routed, comma separated.</summary>
    public string Reasons { get; set; } = "";
    public string? District { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset RoutedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int RulesVersion { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>Confirmed or Reassessed.</summary>
    public string? RiskDecision { get; set; }
    public string? RiskLevel { get; set; }
    public string? RiskReason { get; set; }
    public long? RiskAssessmentId { get; set; }
    public bool? OfficerAttends { get; set; }
    public string? AttendanceReason { get; set; }
    public DeskCaseDecision CaseDecision { get; set; }
    public long? CaseId { get; set; }
    public int? ReferredToAgencyId { get; set; }
    public string? ReferralNote { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

internal sealed class DeskReviewConfiguration : IEntityTypeConfiguration<DeskReview>
{
    public void Configure(EntityTypeBuilder<DeskReview> review)
    {
        review.ToTable("DeskReviews");
        review.Property(r => r.Reason).HasConversion<string>().HasMaxLength(30);
        review.Property(r => r.Reasons).HasMaxLength(100);
        review.Property(r => r.District).HasMaxLength(60);
        review.Property(r => r.ReviewedBy).HasMaxLength(256);
        review.Property(r => r.RiskDecision).HasMaxLength(20);
        review.Property(r => r.RiskLevel).HasMaxLength(30);
        review.Property(r => r.RiskReason).HasMaxLength(1000);
        review.Property(r => r.AttendanceReason).HasMaxLength(1000);
        review.Property(r => r.CaseDecision).HasConversion<string>().HasMaxLength(10);
        review.Property(r => r.ReferralNote).HasMaxLength(1000);
        review.Property(r => r.Notes).HasMaxLength(4000);
        review.HasIndex(r => r.IncidentId).IsUnique();
        // The queue: open reviews by due time, and the supervisors' overdue view.
        review.HasIndex(r => new { r.ReviewedAt, r.DueAt });
    }
}
