using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Referrals;

public enum ReferralKind
{
    VictimSupport,
    OlderPersonLiaison,
    Idva,
    Marac,
    Mash,
    Partner,
}

public enum ReferralStatus
{
    /// <summary>Suggested by a rule (age and crime type, a DASH flag, vulnerability): an officer decides.</summary>
    Suggested,
    /// <summary>Victims of sexual offences and domestic abuse and bereaved relatives must opt in first.</summary>
    AwaitingOptIn,
    Sent,
    Accepted,
    Declined,
    Closed,
}

/// <summary>A referral to a service or partner, with its due time and the receiver's feedback to the referrer.</summary>
public sealed class Referral : IVersioned
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public long? CrimeRecordId { get; set; }
    public long? PersonId { get; set; }
    public ReferralKind Kind { get; set; }
    public int? ToAgencyId { get; set; }
    /// <summary>The receiving team, for a team with its own worklist (older person liaison, IDVA, MARAC, MASH).</summary>
    public int? ToTeamId { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public required string Reason { get; set; }
    /// <summary>Why sharing is lawful (s.115 Crime and Disorder Act 1998, DPA 2018 Part 3, consent…).</summary>
    public string? LawfulBasis { get; set; }
    public bool? Consent { get; set; }
    public string? Feedback { get; set; }
    public DateTimeOffset? FeedbackAt { get; set; }
    public string? FeedbackBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The referrer's e-mail, told when feedback arrives.</summary>
    public string? ReferrerEmail { get; set; }
    public int Version { get; set; }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        referral.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        referral.Property(r => r.Reason).HasMaxLength(1000);
        referral.Property(r => r.LawfulBasis).HasMaxLength(300);
        referral.Property(r => r.Feedback).HasMaxLength(2000);
        referral.Property(r => r.FeedbackBy).HasMaxLength(256);
        referral.Property(r => r.CreatedBy).HasMaxLength(256);
        referral.Property(r => r.ReferrerEmail).HasMaxLength(254);
        referral.HasIndex(r => new { r.Status, r.DueAt });
        referral.HasIndex(r => r.IncidentId);
        referral.HasIndex(r => r.ToAgencyId);
        referral.HasIndex(r => r.ToTeamId);
    }
}
