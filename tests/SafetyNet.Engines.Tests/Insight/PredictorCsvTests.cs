using System.Text;
using SafetyNet.Insight.Offenders;

namespace SafetyNet.Engines.Tests.Insight;

/// <summary>The case file as the command line streams it, a buffer at a time.</summary>
public class PredictorCsvTests
{
    private static (PredictorFileSummary Summary, string[] Lines) Run(string input)
    {
        using var output = new MemoryStream();
        var summary = PredictorCsv.Score(new MemoryStream(Encoding.UTF8.GetBytes(input)), output);
        return (summary, Encoding.UTF8.GetString(output.ToArray()).Split('\n'));
    }

    [Fact]
    public void A_file_larger_than_the_read_buffer_gives_every_row_in_order_with_quoted_ids_kept_whole()
    {
        // Example 1 of the note (ARP 13.66 %, LOW) 30,000 times, about 2.4 MB, CRLF line ends and a byte order mark;
        // every 997th id is quoted and holds a comma, a quote and a line break, so some straddle a buffer's end.
        var text = new StringBuilder("\uFEFFage_at_first_sanction,offence_code,id,sex,date_of_birth,assessment_date,conviction_date,follow_up_start,total_sanctions,violent_sanctions,notes\r\n");
        var ids = new string[30_000];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i % 997 == 0 ? $"case {i}, \"quoted\"\r\nsecond line" : $"case-{i:D6}";
            var id = i % 997 == 0 ? "\"" + ids[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : ids[i];
            text.Append("18,05601,").Append(id).Append(",M,1990-01-01,2025-01-01,2024-01-01,2026-01-01,2,0,some free text\r\n");
        }
        using var output = new MemoryStream();
        var summary = PredictorCsv.Score(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), output);

        Assert.Equal(new PredictorFileSummary(30_000, 30_000, 30_000, 30_000, 0), summary);
        var written = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith(PredictorCsv.OutputHeader + "\n", written, StringComparison.Ordinal);
        var position = PredictorCsv.OutputHeader.Length + 1;
        foreach (var id in ids)
        {
            var escaped = id.Contains(',', StringComparison.Ordinal) ? "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : id;
            Assert.Equal(escaped + ",13.66,LOW,", written.Substring(position, escaped.Length + 11));
            position = written.IndexOf('\n', position + escaped.Length) + 1;
        }
        Assert.Equal(written.Length, position);
    }

    [Fact]
    public void Rows_that_cannot_be_scored_say_why_and_the_rest_are_scored()
    {
        var (summary, lines) = Run(
            "id,sex,date_of_birth,assessment_date,conviction_date,offence_code,total_sanctions,violent_sanctions,age_at_first_sanction\n" +
            "a,M,1990-01-01,2025-01-01,2024-01-01,05601,2,0,18\n" +
            "b,X,1990-13-01,2025-01-01,2024-01-01,05601,two,0,18\n" +
            "c,F,01/01/1990,01/01/2025,01/01/2024,00000,2,0,18\n" +
            "d,M,1990-01-01,2025-01-01,2024-01-01,05601,2,,18\n" +
            "\n");
        Assert.Equal(new PredictorFileSummary(4, 2, 1, 1, 3), summary);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("a,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[1], StringComparison.Ordinal);
        Assert.Equal("b,,,,,,,sex must be M or F (given 'X'); date_of_birth '1990-13-01' is not a date (YYYY-MM-DD or DD/MM/YYYY); total_sanctions 'two' is not a whole number", lines[2]);
        Assert.Equal("c,,,,,,,offence code 00000 has no actuarial category in the Ministry's offence map", lines[3]);
        Assert.Matches(@"^d,\d+\.\d\d,[A-Z_]+,,,,,VRP and SVRP: violent_sanctions is empty$", lines[4]);
        Assert.Equal("", lines[5]);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("id,sex,date_of_birth,assessment_date,conviction_date\n1,M,1990-01-01,2025-01-01,2024-01-01\n", "the header lacks offence_code, total_sanctions, violent_sanctions, age_at_first_sanction")]
    [InlineData("id,sex,sex,date_of_birth,assessment_date,conviction_date,offence_code,total_sanctions,violent_sanctions,age_at_first_sanction\n", "the header names the column sex twice")]
    [InlineData("id,sex,date_of_birth,assessment_date,conviction_date,offence_code,total_sanctions,violent_sanctions,age_at_first_sanction\n1,M,1990-01-01,2025-01-01,2024-01-01,05601,2,0,18\n\"2,M,1990-01-01\n", "row 3 (counting the header as row 1): a quoted field is not closed")]
    public void A_file_that_cannot_be_read_is_refused_whole(string input, string message)
    {
        var error = Assert.Throws<PredictorFileException>(() => Run(input));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
