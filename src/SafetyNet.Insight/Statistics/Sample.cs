namespace SafetyNet.Insight.Statistics;

/// <summary>
/// Draws an audit sample from a frame, reproducibly from a seed: a simple random sample, or a stratified one with
/// proportional allocation and at least two per stratum (so each stratum has a variance; a stratum smaller than two is
/// taken whole). The same frame, size and seed always draw the same sample, so an audit can be drawn again and checked.
/// </summary>
public static class Sample
{
    /// <summary>
    /// The positions in the frame of the records drawn. <paramref name="strata"/> gives each record's stratum, in frame
    /// order; strata are visited in ordinal order of their names and records within each are shuffled by Fisher–Yates.
    /// </summary>
    public static int[] Draw(ReadOnlySpan<string> strata, int size, bool stratified, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var random = new Random(seed);
        size = Math.Min(size, strata.Length);
        if (!stratified)
        {
            var all = new int[strata.Length];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }
            Shuffle(all, random);
            return all[..size];
        }
        var members = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < strata.Length; i++)
        {
            if (!members.TryGetValue(strata[i], out var list))
            {
                members[strata[i]] = list = [];
            }
            list.Add(i);
        }
        var chosen = new List<int>(size + 2 * members.Count);
        foreach (var (_, list) in members)
        {
            var quota = Math.Min(list.Count, Math.Max(2, (int)Math.Floor((double)size * list.Count / strata.Length)));
            var shuffled = list.ToArray();
            Shuffle(shuffled, random);
            chosen.AddRange(shuffled.AsSpan(0, quota));
        }
        return [.. chosen];
    }

    private static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
