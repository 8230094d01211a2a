namespace SafetyNet.Insight.Statistics;

/// <summary>
/// One stratum of an audit sample: <paramref name="Population"/> is the number of cases in the stratum per
/// year (for crime-recording audits, the reports that should have been recorded as crimes), of which
/// <paramref name="Sampled"/> were audited and <paramref name="Successes"/> were right.
/// </summary>
public readonly record struct Stratum(string Name, long Population, long Sampled, long Successes);

/// <summary>
/// The stratified estimate and what it implies for the whole population. <see cref="Estimate"/> carries the interval
/// to show, which stays within [0, 1]; <see cref="NormalHalfWidth"/> is the z·SE the inspectorate prints as "±",
/// whose symmetric interval can pass 0 or 1 when a share is near either.
/// </summary>
public sealed record StratifiedEstimate(
    ProportionEstimate Estimate,
    double StandardError,
    double NormalHalfWidth,
    double EffectiveSampleSize,
    long Population,
    long Sampled,
    double ImpliedFailures,
    double ImpliedFailuresLower,
    double ImpliedFailuresUpper);

/// <summary>
/// The stratified estimator of a proportion for a sample drawn separately within strata (the inspectorate
/// samples crime-recording audits by crime type): p = Σ W·p_h with W = N_h/N, and
/// Var = Σ W²·(1 − n_h/N_h)·p_h(1 − p_h)/(n_h − 1). Strata that differ in their rates make this interval
/// narrower than the simple-random-sample one on the same reports.
/// <para>
/// The interval is Wilson's on the effective sample size n* = p(1 − p)/Var (Kish's: the simple sample with the
/// same precision; Korn and Graubard use it the same way with Clopper–Pearson), so it stays within [0, 1] where
/// p ± z·SE would not. With no variance to go on (every stratum all right or all wrong) n* is the number audited;
/// when every stratum was audited in full the estimate is exact and so is the interval.
/// </para>
/// </summary>
public static class StratifiedProportion
{
    public static StratifiedEstimate Estimate(ReadOnlySpan<Stratum> strata, double z = 1.96)
    {
        if (strata.IsEmpty)
        {
            throw new ArgumentException("At least one stratum is needed.", nameof(strata));
        }
        long population = 0, sampled = 0;
        var census = true;
        foreach (var stratum in strata)
        {
            if (stratum.Sampled < 2 || stratum.Successes < 0 || stratum.Successes > stratum.Sampled || stratum.Population < stratum.Sampled)
            {
                throw new ArgumentException($"Stratum '{stratum.Name}' needs 2 ≤ sampled ≤ population and 0 ≤ successes ≤ sampled.", nameof(strata));
            }
            population += stratum.Population;
            sampled += stratum.Sampled;
            census &= stratum.Sampled == stratum.Population;
        }
        double p = 0, variance = 0;
        foreach (var stratum in strata)
        {
            var weight = (double)stratum.Population / population;
            var ph = (double)stratum.Successes / stratum.Sampled;
            var finite = 1 - (double)stratum.Sampled / stratum.Population;
            p += weight * ph;
            variance += weight * weight * finite * ph * (1 - ph) / (stratum.Sampled - 1);
        }
        // Rounding can put a sum of shares a hair outside [0, 1].
        p = Math.Clamp(p, 0, 1);
        var se = Math.Sqrt(variance);
        double effective;
        ProportionEstimate estimate;
        if (census)
        {
            effective = double.PositiveInfinity;
            estimate = new ProportionEstimate(p, p, p);
        }
        else
        {
            effective = variance > 0 ? p * (1 - p) / variance : sampled;
            estimate = Proportion.Wilson(p, effective, z);
        }
        return new StratifiedEstimate(
            estimate,
            se,
            z * se,
            effective,
            population,
            sampled,
            population * (1 - p),
            population * (1 - estimate.Upper),
            population * (1 - estimate.Lower));
    }
}
