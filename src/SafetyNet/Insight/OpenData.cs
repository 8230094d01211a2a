using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafetyNet.Insight;

/// <summary>
/// A police.uk street-level row: published open data, kept apart from the force's own records. ASB rows have
/// no Crime ID. <see cref="RowKey"/> makes a repeated import of the same files change nothing.
/// </summary>
public sealed class OpenDataCrime
{
    public long Id { get; set; }
    public required string RowKey { get; set; }
    public string? CrimeId { get; set; }
    /// <summary>The first day of the month police.uk gives (it publishes no day).</summary>
    public DateOnly Month { get; set; }
    public required string ReportedBy { get; set; }
    public required string FallsWithin { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public required string Location { get; set; }
    public required string LsoaCode { get; set; }
    public required string LsoaName { get; set; }
    /// <summary>One of Hertfordshire's ten districts, or null for LSOAs over the county border.</summary>
    public string? District { get; set; }
    public required string CrimeType { get; set; }
    public required string LastOutcome { get; set; }
    public string? Context { get; set; }
}

/// <summary>A police.uk outcome row, joined to its crime by Crime ID. <see cref="Month"/> is the month of the outcome.</summary>
public sealed class OpenDataOutcome
{
    public long Id { get; set; }
    public required string RowKey { get; set; }
    public required string CrimeId { get; set; }
    public DateOnly Month { get; set; }
    public required string OutcomeType { get; set; }
    public string? LsoaCode { get; set; }
}

internal sealed class OpenDataConfiguration : IEntityTypeConfiguration<OpenDataCrime>, IEntityTypeConfiguration<OpenDataOutcome>
{
    public void Configure(EntityTypeBuilder<OpenDataCrime> crime)
    {
        crime.ToTable("OpenDataCrimes");
        crime.Property(c => c.RowKey).HasMaxLength(120);
        crime.Property(c => c.CrimeId).HasMaxLength(64);
        crime.Property(c => c.ReportedBy).HasMaxLength(100);
        crime.Property(c => c.FallsWithin).HasMaxLength(100);
        crime.Property(c => c.Location).HasMaxLength(200);
        crime.Property(c => c.LsoaCode).HasMaxLength(9);
        crime.Property(c => c.LsoaName).HasMaxLength(100);
        crime.Property(c => c.District).HasMaxLength(60);
        crime.Property(c => c.CrimeType).HasMaxLength(60);
        crime.Property(c => c.LastOutcome).HasMaxLength(120);
        crime.Property(c => c.Context).HasMaxLength(1000);
        crime.HasIndex(c => c.RowKey).IsUnique();
        crime.HasIndex(c => c.CrimeId);
        crime.HasIndex(c => new { c.CrimeType, c.Month });
        crime.HasIndex(c => new { c.District, c.Month });
    }

    public void Configure(EntityTypeBuilder<OpenDataOutcome> outcome)
    {
        outcome.ToTable("OpenDataOutcomes");
        outcome.Property(o => o.RowKey).HasMaxLength(160);
        outcome.Property(o => o.CrimeId).HasMaxLength(64);
        outcome.Property(o => o.OutcomeType).HasMaxLength(120);
        outcome.Property(o => o.LsoaCode).HasMaxLength(9);
        outcome.HasIndex(o => o.RowKey).IsUnique();
        outcome.HasIndex(o => o.CrimeId);
    }
}
