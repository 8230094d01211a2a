namespace SafetyNet.Insight.NearRepeat;

public enum DistanceMetric
{
    Manhattan,
    Euclidean,
}

/// <summary>One event for the near-repeat test: a place in metres and a day number (any epoch).</summary>
public readonly record struct SpaceTimeEvent(double X, double Y, int Day);

/// <summary>
/// Band settings as the Near Repeat Calculator takes them: <paramref name="DistanceBands"/> bands of
/// <paramref name="DistanceBand"/> metres after a same-location band [0, 1), then one open band; and
/// <paramref name="TimeBands"/> bands of <paramref name="TimeBand"/> days, then one open band.
/// </summary>
public sealed record KnoxSettings(
    double DistanceBand,
    int DistanceBands,
    int TimeBand,
    int TimeBands,
    int Permutations = 999,
    ulong Seed = 1,
    DistanceMetric Metric = DistanceMetric.Manhattan)
{
    /// <summary>Rows: same location, the finite bands, the open band.</summary>
    public int Rows => DistanceBands + 2;

    /// <summary>Columns: the finite time bands and the open band.</summary>
    public int Columns => TimeBands + 1;

    public double DistanceFrom(int row) => row switch
    {
        0 => 0,
        1 => 1,
        _ => (row - 1) * DistanceBand,
    };

    /// <summary>Upper bound of a distance row (exclusive); null for the open band.</summary>
    public double? DistanceTo(int row) => row == 0 ? 1 : row <= DistanceBands ? row * DistanceBand : null;

    public int TimeFrom(int column) => column * TimeBand;

    public int? TimeTo(int column) => column < TimeBands ? (column + 1) * TimeBand : null;

    internal void Validate()
    {
        if (!(DistanceBand > 1) || !double.IsFinite(DistanceBand))
        {
            throw new ArgumentOutOfRangeException(nameof(DistanceBand), "A distance band must be more than the 1 m same-location band.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(DistanceBands, 1);
        // Rows are held in a byte per close pair.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DistanceBands, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeBand, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeBands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Permutations, 1);
    }
}

/// <summary>A Knox table: cells are row-major, <c>row * Columns + column</c>.</summary>
public sealed class KnoxTable(KnoxSettings settings, long[] observed, double[] expected, int[] atLeastObserved)
{
    public KnoxSettings Settings { get; } = settings;
    public int Rows => Settings.Rows;
    public int Columns => Settings.Columns;

    public long Observed(int row, int column) => observed[row * Columns + column];

    /// <summary>Mean count over the permutations.</summary>
    public double Expected(int row, int column) => expected[row * Columns + column];

    /// <summary>Observed over expected; NaN when no permutation put a pair in the cell.</summary>
    public double KnoxRatio(int row, int column)
    {
        var e = Expected(row, column);
        return e > 0 ? Observed(row, column) / e : double.NaN;
    }

    /// <summary>Monte Carlo p: (permutations at or above the observed count + 1) / (permutations + 1).</summary>
    public double PValue(int row, int column) => (atLeastObserved[row * Columns + column] + 1.0) / (Settings.Permutations + 1.0);

    public long TotalPairs
    {
        get
        {
            long total = 0;
            foreach (var count in observed)
            {
                total += count;
            }
            return total;
        }
    }
}

/// <summary>
/// The Knox test for near repeats with Monte Carlo permutation of dates over fixed places.
/// </summary>
/// <remarks>
/// Two facts make it fast. Permuting dates never changes the multiset of dates, so the number of pairs in
/// each time band over all pairs is fixed and the open distance row is that total less the close rows.
/// And only pairs closer than the last finite distance band need their time band recounted, so each
/// permutation costs a shuffle plus one look-up per close pair instead of n²/2 pair tests.
/// </remarks>
public static class KnoxTest
{
    public static KnoxTable Run(ReadOnlySpan<SpaceTimeEvent> events, KnoxSettings settings)
    {
        settings.Validate();
        var n = events.Length;
        var rows = settings.Rows;
        var columns = settings.Columns;
        var cells = rows * columns;

        var days = new int[n];
        for (var i = 0; i < n; i++)
        {
            days[i] = events[i].Day;
        }
        var columnTotals = PairsPerTimeBand(days, settings);
        var (first, second, row) = ClosePairs(events, settings);

        var observed = new long[cells];
        CountClose(first, second, row, days, settings, observed);
        FillOpenRow(observed, columnTotals, rows, columns);

        var sums = new long[cells];
        var atLeast = new int[cells];
        var gate = new object();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, settings.Permutations / 64));
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var shuffled = new int[n];
            var counts = new long[cells];
            var localSums = new long[cells];
            var localAtLeast = new int[cells];
            for (var p = worker; p < settings.Permutations; p += workers)
            {
                days.CopyTo(shuffled, 0);
                var random = new SplitMix(settings.Seed, (ulong)p + 1);
                for (var i = n - 1; i > 0; i--)
                {
                    var j = random.NextInt(i + 1);
                    (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
                }
                Array.Clear(counts);
                CountClose(first, second, row, shuffled, settings, counts);
                FillOpenRow(counts, columnTotals, rows, columns);
                for (var c = 0; c < cells; c++)
                {
                    localSums[c] += counts[c];
                    if (counts[c] >= observed[c])
                    {
                        localAtLeast[c]++;
                    }
                }
            }
            lock (gate)
            {
                for (var c = 0; c < cells; c++)
                {
                    sums[c] += localSums[c];
                    atLeast[c] += localAtLeast[c];
                }
            }
        });

        var expected = new double[cells];
        for (var c = 0; c < cells; c++)
        {
            expected[c] = (double)sums[c] / settings.Permutations;
        }
        return new KnoxTable(settings, observed, expected, atLeast);
    }

    /// <summary>Distance row of a pair, or -1 when it falls in the open band.</summary>
    public static int DistanceRow(double distance, KnoxSettings settings)
    {
        if (distance < 1)
        {
            return 0;
        }
        var band = (int)Math.Floor(distance / settings.DistanceBand);
        return band < settings.DistanceBands ? band + 1 : -1;
    }

    public static int TimeColumn(int dayDifference, KnoxSettings settings)
    {
        var band = dayDifference / settings.TimeBand;
        return band < settings.TimeBands ? band : settings.TimeBands;
    }

    private static void CountClose(int[] first, int[] second, byte[] row, int[] days, KnoxSettings settings, long[] counts)
    {
        var columns = settings.Columns;
        for (var k = 0; k < first.Length; k++)
        {
            var difference = Math.Abs(days[first[k]] - days[second[k]]);
            counts[row[k] * columns + TimeColumn(difference, settings)]++;
        }
    }

    private static void FillOpenRow(long[] counts, long[] columnTotals, int rows, int columns)
    {
        var open = (rows - 1) * columns;
        for (var c = 0; c < columns; c++)
        {
            var close = 0L;
            for (var r = 0; r < rows - 1; r++)
            {
                close += counts[r * columns + c];
            }
            counts[open + c] = columnTotals[c] - close;
        }
    }

    /// <summary>Pairs per time band over all pairs, from a histogram of days: O(days²), not O(n²).</summary>
    private static long[] PairsPerTimeBand(int[] days, KnoxSettings settings)
    {
        var totals = new long[settings.Columns];
        if (days.Length < 2)
        {
            return totals;
        }
        var sorted = (int[])days.Clone();
        Array.Sort(sorted);
        var values = new List<int>();
        var counts = new List<long>();
        foreach (var day in sorted)
        {
            if (values.Count > 0 && values[^1] == day)
            {
                counts[^1]++;
            }
            else
            {
                values.Add(day);
                counts.Add(1);
            }
        }
        for (var a = 0; a < values.Count; a++)
        {
            totals[0] += counts[a] * (counts[a] - 1) / 2;
            for (var b = a + 1; b < values.Count; b++)
            {
                totals[TimeColumn(values[b] - values[a], settings)] += counts[a] * counts[b];
            }
        }
        return totals;
    }

    /// <summary>Pairs closer than the last finite band, found by a sweep over x (both metrics are at least |Δx|).</summary>
    private static (int[] First, int[] Second, byte[] Row) ClosePairs(ReadOnlySpan<SpaceTimeEvent> events, KnoxSettings settings)
    {
        var n = events.Length;
        var reach = settings.DistanceBands * settings.DistanceBand;
        var order = new int[n];
        var xs = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            xs[i] = events[i].X;
        }
        Array.Sort(xs, order);
        var first = new List<int>();
        var second = new List<int>();
        var row = new List<byte>();
        var euclidean = settings.Metric == DistanceMetric.Euclidean;
        for (var a = 0; a < n; a++)
        {
            var p = events[order[a]];
            for (var b = a + 1; b < n && xs[b] - p.X < reach; b++)
            {
                var q = events[order[b]];
                var dx = Math.Abs(q.X - p.X);
                var dy = Math.Abs(q.Y - p.Y);
                if (dy >= reach)
                {
                    continue;
                }
                var distance = euclidean ? Math.Sqrt(dx * dx + dy * dy) : dx + dy;
                var r = DistanceRow(distance, settings);
                if (r >= 0)
                {
                    first.Add(order[a]);
                    second.Add(order[b]);
                    row.Add((byte)r);
                }
            }
        }
        return (first.ToArray(), second.ToArray(), row.ToArray());
    }
}
