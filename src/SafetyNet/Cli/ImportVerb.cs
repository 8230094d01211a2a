using System.Diagnostics;
using SafetyNet.Data;
using SafetyNet.Insight;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Cli;

/// <summary><c>SafetyNet import policeuk &lt;archive.zip | folder | file.csv …&gt;</c>: police.uk open data into its own tables.</summary>
internal static class ImportVerb
{
    public static async Task<int> RunAsync(VerbContext context)
    {
        if (context.Words.Length < 2 || context.Words[1] != "policeuk")
        {
            throw new CliException("try: import policeuk <archive.zip | folder | file.csv …>");
        }
        var paths = context.Args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (context.Args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
        {
            throw new CliException($"unknown option {unknown}");
        }
        if (paths.Count == 0)
        {
            throw new CliException("name at least one police.uk zip, folder or CSV file");
        }
        var clock = Stopwatch.StartNew();
        Console.Error.WriteLine($"Reading {string.Join(", ", paths)}…");
        PoliceUkData data;
        try
        {
            data = PoliceUkArchive.Read(paths);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or FormatException or InvalidDataException)
        {
            throw new CliException(error.Message);
        }
        Console.Error.WriteLine($"  {data.Street.Length:N0} street rows and {data.Outcomes.Length:N0} outcome rows read ({clock.Elapsed.TotalSeconds:N1} s)");
        var db = context.Services.GetRequiredService<AppDb>();
        await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
        var report = await new PoliceUkImport(db).ImportAsync(data, new Progress<string>(m => Console.Error.WriteLine($"  {m}")), CancellationToken.None);
        context.Audited = "import-policeuk";
        Console.WriteLine($"Read {report.StreetRowsRead:N0} street and {report.OutcomeRowsRead:N0} outcome rows in {clock.Elapsed.TotalSeconds:N1} s.");
        Console.WriteLine($"Imported {report.CrimesImported:N0} street rows ({report.WithoutCoordinates:N0} without coordinates) and {report.OutcomesImported:N0} outcomes; {report.AlreadyPresent:N0} already present; {report.OutcomesJoined:N0} outcomes joined to crimes in these files.");
        Console.WriteLine(report.RejectedTotal == 0
            ? "Rejected 0 rows."
            : $"Rejected {report.RejectedTotal:N0} rows: {string.Join("; ", report.Rejected.Select(r => $"{r.Value:N0} {r.Key}"))}.");
        return 0;
    }
}
