using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Cases;

namespace SafetyNet.Meetings;

/// <summary>A multi-agency meeting (an ASB problem-solving or risk panel): its attendees and an agenda of cases.</summary>
public sealed class MultiAgencyMeeting
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public string? District { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    /// <summary>The agencies present, comma separated ids: a partner sees a meeting its agency attended.</summary>
    public required string AgencyIds { get; set; }
    public required string Attendees { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
/// <summary>One case discussed at a meeting, the decision, and the action the decision became.</summary>
public sealed class MeetingItem
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public long CaseId { get; set; }
    public required string Decision { get; set; }
    public long? ActionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<MultiAgencyMeeting>, IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MultiAgencyMeeting> m)
    {
        m.ToTable("AsbMeetings");
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
        i.HasOne<MultiAgencyMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
