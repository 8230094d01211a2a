using System.Text;
using SafetyNet.Cli;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// <c>SafetyNet people</c> run in-process on files in the command line's own format. The FEBRL files from the shared
/// data are mapped to that format (given_name → first_name, surname → last_name, street number, address lines and
/// suburb → address, postcode, date_of_birth) and written to a temporary folder. No database is involved.
/// </summary>
public sealed class PeopleCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("people-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Dedupe_resolves_febrl3_through_the_command_line_with_F1_of_at_least_0_99()
    {
        var (input, truth) = WriteFebrl("febrl_dataset3.csv", "people.csv");
        var output = Path.Combine(_folder, "clusters.csv");

        var (code, stdout, stderr) = Run("people", "dedupe", "--input", input, "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("read 5,000 rows", stdout, StringComparison.Ordinal);
        // Progress goes to standard error, one timed line per stage, so standard output carries the summary.
        var stages = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(stages.Length >= 3, stderr);
        Assert.All(stages, line => Assert.Matches(@"^\[\s*\d+\.\ds\] ", line));
        Assert.Contains(stages, line => line.Contains("read 5,000 rows from people.csv", StringComparison.Ordinal));
        Assert.DoesNotContain("prepared names", stdout, StringComparison.Ordinal);
        var clusters = ReadPairs(output, "id,cluster_id");
        Assert.Equal(5000, clusters.Count);
        var predicted = clusters.Select(c => c.Second).ToArray();
        var actual = clusters.Select(c => truth[c.First]).ToArray();
        Assert.True(PairwiseF1(predicted, actual) >= 0.99);
    }

    [Fact]
    public void Dedupe_reads_splink_fake_1000_as_published_with_its_own_column_names()
    {
        // unique_id, first_name, surname, dob, city, email, cluster: the extra "cluster" column is ignored.
        var input = SharedData.Path("linkage", "splink_fake_1000.csv");
        var truth = File.ReadLines(input).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[^1]);
        var output = Path.Combine(_folder, "fake-clusters.csv");

        var (code, stdout, _) = Run("people", "dedupe", "--input", input, "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("read 1,000 rows", stdout, StringComparison.Ordinal);
        var clusters = ReadPairs(output, "id,cluster_id");
        Assert.Equal(1000, clusters.Count);
        Assert.True(PairwiseF1(clusters.Select(c => c.Second).ToArray(), clusters.Select(c => truth[c.First]).ToArray()) >= 0.87);
    }

    [Fact]
    public void Link_joins_febrl4a_to_febrl4b_with_F1_of_at_least_0_99()
    {
        var (left, leftTruth) = WriteFebrl("febrl_dataset4a.csv", "a.csv");
        var (right, rightTruth) = WriteFebrl("febrl_dataset4b.csv", "b.csv");
        var output = Path.Combine(_folder, "links.csv");

        var (code, _, stderr) = Run("people", "link", "--left", left, "--right", right, "--output", output, "--quiet");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var links = ReadPairs(output, "left_id,right_id,score");
        var correct = links.Count(l => leftTruth[l.First] == rightTruth[l.Second]);
        double precision = correct / (double)links.Count, recall = correct / 5000.0;
        Assert.True(2 * precision * recall / (precision + recall) >= 0.99);
    }

    [Fact]
    public void Dedupe_reads_quoted_fields_a_byte_order_mark_and_CRLF_and_writes_every_row()
    {
        var input = Path.Combine(_folder, "awkward.csv");
        var text = "id,last_name,first_name,address,date_of_birth,sex,ignored\r\n"
            + "1,Smith-Jones,\"Margaret\",\"12 High Street,\r\nHitchin\",1961-04-03,female,x\r\n"
            + "2,Smith Jones,Peggy,\"12 High St, Hitchin\",03/04/1961,F,y\r\n"
            + "3,,,\"nowhere\",1970-01-01,male,z\r\n"
            + "\"4, the fourth\",Okonkwo,Chidi,\"1 \"\"The\"\" Close\",1990-13-45,M,w";
        File.WriteAllText(input, text, new UTF8Encoding(true));
        var output = Path.Combine(_folder, "out.csv");

        var (code, stdout, _) = Run("people", "dedupe", "--input", input, "--output", output, "--quiet");

        Assert.Equal(0, code);
        Assert.Contains("skipped 1 (no name: 1", stdout, StringComparison.Ordinal);
        var rows = ReadPairs(output, "id,cluster_id");
        Assert.Equal(["1", "2", "3", "4, the fourth"], rows.Select(r => r.First));
        Assert.Equal(rows[0].Second, rows[1].Second);
        Assert.Equal("3", rows[2].Second);
        Assert.Equal("4, the fourth", rows[3].Second);
    }

    [Fact]
    public void A_repeated_id_is_refused_with_one_line_naming_the_row_and_exit_code_2()
    {
        var input = Path.Combine(_folder, "repeat.csv");
        File.WriteAllText(input, "id,first_name,last_name\n1,Ann,Lee\n2,Bob,Hall\n1,Cat,Ward\n");

        var (code, _, stderr) = Run("people", "dedupe", "--input", input, "--output", Path.Combine(_folder, "o.csv"));

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("row 4", line, StringComparison.Ordinal);
        Assert.Contains("repeats id '1'", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first_name,last_name\nAnn,Lee\n", "no 'id' column")]
    [InlineData("id,first_name\n1,Ann\n2,\"Bob\n", "never closes")]
    [InlineData("id,first_name\n1,Ann,extra\n", "row 2")]
    [InlineData("id,first_name\n,Ann\n", "has no id")]
    public void A_bad_file_gets_one_clear_line_and_exit_code_2(string content, string expected)
    {
        var input = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(input, content);

        var (code, _, stderr) = Run("people", "dedupe", "--input", input, "--output", Path.Combine(_folder, "o.csv"), "--quiet");

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("people")]
    [InlineData("people", "dedupe", "--output", "x.csv")]
    [InlineData("people", "dedupe", "--input", "no-such-file.csv", "--output", "x.csv")]
    [InlineData("people", "dedupe", "--input", "a.csv", "--output", "x.csv", "--colour", "red")]
    [InlineData("people", "link", "--left", "a.csv", "--output", "x.csv")]
    public void Bad_options_exit_with_code_2(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (int Code, string Out, string Error) Run(params string[] args) =>
        Infrastructure.CliRun.RunAsync(args).GetAwaiter().GetResult();

    /// <summary>Writes a FEBRL file in the command line's columns; returns its path and each id's true person.</summary>
    private (string Path, Dictionary<string, string> Truth) WriteFebrl(string file, string name)
    {
        var lines = File.ReadAllLines(SharedFile("linkage", file));
        var header = Split(lines[0]);
        int Col(string column) => Array.IndexOf(header, column);
        var csv = new StringBuilder("id,first_name,last_name,address,postcode,date_of_birth\n");
        var truth = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = Split(line);
            var address = string.Join(' ', new[] { f[Col("street_number")], f[Col("address_1")], f[Col("address_2")], f[Col("suburb")] }.Where(s => s.Length > 0));
            csv.AppendJoin(',', new[] { f[Col("rec_id")], f[Col("given_name")], f[Col("surname")], address, f[Col("postcode")], f[Col("date_of_birth")] }.Select(Quote)).Append('\n');
            truth[f[Col("rec_id")]] = f[Col("rec_id")].Split('-')[1];
        }
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, csv.ToString());
        return (path, truth);

        static string[] Split(string line) => line.TrimEnd('\r').Split(',').Select(s => s.Trim()).ToArray();
        static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
    }

    /// <summary>Reads a two-or-three column output with quoted fields (ids may hold commas).</summary>
    private static List<(string First, string Second)> ReadPairs(string path, string expectedHeader)
    {
        var text = File.ReadAllText(path);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }
        Assert.Equal(expectedHeader, string.Join(',', rows[0]));
        return rows.Skip(1).Select(r => (r[0], r[1])).ToList();
    }

    private static double PairwiseF1(string[] predicted, string[] actual)
    {
        static long Pairs(IEnumerable<long> sizes) => sizes.Sum(n => n * (n - 1) / 2);
        var both = Pairs(predicted.Zip(actual).GroupBy(p => p).Select(g => (long)g.Count()));
        var predictedPairs = Pairs(predicted.GroupBy(p => p).Select(g => (long)g.Count()));
        var actualPairs = Pairs(actual.GroupBy(p => p).Select(g => (long)g.Count()));
        double precision = both / (double)predictedPairs, recall = both / (double)actualPairs;
        return 2 * precision * recall / (precision + recall);
    }

    private static string SharedFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SafetyNet.slnx")))
        {
            dir = dir.Parent;
        }
        return Path.Combine([dir?.Parent?.FullName ?? throw new InvalidOperationException("Cannot find the project root"), "shared", "data", .. parts]);
    }
}
