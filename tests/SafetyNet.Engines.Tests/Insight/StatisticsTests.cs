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
        //     = 5.0616541e-5 + 2.8262103e-5 = 7.8878644e-5 → SE 0.0088813.
        // The inspectorate's figure: ± 1.96·SE = 0.0174073. The interval shown is Wilson's on the effective sample size
        // n* = 0.91·0.09/7.8878644e-5 = 1,038.30: z²/n* = 0.0036999, denominator 1.0036999,
        // centre = (0.91 + 3.8416/2,076.61)/1.0036999 = 0.9118499/1.0036999 = 0.9084886,
        // half = 1.96/1.0036999 · √(0.0819/1,038.30 + 3.8416/(4·1,038.30²)) = 1.9527750 · 0.0089314 = 0.0174410 → 0.8910477 to 0.9259296.
        // Unrecorded per year = 100,000 · (1 − 0.91) = 9,000, from 100,000 · (1 − 0.9259296) = 7,407.0 to 100,000 · (1 − 0.8910477) = 10,895.2.
        Stratum[] strata = [new("Violence", 40_000, 400, 340), new("Other", 60_000, 600, 570)];
        var result = StratifiedProportion.Estimate(strata);
        Assert.Equal(0.91, result.Estimate.Proportion, 12);
        Assert.Equal(0.0088813, result.StandardError, 6);
        Assert.Equal(0.0174073, result.NormalHalfWidth, 6);
        Assert.Equal(1_038.30, result.EffectiveSampleSize, 2);
        Assert.Equal(0.8910477, result.Estimate.Lower, 6);
        Assert.Equal(0.9259296, result.Estimate.Upper, 6);
        Assert.Equal(9_000, result.ImpliedFailures, 6);
        Assert.Equal(7_407.0, result.ImpliedFailuresLower, 1);
        Assert.Equal(10_895.2, result.ImpliedFailuresUpper, 1);
        Assert.Equal(1_000, result.Sampled);

        // The same 1,000 reports as a simple random sample: 910 of 1,000 → ±1.774, wider.
        Assert.True(Proportion.Normal(910, 1000).HalfWidth > result.NormalHalfWidth);
        Assert.True(Proportion.Wilson(910, 1000).HalfWidth > result.Estimate.HalfWidth);
    }

    [Fact]
    public void A_stratified_interval_stays_within_0_and_1_where_the_normal_approximation_passes_100_per_cent()
    {
        // Two strata: burglary 300 in the period, 10 audited, all 10 right (1.0); theft 100, 10 audited, 8 right (0.8).
        // W = 0.75, 0.25 → p = 0.75·1 + 0.25·0.8 = 0.95.
        // Var = 0.5625·(1 − 10/300)·1·0/9 + 0.0625·(1 − 10/100)·0.8·0.2/9 = 0 + 0.0625·0.9·0.16/9 = 0.001 → SE 0.0316228.
        // Normal: 0.95 ± 1.96·0.0316228 = 0.95 ± 0.0619806 → 0.8880 to 1.0120, past 100 %.
        // Wilson on the effective sample size n* = p(1−p)/Var = 0.95·0.05/0.001 = 47.5, with z = 1.96 (z² = 3.8416):
        //   z²/n* = 0.0808758, denominator 1.0808758;
        //   centre = (0.95 + 3.8416/95)/1.0808758 = 0.9904379/1.0808758 = 0.9163291;
        //   half = 1.96/1.0808758 · √(0.0475/47.5 + 3.8416/(4·47.5²)) = 1.8133448 · √0.0014257 = 1.8133448 · 0.0377579 = 0.0684681;
        //   → 0.8478609 to 0.9847972.
        Stratum[] strata = [new("Burglary", 300, 10, 10), new("Theft", 100, 10, 8)];
        var result = StratifiedProportion.Estimate(strata);
        Assert.Equal(0.95, result.Estimate.Proportion, 12);
        Assert.Equal(0.0316228, result.StandardError, 6);
        Assert.Equal(0.8478609, result.Estimate.Lower, 6);
        Assert.Equal(0.9847972, result.Estimate.Upper, 6);
        // Unrecorded of the 400: 400·(1 − 0.95) = 20, from 400·(1 − 0.9847972) = 6.0811 to 400·(1 − 0.8478609) = 60.8556.
        Assert.Equal(20, result.ImpliedFailures, 6);
        Assert.Equal(6.0811, result.ImpliedFailuresLower, 3);
        Assert.Equal(60.8556, result.ImpliedFailuresUpper, 3);

        // Every audited crime right in both strata: the normal interval collapses to the point 1. With no variance to
        // go on, the bounded interval is Wilson's for the 20 audited: 20 of 20 → lower = 20/(20 + 3.8416) = 0.8388698, upper 1.
        Stratum[] perfect = [new("Burglary", 300, 10, 10), new("Theft", 100, 10, 10)];
        var all = StratifiedProportion.Estimate(perfect);
        Assert.Equal(1.0, all.Estimate.Proportion, 12);
        Assert.Equal(0.8388698, all.Estimate.Lower, 6);
        Assert.Equal(1.0, all.Estimate.Upper, 12);
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
