using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.ProblemSolving;

/// <summary>
/// A recurring problem at a place, worked through SARA (scanning, analysis, response, assessment) with the
/// problem analysis triangle. Once assessed and published it joins the library of what works.
/// </summary>
public sealed class Problem : IVersioned
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string ProblemType { get; set; }
    public string? District { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int RadiusMetres { get; set; }
    public double ComparisonLatitude { get; set; }
    public double ComparisonLongitude { get; set; }
    public int ComparisonRadiusMetres { get; set; }
    public required string Scanning { get; set; }
    public string? Analysis { get; set; }
    public string? Victim { get; set; }
    public string? Offender { get; set; }
    public string? Place { get; set; }
    /// <summary>Tactic codes from the taxonomy, comma separated.</summary>
    public string Tactics { get; set; } = "";
    public string? Response { get; set; }
    public DateTimeOffset? ResponseStartedAt { get; set; }
    /// <summary>Worked, DidNotWork or Mixed: the team's judgement, beside the computed figures.</summary>
    public string? Result { get; set; }
    public string? Learning { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}
internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> p)
    {
        p.ToTable("Problems");
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.ProblemType).HasMaxLength(100);
        p.Property(x => x.District).HasMaxLength(60);
        p.Property(x => x.Scanning).HasMaxLength(4000);
        p.Property(x => x.Analysis).HasMaxLength(4000);
        p.Property(x => x.Victim).HasMaxLength(2000);
        p.Property(x => x.Offender).HasMaxLength(2000);
        p.Property(x => x.Place).HasMaxLength(2000);
        p.Property(x => x.Tactics).HasMaxLength(500);
        p.Property(x => x.Response).HasMaxLength(4000);
        p.Property(x => x.Result).HasMaxLength(20);
        p.Property(x => x.Learning).HasMaxLength(4000);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.HasIndex(x => new { x.Published, x.ProblemType });
    }
}
/// <summary>The tactic taxonomy responses are drawn from: situational, enforcement, diversion, engagement.</summary>
public static class Tactics
{
    public static readonly IReadOnlyList<(string Code, string Name, string Group)> All =
    [
        ("lighting", "Improved street lighting", "Situational"),
        ("cctv", "CCTV", "Situational"),
        ("target-hardening", "Target hardening (locks, gates, alley-gating)", "Situational"),
        ("environmental-clean-up", "Environmental clean-up and repair", "Situational"),
        ("licensing", "Licensing conditions and reviews", "Situational"),
        ("patrols", "High-visibility patrols", "Enforcement"),
        ("dispersal", "Dispersal directions", "Enforcement"),
        ("pspo", "Public spaces protection order", "Enforcement"),
        ("cpn", "Community protection warnings and notices", "Enforcement"),
        ("injunctions", "Civil injunctions and criminal behaviour orders", "Enforcement"),
        ("diversion", "Diversionary youth activities", "Diversion"),
        ("outreach", "Outreach and support (alcohol, drugs, housing)", "Diversion"),
        ("restorative", "Restorative justice and mediation", "Diversion"),
        ("community-engagement", "Community engagement and communication", "Engagement"),
    ];

    public static bool IsTactic(string code) => All.Any(t => t.Code == code);
}
