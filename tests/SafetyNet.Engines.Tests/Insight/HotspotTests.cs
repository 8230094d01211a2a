using SafetyNet.Insight.Hotspots;
using SafetyNet.Insight.PoliceUk;
using Xunit.Abstractions;

namespace SafetyNet.Engines.Tests.Insight;

public class HotspotTests(ITestOutputHelper output)
{
    private static readonly Lazy<(GridEvent[] History, GridEvent[] County, StudyExtent Extent)> Burglaries = new(() =>
    {
        var street = PoliceUkArchiveTests.Hertfordshire2021.Street;
        var extent = HotspotForecast.StudyExtentOf(street);
        var history = HotspotForecast.Events(street, "Burglary", harm: null, extent: extent);
        var inCounty = new List<StreetCrime>();
        foreach (var row in street)
        {
            if (Hertfordshire.Contains(row))
            {
                inCounty.Add(row);
            }
        }
        return (history, HotspotForecast.Events(inCounty.ToArray(), "Burglary", harm: null), extent);
    });

    private static readonly (double, double)[] Offsets = [(0, 0), (0.5, 0), (0, 0.5), (0.5, 0.5)];
    private static readonly double[] Shares = [0.01, 0.05];

    [Fact]
    public void The_prediction_beats_the_naive_baseline_month_after_month()
    {
        var (history, county, extent) = Burglaries.Value;
        var jan = new CalendarMonth(2021, 1).Index;
        // Targets May to December: history from four months up to eleven.
        var targets = Enumerable.Range(jan + 4, 8).ToArray();
        var baseline = HotspotBacktest.Run(history, county, targets, HotspotSettings.NaiveCounts(), Shares, Hertfordshire.AreaKm2, Offsets, extent);
        var method = HotspotBacktest.Run(history, county, targets, new HotspotSettings(), Shares, Hertfordshire.AreaKm2, Offsets, extent);
        // The same with only the last four months of history, as a new force's first forecasts would have.
        var shortBaseline = HotspotBacktest.Run(history, county, targets, HotspotSettings.NaiveCounts() with { HistoryMonths = 4 }, Shares, Hertfordshire.AreaKm2, Offsets, extent);
        var shortMethod = HotspotBacktest.Run(history, county, targets, new HotspotSettings { HistoryMonths = 4 }, Shares, Hertfordshire.AreaKm2, Offsets, extent);

        var totals = new double[4];
        for (var i = 0; i < baseline.Length; i++)
        {
            var b = baseline[i];
            var m = method[i];
            var ratio = m.Hits / b.Hits;
            var shortRatio = shortMethod[i].Hits / shortBaseline[i].Hits;
            output.WriteLine($"{CalendarMonth.FromIndex(b.TargetMonth)} at {b.AreaShare:P0}: {b.Crimes} burglaries; baseline hit {b.HitRate:P1} PAI {b.Pai:F1} PEI {b.Pei:F2}; method hit {m.HitRate:P1} PAI {m.Pai:F1} PEI {m.Pei:F2}; ×{ratio:F2}; four months' history ×{shortRatio:F2}");
            var atOnePercent = b.AreaShare < 0.02;
            if (atOnePercent)
            {
                Assert.True(ratio >= 1.2, $"{CalendarMonth.FromIndex(b.TargetMonth)} at 1 %: ×{ratio:F2}");
                Assert.True(shortRatio >= 1.2, $"{CalendarMonth.FromIndex(b.TargetMonth)} at 1 %, four months: ×{shortRatio:F2}");
            }
            else
            {
                Assert.True(ratio >= 1.0, $"{CalendarMonth.FromIndex(b.TargetMonth)} at 5 %: ×{ratio:F2}");
                Assert.True(shortRatio >= 1.0, $"{CalendarMonth.FromIndex(b.TargetMonth)} at 5 %, four months: ×{shortRatio:F2}");
            }
            var k = atOnePercent ? 0 : 2;
            totals[k] += b.Hits;
            totals[k + 1] += m.Hits;
        }
        output.WriteLine($"all months: ×{totals[1] / totals[0]:F2} at 1 %, ×{totals[3] / totals[2]:F2} at 5 %");
        Assert.True(totals[1] / totals[0] >= 1.3);
    }

    [Fact]
    public void Each_variant_is_recorded_and_the_blend_beats_its_parts()
    {
        var (history, county, extent) = Burglaries.Value;
        var jan = new CalendarMonth(2021, 1).Index;
        var targets = Enumerable.Range(jan + 4, 8).ToArray();
        (string Name, HotspotSettings Settings)[] variants =
        [
            ("grid counts, 250 m", HotspotSettings.NaiveCounts()),
            ("grid counts, 100 m", HotspotSettings.NaiveCounts(100)),
            ("kernel density σ 250 m", HotspotSettings.KernelDensity()),
            ("prospective only (400 m, 2 months)", HotspotSettings.Prospective()),
            ("blend (default)", new HotspotSettings()),
        ];
        var means = new double[variants.Length, 2];
        for (var v = 0; v < variants.Length; v++)
        {
            var results = HotspotBacktest.Run(history, county, targets, variants[v].Settings, Shares, Hertfordshire.AreaKm2, Offsets, extent);
            means[v, 0] = results.Where(r => r.AreaShare < 0.02).Average(r => r.HitRate);
            means[v, 1] = results.Where(r => r.AreaShare > 0.02).Average(r => r.HitRate);
            output.WriteLine($"{variants[v].Name}: {means[v, 0]:P1} at 1 %, {means[v, 1]:P1} at 5 %");
        }
        for (var v = 0; v < variants.Length - 1; v++)
        {
            Assert.True(means[variants.Length - 1, 0] > means[v, 0], variants[v].Name);
        }
    }

