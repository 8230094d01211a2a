using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Victims;

public enum ContactChannel
{
    Phone,
    Email,
    Sms,
    Letter,
    InPerson,
}

/// <summary>What came of a contact: only a contact made with the victim (or, for an offer, declined by them) meets a due point.</summary>
public enum ContactOutcome
{
    /// <summary>The victim was reached and told: a call answered, a meeting, a letter or e-mail sent.</summary>
    Made,
    /// <summary>Tried and nobody answered.</summary>
    NoAnswer,
    /// <summary>A message left (voicemail, a card through the door): the victim was not told in person.</summary>
    MessageLeft,
    /// <summary>The victim was reached and declined what was offered.</summary>
    Declined,
}

public enum VpsStatus
{
    NotYetOffered,
    Offered,
    Taken,
    Declined,
}

/// <summary>Events of the Victims' Code that start a contact clock (DOMAIN §6).</summary>
public enum VictimCodeEvent
{
    /// <summary>Written information on what to expect, after the crime is recorded.</summary>
    CrimeRecorded,
    NotInvestigated,
    SuspectArrested,
    SuspectInterviewed,
    SuspectReleased,
    SuspectBailed,
    SuspectCharged,
    BailConditionsChanged,
    /// <summary>No further action: the victim must be told of the Victims' Right to Review.</summary>
    NoFurtherAction,
    /// <summary>An out-of-court outcome given: the victim's view must have been recorded before.</summary>
    OutOfCourtOutcome,
    RoutineUpdate,
}

