using BenchmarkDotNet.Attributes;
using SafetyNet.Insight.NearRepeat;

namespace SafetyNet.Benchmarks.Insight;

/// <summary>The Near Repeat Calculator's reference run: 970 Chicago burglaries, 999 permutations (target under 2 s).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class KnoxBenchmarks
{
    private SpaceTimeEvent[] _events = [];
    private readonly KnoxSettings _settings = new(100, 3, 7, 3, Permutations: 999, Seed: 1);

    [GlobalSetup]
    public void Setup()
    {
        using var reader = new StreamReader(BenchData.Path("nearrepeat", "chicago_be_month1.csv"));
        _events = NearRepeatEvents.Read(reader);
    }

    [Benchmark]
    public KnoxTable Knox999Permutations() => KnoxTest.Run(_events, _settings);

    [Benchmark]
    public KnoxTable Knox999PermutationsEuclidean() => KnoxTest.Run(_events, _settings with { Metric = DistanceMetric.Euclidean });
}
