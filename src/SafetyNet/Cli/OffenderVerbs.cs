using System.Diagnostics;
using System.Globalization;
using SafetyNet.Insight.Offenders;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet offenders predict</c>: the Ministry of Justice's static reoffending predictors over a CSV file of
/// cases, for the force's analysts and for checking against the Ministry's figures. The engine alone: no host and no
/// database, so it starts at once.
/// </summary>
internal static class OffenderVerbs
{
    public const string Usage = "offenders predict --input cases.csv --output scores.csv   ARP, VRP and SVRP (static) for each case (no database)";

    private const string Try = "try: offenders predict --input cases.csv --output scores.csv";

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException(Try);
        }
        return Task.FromResult(args[1] switch
        {
            "predict" => Predict(args[2..]),
            _ => throw new CliException($"unknown command '{args[1]}'; {Try}"),
        });
    }

    private static int Predict(string[] words)
    {
        var args = CliArgs.Parse(words, ["input", "output"]);
        var input = args.Required("input");
        var output = args.Required("output");
        if (!File.Exists(input))
        {
            throw new CliException($"--input {input}: no such file");
        }
        if (string.Equals(Path.GetFullPath(input), Path.GetFullPath(output), StringComparison.Ordinal))
        {
            throw new CliException("--output must not be the --input file");
        }

        var clock = Stopwatch.StartNew();
        PredictorFileSummary summary;
        FileStream reader;
        try
        {
            reader = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read --input {input}: {error.Message}");
        }
        using (reader)
        {
            FileStream writer;
            try
            {
                writer = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write --output {output}: {error.Message}");
            }
            try
            {
                using (writer)
                {
                    summary = PredictorCsv.Score(reader, writer);
                }
            }
            catch (Exception error) when (error is PredictorFileException or IOException or UnauthorizedAccessException)
            {
                // Nothing half-written is left behind for a file that could not be read to its end.
                File.Delete(output);
                throw new CliException(error is PredictorFileException ? $"--input {input}: {error.Message}" : $"cannot read --input {input} or write --output {output}: {error.Message}");
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"offenders predict: {summary.Rows:N0} rows; scored ARP {summary.ArpScored:N0}, VRP {summary.VrpScored:N0}, SVRP {summary.SvrpScored:N0}; {summary.RowsWithProblems:N0} with a problem; written to {output} in {clock.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }
}
