using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Referrals;

namespace SafetyNet.Meetings;

/// <summary>Which kind of multi-agency meeting: an ASB problem-solving or risk panel, or a MARAC.</summary>
public enum MeetingKind
{
    AsbPanel,
    Marac,
}

/// <summary>
/// A multi-agency meeting (an ASB panel or a MARAC): its attendees and an agenda. An ASB panel discusses ASB cases;
/// a MARAC lists the cases on the MARAC referral list.
/// </summary>
public sealed class MultiAgencyMeeting
{
    public long Id { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public string? District { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    /// <summary>The agencies present, comma separated ids: a partner sees a meeting its agency attended.</summary>
    public required string AgencyIds { get; set; }
    public required string Attendees { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// One item on a meeting's agenda: an ASB case discussed at a panel (with the decision and the action it became), or
/// a MARAC referral's case listed at a MARAC (which marks the referral listed).
/// </summary>
public sealed class MeetingItem
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long? CaseId { get; set; }
    public long? ReferralId { get; set; }
    /// <summary>The same victim identity was listed at a MARAC within the year before this listing.</summary>
    public bool RepeatListing { get; set; }
    public required string Decision { get; set; }
    public long? ActionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>An action agreed at a MARAC for a listed case: the agency that owns it, when it is due, and when it was done.</summary>
public sealed class MaracAction : IVersioned
{
    public long Id { get; set; }
    public long MeetingItemId { get; set; }
    public int OwnerAgencyId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<MultiAgencyMeeting>, IEntityTypeConfiguration<MeetingItem>, IEntityTypeConfiguration<MaracAction>
{
    public void Configure(EntityTypeBuilder<MultiAgencyMeeting> m)
    {
        m.ToTable("AsbMeetings");
        m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10).HasDefaultValue(MeetingKind.AsbPanel).HasSentinel((MeetingKind)(-1));
        m.Property(x => x.Title).HasMaxLength(200);
        m.Property(x => x.District).HasMaxLength(60);
        m.Property(x => x.AgencyIds).HasMaxLength(200);
        m.Property(x => x.Attendees).HasMaxLength(2000);
        m.Property(x => x.CreatedBy).HasMaxLength(256);
        m.HasIndex(x => x.HeldAt);
    }

    public void Configure(EntityTypeBuilder<MeetingItem> i)
    {
        i.ToTable("AsbMeetingItems");
        i.Property(x => x.Decision).HasMaxLength(2000);
        i.Property(x => x.CreatedBy).HasMaxLength(256);
        i.HasIndex(x => x.MeetingId);
        i.HasIndex(x => x.ReferralId);
        i.HasOne<MultiAgencyMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        i.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MaracAction> a)
    {
        a.ToTable("MaracActions");
        a.Property(x => x.Text).HasMaxLength(1000);
        a.Property(x => x.Outcome).HasMaxLength(1000);
        a.Property(x => x.CompletedBy).HasMaxLength(256);
        a.Property(x => x.CreatedBy).HasMaxLength(256);
        a.HasIndex(x => x.MeetingItemId);
        a.HasOne<MeetingItem>().WithMany().HasForeignKey(x => x.MeetingItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
