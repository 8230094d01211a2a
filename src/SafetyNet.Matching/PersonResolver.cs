using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SafetyNet.Matching;

/// <summary>A link between two entries judged to be one person: match weight (log2 odds) and probability.</summary>
public readonly record struct PersonLink(int A, int B, double Weight)
{
    public double Probability => MatchModel.Probability(Weight);
}

/// <summary>How sure the engine must be before linking.</summary>
public sealed record ResolverOptions
{
    /// <summary>Probability at or above which two entries are linked.</summary>
    public double LinkProbability { get; init; } = 0.5;

    /// <summary>Random pairs drawn to learn how often fields agree by chance.</summary>
    public int RandomPairs { get; init; } = 200_000;

    /// <summary>Candidate pairs used to learn agreement within a person; larger candidate sets are sampled by block.</summary>
    public int LearningPairs { get; init; } = 1_000_000;

    public double LinkWeight => Math.Log2(LinkProbability / (1 - LinkProbability));
}

/// <summary>What a dedupe run found: an identity number per entry and the links that made them.</summary>
public sealed record Resolution(PersonTable Table, MatchModel Model, int[] Identity, IReadOnlyList<PersonLink> Links, long CandidatePairs)
{
    /// <summary>How many identities: each is numbered by its earliest entry, so count the entries that head one.</summary>
    public int IdentityCount
    {
        get
        {
            var count = 0;
            for (var i = 0; i < Identity.Length; i++)
            {
                if (Identity[i] == i)
                {
                    count++;
                }
            }
            return count;
        }
    }
}

/// <summary>
/// Batch person resolution: prepare, block, learn weights from the data, score candidate pairs in parallel, and
/// group entries into identities without chaining strangers together through one weak link.
/// </summary>
public static class PersonResolver
{
    public static Resolution Dedupe(PersonTable table, ResolverOptions? options = null, Action<string>? progress = null)
    {
        options ??= new ResolverOptions();
        var (model, links, candidates) = ScoreAll(table, false, options, progress);
        var identity = IdentityClustering.Cluster(table, model, links, options.LinkWeight);
        var resolution = new Resolution(table, model, identity, links, candidates);
        progress?.Invoke($"grouped {table.Count:N0} entries into {resolution.IdentityCount:N0} identities");
        return resolution;
    }

