using BenchmarkDotNet.Attributes;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Benchmarks.Insight;

/// <summary>Reading a year of one force's police.uk archive: 24 CSVs in a zip, ~100k street and ~76k outcome rows.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class PoliceUkBenchmarks
{
    private string _zip = "";

    [GlobalSetup]
    public void Setup() => _zip = BenchData.Path("policeuk", "hertfordshire-2021.zip");

    [Benchmark]
    public PoliceUkData ReadTwelveMonthZip() => PoliceUkArchive.Read([_zip]);

    [Benchmark]
    public PoliceUkData ReadTwelveMonthZipStreetOnly() => PoliceUkArchive.Read([_zip], PoliceUkFiles.Street);
}
