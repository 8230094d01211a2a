using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Offenders;

/// <summary>
/// One known offender in the force's register: an identity (never a raw person entry) with where they live, and the
/// history that hangs from it — arrests, charges, convictions and cautions, custody, licence and bail conditions,
/// warning markers and graded intelligence. Adding to the history moves the record's version on, so two officers
/// adding at once are told when one of them worked from a stale page.
/// </summary>
public sealed class OffenderRecord : IVersioned
{
    public long Id { get; set; }
    public long IdentityId { get; set; }
    /// <summary>The Police National Computer identifier, as the force writes it (for example 2009/0123456X).</summary>
    public string? PncId { get; set; }
    public string? HomeAddress { get; set; }
    public double? HomeLatitude { get; set; }
    public double? HomeLongitude { get; set; }
    public string? HomeDistrict { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum ArrestOutcome
{
    /// <summary>Still in custody or awaiting a decision.</summary>
    Pending,
    NoFurtherAction,
    ReleasedUnderInvestigation,
    Bailed,
    Charged,
    Cautioned,
    CommunityResolution,
}

/// <summary>An arrest: when, where, what for (Home Office offence code) and how it ended.</summary>
public sealed class OffenderArrest
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public DateTimeOffset ArrestedAt { get; set; }
    public required string OffenceCode { get; set; }
    public ArrestOutcome Outcome { get; set; }
    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? District { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A charge for one offence; its result, if any, is a <see cref="OffenderSanction"/>.</summary>
public sealed class OffenderCharge
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public DateOnly ChargedOn { get; set; }
    public required string OffenceCode { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

public enum SanctionKind
{
    Conviction,
    Caution,
}

/// <summary>
/// A conviction or caution for one offence: a sanction as the reoffending predictors count them. The number of
/// sanctions, the age at the first and the offence code of each are plain queries over these rows.
/// </summary>
public sealed class OffenderSanction
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public SanctionKind Kind { get; set; }
    public DateOnly SanctionedOn { get; set; }
    public required string OffenceCode { get; set; }
    /// <summary>The sentence or caution given, as the court or officer recorded it ("Immediate custody, 18 months").</summary>
    public required string Disposal { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A time in prison or on remand; released when <see cref="ReleasedOn"/> is set.</summary>
public sealed class CustodySpell
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    public string? Establishment { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

public enum ConditionKind
{
    Licence,
    Bail,
}

/// <summary>
/// Licence or bail conditions in force from <see cref="StartsOn"/> to <see cref="ExpiresOn"/>. The reminder before
/// expiry is this row's <see cref="ReminderDueAt"/>: the reminders queue is a query over it, no timer.
/// </summary>
public sealed class OffenderCondition
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public ConditionKind Kind { get; set; }
    public required string Conditions { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset ReminderDueAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A breach of licence or bail conditions.</summary>
public sealed class ConditionBreach
{
    public long Id { get; set; }
    public long ConditionId { get; set; }
    public long OffenderId { get; set; }
    public DateTimeOffset BreachedAt { get; set; }
    public required string Details { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A warning marker (weapons, violence, self-harm…) of a kind the force configures in <see cref="OffenderRules"/>.</summary>
public sealed class WarningMarker
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public required string Kind { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// A piece of intelligence graded 3×5×2: source evaluation 1 (reliable), 2 (untested) or 3 (not reliable);
/// intelligence assessment A to E; handling code P (may be shared lawfully) or C (shared only with the conditions
/// given). Police only: no partner ever sees it.
/// </summary>
public sealed class IntelligenceEntry
{
    public long Id { get; set; }
    public long OffenderId { get; set; }
    public required string Text { get; set; }
    public int SourceEvaluation { get; set; }
    public required string Assessment { get; set; }
    public required string HandlingCode { get; set; }
    public string? HandlingConditions { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class OffenderConfiguration :
    IEntityTypeConfiguration<OffenderRecord>, IEntityTypeConfiguration<OffenderArrest>, IEntityTypeConfiguration<OffenderCharge>,
    IEntityTypeConfiguration<OffenderSanction>, IEntityTypeConfiguration<CustodySpell>, IEntityTypeConfiguration<OffenderCondition>,
    IEntityTypeConfiguration<ConditionBreach>, IEntityTypeConfiguration<WarningMarker>, IEntityTypeConfiguration<IntelligenceEntry>
{
    public void Configure(EntityTypeBuilder<OffenderRecord> offender)
    {
        offender.Property(o => o.PncId).HasMaxLength(20);
        offender.Property(o => o.HomeAddress).HasMaxLength(300);
        offender.Property(o => o.HomeDistrict).HasMaxLength(60);
        offender.Property(o => o.CreatedBy).HasMaxLength(256);
        offender.HasOne<People.PersonIdentity>().WithMany().HasForeignKey(o => o.IdentityId).OnDelete(DeleteBehavior.Restrict);
        offender.HasIndex(o => o.IdentityId).IsUnique();
        offender.HasIndex(o => o.HomeDistrict);
        offender.HasIndex(o => new { o.HomeLatitude, o.HomeLongitude });
    }

    public void Configure(EntityTypeBuilder<OffenderArrest> arrest)
    {
        arrest.Property(a => a.OffenceCode).HasMaxLength(5);
        arrest.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        arrest.Property(a => a.Place).HasMaxLength(300);
        arrest.Property(a => a.District).HasMaxLength(60);
        arrest.Property(a => a.RecordedBy).HasMaxLength(256);
        arrest.HasOne<OffenderRecord>().WithMany().HasForeignKey(a => a.OffenderId).OnDelete(DeleteBehavior.Cascade);
        arrest.HasIndex(a => new { a.OffenderId, a.ArrestedAt });
        // "Recently active near here": arrests since a date, then by place.
        arrest.HasIndex(a => new { a.ArrestedAt, a.Latitude, a.Longitude });
    }

    public void Configure(EntityTypeBuilder<OffenderCharge> charge)
    {
        charge.Property(c => c.OffenceCode).HasMaxLength(5);
        charge.Property(c => c.RecordedBy).HasMaxLength(256);
        charge.HasOne<OffenderRecord>().WithMany().HasForeignKey(c => c.OffenderId).OnDelete(DeleteBehavior.Cascade);
        charge.HasIndex(c => new { c.OffenderId, c.ChargedOn });
    }

    public void Configure(EntityTypeBuilder<OffenderSanction> sanction)
    {
        sanction.Property(s => s.Kind).HasConversion<string>().HasMaxLength(12);
        sanction.Property(s => s.OffenceCode).HasMaxLength(5);
        sanction.Property(s => s.Disposal).HasMaxLength(300);
        sanction.Property(s => s.RecordedBy).HasMaxLength(256);
        sanction.HasOne<OffenderRecord>().WithMany().HasForeignKey(s => s.OffenderId).OnDelete(DeleteBehavior.Cascade);
        sanction.HasIndex(s => new { s.OffenderId, s.SanctionedOn });
    }

    public void Configure(EntityTypeBuilder<CustodySpell> spell)
    {
        spell.Property(s => s.Establishment).HasMaxLength(200);
        spell.Property(s => s.RecordedBy).HasMaxLength(256);
        spell.HasOne<OffenderRecord>().WithMany().HasForeignKey(s => s.OffenderId).OnDelete(DeleteBehavior.Cascade);
        spell.HasIndex(s => new { s.OffenderId, s.StartedOn });
        // Who was released this week.
        spell.HasIndex(s => s.ReleasedOn);
    }

    public void Configure(EntityTypeBuilder<OffenderCondition> condition)
    {
        condition.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        condition.Property(c => c.Conditions).HasMaxLength(2000);
        condition.Property(c => c.RecordedBy).HasMaxLength(256);
        condition.HasOne<OffenderRecord>().WithMany().HasForeignKey(c => c.OffenderId).OnDelete(DeleteBehavior.Cascade);
        condition.HasIndex(c => new { c.OffenderId, c.ExpiresOn });
        // The reminders queue: reminders due, in due order.
        condition.HasIndex(c => c.ReminderDueAt);
    }

    public void Configure(EntityTypeBuilder<ConditionBreach> breach)
    {
        breach.Property(b => b.Details).HasMaxLength(2000);
        breach.Property(b => b.RecordedBy).HasMaxLength(256);
        breach.HasOne<OffenderCondition>().WithMany().HasForeignKey(b => b.ConditionId).OnDelete(DeleteBehavior.Cascade);
        breach.HasIndex(b => new { b.OffenderId, b.BreachedAt });
    }

    public void Configure(EntityTypeBuilder<WarningMarker> marker)
    {
        marker.Property(m => m.Kind).HasMaxLength(40);
        marker.Property(m => m.Note).HasMaxLength(500);
        marker.Property(m => m.RecordedBy).HasMaxLength(256);
        marker.HasOne<OffenderRecord>().WithMany().HasForeignKey(m => m.OffenderId).OnDelete(DeleteBehavior.Cascade);
        marker.HasIndex(m => new { m.OffenderId, m.Kind });
    }

    public void Configure(EntityTypeBuilder<IntelligenceEntry> entry)
    {
        entry.Property(e => e.Text).HasMaxLength(4000);
        entry.Property(e => e.Assessment).HasMaxLength(1);
        entry.Property(e => e.HandlingCode).HasMaxLength(1);
        entry.Property(e => e.HandlingConditions).HasMaxLength(1000);
        entry.Property(e => e.RecordedBy).HasMaxLength(256);
        entry.HasOne<OffenderRecord>().WithMany().HasForeignKey(e => e.OffenderId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.OffenderId, e.RecordedAt });
    }
}
