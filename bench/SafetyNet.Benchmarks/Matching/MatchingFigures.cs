using System.Diagnostics;
using SafetyNet.Matching;

namespace SafetyNet.Benchmarks.Matching;

/// <summary>
/// Figures BenchmarkDotNet does not give directly: the latency of each single lookup (for p95) and the peak memory of
/// a whole batch run in a process of its own. <c>matching-index [N]</c> and <c>matching-batch [N]</c>.
/// </summary>
public static class MatchingFigures
{
    public static int Run(string[] args)
    {
        var size = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return args[0] == "matching-index" ? Index(size == 0 ? 2_000_000 : size) : Batch(size == 0 ? 1_000_000 : size);
    }

    private static int Index(int indexed)
    {
        var clock = Stopwatch.StartNew();
        var entries = MatchingData.Entries(indexed + 20_000);
        var probes = entries.GetRange(indexed, 20_000);
        entries.RemoveRange(indexed, 20_000);
        Console.WriteLine($"generated {entries.Count:N0} synthetic entries in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var index = IdentityIndex.Build(entries);
        Console.WriteLine($"indexed in {clock.Elapsed.TotalSeconds:0.0} s");
        for (var i = 0; i < 2_000; i++)
        {
            index.Find(probes[i]);
        }
        var times = new double[probes.Count - 2_000];
        long found = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            found += index.Find(probes[i + 2_000]).Count;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"{times.Length:N0} lookups against {index.Count:N0} entries: median {times[times.Length / 2]:0.000} ms, p95 {times[(int)(times.Length * 0.95)]:0.000} ms, p99 {times[(int)(times.Length * 0.99)]:0.000} ms, max {times[^1]:0.0} ms; {found:N0} matches");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB");
        return 0;
    }

    private static int Batch(int rows)
    {
        var input = MatchingData.Csv(rows);
        var clock = Stopwatch.StartNew();
        var summary = PersonFiles.Dedupe(input, input + ".clusters.csv", null, message => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}"));
        Console.WriteLine($"dedupe of {summary.RowsRead:N0} rows: {clock.Elapsed.TotalSeconds:0.0} s, {summary.Identities:N0} identities, {summary.CandidatePairs:N0} pairs scored, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB");
        return 0;
    }
}
