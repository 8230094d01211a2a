using System.Globalization;

namespace SafetyNet.Insight.Hotspots;

/// <summary>
/// Cambridge Crime Harm Index weights per police.uk crime type, in days of imprisonment. Held as data so a force
/// can replace them; read from a table of Home Office subgroups (<c>category, prc_subgroup, cchi_days,
/// national_count…</c>), where a category's weight is its subgroups' mean weighted by their national counts.
/// </summary>
public static class HarmWeights
{
    public static Dictionary<string, double> ReadSubgroupTable(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new FormatException("the harm table is empty");
        var names = header.TrimStart('\uFEFF').Split(',');
        var category = Array.IndexOf(names, "category");
        var days = Array.IndexOf(names, "cchi_days");
        var count = Array.FindIndex(names, n => n.StartsWith("national_count", StringComparison.Ordinal));
        if (category < 0 || days < 0)
        {
            throw new FormatException("the harm table needs 'category' and 'cchi_days' columns");
        }
        var weighted = new Dictionary<string, (double Days, double Count)>(StringComparer.OrdinalIgnoreCase);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }
            var fields = text.Split(',');
            if (fields.Length <= Math.Max(category, Math.Max(days, count))
                || !double.TryParse(fields[days], NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                || d < 0)
            {
                throw new FormatException($"harm table line {line} cannot be read");
            }
            var n = count >= 0 && double.TryParse(fields[count], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 1;
            var key = fields[category].Trim();
            var sum = weighted.GetValueOrDefault(key);
            weighted[key] = (sum.Days + d * n, sum.Count + n);
        }
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, (total, n)) in weighted)
        {
            result[key] = total / n;
        }
        return result;
    }
}
