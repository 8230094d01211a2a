using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Platform;

public enum AgencyKind
{
    Force,
    DistrictCouncil,
    Housing,
    VictimSupport,
    Health,
    AdultServices,
    ChildrensServices,
}

/// <summary>An organisation whose staff use SafetyNet: the force or one of its partners.</summary>
public sealed class Agency
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    /// <summary>For a district council, the district it serves (one of the ten in Hertfordshire).</summary>
    public string? District { get; set; }
}

/// <summary>The codes of the teams that receive referrals of their own, each with its worklist.</summary>
public static class ReferralTeams
{
    public const string OlderPersonLiaison = "OLDER-PERSON-LIAISON";
    public const string Marac = "MARAC-COORDINATION";
    public const string Mash = "MASH";
    public const string Idva = "IDVA";
}

/// <summary>A team within an agency, such as a district's neighbourhood team or the community focus desk.</summary>
public sealed class Team
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? District { get; set; }
}

public sealed class TeamMembership
{
    public required string UserId { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>, IEntityTypeConfiguration<Team>, IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.Property(a => a.Code).HasMaxLength(40);
        agency.Property(a => a.Name).HasMaxLength(200);
        agency.Property(a => a.District).HasMaxLength(60);
        agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        agency.HasIndex(a => a.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Code).HasMaxLength(60);
        team.Property(t => t.Name).HasMaxLength(200);
        team.Property(t => t.District).HasMaxLength(60);
        team.HasIndex(t => t.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TeamMembership> membership)
    {
        membership.HasKey(m => new { m.UserId, m.TeamId });
        membership.Property(m => m.UserId).HasMaxLength(64);
    }
}
