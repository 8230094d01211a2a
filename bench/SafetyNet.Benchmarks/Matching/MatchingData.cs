using System.Text;
using SafetyNet.Engines.Tests.Matching;
using SafetyNet.Matching;

namespace SafetyNet.Benchmarks.Matching;

/// <summary>SYNTHETIC British nominal entries for the matching benchmarks, written once to a temporary CSV and reused.</summary>
public static class MatchingData
{
    /// <summary>About <paramref name="rows"/> entries: invented people, some entered several times and spoilt.</summary>
    public static List<PersonEntry> Entries(int rows, int seed = 3)
    {
        // The generator makes about 1.6 entries per person at this corruption rate.
        var (entries, _) = new SyntheticPeople(seed).Generate(SyntheticPeople.Shape.BritishNominal, (int)(rows / 1.62), 0.3);
        return entries.Count > rows ? entries.GetRange(0, rows) : entries;
    }

    public static string Csv(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"safetynet-synthetic-people-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }
        var temporary = path + ".part";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("id,first_name,middle_name,last_name,date_of_birth,sex,address,postcode,phone,email\n");
            foreach (var e in Entries(rows))
            {
                string?[] fields = [e.Id, e.FirstName, e.MiddleName, e.LastName, e.DateOfBirth, e.Sex, e.Address, e.Postcode, e.Phone, e.Email];
                for (var i = 0; i < fields.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Write(',');
                    }
                    writer.Write(PersonCsv.Escape(fields[i] ?? ""));
                }
                writer.Write('\n');
            }
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
