using BenchmarkDotNet.Running;

// Runs the engine benchmarks: dotnet run -c Release --project bench/SafetyNet.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
