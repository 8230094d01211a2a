using BenchmarkDotNet.Running;
using SafetyNet.Benchmarks.Matching;

// Runs the engine benchmarks: dotnet run -c Release --project bench/SafetyNet.Benchmarks -- --filter '*'
// Single-lookup percentiles and batch peak memory: ... -- matching-index [N] | matching-batch [N]
if (args.Length > 0 && args[0] is "matching-index" or "matching-batch")
{
    return MatchingFigures.Run(args);
}
// SYNTHETIC case files for the static predictors (scripts/bench-predict.sh): ... -- predictor-cases N FILE [SEED]
if (args.Length > 0 && args[0] is "predictor-cases")
{
    return SafetyNet.Benchmarks.Insight.PredictorCases.Run(args);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
