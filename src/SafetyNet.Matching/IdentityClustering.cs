namespace SafetyNet.Matching;

/// <summary>
/// Groups linked entries into identities. Linking alone is transitive: A–B strong and B–C strong puts A with C even
/// when A and C disagree on everything, and one weak link can join two families. So every group of three or more is
/// re-judged as a whole: each member is compared with every other, and sub-groups are merged only while some direct
/// link between them clears the threshold and the average weight between them comes within <see cref="Slack"/> of it
/// (average linkage). Oversized groups are first cut at their weakest links.
/// </summary>
public static class IdentityClustering
{
    private const int MaxGroup = 60;

    /// <summary>
    /// How far (in bits of log-odds) the average between two sub-groups may fall short of the threshold when at
    /// least one direct link between them clears it. Heavily spoilt entries of one person often agree only in
    /// pairs, so demanding the full average splits them; with no direct link, nothing is merged at all.
    /// </summary>
    private const double Slack = 3;

    public static int[] Cluster(PersonTable table, MatchModel model, IReadOnlyList<PersonLink> links, double threshold)
    {
        var n = table.Count;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }
        foreach (var link in links)
        {
            if (link.Weight >= threshold)
            {
                Union(parent, link.A, link.B);
            }
        }
        // Only groups of three or more need re-judging: count sizes first so a million singletons cost no lists.
        var identity = new int[n];
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            identity[i] = Find(parent, i);
            size[identity[i]]++;
        }
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var root = identity[i];
            if (size[root] < 3)
            {
                continue;
            }
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = new List<int>(size[root]);
            }
            list.Add(i);
        }
        var large = new List<List<int>>(members.Values);
        if (large.Count == 0)
        {
            return Canonical(identity);
        }
        var byRow = LinksByRow(links, threshold, large);
        Parallel.ForEach(large, group =>
        {
            foreach (var part in CutToSize(group, byRow, threshold))
            {
                Refine(table, model, part, threshold, identity);
            }
        });
        return Canonical(identity);
    }

    private static Dictionary<int, List<PersonLink>> LinksByRow(IReadOnlyList<PersonLink> links, double threshold, List<List<int>> groups)
    {
        var rows = new HashSet<int>();
        foreach (var group in groups)
        {
            if (group.Count > MaxGroup)
            {
                rows.UnionWith(group);
            }
        }
        var byRow = new Dictionary<int, List<PersonLink>>();
        if (rows.Count == 0)
        {
            return byRow;
        }
        foreach (var link in links)
        {
            if (link.Weight >= threshold && rows.Contains(link.A))
            {
                if (!byRow.TryGetValue(link.A, out var list))
                {
                    byRow[link.A] = list = [];
                }
                list.Add(link);
            }
        }
        return byRow;
    }

    /// <summary>Raises the bar on a giant group's own links until every piece is small enough to judge as a whole.</summary>
    private static List<List<int>> CutToSize(List<int> group, Dictionary<int, List<PersonLink>> byRow, double threshold)
    {
        if (group.Count <= MaxGroup)
        {
            return [group];
        }
        var result = new List<List<int>>();
        var pending = new Stack<(List<int> Rows, double Bar)>();
        pending.Push((group, threshold + 2));
        while (pending.Count > 0)
        {
            var (rows, bar) = pending.Pop();
            if (rows.Count <= MaxGroup || bar > threshold + 60)
            {
                result.Add(rows);
                continue;
            }
            var index = new Dictionary<int, int>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                index[rows[i]] = i;
            }
            var parent = new int[rows.Count];
            for (var i = 0; i < parent.Length; i++)
            {
                parent[i] = i;
            }
            foreach (var row in rows)
            {
                if (!byRow.TryGetValue(row, out var list))
                {
                    continue;
                }
                foreach (var link in list)
                {
                    if (link.Weight >= bar && index.TryGetValue(link.B, out var other))
                    {
                        Union(parent, index[row], other);
                    }
                }
            }
            var pieces = new Dictionary<int, List<int>>();
            for (var i = 0; i < rows.Count; i++)
            {
                var root = Find(parent, i);
                if (!pieces.TryGetValue(root, out var piece))
                {
                    pieces[root] = piece = [];
                }
                piece.Add(rows[i]);
            }
            foreach (var piece in pieces.Values)
            {
                pending.Push((piece, bar + 2));
            }
        }
        return result;
    }

    private static void Refine(PersonTable table, MatchModel model, List<int> rows, double threshold, int[] identity)
    {
        var n = rows.Count;
        if (n < 3)
        {
            foreach (var row in rows)
            {
                identity[row] = rows[0];
            }
            return;
        }
        var weight = new double[n * n];
        Span<byte> levels = stackalloc byte[Comparison.FieldCount];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var a = Math.Min(rows[i], rows[j]);
                var b = Math.Max(rows[i], rows[j]);
                Comparison.Compare(table, a, b, levels);
                weight[(i * n) + j] = weight[(j * n) + i] = model.Score(table, a, b, levels);
            }
        }
        // Average linkage: cluster sums of cross weights kept in a matrix that shrinks as clusters merge.
        var size = new int[n];
        var label = new int[n];
        var alive = new bool[n];
        var sum = new double[n * n];
        var max = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            size[i] = 1;
            label[i] = i;
            alive[i] = true;
        }
        Array.Copy(weight, sum, weight.Length);
        Array.Copy(weight, max, weight.Length);
        while (true)
        {
            int bestI = -1, bestJ = -1;
            var best = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    continue;
                }
                for (var j = i + 1; j < n; j++)
                {
                    if (!alive[j])
                    {
                        continue;
                    }
                    var average = sum[(i * n) + j] / (size[i] * size[j]);
                    if (max[(i * n) + j] < threshold)
                    {
                        continue;
                    }
                    if (average > best)
                    {
                        best = average;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0 || best < threshold - Slack)
            {
                break;
            }
            alive[bestJ] = false;
            size[bestI] += size[bestJ];
            for (var k = 0; k < n; k++)
            {
                if (alive[k] && k != bestI)
                {
                    sum[(bestI * n) + k] += sum[(bestJ * n) + k];
                    sum[(k * n) + bestI] = sum[(bestI * n) + k];
                    max[(bestI * n) + k] = Math.Max(max[(bestI * n) + k], max[(bestJ * n) + k]);
                    max[(k * n) + bestI] = max[(bestI * n) + k];
                }
                if (label[k] == bestJ)
                {
                    label[k] = bestI;
                }
            }
        }
        var first = new int[n];
        Array.Fill(first, -1);
        for (var i = 0; i < n; i++)
        {
            var l = label[i];
            if (first[l] < 0)
            {
                first[l] = rows[i];
            }
            identity[rows[i]] = first[l];
        }
    }

    /// <summary>Identities numbered by their earliest entry, so output does not depend on thread timing.</summary>
    private static int[] Canonical(int[] identity)
    {
        var earliest = new int[identity.Length];
        Array.Fill(earliest, -1);
        var result = new int[identity.Length];
        for (var i = 0; i < identity.Length; i++)
        {
            ref var first = ref earliest[identity[i]];
            if (first < 0)
            {
                first = i;
            }
            result[i] = first;
        }
        return result;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
