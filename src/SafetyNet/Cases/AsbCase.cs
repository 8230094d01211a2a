using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Cases;

public enum AsbCaseStatus
{
    Open,
    Closed,
}

public enum CasePartyRole
{
    Victim,
    Perpetrator,
    Witness,
}

public enum CaseActionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// The legal ground for sharing a case with a partner (DOMAIN §8): consent is one basis among several, and
/// MARAC shares without it.
/// </summary>
public enum LawfulBasis
{
    Consent,
    CrimeAndDisorderActSection115,
    DataProtectionActPart3,
    Marac,
    SafeguardingDuty,
}

/// <summary>
/// A multi-agency anti-social behaviour case: the people involved (as identities), the incidents, the risk
/// and its review cadence, who leads and who is the single point of contact, and with whom it is shared.
/// </summary>
public sealed class AsbCase : IVersioned
{
    public long Id { get; set; }
    public string Reference { get; set; } = "";
    public required string Title { get; set; }
    /// <summary>Personal, Nuisance or Environmental.</summary>
    public required string Category { get; set; }
    public required string RiskLevel { get; set; }
    public int RulesVersion { get; set; }
    /// <summary>When the sergeant's review of the case next falls due.</summary>
    public DateTimeOffset NextReviewDueAt { get; set; }
    /// <summary>When an inspector's review next falls due, where the risk level's cadence asks for one.</summary>
    public DateTimeOffset? InspectorReviewDueAt { get; set; }
    /// <summary>When a chief inspector's review next falls due, where the risk level's cadence asks for one.</summary>
    public DateTimeOffset? ChiefInspectorReviewDueAt { get; set; }
    public string? District { get; set; }
    public int LeadAgencyId { get; set; }
    public string? SpocUserId { get; set; }
    public string? SpocName { get; set; }
    public AsbCaseStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosureOutcome { get; set; }
    /// <summary>The victim's satisfaction at closure, 1 (very dissatisfied) to 5 (very satisfied); null when not asked.</summary>
    public int? VictimSatisfaction { get; set; }
    /// <summary>When the victims' qualifying complaints reached the Community Trigger threshold; null when they have not.</summary>
    public DateTimeOffset? TriggerFlaggedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A person on a case: always an identity, never a raw entry on one incident.</summary>
public sealed class CaseParty
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long IdentityId { get; set; }
    /// <summary>The identity's name, copied when the party is added (an identity's name never changes), for case search.</summary>
    public string Name { get; set; } = "";
    public CasePartyRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

public sealed class CaseIncident
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long IncidentId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public required string LinkedBy { get; set; }
}

/// <summary>One agency a case is shared with, on a recorded lawful basis; a withdrawn share keeps its row.</summary>
public sealed class CaseShare
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public int AgencyId { get; set; }
    public LawfulBasis LawfulBasis { get; set; }
    public bool ConsentSought { get; set; }
    public bool? ConsentGiven { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public required string SharedBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
}

/// <summary>An action on a case's plan, owned by a person or by an agency.</summary>
public sealed class CaseAction : IVersioned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Title { get; set; }
    public string? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public int? OwnerAgencyId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public CaseActionStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One line of a case's chronology: a review, an action, a contact with the victim, a share, a closure.
/// Police-only entries (intelligence) never reach a partner.
/// </summary>
public sealed class CaseEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public bool PoliceOnly { get; set; }
    public required string By { get; set; }
}

internal sealed class AsbCaseConfiguration :
    IEntityTypeConfiguration<AsbCase>, IEntityTypeConfiguration<CaseParty>, IEntityTypeConfiguration<CaseIncident>,
    IEntityTypeConfiguration<CaseShare>, IEntityTypeConfiguration<CaseAction>, IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<AsbCase> c)
    {
        c.ToTable("AsbCases");
        c.Property(x => x.Reference).HasMaxLength(30).IsUnversioned();
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.Category).HasMaxLength(20);
        c.Property(x => x.RiskLevel).HasMaxLength(30);
        c.Property(x => x.District).HasMaxLength(60);
        c.Property(x => x.SpocUserId).HasMaxLength(64);
        c.Property(x => x.SpocName).HasMaxLength(256);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        c.Property(x => x.OpenedBy).HasMaxLength(256);
        c.Property(x => x.ClosureOutcome).HasMaxLength(2000);
        c.HasIndex(x => x.Reference);
        c.HasIndex(x => new { x.Status, x.NextReviewDueAt });
        c.HasIndex(x => x.LeadAgencyId);
        // Case search lists the newest first.
        c.HasIndex(x => x.OpenedAt);
    }

    public void Configure(EntityTypeBuilder<CaseParty> p)
    {
        p.ToTable("AsbCaseParties");
        p.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.Name).HasMaxLength(310);
        p.Property(x => x.AddedBy).HasMaxLength(256);
        p.HasIndex(x => new { x.CaseId, x.IdentityId, x.Role }).IsUnique();
        p.HasIndex(x => x.IdentityId);
        p.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<People.PersonIdentity>().WithMany().HasForeignKey(x => x.IdentityId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseIncident> i)
    {
        i.ToTable("AsbCaseIncidents");
        i.Property(x => x.LinkedBy).HasMaxLength(256);
        i.HasIndex(x => new { x.CaseId, x.IncidentId }).IsUnique();
        i.HasIndex(x => x.IncidentId);
        i.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<Incidents.Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseShare> s)
    {
        s.ToTable("AsbCaseShares");
        s.Property(x => x.LawfulBasis).HasConversion<string>().HasMaxLength(40);
        s.Property(x => x.Note).HasMaxLength(1000);
        s.Property(x => x.SharedBy).HasMaxLength(256);
        s.Property(x => x.WithdrawnBy).HasMaxLength(256);
        s.HasIndex(x => new { x.AgencyId, x.CaseId });
        s.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseAction> a)
    {
        a.ToTable("AsbCaseActions");
        a.Property(x => x.Title).HasMaxLength(500);
        a.Property(x => x.OwnerUserId).HasMaxLength(64);
        a.Property(x => x.OwnerName).HasMaxLength(256);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.Outcome).HasMaxLength(2000);
        a.Property(x => x.CreatedBy).HasMaxLength(256);
        a.HasIndex(x => x.CaseId);
        a.HasIndex(x => new { x.OwnerUserId, x.Status, x.DueAt });
        a.HasIndex(x => new { x.OwnerAgencyId, x.Status, x.DueAt });
        a.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseEntry> e)
    {
        e.ToTable("AsbCaseEntries");
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.By).HasMaxLength(256);
        e.HasIndex(x => new { x.CaseId, x.At });
        e.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