    /// <summary>
    /// Links entries of source 0 to entries of source 1. A pair is kept when it clears the threshold and is within a
    /// few bits of the best pair for both of its entries, so one entry does not link to every lookalike on the other side.
    /// </summary>
    public static Resolution Link(PersonTable table, ResolverOptions? options = null, Action<string>? progress = null)
    {
        options ??= new ResolverOptions();
        var (model, links, candidates) = ScoreAll(table, true, options, progress);
        var best = new double[table.Count];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var link in links)
        {
            best[link.A] = Math.Max(best[link.A], link.Weight);
            best[link.B] = Math.Max(best[link.B], link.Weight);
        }
        const double margin = 4;
        var kept = new List<PersonLink>();
        foreach (var link in links)
        {
            if (link.Weight >= options.LinkWeight && link.Weight >= best[link.A] - margin && link.Weight >= best[link.B] - margin)
            {
                kept.Add(table.Source[link.A] == 0 ? link : new PersonLink(link.B, link.A, link.Weight));
            }
        }
        var identity = new int[table.Count];
        for (var i = 0; i < identity.Length; i++)
        {
            identity[i] = i;
        }
        progress?.Invoke($"kept {kept.Count:N0} links");
        return new Resolution(table, model, identity, kept, candidates);
    }

    /// <summary>Learns the model from this table, then scores every candidate pair and keeps those worth clustering.</summary>
    public static (MatchModel Model, List<PersonLink> Links, long Candidates) ScoreAll(PersonTable table, bool acrossSources, ResolverOptions options, Action<string>? progress)
    {
        table.RefreshWeights();
        var pairs = new CandidatePairs(table, acrossSources);
        progress?.Invoke($"blocked {table.Count:N0} entries into {pairs.BlockCount:N0} blocks, {pairs.PairCount:N0} candidate pairs at most");
        var model = Learn(table, pairs, options, acrossSources);
        progress?.Invoke($"learned weights (prior {model.Prior:0.####})");

        // Keep pairs a little below the threshold: clustering looks at them when judging whole groups.
        var keepAbove = options.LinkWeight - 6;
        var bag = new ConcurrentBag<List<PersonLink>>();
        long scored = 0;
        pairs.ForEach(
            () => new ScoringState(),
            (a, b, _, state) =>
            {
                Comparison.Compare(table, a, b, state.Levels);
                var weight = model.Score(table, a, b, state.Levels);
                state.Scored++;
                if (weight >= keepAbove)
                {
                    state.Links.Add(new PersonLink(a, b, weight));
                }
            },
            state =>
            {
                bag.Add(state.Links);
                Interlocked.Add(ref scored, state.Scored);
            });
        var links = new List<PersonLink>();
        foreach (var part in bag)
        {
            links.AddRange(part);
        }
        // Parallel workers finish in any order: sort so every run gives the same output.
        links.Sort(static (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        progress?.Invoke($"scored {scored:N0} candidate pairs, {links.Count:N0} worth a look");
        return (model, links, scored);
    }

    /// <summary>Every pair that could be one person: all pairs in a dedupe, left × right in a link.</summary>
    private static double PossiblePairs(PersonTable table, bool acrossSources)
    {
        if (!acrossSources)
        {
            return table.Count * (table.Count - 1.0) / 2;
        }
        double left = 0;
        for (var row = 0; row < table.Count; row++)
        {
            if (table.Source[row] == 0)
            {
                left++;
            }
        }
        return left * (table.Count - left);
    }

    public static MatchModel Learn(PersonTable table, CandidatePairs pairs, ResolverOptions options, bool acrossSources)
    {
        table.RefreshWeights();
        var model = new MatchModel();
        model.LearnUnmatched(table, options.RandomPairs);
        var stride = (int)Math.Max(1, pairs.PairCount / Math.Max(1, options.LearningPairs));
        var once = new Dictionary<ulong, int>();
        var patterns = new Dictionary<ulong, int>[Blocking.KeyCount];
        for (var k = 0; k < patterns.Length; k++)
        {
            patterns[k] = [];
        }
        pairs.ForEach(
            () => new PatternState(),
            (a, b, key, state) =>
            {
                Comparison.Compare(table, a, b, state.Levels);
                var pattern = MatchModel.Pack(state.Levels);
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(state.Patterns[key % Blocking.KeyCount], pattern, out _);
                count++;
                if (key < Blocking.KeyCount)
                {
                    ref var once = ref CollectionsMarshal.GetValueRefOrAddDefault(state.Once, pattern, out _);
                    once++;
                }
            },
            state =>
            {
                lock (patterns)
                {
                    for (var k = 0; k < patterns.Length; k++)
                    {
                        foreach (var (pattern, count) in state.Patterns[k])
                        {
                            patterns[k][pattern] = patterns[k].GetValueOrDefault(pattern) + count;
                        }
                    }
                    foreach (var (pattern, count) in state.Once)
                    {
                        once[pattern] = once.GetValueOrDefault(pattern) + count;
                    }
                }
            },
            stride,
            onceOnly: false);
        var sessions = new List<(int, Dictionary<ulong, int>)>(Blocking.KeyCount + 1);
        for (var k = 0; k < patterns.Length; k++)
        {
            sessions.Add((Blocking.FieldsUsed[k], patterns[k]));
        }
        model.LearnMatched(sessions, once, stride, PossiblePairs(table, acrossSources));
        return model;
    }

    private sealed class ScoringState
    {
        public readonly byte[] Levels = new byte[Comparison.FieldCount];
        public readonly List<PersonLink> Links = [];
        public long Scored;
    }

    private sealed class PatternState
    {
        public readonly byte[] Levels = new byte[Comparison.FieldCount];
        public readonly Dictionary<ulong, int>[] Patterns = CreatePatterns();
        public readonly Dictionary<ulong, int> Once = [];

        private static Dictionary<ulong, int>[] CreatePatterns()
        {
            var patterns = new Dictionary<ulong, int>[Blocking.KeyCount];
            for (var k = 0; k < patterns.Length; k++)
            {
                patterns[k] = [];
            }
            return patterns;
        }
    }
}
