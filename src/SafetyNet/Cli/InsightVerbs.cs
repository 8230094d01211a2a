using System.Globalization;
using System.Text;
using SafetyNet.Insight.Hotspots;
using SafetyNet.Insight.NearRepeat;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet insight …</c>: the insight engine on files. No host and no database, so these start at once.
/// </summary>
internal static class InsightVerbs
{
    private const string Try = "try: insight hotspots --data <zip|folder|csv…> --type Burglary --until YYYY-MM --area-km2 N --output F, or insight nearrepeat --input F --output F";

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException(Try);
        }
        var options = args.AsSpan(2).ToArray();
        return Task.FromResult(args[1] switch
        {
            "nearrepeat" => NearRepeat(options),
            "hotspots" => Hotspots(options),
            _ => throw new CliException($"unknown command '{args[1]}'; {Try}"),
        });
    }

    private static int NearRepeat(string[] options)
    {
        var args = CliArgs.Parse(options, ["input", "output", "distance-band", "distance-bands", "time-band", "time-bands", "permutations", "seed", "metric"]);
        var input = args.Required("input");
        var output = args.Required("output");
        var metric = args.Optional("metric") switch
        {
            null or "manhattan" => DistanceMetric.Manhattan,
            "euclidean" => DistanceMetric.Euclidean,
            var other => throw new CliException($"--metric must be manhattan or euclidean, not '{other}'"),
        };
        var seedText = args.Optional("seed") ?? "1";
        if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            throw new CliException($"--seed must be a whole number from 0, not '{seedText}'");
        }
        var settings = new KnoxSettings(
            args.Double("distance-band", 100, 1.000001, 1e7),
            args.Int("distance-bands", 3, 1, 200),
            args.Int("time-band", 7, 1, 100_000),
            args.Int("time-bands", 3, 1, 10_000),
            args.Int("permutations", 999, 1, 1_000_000),
            seed,
            metric);

        SpaceTimeEvent[] events;
        try
        {
            using var reader = new StreamReader(input);
            events = NearRepeatEvents.Read(reader);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read --input {input}: {error.Message}");
        }
        catch (FormatException error)
        {
            throw new CliException($"--input {input} {error.Message}");
        }
        if (events.Length < 2)
        {
            throw new CliException($"--input {input} needs at least two events");
        }

        var table = KnoxTest.Run(events, settings);
        var csv = new StringBuilder("distance_from,distance_to,time_from,time_to,observed,expected,knox_ratio,p_value\n");
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                var ratio = table.KnoxRatio(r, c);
                csv.Append(CultureInfo.InvariantCulture,
                    $"{settings.DistanceFrom(r)},{settings.DistanceTo(r)},{settings.TimeFrom(c)},{settings.TimeTo(c)},{table.Observed(r, c)},{table.Expected(r, c):0.####},{(double.IsNaN(ratio) ? "" : ratio.ToString("0.####", CultureInfo.InvariantCulture))},{table.PValue(r, c):0.######}\n");
            }
        }
        WriteOutput(output, csv.ToString());
        Console.Error.WriteLine($"Knox test: {events.Length} events, {table.TotalPairs} pairs, {settings.Permutations} permutations → {output}");
        return 0;
    }

    private static int Hotspots(string[] options)
    {
        var args = CliArgs.Parse(options, ["data", "type", "until", "area-km2", "output", "harm"]);
        var paths = args.All("data");
        if (paths.Count == 0)
        {
            throw new CliException("--data is required (a police.uk zip, folder or CSV files)");
        }
        var type = args.Required("type");
        var untilText = args.Required("until");
        if (!CalendarMonth.TryParse(untilText, out var until))
        {
            throw new CliException($"--until must be a month as YYYY-MM, not '{untilText}'");
        }
        var area = args.Double("area-km2", double.NaN, 1e-6, 1e6);
        if (double.IsNaN(area))
        {
            throw new CliException("--area-km2 is required");
        }
        var output = args.Required("output");
        IReadOnlyDictionary<string, double>? harm = null;
        if (args.Optional("harm") is { } harmPath)
        {
            try
            {
                using var reader = new StreamReader(harmPath);
                harm = HarmWeights.ReadSubgroupTable(reader);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new CliException($"cannot read --harm {harmPath}: {error.Message}");
            }
        }

        PoliceUkData data;
        try
        {
            data = PoliceUkArchive.Read(paths, PoliceUkFiles.Street);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            throw new CliException($"cannot read --data: {error.Message}");
        }
        if (!string.Equals(type, HotspotForecast.AllCrime, StringComparison.OrdinalIgnoreCase) && !HasType(data.Street, type))
        {
            throw new CliException($"--type '{type}' is not a crime type in the data (police.uk names, e.g. \"Burglary\", \"Vehicle crime\", or \"all\")");
        }

        HotspotPrediction prediction;
        try
        {
            prediction = HotspotForecast.Predict(data.Street, type, until, area, harm: harm);
        }
        catch (ArgumentException error)
        {
            throw new CliException(error.Message.Split(" (Parameter", 2)[0]);
        }
        try
        {
            using var file = File.Create(output);
            HotspotGeoJson.Write(file, prediction);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write --output {output}: {error.Message}");
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{prediction.CrimeType} hotspots for {prediction.Month} from {prediction.HistoryEvents} crimes ({prediction.FirstHistoryMonth} to {prediction.LastHistoryMonth}): {prediction.Cells.Length} cells, {prediction.AreaKm2:0.###} km² → {output}"));
        return 0;
    }

    private static bool HasType(StreetCrime[] street, string type)
    {
        foreach (var row in street)
        {
            if (string.Equals(row.CrimeType, type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static void WriteOutput(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write --output {path}: {error.Message}");
        }
    }
}
