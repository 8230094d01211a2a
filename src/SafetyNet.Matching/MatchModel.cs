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

    /// <summary>
    /// Chance that two entries drawn at random are one person: expected matches among the candidate pairs (learned)
    /// over all possible pairs. It must be the random-pair chance, because u is measured on random pairs.
    /// </summary>
    public double Prior { get; private set; } = 1e-6;

    /// <summary>Expected number of pairs that are one person, as learned.</summary>
    public double ExpectedMatches { get; private set; }

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
        // A small file has few distinct pairs: draw no more than it holds, and lean on the defaults below.
        samples = (int)Math.Min(samples, (double)usable * (usable - 1) / 2);
        // Drawn in fixed chunks, each with its own seed, so the estimate is the same however many cores run it.
        const int chunk = 10_000;
        var chunks = (samples + chunk - 1) / chunk;
        var counts = new double[_u.Length + 4];
        Parallel.For(0, chunks, () => new double[_u.Length + 4], (c, _, local) =>
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
                // Random pairs include a few true matches, which would pass for overlap: pairs showing any likeness of
                // name or date of birth are left out here.
                var namesAgree = levels[0] is >= 1 and <= 6 || levels[1] is >= 1 and <= 5 || levels[3] is >= 1 and <= 3;
                if (levels[PostcodeField] != 0 && levels[AddressField] != 0 && !namesAgree)
                {
                    var postcodeSame = levels[PostcodeField] == 1;
                    var addressSame = levels[AddressField] <= 2;
                    local[_u.Length]++;
                    local[_u.Length + 1] += postcodeSame ? 1 : 0;
                    local[_u.Length + 2] += addressSame ? 1 : 0;
                    local[_u.Length + 3] += postcodeSame && addressSame ? 1 : 0;
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
                // Smoothed towards what strangers usually share (a name in a hundred, a birthday in ten thousand), worth
                // a thousand pairs: nothing to a large file, a sound starting point for a file of a few dozen rows.
                var usual = l == levelCount - 1 ? 1 - ((levelCount - 2) * UsualAgreement[f]) : UsualAgreement[f];
                _u[Slot(f, l)] = (counts[Slot(f, l)] + (1000 * usual)) / (seen + 1000);
            }
        }
        // Postcode and address both say where someone lives; where one implies the other (a town and its postcode)
        // counting both would count one fact twice. Measured on random pairs: how much likelier joint agreement is
        // than the two agreements taken apart, taken off when both agree.
        double both = counts[_u.Length], postcode = counts[_u.Length + 1], address = counts[_u.Length + 2], joint = counts[_u.Length + 3];
        LocationOverlap = joint >= 10 && both > 0
            ? Math.Min(0, Math.Log2(postcode / both * (address / both) / (joint / both)))
            : 0;
    }

    /// <summary>log2 correction (never positive) applied when postcode and address agree together, for their overlap.</summary>
    public double LocationOverlap { get; private set; }

    private const int PostcodeField = (int)MatchField.Postcode;
    private const int AddressField = (int)MatchField.Address;

    private double Overlap(ReadOnlySpan<byte> levels) =>
        levels[PostcodeField] == 1 && levels[AddressField] is 1 or 2 ? LocationOverlap : 0;

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
    /// Learns m, one session per blocking key, in the manner of Fellegi–Sunter with expectation–maximisation: a
    /// session sees the candidate pairs its key produced and leaves out the fields that key is built from (they agree
    /// by construction, so they would teach the learning that "same block" means "same person"). Each field's m is the
    /// average over the sessions that could learn it, weighted by how many matches each session found. The prior is
    /// then learned over all candidate pairs with m held.
    /// </summary>
    /// <param name="sessions">Per blocking key: the fields it is built from (bit per field) and its pair patterns with counts.</param>
    /// <param name="candidates">Every candidate pair once (or a sample of one in <paramref name="sampling"/>), for the prior.</param>
    /// <param name="possiblePairs">How many pairs the file holds in all.</param>
    public void LearnMatched(IReadOnlyList<(int FieldsUsed, Dictionary<ulong, int> Patterns)> sessions, Dictionary<ulong, int> candidates, int sampling, double possiblePairs, int iterations = 40)
    {
        var sum = new double[_m.Length];
        var weightOf = new double[Comparison.FieldCount];
        foreach (var (fieldsUsed, patterns) in sessions)
        {
            if (patterns.Count == 0)
            {
                continue;
            }
            var (m, _, matched) = Expectation(patterns, fieldsUsed, null, iterations);
            for (var f = 0; f < Comparison.FieldCount; f++)
            {
                if ((fieldsUsed & (1 << f)) != 0 || matched < 5)
                {
                    continue;
                }
                for (var l = 1; l < Comparison.LevelNames[f].Length; l++)
                {
                    sum[Slot(f, l)] += m[Slot(f, l)] * matched;
                }
                weightOf[f] += matched;
            }
        }
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            for (var l = 1; l < levelCount; l++)
            {
                _m[Slot(f, l)] = weightOf[f] > 0 ? sum[Slot(f, l)] / weightOf[f] : StartingM(l, levelCount);
            }
            Normalise(_m, f);
            LimitDisagreement(f);
        }
        // The prior with m and u both held: the chance λ for which the expected number of matches among the
        // candidate pairs, as the scoring itself would judge them, is λ times all possible pairs.
        var likelihood = new List<(double Ratio, double Count)>(candidates.Count);
        foreach (var (pattern, count) in candidates)
        {
            double ratio = 1;
            for (var f = 0; f < Comparison.FieldCount; f++)
            {
                var level = LevelOf(pattern, f);
                if (level != 0)
                {
                    ratio *= _m[Slot(f, level)] / _u[Slot(f, level)];
                }
            }
            if (LevelOf(pattern, PostcodeField) == 1 && LevelOf(pattern, AddressField) is 1 or 2)
            {
                ratio *= Math.Pow(2, LocationOverlap);
            }
            likelihood.Add((ratio, count * (double)sampling));
        }
        var prior = 1e-4;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var odds = prior / (1 - prior);
            double expected = 0;
            foreach (var (ratio, count) in likelihood)
            {
                var posteriorOdds = odds * ratio;
                expected += count * (double.IsPositiveInfinity(posteriorOdds) ? 1 : posteriorOdds / (1 + posteriorOdds));
            }
            ExpectedMatches = expected;
            prior = Math.Clamp(expected / Math.Max(1, possiblePairs), 1e-12, 0.5);
        }
        Prior = prior;
        UpdateWeights();
    }

    private static double StartingM(int level, int levelCount) => level == 1 ? 0.8 : level == levelCount - 1 ? 0.02 : 0.05;

    /// <summary>
    /// One run of expectation–maximisation over pair patterns, ignoring the fields in <paramref name="ignored"/>.
    /// u is learned afresh among these pairs (pairs in one block agree more than random pairs); m too, unless
    /// <paramref name="fixedM"/> is given. Returns m, the share of matches, and the number of matches.
    /// </summary>
    private (double[] M, double Prior, double Matched) Expectation(Dictionary<ulong, int> patterns, int ignored, double[]? fixedM, int iterations)
    {
        var m = new double[_m.Length];
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var levelCount = Comparison.LevelNames[f].Length;
            for (var l = 1; l < levelCount; l++)
            {
                m[Slot(f, l)] = fixedM?[Slot(f, l)] ?? StartingM(l, levelCount);
            }
            Normalise(m, f);
        }
        var u = (double[])_u.Clone();
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
        var prior = 0.1;
        double matched = 0;
        var mNew = new double[m.Length];
        var uNew = new double[u.Length];
        for (var iteration = 0; iteration < iterations && total > 0; iteration++)
        {
            Array.Clear(mNew);
            Array.Clear(uNew);
            matched = 0;
            for (var p = 0; p < n; p++)
            {
                double lm = prior, lu = 1 - prior;
                for (var f = 0; f < Comparison.FieldCount; f++)
                {
                    var level = LevelOf(keys[p], f);
                    if (level != 0 && (ignored & (1 << f)) == 0)
                    {
                        lm *= m[Slot(f, level)];
                        lu *= u[Slot(f, level)];
                    }
                }
                var posterior = lm / (lm + lu);
                var weight = posterior * counts[p];
                matched += weight;
                for (var f = 0; f < Comparison.FieldCount; f++)
                {
                    var slot = Slot(f, LevelOf(keys[p], f));
                    mNew[slot] += weight;
                    uNew[slot] += counts[p] - weight;
                }
            }
            prior = Math.Clamp(matched / total, 1e-6, 0.999);
            for (var f = 0; f < Comparison.FieldCount; f++)
            {
                if ((ignored & (1 << f)) != 0)
                {
                    continue;
                }
                var levelCount = Comparison.LevelNames[f].Length;
                if (fixedM is null)
                {
                    Reestimate(m, mNew, f, levelCount);
                    LimitDisagreement(m, f);
                }
                Reestimate(u, uNew, f, levelCount);
            }
        }
        return (m, prior, matched);

        static void Reestimate(double[] values, double[] tally, int f, int levelCount)
        {
            double seen = 0;
            for (var l = 1; l < levelCount; l++)
            {
                seen += tally[Slot(f, l)];
            }
            if (seen <= 0)
            {
                return;
            }
            for (var l = 1; l < levelCount; l++)
            {
                values[Slot(f, l)] = (tally[Slot(f, l)] + 0.01) / (seen + (0.01 * levelCount));
            }
            Normalise(values, f);
        }
    }

    /// <summary>
    /// Within one person a field disagrees outright only by mistake, so its m for "different" is capped. Without the
    /// cap, a file with few fields lets the learning settle on "same family at the same address" as its match class
    /// (surname and postcode agreeing, forename not), which is the error the force can least afford.
    /// </summary>
    private void LimitDisagreement(int field) => LimitDisagreement(_m, field);

    private static void LimitDisagreement(double[] m, int field)
    {
        var different = Slot(field, Comparison.LevelNames[field].Length - 1);
        var cap = DisagreementCap[field];
        if (m[different] <= cap)
        {
            return;
        }
        var rest = 1 - m[different];
        m[different] = cap;
        for (var l = 1; l < Comparison.LevelNames[field].Length - 1; l++)
        {
            m[Slot(field, l)] *= (1 - cap) / rest;
        }
    }

    private static readonly double[] UsualAgreement = [0.01, 0.005, 0.05, 0.001, 0.3, 0.002, 0.005, 0.001, 0.001];

    private static readonly double[] DisagreementCap = [0.03, 0.1, 0.3, 0.1, 0.05, 0.3, 0.4, 0.4, 0.4];

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
        return total + Overlap(levels);
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
        if (Overlap(levels) < 0)
        {
            reasons.Add(new MatchReason(MatchField.Address, "agrees with the postcode, so counted once", Math.Round(Overlap(levels), 2)));
        }
        return reasons;
    }
}
