using SafetyNet.Insight.Statistics;

namespace SafetyNet.Engines.Tests.Insight;

public class StatisticsTests
{
    [Fact]
    public void The_normal_interval_reproduces_the_inspectorates_figures()
    {
        var recording = Proportion.Normal(1060, 1215);
        Assert.Equal(87.2, Math.Round(recording.Proportion * 100, 1));
        Assert.Equal(1.88, Math.Round(recording.HalfWidth * 100, 2));

        var satisfaction = Proportion.Normal(2008, 2261);
        Assert.Equal(88.8, Math.Round(satisfaction.Proportion * 100, 1));
        Assert.Equal(1.3, Math.Round(satisfaction.HalfWidth * 100, 1));
    }

    [Fact]
    public void Wilson_is_close_to_normal_for_large_samples_and_stays_inside_0_1_for_small_ones()
    {
        var large = Proportion.Wilson(1060, 1215);
        Assert.InRange(large.Lower, 0.852, 0.854);
        Assert.InRange(large.Upper, 0.890, 0.892);

        // 10 of 10: the normal interval collapses to a point; Wilson gives [0.722, 1].
        var all = Proportion.Wilson(10, 10);
        Assert.Equal(0.7225, all.Lower, 3);
        Assert.Equal(1.0, all.Upper, 12);
        Assert.Equal(0.0, Proportion.Normal(10, 10).HalfWidth);
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Wilson(3, 2));
    }

    [Fact]
    public void The_stratified_estimator_matches_hand_arithmetic()
    {
        // Two strata: violence 40,000 crimes a year, 400 audited, 340 right (0.85);
        //              other   60,000 crimes a year, 600 audited, 570 right (0.95).
        // W = 0.4, 0.6 → p = 0.4·0.85 + 0.6·0.95 = 0.91.
        // Var = 0.16·(1 − 0.01)·0.85·0.15/399 + 0.36·(1 − 0.01)·0.95·0.05/599
        //     = 0.16·0.99·0.1275/399 + 0.36·0.99·0.0475/599
        //     = 5.0616541e-5 + 2.8262103e-5 = 7.8878644e-5 → SE 0.0088813, ±1.96·SE = 0.0174073.
        // Unrecorded per year = 100,000 · (1 − 0.91) = 9,000 ± 1,740.7.
        Stratum[] strata = [new("Violence", 40_000, 400, 340), new("Other", 60_000, 600, 570)];
        var result = StratifiedProportion.Estimate(strata);
        Assert.Equal(0.91, result.Estimate.Proportion, 12);
        Assert.Equal(0.0088813, result.StandardError, 6);
        Assert.Equal(0.0174073, result.Estimate.HalfWidth, 6);
        Assert.Equal(9_000, result.ImpliedFailures, 6);
        Assert.Equal(9_000 - 1_740.73, result.ImpliedFailuresLower, 1);
        Assert.Equal(9_000 + 1_740.73, result.ImpliedFailuresUpper, 1);
        Assert.Equal(1_000, result.Sampled);

        // The same 1,000 reports as a simple random sample: 910 of 1,000 → ±1.774, wider.
        Assert.True(Proportion.Normal(910, 1000).HalfWidth > result.Estimate.HalfWidth);
    }

    [Fact]
    public void Rates_per_thousand_and_change_against_a_baseline()
    {
        // Hertfordshire, 12 months to June 2014: 46.3 crimes per 1,000 on 1,116,062 residents ≈ 51,674 crimes.
        Assert.Equal(46.3, Math.Round(Rates.PerThousand(51_674, 1_116_062), 1));
        var change = Rates.Compare(900, 100_000, 1_000, 100_000);
        Assert.Equal(9.0, change.Current, 12);
        Assert.Equal(10.0, change.Previous, 12);
        Assert.Equal(-1.0, change.Change, 12);
        Assert.Equal(-0.1, change.RelativeChange, 12);
        Assert.Equal(12.0, Rates.PerThousandPerYear(600, 100_000, 6), 12);
        Assert.True(double.IsNaN(Rates.Compare(5, 1000, 0, 1000).RelativeChange));
        var rates = new double[2];
        Rates.PerThousand([10, 3], [2_000, 0], rates);
        Assert.Equal(5.0, rates[0]);
        Assert.True(double.IsNaN(rates[1]));
    }
}
