using SafetyNet.Insight.PoliceUk;
using SafetyNet.Locations;

namespace SafetyNet.Cli;

/// <summary><c>SafetyNet reference gazetteer</c>: rebuilds the compact street gazetteer from police.uk files (no database).</summary>
internal static class ReferenceVerbs
{
    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "gazetteer")
        {
            throw new CliException("try: reference gazetteer --data <zip|folder|csv…> --output gazetteer.csv.gz");
        }
        var options = CliArgs.Parse(args.AsSpan(2).ToArray(), ["data", "output"]);
        var paths = options.All("data");
        if (paths.Count == 0)
        {
            throw new CliException("--data is required");
        }
        var output = options.Required("output");
        PoliceUkData data;
        try
        {
            data = PoliceUkArchive.Read(paths);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or FormatException or InvalidDataException)
        {
            throw new CliException(error.Message);
        }
        var gazetteer = Gazetteer.Build(data);
        using (var file = File.Create(output))
        {
            gazetteer.Write(file);
        }
        Console.WriteLine($"{data.Street.Length} street rows read; {gazetteer.Places.Count} places in {gazetteer.Places.Select(p => p.District).Distinct().Count()} districts written to {output}");
        return Task.FromResult(0);
    }
}
