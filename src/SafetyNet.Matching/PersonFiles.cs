using System.Globalization;
using System.Text;

namespace SafetyNet.Matching;

/// <summary>What a file run did: every row read is either written or accounted for.</summary>
public sealed record PersonFileSummary(int RowsRead, IReadOnlyDictionary<string, int> Skipped, int RowsWritten, int Identities, long CandidatePairs)
{
    public int SkippedTotal => Skipped.Values.Sum();
}

/// <summary>File to file resolution, exactly as the command line runs it (and as the benchmarks measure it).</summary>
public static class PersonFiles
{
    /// <summary>Reads a person file and writes <c>id,cluster_id</c> for every row, unusable rows as identities of their own.</summary>
    public static PersonFileSummary Dedupe(string input, string output, ResolverOptions? options = null, Action<string>? progress = null)
    {
        var file = PersonCsv.Read(input);
        progress?.Invoke($"read {file.Entries.Count:N0} rows from {Path.GetFileName(input)} (columns: {string.Join(", ", file.RecognisedColumns)})");
        var table = PersonTable.From(file.Entries);
        file.Entries.Clear();
        progress?.Invoke("prepared names, dates, postcodes and addresses");
        var resolution = PersonResolver.Dedupe(table, options, progress);
        using var writer = Writer(output);
        writer.Write("id,cluster_id\n");
        var line = new StringBuilder(64);
        for (var row = 0; row < table.Count; row++)
        {
            line.Clear();
            line.Append(PersonCsv.Escape(table.Ids[row])).Append(',').Append(PersonCsv.Escape(table.Ids[resolution.Identity[row]])).Append('\n');
            writer.Write(line);
        }
        var identities = resolution.IdentityCount;
        return new PersonFileSummary(table.Count, SkipCounts(table), table.Count, identities, resolution.CandidatePairs);
    }

    /// <summary>Links two person files and writes <c>left_id,right_id,score</c> (score = probability of one person).</summary>
    public static PersonFileSummary Link(string left, string right, string output, ResolverOptions? options = null, Action<string>? progress = null)
    {
        var leftFile = PersonCsv.Read(left);
        var rightFile = PersonCsv.Read(right);
        progress?.Invoke($"read {leftFile.Entries.Count:N0} rows from {Path.GetFileName(left)} and {rightFile.Entries.Count:N0} from {Path.GetFileName(right)}");
        var table = new PersonTable();
        table.Reserve(leftFile.Entries.Count + rightFile.Entries.Count);
        foreach (var entry in leftFile.Entries)
        {
            table.Add(entry, 0);
        }
        foreach (var entry in rightFile.Entries)
        {
            table.Add(entry, 1);
        }
        var resolution = PersonResolver.Link(table, options, progress);
        using var writer = Writer(output);
        writer.Write("left_id,right_id,score\n");
        foreach (var link in resolution.Links)
        {
            writer.Write(PersonCsv.Escape(table.Ids[link.A]));
            writer.Write(',');
            writer.Write(PersonCsv.Escape(table.Ids[link.B]));
            writer.Write(',');
            writer.Write(link.Probability.ToString("0.0000", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
        return new PersonFileSummary(table.Count, SkipCounts(table), resolution.Links.Count, 0, resolution.CandidatePairs);
    }

    private static StreamWriter Writer(string output)
    {
        try
        {
            return new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new PersonFileException($"{output}: cannot write ({error.Message})");
        }
    }

    private static Dictionary<string, int> SkipCounts(PersonTable table)
    {
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < table.Count; row++)
        {
            if (table.SkipReason[row] is { } reason)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            }
        }
        return skipped;
    }
}
