using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Platform;

/// <summary>A person who signs in to SafetyNet. Every user belongs to exactly one agency.</summary>
public sealed class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
