using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using SafetyNet.Matching;

namespace SafetyNet.Benchmarks.Matching;

/// <summary>One intake lookup against an index of 2,000,000 SYNTHETIC entries; each invocation is one lookup.</summary>
[Config(typeof(PercentileConfig))]
[MemoryDiagnoser]
public class IdentityIndexBenchmarks
{
    private IdentityIndex _index = null!;
    private PersonEntry[] _probes = [];
    private int _next;

    [Params(2_000_000)]
    public int Indexed { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entries = MatchingData.Entries(Indexed + 10_000);
        _probes = entries.GetRange(Indexed, 10_000).ToArray();
        _index = IdentityIndex.Build(entries.GetRange(0, Indexed));
    }

    [Benchmark]
    public int FindOneEntry() => _index.Find(_probes[_next++ % _probes.Length]).Count;

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithInvocationCount(1000).WithUnrollFactor(1).WithIterationCount(20).WithWarmupCount(3).WithLaunchCount(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}

/// <summary>
/// Batch resolution of 1,000,000 SYNTHETIC entries end to end through <see cref="PersonFiles.Dedupe"/>, the code the
/// command line runs: read CSV, prepare, block, learn, score, cluster, write CSV.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class BatchDedupeBenchmarks
{
    private string _input = "";

    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _input = MatchingData.Csv(Rows);

    [Benchmark]
    public int DedupeFile() => PersonFiles.Dedupe(_input, _input + ".clusters.csv").RowsWritten;
}
