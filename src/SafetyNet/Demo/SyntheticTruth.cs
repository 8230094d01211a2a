using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Demo;

/// <summary>
/// For synthetic data only: which made-up human each seeded person entry is, so that matching can be
/// scored against the truth. Real entries never have a row here.
/// </summary>
public sealed class SyntheticTruth
{
    public long IncidentPersonId { get; set; }
    public int Identity { get; set; }
}

internal sealed class SyntheticTruthConfiguration : IEntityTypeConfiguration<SyntheticTruth>
{
    public void Configure(EntityTypeBuilder<SyntheticTruth> truth)
    {
        truth.ToTable("SyntheticTruth");
        truth.HasKey(t => t.IncidentPersonId);
        truth.Property(t => t.IncidentPersonId).ValueGeneratedNever();
        truth.HasIndex(t => t.Identity);
    }
}
