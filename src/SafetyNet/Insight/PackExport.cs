using System.Globalization;
using System.Text;
using MiniExcelLibs;
using SafetyNet.Platform;

namespace SafetyNet.Insight;

/// <summary>The pack as a spreadsheet (one sheet per section) or as CSV (one long table: section, item, measure, value).</summary>
public static class PackExport
{
    public static byte[] Xlsx(DailyPack pack)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in Sections(pack))
        {
            sheets[name] = rows;
        }
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] Csv(DailyPack pack)
    {
        var csv = new StringBuilder("section,item,measure,value\n");
        foreach (var (section, rows) in Sections(pack))
        {
            foreach (var row in rows)
            {
                var item = Text(row.Values.First());
                foreach (var (measure, value) in row.Skip(1))
                {
                    csv.Append(Field(section)).Append(',').Append(Field(item)).Append(',').Append(Field(measure)).Append(',').Append(Field(Text(value))).Append('\n');
                }
            }
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static IEnumerable<(string Name, List<Dictionary<string, object?>> Rows)> Sections(DailyPack pack)
    {
        static Dictionary<string, object?> Demand(DemandRow r) => new(StringComparer.Ordinal)
        {
            ["Name"] = r.Name, ["Last 24 hours"] = r.Last24Hours, ["Daily average (4 weeks)"] = Math.Round(r.DailyAverage, 2),
            ["Last 7 days"] = r.Last7Days, ["Weekly average (4 weeks)"] = Math.Round(r.WeeklyAverage, 2),
            ["Change against average"] = r.Change is { } c ? Math.Round(c, 4) : null,
        };
        yield return ("Demand by type", [.. pack.DemandByType.Select(Demand), Demand(pack.Total)]);
        yield return ("Demand by district", [.. pack.DemandByDistrict.Select(Demand)]);
        yield return ("Hotspots", [.. pack.Hotspots.Select(h => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Rank"] = h.Rank, ["Score"] = h.Score, ["Reports in 12 weeks"] = h.Incidents, ["District"] = h.District,
            ["Latitude"] = h.Latitude, ["Longitude"] = h.Longitude,
        })]);
        yield return ("Repeat victims", [.. pack.RepeatVictims.Select(v => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Name"] = v.Name, [$"Reports in {pack.RepeatRules.Victim.Days} days"] = v.Reports, ["Latest incident"] = v.LatestReference, ["Latest type"] = v.LatestType,
            ["Latest reported"] = ForceClock.Format(v.LatestAt),
        })]);
        yield return ("Repeat locations", [.. pack.RepeatLocations.Select(l => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Location"] = l.Location, ["District"] = l.District, [$"Reports in {pack.RepeatRules.Location.Days} days"] = l.Reports, ["Latest incident"] = l.LatestReference,
        })]);
        yield return ("High risk", [.. pack.HighRisk.Select(h => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Incident"] = h.Reference, ["Type"] = h.Type, ["Instrument"] = h.Instrument, ["Level"] = h.Level, ["District"] = h.District,
            ["Assessed"] = ForceClock.Format(h.AssessedAt), ["Referral"] = h.Referral ? "Yes" : "No",
        })]);
        yield return ("Strength on duty", [.. pack.Strength.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["District and shift"] = $"{s.District} {s.Shift}", ["Planned"] = s.Planned, ["On duty"] = s.OnDuty,
            ["Neighbourhood officers abstracted"] = s.Abstracted, ["Reason"] = s.Reason, ["Incidents in last 24 hours"] = s.DemandLast24Hours,
        })]);
        yield return ("Compliance", [.. pack.Compliance.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Measure"] = c.Measure, ["Met"] = c.Met, ["Due"] = c.Due, ["Rate"] = c.Rate is { } r ? Math.Round(r, 4) : null, ["Basis"] = c.Basis,
        })]);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Quotes a field when needed, and defuses text a spreadsheet would run as a formula.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
