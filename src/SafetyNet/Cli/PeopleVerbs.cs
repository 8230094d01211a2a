using System.Diagnostics;
using SafetyNet.Matching;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet people dedupe|link</c>: person resolution over CSV files with the matching engine alone, so it
/// starts at once and needs no database.
/// </summary>
internal static class PeopleVerbs
{
    public const string Usage = "people dedupe --input F --output F | people link --left A --right B --output F   [--threshold P] [--quiet]";

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] is not ("dedupe" or "link"))
        {
            throw new CliException("try: people dedupe --input people.csv --output clusters.csv, or people link --left A.csv --right B.csv --output links.csv");
        }
        var words = args[2..];
        return Task.FromResult(args[1] == "dedupe" ? Dedupe(words) : Link(words));
    }

    private static int Dedupe(string[] words)
    {
        var args = CliArgs.Parse(words, ["input", "output", "threshold"], ["quiet"]);
        var input = ExistingFile(args.Required("input"), "input");
        var output = WritablePath(args.Required("output"));
        var options = Options(args);
        var progress = Progress(args);
        var summary = Guard(() => PersonFiles.Dedupe(input, output, options, progress));
        Console.WriteLine($"people dedupe: read {summary.RowsRead:N0} rows, skipped {summary.SkippedTotal:N0}{Reasons(summary)}, wrote {summary.RowsWritten:N0} rows in {summary.Identities:N0} identities to {output}");
        return 0;
    }

    private static int Link(string[] words)
    {
        var args = CliArgs.Parse(words, ["left", "right", "output", "threshold"], ["quiet"]);
        var left = ExistingFile(args.Required("left"), "left");
        var right = ExistingFile(args.Required("right"), "right");
        var output = WritablePath(args.Required("output"));
        var options = Options(args);
        var progress = Progress(args);
        var summary = Guard(() => PersonFiles.Link(left, right, output, options, progress));
        Console.WriteLine($"people link: read {summary.RowsRead:N0} rows, skipped {summary.SkippedTotal:N0}{Reasons(summary)}, wrote {summary.RowsWritten:N0} links to {output}");
        return 0;
    }

    private static ResolverOptions Options(CliArgs args) =>
        new() { LinkProbability = args.Double("threshold", new ResolverOptions().LinkProbability, 0.01, 0.999999) };

    private static Action<string>? Progress(CliArgs args)
    {
        if (args.Flag("quiet"))
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        return message => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
    }

    private static string Reasons(PersonFileSummary summary) =>
        summary.SkippedTotal == 0 ? "" : " (" + string.Join(", ", summary.Skipped.Select(s => $"{s.Key}: {s.Value:N0}")) + "; each written as an identity of its own)";

    private static PersonFileSummary Guard(Func<PersonFileSummary> run)
    {
        try
        {
            return run();
        }
        catch (PersonFileException error)
        {
            throw new CliException(error.Message);
        }
    }

    private static string ExistingFile(string path, string option) =>
        File.Exists(path) ? path : throw new CliException($"--{option} {path}: no such file");

    private static string WritablePath(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is null || Directory.Exists(folder) ? path : throw new CliException($"--output {path}: folder {folder} does not exist");
    }
}
