using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.People;

public enum PersonRole
{
    Caller,
    Victim,
    Witness,
    Suspect,
    PersonOfConcern,
}

public enum IdentityLinkSource
{
    /// <summary>The entry started an identity of its own.</summary>
    Own,
    Engine,
    CallHandler,
    Reviewer,
}

public enum Sex
{
    Unknown,
    Female,
    Male,
}

/// <summary>
/// A person as entered on one incident, kept exactly as typed. Entries that refer to one human are linked
/// into an identity by the matching engine; the entry itself is never rewritten.
/// </summary>
public sealed class IncidentPerson : IVersioned
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public PersonRole Role { get; set; }
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? LastName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    /// <summary>A victim who said, when the report was taken, that they do not want to be referred to victim support.</summary>
    public bool VictimSupportOptOut { get; set; }
    /// <summary>Normalised name and date of birth, the plain exact rule that finds earlier entries until matching lands.</summary>
    public string MatchKey { get; set; } = "";

    /// <summary>The identity this entry belongs to; null only between a bulk load and its resolution.</summary>
    public long? IdentityId { get; set; }
    public PersonIdentity? Identity { get; set; }

    /// <summary>Who put this entry in its identity: it started its own, the engine, the call handler or a reviewer.</summary>
    public IdentityLinkSource LinkedBy { get; set; }
    /// <summary>The match probability behind the link, when the engine or a suggestion made it.</summary>
    public double? LinkScore { get; set; }
    /// <summary>The engine's reasons for the link, as the reviewer reads them.</summary>
    public string? LinkReasons { get; set; }
    /// <summary>When background resolution (or the call handler) last judged this entry; null means it is waiting.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public string DisplayName => string.Join(' ', new[] { FirstName, MiddleName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : "Name not given";

    public static string KeyOf(string? first, string? last, DateOnly? dateOfBirth) =>
        $"{Normalise(first)}|{Normalise(last)}|{dateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Normalise(string? name) =>
        new string((name ?? "").Where(char.IsLetter).ToArray()).ToLowerInvariant();
}

internal sealed class IncidentPersonConfiguration : IEntityTypeConfiguration<IncidentPerson>
{
    public void Configure(EntityTypeBuilder<IncidentPerson> person)
    {
        person.ToTable("IncidentPeople");
        person.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        person.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        person.Property(p => p.FirstName).HasMaxLength(100);
        person.Property(p => p.MiddleName).HasMaxLength(100);
        person.Property(p => p.LastName).HasMaxLength(100);
        person.Property(p => p.Phone).HasMaxLength(30);
        person.Property(p => p.Email).HasMaxLength(254);
        person.Property(p => p.Address).HasMaxLength(500);
        person.Property(p => p.Postcode).HasMaxLength(10);
        person.Property(p => p.MatchKey).HasMaxLength(250);
        person.Property(p => p.LinkedBy).HasConversion<string>().HasMaxLength(20);
        person.Property(p => p.LinkReasons).HasMaxLength(1000);
        person.HasIndex(p => p.ResolvedAt);
        person.HasIndex(p => p.MatchKey);
        person.HasIndex(p => p.LastName);
        person.HasOne(p => p.Identity).WithMany().HasForeignKey(p => p.IdentityId).OnDelete(DeleteBehavior.Restrict);
        person.Ignore(p => p.DisplayName);
    }
}
