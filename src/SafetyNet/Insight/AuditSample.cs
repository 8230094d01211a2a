using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Insight.Statistics;

namespace SafetyNet.Insight;

public enum AuditDesign
{
    /// <summary>A simple random sample of the period's records.</summary>
    Simple,
    /// <summary>A sample drawn separately within each stratum, in proportion to its size.</summary>
    Stratified,
}

/// <summary>
/// A reproducible sample of a period's records, each reviewed by hand as the inspectorate reviews them: the
/// crime-recording self-audit's incidents (<see cref="CrimeRecordingAudit"/>) and the file review's finalised
/// investigations (<see cref="Investigations.FileReview"/>). The same frame, size and seed draw the same sample again.
/// </summary>
public abstract class AuditSample<TItem> : IVersioned where TItem : AuditSampleItem
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public DateOnly PeriodFrom { get; set; }
    /// <summary>The last day of the period, inclusive.</summary>
    public DateOnly PeriodTo { get; set; }
    public AuditDesign Design { get; set; }
    public int SampleSize { get; set; }
    public int Seed { get; set; }
    /// <summary>How many records the period held that could be sampled when the sample was drawn (the frame).</summary>
    public int FrameSize { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<TItem> Items { get; set; } = [];

    /// <summary>
    /// Draws the sample by the shared sampler (<see cref="Sample.Draw"/>) over <paramref name="frame"/>, the period's records
    /// in id order with their strata, and keeps how it was drawn. Items are numbered in frame order, each with its stratum
    /// and that stratum's size in the frame; <paramref name="item"/> makes the item for a record's id.
    /// </summary>
    public void Draw(IReadOnlyList<(long Id, string Stratum)> frame, int size, int seed, Func<long, TItem> item)
    {
        var strata = frame.Select(f => f.Stratum).ToArray();
        var sizes = strata.CountBy(s => s, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        Items = [.. Sample.Draw(strata, size, Design == AuditDesign.Stratified, seed).Order().Select((n, position) =>
        {
            var drawn = item(frame[n].Id);
            (drawn.Position, drawn.Stratum, drawn.StratumSize) = (position + 1, frame[n].Stratum, sizes[frame[n].Stratum]);
            return drawn;
        })];
        (Seed, FrameSize, SampleSize) = (seed, frame.Count, Items.Count);
    }

    /// <summary>What the audit trail keeps of a draw: enough to draw it again and check it.</summary>
    public string DrawDetails() =>
        $"period={PeriodFrom:yyyy-MM-dd}..{PeriodTo:yyyy-MM-dd} design={Design} sample={SampleSize} seed={Seed} frame={FrameSize}";
}

/// <summary>One sampled record of an <see cref="AuditSample{TItem}"/>; each kind adds its record's id and the reviewer's findings.</summary>
public abstract class AuditSampleItem : IVersioned
{
    public long Id { get; set; }
    /// <summary>The item's number in the sample, from 1, in the frame's order.</summary>
    public int Position { get; set; }
    /// <summary>The stratum the record was sampled in, and how many records of the frame it held.</summary>
    public string Stratum { get; set; } = "";
    public int StratumSize { get; set; }
    public int Version { get; set; }
}

/// <summary>The columns every kind of audit sample shares, mapped the same way for each.</summary>
internal static class AuditSampleConfiguration
{
    public static void ConfigureSample<TSample, TItem>(EntityTypeBuilder<TSample> sample, string itemSampleKey)
        where TSample : AuditSample<TItem> where TItem : AuditSampleItem
    {
        sample.Property(a => a.Title).HasMaxLength(200);
        sample.Property(a => a.Design).HasConversion<string>().HasMaxLength(20);
        sample.Property(a => a.CreatedBy).HasMaxLength(256);
        sample.HasMany(a => a.Items).WithOne().HasForeignKey(itemSampleKey).OnDelete(DeleteBehavior.Cascade);
    }

    public static void ConfigureItem<TItem>(EntityTypeBuilder<TItem> item, string sampleKey) where TItem : AuditSampleItem
    {
        item.Property(i => i.Stratum).HasMaxLength(40);
        item.HasIndex(sampleKey, nameof(AuditSampleItem.Position)).IsUnique();
    }
}
