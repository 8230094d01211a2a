namespace SafetyNet.Matching;

/// <summary>
/// Given names that stand for one another (Bill and William, Peggy and Margaret, Sandy and Alexander). Each name maps
/// to the formal names it can stand for; two names are aliases when those sets meet. Loaded once from an embedded list.
/// </summary>
public sealed class GivenNameAliases
{
    private readonly Dictionary<string, int[]> _groups;
    private readonly Dictionary<int, string[]> _members;

    private GivenNameAliases(Dictionary<string, int[]> groups)
    {
        _groups = groups;
        _members = groups.SelectMany(g => g.Value.Select(group => (Group: group, Name: g.Key)))
            .GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Select(m => m.Name).Order(StringComparer.Ordinal).ToArray());
    }

    public static GivenNameAliases Standard { get; } = Load();

    /// <summary>The formal-name groups a name belongs to, sorted; empty when the name is in no group.</summary>
    public int[] GroupsOf(string name) => _groups.TryGetValue(name, out var groups) ? groups : [];

    /// <summary>
    /// The other names that may stand for the same person as <paramref name="name"/> (lower case, letters only): for a
    /// search that is given a familiar form and must also look under the formal name, and the other way round.
    /// </summary>
    public IReadOnlyList<string> AliasesOf(string name)
    {
        var aliases = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in GroupsOf(name))
        {
            aliases.UnionWith(_members[group]);
        }
        aliases.Remove(name);
        return [.. aliases];
    }

    public static bool Share(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static GivenNameAliases Load()
    {
        var assembly = typeof(GivenNameAliases).Assembly;
        using var stream = assembly.GetManifestResourceStream("SafetyNet.Matching.Resources.given-name-aliases.txt")
            ?? throw new InvalidOperationException("The given-name alias list is missing from the engine.");
        using var reader = new StreamReader(stream);
        var formal = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!formal.TryGetValue(words[0], out var group))
            {
                group = formal.Count + 1;
                formal[words[0]] = group;
            }
            foreach (var word in words)
            {
                var name = word.Replace("-", "", StringComparison.Ordinal);
                if (!sets.TryGetValue(name, out var set))
                {
                    sets[name] = set = [];
                }
                set.Add(group);
            }
        }
        var groups = new Dictionary<string, int[]>(sets.Count, StringComparer.Ordinal);
        foreach (var (name, set) in sets)
        {
            var array = set.ToArray();
            Array.Sort(array);
            groups[name] = array;
        }
        return new GivenNameAliases(groups);
    }
}