    [Fact]
    public void The_baseline_catches_what_the_force_would_expect()
    {
        var (history, county, extent) = Burglaries.Value;
        var jan = new CalendarMonth(2021, 1).Index;
        var baseline = HotspotBacktest.Run(history, county, [jan + 9, jan + 10, jan + 11], HotspotSettings.NaiveCounts(), Shares, Hertfordshire.AreaKm2, Offsets, extent);
        var one = baseline.Where(r => r.AreaShare < 0.02).Average(r => r.HitRate);
        var five = baseline.Where(r => r.AreaShare > 0.02).Average(r => r.HitRate);
        output.WriteLine($"baseline: {one:P1} at 1 %, {five:P1} at 5 %");
        Assert.InRange(one, 0.10, 0.20);
        Assert.InRange(five, 0.35, 0.55);
    }

    [Fact]
    public void A_forecast_covers_exactly_the_area_asked_with_distinct_cells()
    {
        var street = PoliceUkArchiveTests.Hertfordshire2021.Street;
        var prediction = HotspotForecast.Predict(street, "burglary", new CalendarMonth(2021, 10), 16.43);
        Assert.Equal(new CalendarMonth(2021, 11), prediction.Month);
        Assert.Equal(16.43, prediction.AreaKm2, 9);
        Assert.Equal(1643, prediction.Cells.Length);
        Assert.Equal(prediction.Cells.Length, prediction.Cells.Select(c => (c.X, c.Y)).Distinct().Count());
        for (var i = 1; i < prediction.Cells.Length; i++)
        {
            Assert.True(prediction.Cells[i].Score <= prediction.Cells[i - 1].Score);
            Assert.Equal(i + 1, prediction.Cells[i].Rank);
        }
        // An area that is not a whole number of 100 m cells is still met exactly.
        var odd = HotspotForecast.Predict(street, "Burglary", new CalendarMonth(2021, 10), 0.015);
        Assert.Equal(0.015, odd.AreaKm2, 12);
        Assert.Throws<ArgumentException>(() => HotspotForecast.Predict(street, "Burglary", new CalendarMonth(2019, 1), 1));
    }

    [Fact]
    public void Harm_weights_come_from_the_subgroup_table_and_weight_the_all_crime_map()
    {
        using var reader = new StreamReader(SharedData.Path("harm", "cchi_subgroup_weights_2026.csv"));
        var weights = HarmWeights.ReadSubgroupTable(reader);
        // Burglary: (273.5·166,316 + 183.5·78,332) / 244,648 = 244.68 days.
        Assert.Equal(244.68, weights["Burglary"], 2);
        Assert.Equal(365.0, weights["Robbery"], 6);
        Assert.False(weights.ContainsKey(PoliceUkArchive.AntiSocialBehaviour));
        var street = PoliceUkArchiveTests.Hertfordshire2021.Street;
        var events = HotspotForecast.Events(street, HotspotForecast.AllCrime, weights);
        Assert.Contains(events, e => e.Weight == weights["Robbery"]);
        Assert.Contains(events, e => e.Weight == weights["Shoplifting"]);
        var prediction = HotspotForecast.Predict(street, HotspotForecast.AllCrime, new CalendarMonth(2021, 6), 5, harm: weights);
        Assert.Equal(500, prediction.Cells.Length);
    }

    [Fact]
    public void Accuracy_measures_follow_their_definitions()
    {
        var grid = new CellGrid(0, 0, 100, 10, 10);
        // Ten crimes: 4 in cell 0, 3 in cell 1, 2 in cell 2, 1 in cell 3. Predict cells 1 and 5.
        GridEvent[] crimes =
        [
            new(10, 10, 0), new(20, 20, 0), new(30, 30, 0), new(40, 40, 0),
            new(110, 10, 0), new(120, 10, 0), new(130, 10, 0),
            new(210, 10, 0), new(220, 10, 0),
            new(310, 10, 0),
        ];
        var result = HotspotAccuracy.Measure(grid, [1, 5], crimes, studyAreaKm2: 1.0);
        Assert.Equal(3, result.Hits);
        Assert.Equal(0.3, result.HitRate, 12);
        Assert.Equal(0.02, result.AreaShare, 12); // two 0.01 km² cells of 1 km²
        Assert.Equal(15, result.Pai, 9);
        Assert.Equal(7, result.BestPossibleHits); // cells 0 and 1
        Assert.Equal(3.0 / 7, result.Pei, 12);
    }

    [Fact]
    public void Ties_rank_by_cell_number_and_a_zero_bandwidth_kernel_is_a_count()
    {
        Assert.Equal([2, 0, 3], HotspotPredictor.TopCells([1, 0, 5, 1], 3));
        var grid = new CellGrid(0, 0, 250, 4, 4);
        GridEvent[] events = [new(10, 10, 5), new(20, 20, 6), new(600, 600, 6)];
        var scores = HotspotPredictor.Score(events, 7, grid, HotspotSettings.NaiveCounts());
        Assert.Equal(2, scores[0]);
        Assert.Equal(1, scores[2 * 4 + 2]);
        Assert.Equal(3, scores.Sum());
    }
}
