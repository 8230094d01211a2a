namespace SafetyNet.Matching;

/// <summary>Why two entries were judged alike or not: one line per compared field.</summary>
public readonly record struct MatchReason(MatchField Field, string Outcome, double Weight);

/// <summary>
/// Fellegi–Sunter weights learned from the file in hand without labels. For each field and level, m is the chance of
/// that level between two entries of one person and u between two different people; a level's weight is log2(m/u).
/// u comes from random pairs (almost all different people); m and the share of true matches among candidate pairs come
/// from expectation–maximisation over the candidate pairs. Exact agreement on a name, date or postcode is weighted by
/// how common that value is (term frequency), so two Smiths prove less than two Featherstonehaughs.
/// </summary>
public sealed class MatchModel
{
    private const int Bits = 4;
    private readonly double[] _m = new double[Comparison.FieldCount * Comparison.MaxLevels + Comparison.FieldCount];
    private readonly double[] _u = new double[Comparison.FieldCount * Comparison.MaxLevels + Comparison.FieldCount];
    private readonly double[] _weight = new double[Comparison.FieldCount * Comparison.MaxLevels + Comparison.FieldCount];

    /// <summary>Share of candidate pairs that are one person, as learned.</summary>
    public double Prior { get; private set; } = 0.01;

    /// <summary>log2 odds of a match before any field is compared.</summary>
    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    private static int Slot(int field, int level) => (field * (Comparison.MaxLevels + 1)) + level;

    public double M(MatchField field, int level) => _m[Slot((int)field, level)];

    public double U(MatchField field, int level) => _u[Slot((int)field, level)];

    public double Weight(MatchField field, int level) => _weight[Slot((int)field, level)];

