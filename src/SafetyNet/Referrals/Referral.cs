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
    /// <summary>The receiver cannot take it on: the reason is given to the referrer.</summary>
    Declined,
    Closed,
    /// <summary>The receiver has told the referrer what was done; it waits for the receiver to close it.</summary>
    FeedbackGiven,
    /// <summary>A suggestion the officer decided not to send, with the reason.</summary>
    Dismissed,
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
    /// <summary>When the receiver accepted or declined it, and who.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>Feedback to the referrer falls due this many working days after acceptance (<see cref="ReferralTimescales"/>).</summary>
    public DateTimeOffset? FeedbackDueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? DismissReason { get; set; }
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
        referral.Property(r => r.AnsweredBy).HasMaxLength(256);
        referral.Property(r => r.DeclineReason).HasMaxLength(1000);
        referral.Property(r => r.DismissReason).HasMaxLength(1000);
        referral.Property(r => r.CreatedBy).HasMaxLength(256);
        referral.Property(r => r.ReferrerEmail).HasMaxLength(254);
        referral.HasIndex(r => new { r.Status, r.DueAt });
        referral.HasIndex(r => r.IncidentId);
        referral.HasIndex(r => r.ToAgencyId);
        referral.HasIndex(r => r.ToTeamId);
    }
}

/// <summary>A contact or visit the receiver made on a referral: the day and what happened.</summary>
public sealed class ReferralContact
{
    public long Id { get; set; }
    public long ReferralId { get; set; }
    public DateOnly ContactedOn { get; set; }
    public required string Summary { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class ReferralContactConfiguration : IEntityTypeConfiguration<ReferralContact>
{
    public void Configure(EntityTypeBuilder<ReferralContact> contact)
    {
        contact.Property(c => c.Summary).HasMaxLength(1000);
        contact.Property(c => c.RecordedBy).HasMaxLength(256);
        contact.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => c.ReferralId);
    }
}

/// <summary>How long each stage of a referral may take, in working days: a force setting, seeded with these defaults.</summary>
public sealed record ReferralTimescales(int AnswerWorkingDays, int FeedbackWorkingDays)
{
    public const string Key = "referral-timescales";

    public static ReferralTimescales Default => new(2, 10);
}
