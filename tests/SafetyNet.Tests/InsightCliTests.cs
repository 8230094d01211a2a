using System.Globalization;
using SafetyNet.Cli;

namespace SafetyNet.Tests;

/// <summary>The <c>insight</c> verbs end to end, in process; they need no database and no host.</summary>
public sealed class InsightCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safetynet-insight-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SharedData(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SafetyNet.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir?.Parent?.FullName ?? throw new InvalidOperationException("no project root"), "shared", "data", .. parts]);
    }

    private static async Task<(int Code, string Error)> Run(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (await CommandLine.RunAsync(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Fact]
    public async Task Nearrepeat_reproduces_the_calculators_observed_table()
    {
        var output = Path.Combine(_folder, "table.csv");
        var (code, _) = await Run("insight", "nearrepeat", "--input", SharedData("nearrepeat", "chicago_be_month1.csv"),
            "--distance-band", "100", "--distance-bands", "3", "--time-band", "7", "--time-bands", "3",
            "--permutations", "999", "--seed", "1", "--output", output);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal("distance_from,distance_to,time_from,time_to,observed,expected,knox_ratio,p_value", lines[0]);
        long[] reference =
        [
            28, 5, 5, 2,
            44, 13, 8, 4,
            97, 56, 19, 16,
            77, 67, 45, 20,
            182194, 146149, 95237, 45879,
        ];
        Assert.Equal(reference.Length + 1, lines.Length);
        for (var i = 0; i < reference.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(8, fields.Length);
            Assert.Equal(reference[i], long.Parse(fields[4], CultureInfo.InvariantCulture));
        }
        Assert.Equal("0,1,0,7", string.Join(',', lines[1].Split(',')[..4]));
        Assert.Equal("1,100,7,14", string.Join(',', lines[6].Split(',')[..4]));
        Assert.Equal("300,,21,", string.Join(',', lines[20].Split(',')[..4]));
        var first = lines[1].Split(',');
        Assert.InRange(double.Parse(first[6], CultureInfo.InvariantCulture), 1.4, 1.9);
        Assert.InRange(double.Parse(first[7], CultureInfo.InvariantCulture), 0.001, 0.01);
    }

    [Theory]
    [InlineData("insight")]
    [InlineData("insight", "nearrepeat", "--output", "x.csv")]
    [InlineData("insight", "nearrepeat", "--input", "no-such-file.csv", "--output", "x.csv")]
    [InlineData("insight", "nearrepeat", "--input", "x.csv", "--output", "x.csv", "--metric", "chebyshev")]
    [InlineData("insight", "nearrepeat", "--input", "x.csv", "--output", "x.csv", "--permutations", "none")]
    [InlineData("insight", "hotspots", "--type", "Burglary")]
    [InlineData("insight", "divine")]
    public async Task Bad_input_exits_2_with_one_line(params string[] args)
    {
        var (code, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("SafetyNet insight: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_in_the_events_names_its_line()
    {
        var input = Path.Combine(_folder, "events.csv");
        await File.WriteAllTextAsync(input, "x,y,date\n1,2,2021-01-01\n3,4,01/02/2021\n");
        var (code, error) = await Run("insight", "nearrepeat", "--input", input, "--output", Path.Combine(_folder, "t.csv"));
        Assert.Equal(2, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }
}