/// <summary>
/// The agreement with one victim of one crime about keeping them informed: how, how often, what they need,
/// and whether they are entitled to enhanced rights.
/// </summary>
public sealed class VictimContactContract : IVersioned
{
    public long Id { get; set; }
    public long CrimeRecordId { get; set; }
    public long IncidentId { get; set; }
    public long VictimId { get; set; }
    public string? CrimeReference { get; set; }
    public ContactChannel PreferredChannel { get; set; }
    /// <summary>Contact on the preferred channel is known to be safe (needed for surveys on domestic abuse and sexual offences).</summary>
    public bool SafeToContact { get; set; }
    public int? AgreedFrequencyDays { get; set; }
    public string? AgreedUpdatePoints { get; set; }
    public string? NeedsAssessment { get; set; }
    public string? SpecialMeasures { get; set; }
    public bool Enhanced { get; set; }
    /// <summary>Why enhanced: the automatic reasons (vulnerable, intimidated, repeat, most serious crime) and any set by hand.</summary>
    public string? EnhancedReasons { get; set; }
    public string? EnhancedByHandReason { get; set; }
    public VpsStatus Vps { get; set; }
    public DateTimeOffset? VpsOfferedAt { get; set; }
    public DateTimeOffset? VpsTakenAt { get; set; }
    public DateTimeOffset? VpsDeclinedAt { get; set; }
    public bool VictimSupportOptOut { get; set; }
    public bool VictimSupportOptIn { get; set; }
    public bool Bereaved { get; set; }
    public string? OutOfCourtView { get; set; }
    public DateTimeOffset? OutOfCourtViewAt { get; set; }
    public string? OfficerInCaseId { get; set; }
    public int? TeamId { get; set; }
    public int RuleVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A contact the Code requires, due by <see cref="DueAt"/>: met by a logged contact, or late, or missed.</summary>
public sealed class VictimContactDue
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long CrimeRecordId { get; set; }
    public VictimCodeEvent Event { get; set; }
    public bool Enhanced { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset RemindAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? MetAt { get; set; }
    public long? ContactId { get; set; }
    public string? Notes { get; set; }
    public string? OfficerInCaseId { get; set; }
    public int? TeamId { get; set; }
    public int RuleVersion { get; set; }
}

/// <summary>A contact with a victim, logged against the crime it concerns.</summary>
public sealed class VictimContact
{
    public long Id { get; set; }
    public long ContractId { get; set; }
    public long CrimeRecordId { get; set; }
    public DateTimeOffset ContactedAt { get; set; }
    public ContactChannel Channel { get; set; }
    /// <summary>What came of it; contacts logged before outcomes were asked for were all made.</summary>
    public ContactOutcome Outcome { get; set; }
    public required string Summary { get; set; }
    public bool RightToReviewExplained { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

internal sealed class VictimContractConfiguration : IEntityTypeConfiguration<VictimContactContract>, IEntityTypeConfiguration<VictimContactDue>, IEntityTypeConfiguration<VictimContact>
{
    public void Configure(EntityTypeBuilder<VictimContactContract> contract)
    {
        contract.Property(c => c.CrimeReference).HasMaxLength(40);
        contract.Property(c => c.PreferredChannel).HasConversion<string>().HasMaxLength(12);
        contract.Property(c => c.Vps).HasConversion<string>().HasMaxLength(16);
        contract.Property(c => c.AgreedUpdatePoints).HasMaxLength(1000);
        contract.Property(c => c.NeedsAssessment).HasMaxLength(2000);
        contract.Property(c => c.SpecialMeasures).HasMaxLength(1000);
        contract.Property(c => c.EnhancedReasons).HasMaxLength(300);
        contract.Property(c => c.EnhancedByHandReason).HasMaxLength(1000);
        contract.Property(c => c.OutOfCourtView).HasMaxLength(2000);
        contract.Property(c => c.OfficerInCaseId).HasMaxLength(64);
        contract.HasIndex(c => new { c.CrimeRecordId, c.VictimId }).IsUnique();
        contract.HasIndex(c => c.IncidentId);
    }

    public void Configure(EntityTypeBuilder<VictimContactDue> due)
    {
        due.ToTable("VictimContactDues");
        due.Property(d => d.Event).HasConversion<string>().HasMaxLength(30);
        due.Property(d => d.Notes).HasMaxLength(1000);
        due.Property(d => d.OfficerInCaseId).HasMaxLength(64);
        due.HasIndex(d => new { d.MetAt, d.DueAt });
        due.HasIndex(d => d.ContractId);
    }

    public void Configure(EntityTypeBuilder<VictimContact> contact)
    {
        contact.Property(c => c.Channel).HasConversion<string>().HasMaxLength(12);
        // Existing contacts become "made" (the column's default); new ones always send their outcome (the sentinel is no outcome).
        contact.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ContactOutcome.Made).HasSentinel((ContactOutcome)(-1));
        contact.Property(c => c.Summary).HasMaxLength(4000);
        contact.Property(c => c.RecordedBy).HasMaxLength(256);
        contact.HasIndex(c => c.ContractId);
    }
}

/// <summary>One timescale of the Code: working days for standard and enhanced victims.</summary>
public sealed record VictimCodeTimescale(VictimCodeEvent Event, int StandardWorkingDays, int EnhancedWorkingDays);

/// <summary>The force's Victims' Code settings (DOMAIN §6), versioned configuration.</summary>
public sealed record VictimCodeRules(
    IReadOnlyList<VictimCodeTimescale> Timescales,
    int RoutineFirstWorkingDays, int RoutineEveryDays, int EnhancedFirstHours, int EnhancedSecondDays, int EnhancedEveryDays,
    int ReminderLeadHours, int VictimSupportWorkingDays, int RepeatVictimEarlierIncidents, int RepeatVictimWindowDays,
    IReadOnlyList<string> MostSeriousCrimeTypes, IReadOnlyList<string> OptInTypes)
{
    public const string Key = "victims-code";

    /// <summary>The timescale for an event: the configured one, or 5 working days (1 enhanced) where none is.</summary>
    public VictimCodeTimescale TimescaleFor(VictimCodeEvent what) =>
        Timescales.FirstOrDefault(t => t.Event == what) ?? new VictimCodeTimescale(what, 5, 1);

    /// <summary>Victims of these crimes, and bereaved relatives, are referred to victim support only on opting in.</summary>
    public bool MustOptIn(string typeCode, bool bereaved) => bereaved || OptInTypes.Contains(typeCode);

    public static VictimCodeRules Default => new(
        [
            new(VictimCodeEvent.CrimeRecorded, 5, 5),
            new(VictimCodeEvent.NotInvestigated, 5, 1),
            new(VictimCodeEvent.SuspectArrested, 5, 1),
            new(VictimCodeEvent.SuspectInterviewed, 5, 1),
            new(VictimCodeEvent.SuspectReleased, 5, 1),
            new(VictimCodeEvent.SuspectBailed, 5, 1),
            new(VictimCodeEvent.SuspectCharged, 5, 1),
            new(VictimCodeEvent.BailConditionsChanged, 5, 1),
            new(VictimCodeEvent.NoFurtherAction, 5, 1),
            new(VictimCodeEvent.OutOfCourtOutcome, 5, 1),
        ],
        RoutineFirstWorkingDays: 5, RoutineEveryDays: 28, EnhancedFirstHours: 24, EnhancedSecondDays: 10, EnhancedEveryDays: 28,
        ReminderLeadHours: 24, VictimSupportWorkingDays: 2, RepeatVictimEarlierIncidents: 1, RepeatVictimWindowDays: 365,
        MostSeriousCrimeTypes: ["SEXUAL-OFFENCE", "ASSAULT-SERIOUS", "DOMESTIC-ABUSE", "STALKING", "ARSON"],
        OptInTypes: ["SEXUAL-OFFENCE", "DOMESTIC-ABUSE"]);

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new Dictionary<string, string[]>();
        if (Timescales.Any(t => t.StandardWorkingDays < 0 || t.EnhancedWorkingDays < 0))
        {
            problems["timescales"] = ["Timescales cannot be negative"];
        }
        if (RoutineEveryDays < 1 || EnhancedEveryDays < 1 || RoutineFirstWorkingDays < 0 || EnhancedFirstHours < 1)
        {
            problems["routine"] = ["Routine updates need a positive cadence"];
        }
        if (ReminderLeadHours < 0)
        {
            problems["reminderLeadHours"] = ["The reminder lead time cannot be negative"];
        }
        return problems;
    }
}
