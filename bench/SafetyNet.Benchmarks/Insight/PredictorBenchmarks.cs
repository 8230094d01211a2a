using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using SafetyNet.Insight.Offenders;

namespace SafetyNet.Benchmarks.Insight;

/// <summary>
/// The static predictors: the engine alone over 100,000 prepared cases, and the whole file path (parse, score, write)
/// over the same SYNTHETIC cases as CSV. The command-line target is 1,000,000 cases in under 10 s.
/// </summary>
[MemoryDiagnoser, MedianColumn, MinColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class PredictorBenchmarks
{
    private const int Cases = 100_000;
    private StaticRiskFactors[] _cases = [];
    private byte[] _csv = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringWriter();
        PredictorCases.Write(text, Cases, seed: 1);
        _csv = Encoding.UTF8.GetBytes(text.ToString());
        // The engine's inputs, parsed once from the same file (rows the file path reports are left out).
        var map = OffenceActuarialMap.Ministry;
        var cases = new List<StaticRiskFactors>(Cases);
        foreach (var line in text.ToString().Split('\n').Skip(1))
        {
            var f = line.Split(',');
            if (f.Length < 10 || !DateOnly.TryParse(f[2], CultureInfo.InvariantCulture, out var born) || !map.TryFind(f[6], out var category, out _))
            {
                continue;
            }
            cases.Add(new StaticRiskFactors(f[1] == "F" ? Sex.Female : Sex.Male, born, DateOnly.Parse(f[3], CultureInfo.InvariantCulture), DateOnly.Parse(f[4], CultureInfo.InvariantCulture),
                f[5].Length == 0 ? null : DateOnly.Parse(f[5], CultureInfo.InvariantCulture), category, int.Parse(f[7], CultureInfo.InvariantCulture), int.Parse(f[8], CultureInfo.InvariantCulture), int.Parse(f[9], CultureInfo.InvariantCulture)));
        }
        _cases = [.. cases];
    }

    [Benchmark(OperationsPerInvoke = Cases)]
    public long ScoreThreePredictorsPerCase()
    {
        long sum = 0;
        foreach (ref readonly var factors in _cases.AsSpan())
        {
            var p = StaticReoffendingPredictors.Score(factors);
            sum += p.Arp.Hundredths + p.Vrp.Hundredths + p.Svrp.Hundredths;
        }
        return sum;
    }

    [Benchmark]
    public PredictorFileSummary ScoreCsv100000Rows() => PredictorCsv.Score(new MemoryStream(_csv, writable: false), Stream.Null);
}
