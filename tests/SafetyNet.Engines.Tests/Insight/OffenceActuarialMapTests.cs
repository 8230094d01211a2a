using System.Text;
using SafetyNet.Insight.Offenders;

namespace SafetyNet.Engines.Tests.Insight;

public class OffenceActuarialMapTests
{
    [Fact]
    public void The_embedded_map_equals_the_ministrys_mapping_row_for_row()
    {
        var shared = ReadCsv(SharedData.Path("offenders", "ho_offence_actuarial_categories.csv"));
        var header = shared[0];
        var code = Array.IndexOf(header, "offence_code");
        var category = Array.IndexOf(header, "actuarial_category");
        var violent = Array.IndexOf(header, "violent_sanction");
        var rows = OffenceActuarialMap.Ministry.Rows;

        Assert.Equal(shared.Count - 1, rows.Count);
        Assert.Equal(3039, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = shared[i + 1];
            Assert.Equal(expected[code], rows[i].Code);
            Assert.Equal(expected[category], rows[i].Category.ServiceName());
            Assert.Equal(expected[violent], rows[i].Violent ? "true" : "false");
        }
    }

    [Fact]
    public void Codes_are_found_as_five_digits_and_UNKNOWN_is_found_as_unknown()
    {
        var map = OffenceActuarialMap.Ministry;
        Assert.True(map.TryFind("00101", out var murder, out var violent));
        Assert.Equal(ActuarialCategory.ViolenceAgainstThePersonAbhPlus, murder);
        Assert.True(violent);
        Assert.True(map.TryFind("00000"u8, out var invalid, out _));
        Assert.Equal(ActuarialCategory.Unknown, invalid);
        Assert.False(map.TryFind("101", out _, out _));
        Assert.False(map.TryFind("0010a", out _, out _));
        Assert.False(map.TryFind("99999", out _, out _));
    }

    [Fact]
    public void The_licence_notice_travels_with_the_map()
    {
        Assert.Contains("MIT License", OffenceActuarialMap.Notice, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2020-2024 Crown Copyright (Ministry of Justice)", OffenceActuarialMap.Notice, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 records (the shared file quotes descriptions that hold commas).</summary>
    private static List<string[]> ReadCsv(string path)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var text = File.ReadAllText(path);
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
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
