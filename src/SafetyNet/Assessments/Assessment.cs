using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Assessments;

/// <summary>THRIVE: the structured judgement behind every response (DOMAIN §2). Each reassessment is a new row.</summary>
public sealed class ThriveAssessment
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public required string Threat { get; set; }
    public required string Harm { get; set; }
    public required string Risk { get; set; }
    public required string Investigation { get; set; }
    public required string Vulnerability { get; set; }
    public required string Engagement { get; set; }
    public bool VulnerablePerson { get; set; }
    public bool SafeguardingAdvice { get; set; }
    public bool ScenePreservationAdvice { get; set; }
    public bool CrimePreventionAdvice { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// One completed risk instrument. Never overwritten: a reassessment is a new row that names the one it
/// supersedes. Keeps the instrument version, the answers, the computed level and any override.
/// </summary>
public sealed class RiskAssessment
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public long? PersonId { get; set; }
    public required string InstrumentCode { get; set; }
    public int InstrumentVersion { get; set; }
    public required string AnswersJson { get; set; }
    public int Score { get; set; }
    public required string ComputedLevel { get; set; }
    public required string Level { get; set; }
    public string? OverrideReason { get; set; }
    public bool IsReassessment { get; set; }
    public long? SupersedesId { get; set; }
    public bool ReferralFlag { get; set; }
    public string? ReferralName { get; set; }
    /// <summary>
    /// Too many "don't know" answers to judge the risk (the share is intake configuration): shown as incomplete, never as
    /// its computed level, and the assessment stays due.
    /// </summary>
    public bool Incomplete { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<ThriveAssessment>, IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<ThriveAssessment> thrive)
    {
        foreach (var name in new[] { "Threat", "Harm", "Risk", "Investigation", "Vulnerability", "Engagement" })
        {
            thrive.Property<string>(name).HasMaxLength(2000);
        }
        thrive.Property(t => t.Reason).HasMaxLength(1000);
        thrive.Property(t => t.CreatedBy).HasMaxLength(256);
        thrive.HasIndex(t => t.IncidentId);
    }

    public void Configure(EntityTypeBuilder<RiskAssessment> risk)
    {
        risk.Property(r => r.InstrumentCode).HasMaxLength(20);
        risk.Property(r => r.AnswersJson).HasMaxLength(20_000);
        risk.Property(r => r.ComputedLevel).HasMaxLength(30);
        risk.Property(r => r.Level).HasMaxLength(30);
        risk.Property(r => r.OverrideReason).HasMaxLength(1000);
        risk.Property(r => r.ReferralName).HasMaxLength(60);
        risk.Property(r => r.CreatedBy).HasMaxLength(256);
        risk.HasIndex(r => r.IncidentId);
    }
}
