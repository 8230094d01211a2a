using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.People;

/// <summary>
/// One human as SafetyNet knows them: the entries (<see cref="IncidentPerson"/>) judged to be the same
/// person. Every entry belongs to exactly one identity from the moment it is saved — a new entry starts
/// an identity of its own until it is confirmed or resolved into an existing one. Cases, repeat rules and
/// partner records refer to identities, never to raw entries.
/// </summary>
public sealed class PersonIdentity : IVersioned
{
    public long Id { get; set; }

    /// <summary>The name shown for the identity, taken from its most complete entry.</summary>
    public string DisplayName { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when this identity was merged into another: its entries moved there, and this row stays so
    /// that anything which referred to it still resolves, and so that the merge can be undone.
    /// </summary>
    public long? MergedIntoId { get; set; }
    public int Version { get; set; }

    public static PersonIdentity StartedBy(IncidentPerson entry) => new()
    {
        DisplayName = entry.DisplayName,
        DateOfBirth = entry.DateOfBirth,
        CreatedAt = entry.CreatedAt,
    };
}

internal sealed class PersonIdentityConfiguration : IEntityTypeConfiguration<PersonIdentity>
{
    public void Configure(EntityTypeBuilder<PersonIdentity> identity)
    {
        identity.ToTable("PersonIdentities");
        identity.Property(i => i.DisplayName).HasMaxLength(310);
        identity.HasOne<PersonIdentity>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}
