using SafetyNet.Insight.PoliceUk;
using SafetyNet.Investigations;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet export policeuk --month YYYY-MM --output F</c>: the force's outcomes finalised in a month, in police.uk's
/// outcomes file, made by the same service as the page's and the API's download and audited as they are.
/// </summary>
internal static class ExportVerb
{
    private const string Try = "try: export policeuk --month YYYY-MM --output F";

    public static async Task<int> RunAsync(VerbContext context)
    {
        if (context.Words.Length < 2 || context.Words[1] != "policeuk")
        {
            throw new CliException(Try);
        }
        var args = CliArgs.Parse(context.Args, ["month", "output"]);
        var monthText = args.Required("month");
        if (!CalendarMonth.TryParse(monthText, out var month))
        {
            throw new CliException($"--month must be a month as YYYY-MM, not '{monthText}'");
        }
        var output = args.Required("output");
        var csv = await context.Services.GetRequiredService<PoliceUkOutcomes>().CsvAsync(month, null, CancellationToken.None);
        context.Audited = "export-policeuk";
        try
        {
            await File.WriteAllBytesAsync(output, csv);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write --output {output}: {error.Message}");
        }
        // One line per crime after the header.
        var rows = csv.Count(b => b == (byte)'\n') - 1;
        Console.WriteLine($"Exported {rows:N0} outcomes finalised in {month} to {output}.");
        return 0;
    }
}
