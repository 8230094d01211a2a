using SafetyNet.Offenders;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet offenders import --input F [--rejects R]</c>: imports the offender register from the CSV layout of decision
/// 0122 through the same service as the API, idempotently; rejected rows go to the rejects file (or are listed) with
/// their line and reasons. <c>offenders import --help</c> gives the layout.
/// </summary>
internal static class OffendersVerb
{
    public const string Usage = "offenders import --input F [--rejects R]   import the offender register from CSV (idempotent; rejected rows with reasons; --help gives the layout)";

    private const string Try = "try: offenders import --input F [--rejects R]";

    /// <summary>What the verb says without the database: the layout, or how to use it.</summary>
    public static Task<int> HelpAsync(string[] args)
    {
        if (args.Length > 1 && args[1] == "import" && args.Contains("--help"))
        {
            Console.WriteLine(Usage);
            Console.WriteLine(OffenderImport.Layout);
            return Task.FromResult(0);
        }
        throw new CliException(Try);
    }

    public static async Task<int> ImportAsync(VerbContext context)
    {
        var args = CliArgs.Parse(context.Args, ["input", "rejects"]);
        var input = args.Required("input");
        string text;
        try
        {
            text = await File.ReadAllTextAsync(input);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read --input {input}: {error.Message}");
        }
        var (result, problem) = await context.Services.GetRequiredService<OffenderImport>().ImportAsync(new StringReader(text), Path.GetFileName(input), CancellationToken.None);
        if (result is null)
        {
            throw new CliException($"{input}: {problem}");
        }
        context.Audited = "offenders-import";
        Console.WriteLine($"Imported {input}: {result.Added:N0} added, {result.Unchanged:N0} already in the register, {result.Rejected.Count:N0} rejected.");
        if (result.Rejected.Count > 0)
        {
            if (args.Optional("rejects") is { } rejects)
            {
                try
                {
                    await File.WriteAllTextAsync(rejects, result.RejectsCsv());
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write --rejects {rejects}: {error.Message}");
                }
                Console.WriteLine($"Rejected rows, with their reasons, are in {rejects}.");
            }
            else
            {
                foreach (var r in result.Rejected)
                {
                    Console.WriteLine($"  line {r.Line} ({r.Record}): {r.Reasons}");
                }
            }
        }
        return 0;
    }
}