    public static ulong Pack(ReadOnlySpan<byte> levels)
    {
        ulong pattern = 0;
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            pattern |= (ulong)levels[f] << (f * Bits);
        }
        return pattern;
    }

    private static int LevelOf(ulong pattern, int field) => (int)((pattern >> (field * Bits)) & 0xF);

    /// <summary>Estimates u from pairs drawn at random from the table (deterministic seed, so runs repeat).</summary>
    public void LearnUnmatched(PersonTable table, int samples, int seed = 20260101)
    {
        Array.Clear(_u);
        var usable = table.Count;
        if (usable < 2)
        {
            SetDefaultU();
            return;
        }
        // Drawn in fixed chunks, each with its own seed, so the estimate is the same however many cores run it.
        const int chunk = 10_000;
        var chunks = (samples + chunk - 1) / chunk;
        var counts = new double[_u.Length];
        Parallel.For(0, chunks, () => new double[_u.Length], (c, _, local) =>
        {
            var random = new Random(seed + c);
            Span<byte> levels = stackalloc byte[Comparison.FieldCount];
            var draws = Math.Min(chunk, samples - (c * chunk));
            for (var s = 0; s < draws; s++)
            {
                var a = random.Next(usable);
                var b = random.Next(usable - 1);
                if (b >= a)
                {
                    b++;
                }
                Comparison.Compare(table, a, b, levels);
                for (var f = 0; f < Comparison.FieldCount; f++)
                {
                    local[Slot(f, levels[f])]++;
                }
            }
            return local;
        }, local =>
        {
            lock (counts)
            {
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] += local[i];
                }
            }
        });
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            double seen = 0;
            for (var l = 1; l < levelCount; l++)
            {
                seen += counts[Slot(f, l)];
            }
            for (var l = 1; l < levelCount; l++)
            {
                // Half a pair of smoothing: a level never seen at random is rare, not impossible.
                _u[Slot(f, l)] = (counts[Slot(f, l)] + 0.5) / (seen + (0.5 * levelCount));
            }
        }
    }

    private void SetDefaultU()
    {
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            for (var l = 1; l < levelCount; l++)
            {
                _u[Slot(f, l)] = l == levelCount - 1 ? 0.9 : 0.1 / (levelCount - 2);
            }
        }
    }

    /// <summary>
    /// Expectation–maximisation of m and the prior over candidate-pair patterns (each distinct combination of levels
    /// with how many pairs showed it), with u held at its random-pair estimate.
    /// </summary>
    public void LearnMatched(IReadOnlyDictionary<ulong, int> patterns, int iterations = 40)
    {
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            for (var l = 1; l < levelCount; l++)
            {
                // Start from "one person mostly agrees": the exact level likely, the disagreement level rare.
                _m[Slot(f, l)] = l == 1 ? 0.8 : l == levelCount - 1 ? 0.02 : 0.05;
            }
            Normalise(_m, f);
        }
        var keys = new ulong[patterns.Count];
        var counts = new double[patterns.Count];
        var n = 0;
        double total = 0;
        foreach (var (pattern, count) in patterns)
        {
            keys[n] = pattern;
            counts[n++] = count;
            total += count;
        }
        if (total == 0)
        {
            UpdateWeights();
            return;
        }
        Prior = 0.1;
        var mNew = new double[_m.Length];
        var uNew = new double[_u.Length];
        var uCandidates = (double[])_u.Clone();
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(mNew);
            Array.Clear(uNew);
            double matched = 0;
            for (var p = 0; p < n; p++)
            {
                double lm = Prior, lu = 1 - Prior;
                for (var f = 0; f < Comparison.FieldCount; f++)
                {
                    var level = LevelOf(keys[p], f);
                    if (level != 0)
                    {
                        lm *= _m[Slot(f, level)];
                        lu *= uCandidates[Slot(f, level)];
                    }
                }
                var posterior = lm / (lm + lu);
                var weight = posterior * counts[p];
                matched += weight;
                for (var f = 0; f < Comparison.FieldCount; f++)
                {
                    mNew[Slot(f, LevelOf(keys[p], f))] += weight;
                    uNew[Slot(f, LevelOf(keys[p], f))] += counts[p] - weight;
                }
            }
            Prior = Math.Clamp(matched / total, 1e-6, 0.999);
            for (var f = 0; f < Comparison.FieldCount; f++)
            {
                var levelCount = Comparison.LevelNames[f].Length;
                double seen = 0;
                for (var l = 1; l < levelCount; l++)
                {
                    seen += mNew[Slot(f, l)];
                }
                for (var l = 1; l < levelCount; l++)
                {
                    _m[Slot(f, l)] = seen <= 0 ? _m[Slot(f, l)] : (mNew[Slot(f, l)] + 0.01) / (seen + (0.01 * levelCount));
                }
                Normalise(_m, f);
                double unseen = 0;
                for (var l = 1; l < levelCount; l++)
                {
                    unseen += uNew[Slot(f, l)];
                }
                for (var l = 1; l < levelCount; l++)
                {
                    uCandidates[Slot(f, l)] = unseen <= 0 ? uCandidates[Slot(f, l)] : (uNew[Slot(f, l)] + 0.01) / (unseen + (0.01 * levelCount));
                }
            }
        }
        UpdateWeights();
    }

    private static void Normalise(double[] values, int field)
    {
        var levelCount = Comparison.LevelNames[field].Length;
        double sum = 0;
        for (var l = 1; l < levelCount; l++)
        {
            sum += values[Slot(field, l)];
        }
        for (var l = 1; l < levelCount; l++)
        {
            values[Slot(field, l)] /= sum;
        }
    }

    private void UpdateWeights()
    {
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            for (var l = 1; l < levelCount; l++)
            {
                _weight[Slot(f, l)] = Math.Log2(_m[Slot(f, l)] / _u[Slot(f, l)]);
            }
        }
        // Agreement must never count against a match, and partial agreement never more than plain disagreement,
        // whatever a small or odd file did to the estimates of a rarely seen level.
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var different = Comparison.LevelNames[f].Length - 1;
            _weight[Slot(f, 1)] = Math.Max(_weight[Slot(f, 1)], 0.5);
            for (var l = 2; l < different; l++)
            {
                _weight[Slot(f, l)] = Math.Max(_weight[Slot(f, l)], _weight[Slot(f, different)]);
            }
        }
    }

    /// <summary>The match weight of a pair: log2 odds that the two entries are one person, prior included.</summary>
    public double Score(PersonTable t, int a, int b, ReadOnlySpan<byte> levels)
    {
        var total = PriorWeight;
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            total += FieldWeight(t, a, b, f, levels[f]);
        }
        return total;
    }

    private double FieldWeight(PersonTable t, int a, int b, int field, int level)
    {
        if (level == 0)
        {
            return 0;
        }
        if (level == 1)
        {
            // Term frequency: P(both have value v | match) = m·p(v), P(both have v | non-match) = p(v)², so the
            // weight is log2(m / p(v)), bounded so one rare value cannot outvote every other field.
            var share = field switch
            {
                0 when t.Forename[a] == t.Forename[b] => t.ForenameShare(t.Forename[a]),
                1 when t.Surname[a] == t.Surname[b] => t.SurnameShare(t.Surname[a]),
                3 => t.DateShare(t.Dob[a]),
                5 => t.PostcodeShare(t.PostcodeUnit[a]),
                _ => 0,
            };
            if (share > 0)
            {
                var baseWeight = _weight[Slot(field, 1)];
                var adjusted = Math.Log2(_m[Slot(field, 1)] / share);
                return Math.Clamp(adjusted, Math.Max(0.5, baseWeight - 4), baseWeight + 6);
            }
        }
        return _weight[Slot(field, level)];
    }

    /// <summary>Turns log2 odds into a probability.</summary>
    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>The reasons behind a pair's score, field by field, for a reviewer.</summary>
    public IReadOnlyList<MatchReason> Explain(PersonTable t, int a, int b)
    {
        Span<byte> levels = stackalloc byte[Comparison.FieldCount];
        var swapped = Comparison.Compare(t, a, b, levels);
        var reasons = new List<MatchReason>(Comparison.FieldCount);
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            if (levels[f] == 0)
            {
                continue;
            }
            var outcome = Comparison.LevelNames[f][levels[f]];
            if (swapped && f <= 1)
            {
                outcome += " (forename and surname swapped)";
            }
            reasons.Add(new MatchReason((MatchField)f, outcome, Math.Round(FieldWeight(t, a, b, f, levels[f]), 2)));
        }
        return reasons;
    }
}
