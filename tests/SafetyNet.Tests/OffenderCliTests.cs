using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary><c>SafetyNet offenders predict</c> in process on small files; it needs no database and builds no host.</summary>
public sealed class OffenderCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("offenders-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Predict_scores_the_notes_worked_examples_and_gives_a_refused_row_its_reason()
    {
        // The header is in an order of its own, with a column the verb ignores. The people of the note's examples 1–3:
        // male, born 1990-01-01, assessed 2025-01-01, convicted 2024-01-01, follow-up from 2026-01-01, first sanction at 18.
        var input = Path.Combine(_folder, "cases.csv");
        await File.WriteAllTextAsync(input,
            "offence_code,follow_up_start,total_sanctions,officer,id,age_at_first_sanction,violent_sanctions,conviction_date,sex,assessment_date,date_of_birth\n" +
            // Example 1: criminal damage (05601), 2 sanctions → ARP 13.66 % LOW.
            "05601,2026-01-01,2,PC 123,example-1,18,2,2024-01-01,M,2025-01-01,1990-01-01\n" +
            // Example 2: robbery (03401), 2 violent sanctions → VRP 5.93 % LOW.
            "03401,2026-01-01,2,PC 123,example-2,18,2,2024-01-01,M,2025-01-01,1990-01-01\n" +
            // Example 3: murder (00101), violence against the person ABH+ → SVRP 0.15 % LOW.
            "00101,2026-01-01,2,PC 123,example-3,18,2,2024-01-01,M,2025-01-01,1990-01-01\n" +
            // No sanction: the Ministry's service gives no score.
            "05601,2026-01-01,0,PC 123,refused,18,0,2024-01-01,M,2025-01-01,1990-01-01\n");
        var output = Path.Combine(_folder, "scores.csv");

        var (code, stdout, stderr) = await CliRun.RunAsync("offenders", "predict", "--input", input, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("4 rows", stdout, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("id,arp_static_percent,arp_band,vrp_static_percent,vrp_band,svrp_static_percent,svrp_band,problem", lines[0]);
        Assert.Equal(5, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["example-1", "13.66", "LOW"], rows[0][..3]);
        Assert.Equal(["example-2", "5.93", "LOW"], [rows[1][0], rows[1][3], rows[1][4]]);
        Assert.Equal(["example-3", "0.15", "LOW"], [rows[2][0], rows[2][5], rows[2][6]]);
        Assert.All(rows[..3], row => Assert.Equal("", row[7]));
        Assert.Equal("refused,,,,,,,total sanctions must be from 1 to 999 (given 0)", lines[4]);
    }

    [Fact]
    public async Task Predict_exits_2_with_one_line_when_the_file_lacks_a_column_or_cannot_be_read()
    {
        var input = Path.Combine(_folder, "no-sex.csv");
        await File.WriteAllTextAsync(input, "id,date_of_birth,assessment_date,conviction_date,offence_code,total_sanctions,violent_sanctions,age_at_first_sanction\n1,1990-01-01,2025-01-01,2024-01-01,05601,2,0,18\n");
        var output = Path.Combine(_folder, "scores.csv");

        var (code, _, error) = await CliRun.RunAsync("offenders", "predict", "--input", input, "--output", output);
        Assert.Equal(2, code);
        Assert.Contains("the header lacks sex", Assert.Single(error.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        (code, _, error) = await CliRun.RunAsync("offenders", "predict", "--input", Path.Combine(_folder, "missing.csv"), "--output", output);
        Assert.Equal(2, code);
        Assert.Contains("no such file", Assert.Single(error.Trim().Split('\n')), StringComparison.Ordinal);
    }
}
