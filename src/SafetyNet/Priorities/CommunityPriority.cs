using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Priorities;

/// <summary>
/// A community priority a neighbourhood team agreed with residents and councillors (such as "speeding on
/// the High Street"), the actions taken on it and the date it is next reviewed with them. Partners working
/// in the district see it; a priority carries no personal data.
/// </summary>
public sealed class CommunityPriority : IVersioned
{
    public long Id { get; set; }
    public required string District { get; set; }
    /// <summary>The neighbourhood or ward within the district, as residents name it.</summary>
    public string? Area { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    /// <summary>Who set it and where: a residents' meeting, a councillors' surgery, a survey.</summary>
    public required string SetWith { get; set; }
    public DateOnly SetOn { get; set; }
    public DateOnly ReviewOn { get; set; }
    /// <summary>Active, Achieved or Closed.</summary>
    public string Status { get; set; } = PriorityStatus.Active;
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<PriorityAction> Actions { get; set; } = [];
}
public sealed class PriorityAction
{
    public long Id { get; set; }
    public long PriorityId { get; set; }
    public DateOnly TakenOn { get; set; }
    public required string Description { get; set; }
    public required string TakenBy { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
public static class PriorityStatus
{
    public const string Active = nameof(Active);
    public const string Achieved = nameof(Achieved);
    public const string Closed = nameof(Closed);
    public static readonly IReadOnlyList<string> All = [Active, Achieved, Closed];
}
internal sealed class CommunityPriorityConfiguration : IEntityTypeConfiguration<CommunityPriority>
{
    public void Configure(EntityTypeBuilder<CommunityPriority> p)
    {
        p.ToTable("CommunityPriorities");
        p.Property(x => x.District).HasMaxLength(60);
        p.Property(x => x.Area).HasMaxLength(100);
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Description).HasMaxLength(4000);
        p.Property(x => x.SetWith).HasMaxLength(300);
        p.Property(x => x.Status).HasMaxLength(20);
        p.Property(x => x.Outcome).HasMaxLength(4000);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.HasIndex(x => new { x.District, x.Status, x.ReviewOn });
        p.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}
internal sealed class PriorityActionConfiguration : IEntityTypeConfiguration<PriorityAction>
{
    public void Configure(EntityTypeBuilder<PriorityAction> a)
    {
        a.ToTable("CommunityPriorityActions");
        a.Property(x => x.Description).HasMaxLength(2000);
        a.Property(x => x.TakenBy).HasMaxLength(256);
        a.Property(x => x.Agency).HasMaxLength(200);
    }
}
