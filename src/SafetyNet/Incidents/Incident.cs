using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.People;

namespace SafetyNet.Incidents;

public enum IncidentChannel
{
    Emergency999,
    NonEmergency101,
    Online,
    FrontCounter,
    PartnerReferral,
    CallHandlingImport,
    RecordsImport,
}

/// <summary>A report as first recorded, from whatever route it came.</summary>
public sealed class Incident : IVersioned
{
    public long Id { get; set; }
    public string Reference { get; set; } = "";
    public IncidentChannel Channel { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? OccurredFrom { get; set; }
    public DateTimeOffset? OccurredTo { get; set; }
    public required string TypeCode { get; set; }
    public required string Narrative { get; set; }

    private string _locationText = "";

    /// <summary>Where it happened, as written; setting it sets <see cref="LocationKey"/> too.</summary>
    public required string LocationText
    {
        get => _locationText;
        set
        {
            _locationText = value;
            LocationKey = PlaceKey.Of(value);
        }
    }

    /// <summary>
    /// The place as compared for repeat locations: house number or name and street, however written (see
    /// <see cref="PlaceKey"/>), so "1 Homefield Rd, Hemel Hempstead" and "1 Homefield Road" are one key.
    /// </summary>
    public string LocationKey { get; set; } = "";
    public string? Uprn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? LsoaCode { get; set; }
    public string? District { get; set; }
    public bool Rural { get; set; }

    /// <summary>The system a record came from and its reference there; one external reference, one incident.</summary>
    public string? SourceSystem { get; set; }
    public string? SourceReference { get; set; }

    public bool OffenderNearby { get; set; }
    public bool VulnerablePerson { get; set; }
    /// <summary>Set when a report that was not a crime type may amount to one (DOMAIN §4: any route).</summary>
    public bool MayBeCrime { get; set; }
    /// <summary>Why it may be a crime: the answers or words that describe one, or the judgement of who recorded it.</summary>
    public string? MayBeCrimeReason { get; set; }
    /// <summary>Sensitive records (domestic abuse, sexual offences, stalking…) need a purpose to read.</summary>
    public bool Sensitive { get; set; }

    public string? GradeCode { get; set; }
    public int? GradeConfigVersion { get; set; }
    public DateTimeOffset? GradedAt { get; set; }
    public string? GradedBy { get; set; }
    public string? RegradeReason { get; set; }
    public DateTimeOffset? AttendanceDueAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public string? NoAttendanceOverrideBy { get; set; }
    public string? NoAttendanceOverrideReason { get; set; }

    /// <summary>When THRIVE falls due after an emergency was dispatched first; null once it is done.</summary>
    public DateTimeOffset? ThriveDueAt { get; set; }
    public DateTimeOffset? ThriveCompletedAt { get; set; }

    public string? OfficerInCaseId { get; set; }
    public int? OwningTeamId { get; set; }

    /// <summary>Set when the incident is closed: one of <see cref="IncidentResults"/>.</summary>
    public string? ResultCode { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public List<IncidentPerson> People { get; set; } = [];
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> incident)
    {
        incident.Property(i => i.Reference).HasMaxLength(30).IsUnversioned();
        incident.Property(i => i.Channel).HasConversion<string>().HasMaxLength(30);
        incident.Property(i => i.TypeCode).HasMaxLength(40);
        incident.Property(i => i.Narrative).HasMaxLength(IncidentLimits.Narrative);
        incident.Property(i => i.LocationText).HasMaxLength(500);
        incident.Property(i => i.Uprn).HasMaxLength(12);
        incident.Property(i => i.LsoaCode).HasMaxLength(9);
        incident.Property(i => i.District).HasMaxLength(60);
        incident.Property(i => i.SourceSystem).HasMaxLength(60);
        incident.Property(i => i.SourceReference).HasMaxLength(100);
        incident.Property(i => i.GradeCode).HasMaxLength(30);
        incident.Property(i => i.GradedBy).HasMaxLength(256);
        incident.Property(i => i.RegradeReason).HasMaxLength(1000);
        incident.Property(i => i.MayBeCrimeReason).HasMaxLength(Crimes.CrimeInTheAccount.ReasonLength);
        incident.Property(i => i.NoAttendanceOverrideBy).HasMaxLength(256);
        incident.Property(i => i.NoAttendanceOverrideReason).HasMaxLength(1000);
        incident.Property(i => i.OfficerInCaseId).HasMaxLength(64);
        incident.Property(i => i.CreatedBy).HasMaxLength(256);
        incident.Property(i => i.ResultCode).HasMaxLength(30);
        incident.Property(i => i.ClosedBy).HasMaxLength(256);
        incident.HasIndex(i => new { i.OfficerInCaseId, i.ClosedAt });
        incident.HasIndex(i => new { i.OwningTeamId, i.ClosedAt });
        incident.HasIndex(i => i.Reference);
        incident.HasIndex(i => new { i.SourceSystem, i.SourceReference }).IsUnique();
        incident.HasIndex(i => i.ReportedAt);
        incident.HasIndex(i => new { i.TypeCode, i.ReportedAt });
        incident.HasIndex(i => i.AttendanceDueAt);
        incident.HasIndex(i => i.ThriveDueAt);
        incident.HasIndex(i => i.LocationText);
        incident.Property(i => i.LocationKey).HasMaxLength(500);
        incident.HasIndex(i => new { i.LocationKey, i.ReportedAt });
        incident.HasMany(i => i.People).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class IncidentLimits
{
    public const int Narrative = 10_000;
    public const int People = 50;
}

/// <summary>
/// One place however it is written (decision 0096): the key is the house number or name and the street, read with the
/// gazetteer's street names; the district (given, or read from the town written after the street) tells apart the
/// same address in two towns, and a UPRN, where both records have one, settles it.
/// </summary>
public static class PlaceKey
{
    private static readonly Lazy<Matching.Text.AddressKey> Keys =
        new(() => new Matching.Text.AddressKey(Locations.Gazetteer.Shared.Places.Select(p => p.Street).Distinct(StringComparer.Ordinal)));

    public static string Of(string? text)
    {
        var key = Keys.Value.Of(text);
        return key.Length <= 500 ? key : key[..500];
    }

    /// <summary>The district a written place names after its street ("…, Hemel Hempstead" is Dacorum), if any.</summary>
    public static string? DistrictOf(string? text) => Locations.Localities.DistrictOf(Keys.Value.Parse(text).Locality);

    /// <summary>
    /// The incidents at a place: the same key, in the same district where both say which, or the same UPRN. An empty key
    /// matches nothing by key.
    /// </summary>
    public static IQueryable<Incident> AtPlace(this IQueryable<Incident> incidents, string key, string? district, string? uprn) =>
        incidents.Where(i => (key != "" && i.LocationKey == key && (district == null || i.District == null || i.District == district))
                             || (uprn != null && i.Uprn == uprn));
}
