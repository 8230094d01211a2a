using System.Globalization;
using SafetyNet.Insight.NearRepeat;

namespace SafetyNet.Engines.Tests.Insight;

public class KnoxTestTests
{
    // The Near Repeat Calculator's observed table on the Chicago burglaries (rows: [0,1), [1,100),
    // [100,200), [200,300), [300,∞) metres; columns: [0,7), [7,14), [14,21), [21,∞) days).
    private static readonly long[,] ReferenceObserved =
    {
        { 28, 5, 5, 2 },
        { 44, 13, 8, 4 },
        { 97, 56, 19, 16 },
        { 77, 67, 45, 20 },
        { 182194, 146149, 95237, 45879 },
    };

    private static readonly KnoxSettings CalculatorSettings = new(100, 3, 7, 3, Permutations: 999, Seed: 1);

    internal static SpaceTimeEvent[] Chicago()
    {
        using var reader = new StreamReader(SharedData.Path("nearrepeat", "chicago_be_month1.csv"));
        return NearRepeatEvents.Read(reader);
    }

    [Fact]
    public void Observed_table_matches_the_calculator_cell_for_cell()
    {
        var events = Chicago();
        Assert.Equal(970, events.Length);
        var table = KnoxTest.Run(events, CalculatorSettings);
        for (var r = 0; r < 5; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(ReferenceObserved[r, c], table.Observed(r, c));
            }
        }
        Assert.Equal(970L * 969 / 2, table.TotalPairs);
    }

    [Fact]
    public void Knox_ratios_agree_with_the_calculator_within_Monte_Carlo_error()
    {
        var table = KnoxTest.Run(Chicago(), CalculatorSettings);
        // The calculator ran 19 permutations: its expected values carry a standard error of about
        // √(E/19), so its ratios are uncertain by several per cent; ours (999) far less.
        (int Row, double Ratio, double Expected)[] published = [(0, 1.652, 16.947), (1, 1.685, 26.105), (2, 1.318, 73.579)];
        foreach (var (row, ratio, expected) in published)
        {
            var tolerance = 3 * Math.Sqrt(expected / 19) / expected * ratio;
            Assert.InRange(table.KnoxRatio(row, 0), ratio - tolerance, ratio + tolerance);
        }
        // Close, same-fortnight pairs are the near repeats: significant at the 5 % level.
        Assert.True(table.PValue(0, 0) <= 0.05);
        Assert.True(table.PValue(1, 0) <= 0.05);
        Assert.True(table.PValue(2, 0) <= 0.05);
    }

    [Fact]
    public void Every_cell_agrees_with_the_calculators_verbose_output()
    {
        // The verbose file lists, per cell, the observed count and the counts of its 19 permutations.
        var lines = File.ReadAllLines(SharedData.Path("nearrepeat", "chicago_be_month1_NRverbose_2019-09-23_143005.csv"));
        var table = KnoxTest.Run(Chicago(), CalculatorSettings);
        var cells = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var heading = lines[i].Split(' ');
            if (heading.Length != 4 || heading[0] != "Row" || heading[2] != "Column")
            {
                continue;
            }
            var row = int.Parse(heading[1], CultureInfo.InvariantCulture) - 1;
            var column = int.Parse(heading[3], CultureInfo.InvariantCulture) - 1;
            var permuted = lines[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var observed = long.Parse(lines[i + 3].Split(',')[1].Trim(), CultureInfo.InvariantCulture);
            Assert.Equal(19, permuted.Length);
            Assert.Equal(observed, table.Observed(row, column));
            // Their mean of 19 against ours of 999: allow four standard errors of their mean.
            var mean = permuted.Average();
            var sd = Math.Sqrt(permuted.Sum(v => (v - mean) * (v - mean)) / (permuted.Length - 1));
            var tolerance = 4 * Math.Max(sd, 1) / Math.Sqrt(permuted.Length);
            Assert.InRange(table.Expected(row, column), mean - tolerance, mean + tolerance);
            cells++;
        }
        Assert.Equal(20, cells);
    }

    [Fact]
    public void Expected_counts_sum_to_the_number_of_pairs_and_p_values_follow_the_permutation_rule()
    {
        var table = KnoxTest.Run(Chicago(), CalculatorSettings);
        var sum = 0.0;
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                sum += table.Expected(r, c);
                var p = table.PValue(r, c);
                Assert.InRange(p, 1.0 / 1000, 1.0);
                // p is (k + 1) / 1000 for a whole k.
                Assert.Equal(Math.Round(p * 1000), p * 1000, 6);
            }
        }
        Assert.Equal(469_965, sum, 6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_table()
    {
        var events = Chicago();
        var a = KnoxTest.Run(events, CalculatorSettings with { Permutations = 99 });
        var b = KnoxTest.Run(events, CalculatorSettings with { Permutations = 99 });
        for (var r = 0; r < a.Rows; r++)
        {
            for (var c = 0; c < a.Columns; c++)
            {
                Assert.Equal(a.Expected(r, c), b.Expected(r, c));
                Assert.Equal(a.PValue(r, c), b.PValue(r, c));
            }
        }
    }

    [Fact]
    public void A_small_hand_counted_example_uses_half_open_bands_and_the_metric()
    {
        // A and B share a place 7 days apart; C is 100 m east of A on A's day; D is 60 m east and 80 m
        // north of A (Manhattan 140 m, Euclidean exactly 100 m) on day 21. C–D: Manhattan 120, Euclidean 89.4.
        SpaceTimeEvent[] events =
        [
            new(0, 0, 0),
            new(0, 0, 7),
            new(100, 0, 0),
            new(60, 80, 21),
        ];
        // Rows [0,1), [1,100), [100,200), [200,∞); columns [0,7), [7,14), [14,∞).
        var settings = new KnoxSettings(100, 2, 7, 2, Permutations: 9);
        var manhattan = KnoxTest.Run(events, settings);
        Assert.Equal(1, manhattan.Observed(0, 1)); // A–B
        Assert.Equal(1, manhattan.Observed(2, 0)); // A–C: 100 m belongs to [100,200)
        Assert.Equal(1, manhattan.Observed(2, 1)); // B–C
        Assert.Equal(3, manhattan.Observed(2, 2)); // A–D, B–D, C–D
        Assert.Equal(6, manhattan.TotalPairs);

        var euclidean = KnoxTest.Run(events, settings with { Metric = DistanceMetric.Euclidean });
        Assert.Equal(2, euclidean.Observed(2, 2)); // A–D, B–D at exactly 100 m
        Assert.Equal(1, euclidean.Observed(1, 2)); // C–D at 89.4 m
        Assert.Equal(6, euclidean.TotalPairs);
    }

    [Fact]
    public void Events_read_with_or_without_a_header_and_refuse_bad_dates()
    {
        var withHeader = NearRepeatEvents.Read(new StringReader("x,y,date\n1,2,2021-01-05\n3.5,4,2021-01-06T10:00:00\n"));
        Assert.Equal(2, withHeader.Length);
        Assert.Equal(1, withHeader[1].Day - withHeader[0].Day);
        var error = Assert.Throws<FormatException>(() => NearRepeatEvents.Read(new StringReader("1,2,2021-13-05\n")));
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }
}
