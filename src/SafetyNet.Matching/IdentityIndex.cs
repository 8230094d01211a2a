namespace SafetyNet.Matching;

/// <summary>An indexed entry that may be the same person as the one looked up.</summary>
public readonly record struct IndexMatch(int Row, string Id, double Weight)
{
    public double Probability => MatchModel.Probability(Weight);
}

/// <summary>
/// Entries indexed by their blocking keys so that a new entry is matched at intake in milliseconds against millions.
/// The bulk of the index is one sorted array of (key, row) searched by halving; entries added later go to a small
/// dictionary beside it until the next rebuild. Weights are learned once, from the entries the index was built with.
/// Not safe for concurrent writers: the application serialises additions.
/// </summary>
public sealed class IdentityIndex
{
    private readonly PersonTable _table;
    private readonly MatchModel _model;
    private readonly double _linkWeight;
    private long[] _keys = [];
    private int[] _rows = [];
    private readonly Dictionary<long, List<int>> _recent = [];
    private readonly Lock _gate = new();

    private IdentityIndex(PersonTable table, MatchModel model, double linkWeight)
    {
        _table = table;
        _model = model;
        _linkWeight = linkWeight;
    }

    public int Count => _table.Count;

    public MatchModel Model => _model;

    /// <summary>
    /// Indexes the entries. Weights are learned from at most <paramref name="learnFrom"/> of them (a sample is
    /// enough to learn agreement rates; term frequencies always come from the whole index).
    /// </summary>
    public static IdentityIndex Build(IReadOnlyList<PersonEntry> entries, ResolverOptions? options = null, int learnFrom = 200_000)
    {
        options ??= new ResolverOptions();
        var table = PersonTable.From(entries);
        var sample = table;
        if (entries.Count > learnFrom)
        {
            var step = entries.Count / (double)learnFrom;
            var picked = new List<PersonEntry>(learnFrom);
            for (var i = 0; i < learnFrom; i++)
            {
                picked.Add(entries[(int)(i * step)]);
            }
            sample = PersonTable.From(picked);
        }
        var model = PersonResolver.Learn(sample, new CandidatePairs(sample, false), options, false);
        var index = new IdentityIndex(table, model, options.LinkWeight);
        index.Rebuild();
        return index;
    }

    /// <summary>
    /// Indexes the entries with weights learned from another set of entries: for an index that starts small, a
    /// reference population shaped like the real one teaches better agreement rates than a handful of entries.
    /// </summary>
    public static IdentityIndex Build(IReadOnlyList<PersonEntry> entries, IReadOnlyList<PersonEntry> learnFrom, ResolverOptions? options = null)
    {
        options ??= new ResolverOptions();
        var table = PersonTable.From(entries);
        var sample = PersonTable.From(learnFrom);
        var model = PersonResolver.Learn(sample, new CandidatePairs(sample, false), options, false);
        var index = new IdentityIndex(table, model, options.LinkWeight);
        index.Rebuild();
        return index;
    }

    /// <summary>Folds recently added entries into the sorted bulk.</summary>
    public void Rebuild()
    {
        lock (_gate)
        {
            var n = _table.Count;
            var all = new long[(long)n * Blocking.KeyCount];
            Parallel.For(0, n, () => new long[Blocking.KeyCount], (row, _, buffer) =>
            {
                Blocking.KeysOf(_table, row, buffer);
                buffer.CopyTo(all.AsSpan(row * Blocking.KeyCount, Blocking.KeyCount));
                return buffer;
            }, _ => { });
            var present = 0;
            foreach (var key in all)
            {
                if (key != 0)
                {
                    present++;
                }
            }
            var keys = new long[present];
            var rows = new int[present];
            present = 0;
            for (var i = 0; i < all.Length; i++)
            {
                if (all[i] != 0)
                {
                    keys[present] = all[i];
                    rows[present++] = i / Blocking.KeyCount;
                }
            }
            Array.Sort(keys, rows);
            _keys = keys;
            _rows = rows;
            _table.RefreshWeights();
            _recent.Clear();
        }
    }

    /// <summary>Adds an entry to the index (it can be found at once) and returns its row.</summary>
    public int Add(PersonEntry entry)
    {
        lock (_gate)
        {
            var row = _table.Add(entry);
            Span<long> keys = stackalloc long[Blocking.KeyCount];
            Blocking.KeysOf(_table, row, keys);
            foreach (var key in keys)
            {
                if (key == 0)
                {
                    continue;
                }
                if (!_recent.TryGetValue(key, out var list))
                {
                    _recent[key] = list = [];
                }
                list.Add(row);
            }
            return row;
        }
    }

    /// <summary>The indexed entries most likely to be this person, best first, at or above the link threshold.</summary>
    public IReadOnlyList<IndexMatch> Find(PersonEntry entry, int limit = 10)
    {
        lock (_gate)
        {
            var probe = _table.Add(entry, countFrequencies: false);
            try
            {
                return Search(probe, limit);
            }
            finally
            {
                _table.RemoveLast();
            }
        }
    }

    /// <summary>Why an entry was judged like an indexed one, for the reviewer.</summary>
    public IReadOnlyList<MatchReason> Explain(PersonEntry entry, int row)
    {
        lock (_gate)
        {
            var probe = _table.Add(entry, countFrequencies: false);
            try
            {
                return _model.Explain(_table, row, probe);
            }
            finally
            {
                _table.RemoveLast();
            }
        }
    }

    private List<IndexMatch> Search(int probe, int limit)
    {
        Span<long> keys = stackalloc long[Blocking.KeyCount];
        Blocking.KeysOf(_table, probe, keys);
        var seen = new HashSet<int>();
        var found = new List<IndexMatch>();
        Span<byte> levels = stackalloc byte[Comparison.FieldCount];
        foreach (var key in keys)
        {
            if (key == 0)
            {
                continue;
            }
            var start = LowerBound(_keys, key);
            var end = start;
            while (end < _keys.Length && _keys[end] == key)
            {
                end++;
            }
            _recent.TryGetValue(key, out var recent);
            // The same guard as batch blocking: a key shared by a crowd says little and costs much.
            if (end - start + (recent?.Count ?? 0) > Blocking.MaxBlock)
            {
                continue;
            }
            for (var i = start; i < end; i++)
            {
                Consider(_rows[i], ref levels);
            }
            if (recent is not null)
            {
                foreach (var row in recent)
                {
                    Consider(row, ref levels);
                }
            }
        }
        found.Sort(static (x, y) => y.Weight.CompareTo(x.Weight));
        if (found.Count > limit)
        {
            found.RemoveRange(limit, found.Count - limit);
        }
        return found;

        void Consider(int row, ref Span<byte> levels)
        {
            if (row == probe || !seen.Add(row))
            {
                return;
            }
            Comparison.Compare(_table, row, probe, levels);
            var weight = _model.Score(_table, row, probe, levels);
            if (weight >= _linkWeight)
            {
                found.Add(new IndexMatch(row, _table.Ids[row], weight));
            }
        }
    }

    private static int LowerBound(long[] keys, long key)
    {
        int low = 0, high = keys.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (keys[mid] < key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }
}
