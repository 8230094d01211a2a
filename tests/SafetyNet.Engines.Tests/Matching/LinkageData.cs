using SafetyNet.Matching;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>A labelled data set: entries as the command line would read them, and the true person behind each.</summary>
internal sealed record LabelledPeople(string Name, List<PersonEntry> Entries, string[] Truth);

/// <summary>Reads the shared linkage files in place and maps their columns to the person-file columns.</summary>
internal static class LinkageData
{
    /// <summary>
    /// FEBRL: given_name → first_name, surname → last_name, street number + address lines + suburb → address, postcode,
    /// date_of_birth. soc_sec_id and state are left out (police nominal data rarely has a national identifier).
    /// </summary>
    public static LabelledPeople Febrl(string file)
    {
        var lines = File.ReadAllLines(SharedData.Path("linkage", file));
        var header = Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("rec_id"), given = Col("given_name"), surname = Col("surname"), number = Col("street_number"),
            address1 = Col("address_1"), address2 = Col("address_2"), suburb = Col("suburb"), postcode = Col("postcode"), dob = Col("date_of_birth");
        var entries = new List<PersonEntry>(lines.Length);
        var truth = new List<string>(lines.Length);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var f = Split(lines[i]);
            var address = string.Join(' ', new[] { f[number], f[address1], f[address2], f[suburb] }.Where(s => s.Length > 0));
            entries.Add(new PersonEntry(f[id], FirstName: f[given], LastName: f[surname], DateOfBirth: f[dob], Address: address, Postcode: f[postcode]));
            truth.Add(f[id].Split('-')[1]);
        }
        return new LabelledPeople(file, entries, truth.ToArray());
    }

    /// <summary>splink's fake_1000: first_name, surname → last_name, dob, city → address, email; truth in cluster.</summary>
    public static LabelledPeople SplinkFake1000()
    {
        var lines = File.ReadAllLines(SharedData.Path("linkage", "splink_fake_1000.csv"));
        var header = Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var entries = new List<PersonEntry>();
        var truth = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            var f = Split(lines[i]);
            entries.Add(new PersonEntry(f[Col("unique_id")], FirstName: f[Col("first_name")], LastName: f[Col("surname")],
                DateOfBirth: f[Col("dob")], Address: f[Col("city")], Email: f[Col("email")]));
            truth.Add(f[Col("cluster")]);
        }
        return new LabelledPeople("splink_fake_1000", entries, truth.ToArray());
    }

    private static string[] Split(string line) => line.TrimEnd('\r').Split(',').Select(s => s.Trim()).ToArray();
}

/// <summary>Pairwise precision, recall and F1: every pair inside one predicted identity against every pair sharing a true person.</summary>
internal readonly record struct PairScore(long TruePositives, long Predicted, long Actual)
{
    public double Precision => Predicted == 0 ? 1 : TruePositives / (double)Predicted;
    public double Recall => Actual == 0 ? 1 : TruePositives / (double)Actual;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"precision {Precision:0.0000} recall {Recall:0.0000} F1 {F1:0.0000} (pairs: {TruePositives} right of {Predicted} predicted, {Actual} true)";

    public static PairScore OfClusters<TCluster, TTruth>(IReadOnlyList<TCluster> predicted, IReadOnlyList<TTruth> truth)
        where TCluster : notnull where TTruth : notnull
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var both = new Dictionary<(TCluster, TTruth), long>();
        var clusters = new Dictionary<TCluster, long>();
        var people = new Dictionary<TTruth, long>();
        for (var i = 0; i < predicted.Count; i++)
        {
            both[(predicted[i], truth[i])] = both.GetValueOrDefault((predicted[i], truth[i])) + 1;
            clusters[predicted[i]] = clusters.GetValueOrDefault(predicted[i]) + 1;
            people[truth[i]] = people.GetValueOrDefault(truth[i]) + 1;
        }
        return new PairScore(both.Values.Sum(Pairs), clusters.Values.Sum(Pairs), people.Values.Sum(Pairs));
    }
}
