using BenchmarkDotNet.Attributes;
using SafetyNet.Insight.Hotspots;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Benchmarks.Insight;

/// <summary>Predicting November 2021's burglary hotspots (1 % of the county, 100 m cells) from January to October.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class HotspotBenchmarks
{
    private StreetCrime[] _street = [];

    [GlobalSetup]
    public void Setup() => _street = PoliceUkArchive.Read([BenchData.Path("policeuk", "hertfordshire-2021.zip")]).Street;

    [Benchmark]
    public HotspotPrediction PredictBurglaryAtOnePercent() =>
        HotspotForecast.Predict(_street, "Burglary", new CalendarMonth(2021, 10), Hertfordshire.AreaKm2 * 0.01);
}
