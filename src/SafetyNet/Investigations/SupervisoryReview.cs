using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

public enum ReviewKind
{
    /// <summary>The first review, due a set number of hours after the investigation opens.</summary>
    First,
    /// <summary>Each later review, on the cadence of the investigation's group and risk.</summary>
    Periodic,
    /// <summary>The review a supervisor completes when the investigation is ready to finalise.</summary>
    BeforeFinalisation,
}

/// <summary>
/// One supervisory review of an investigation (DOMAIN §13): due at <see cref="DueAt"/> until a supervisor completes it,
/// re-grading the risk, checking the outstanding actions, noting the quality of the work, setting new actions and the
/// date of the next review, which becomes the next row. An investigation has at most one review waiting.
/// </summary>
public sealed class SupervisoryReview : IVersioned
{
    public long Id { get; set; }
    public long InvestigationId { get; set; }
    public ReviewKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public InvestigationRisk? RiskBefore { get; set; }
    public InvestigationRisk? RiskAfter { get; set; }
    /// <summary>What the supervisor found of the outstanding and incomplete actions.</summary>
    public string? ActionsChecked { get; set; }
    public string? QualityNote { get; set; }
    public string? NewActions { get; set; }
    public DateTimeOffset? NextReviewDue { get; set; }
    public int Version { get; set; }
}

/// <summary>Starts the supervision clock: an investigation's first review falls due when the force's rules say.</summary>
public sealed class FirstReviewOnInvestigationOpened(AppDb db) : IReaction<InvestigationOpened>
{
    public Task OnAsync(InvestigationOpened happened, CancellationToken cancellationToken)
    {
        db.Add(FirstReview(happened.Investigation, happened.Rules));
        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first review of an investigation, due its group's (or the urgent cadence's) hours after it opened.</summary>
    public static SupervisoryReview FirstReview(Investigation investigation, InvestigationRules rules) => new()
    {
        InvestigationId = investigation.Id, Kind = ReviewKind.First, DueAt = investigation.OpenedAt.AddHours(rules.FirstReviewHoursFor(investigation)),
    };
}

internal sealed class SupervisoryReviewConfiguration : IEntityTypeConfiguration<SupervisoryReview>
{
    public void Configure(EntityTypeBuilder<SupervisoryReview> review)
    {
        review.ToTable("SupervisoryReviews");
        review.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.RiskBefore).HasConversion<string>().HasMaxLength(12);
        review.Property(r => r.RiskAfter).HasConversion<string>().HasMaxLength(12);
        review.Property(r => r.CompletedBy).HasMaxLength(256);
        review.Property(r => r.ActionsChecked).HasMaxLength(2000);
        review.Property(r => r.QualityNote).HasMaxLength(2000);
        review.Property(r => r.NewActions).HasMaxLength(2000);
        // The due and overdue queues: only the reviews waiting, by due time; an investigation's reviews in order.
        review.HasIndex(r => new { r.DueAt, r.Id }).HasFilter("\"CompletedAt\" IS NULL");
        review.HasIndex(r => new { r.InvestigationId, r.DueAt });
    }
}
