namespace SafetyNet.Insight.Statistics;

/// <summary>A proportion with a two-sided interval, as fractions (0.872, not 87.2).</summary>
public readonly record struct ProportionEstimate(double Proportion, double Lower, double Upper)
{
    /// <summary>Half the interval's width: the "±" figure when the interval is symmetric.</summary>
    public double HalfWidth => (Upper - Lower) / 2;
}

/// <summary>Intervals for a share of a simple random sample.</summary>
public static class Proportion
{
    /// <summary>The normal quantile for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The normal approximation p ± z·√(p(1−p)/n) the inspectorate and the Home Office print, with z = 1.96
    /// as they use it. Not clipped to [0, 1], so that the printed "±" figure is reproduced exactly.
    /// </summary>
    public static ProportionEstimate Normal(long successes, long trials, double z = 1.96)
    {
        Check(successes, trials);
        var p = (double)successes / trials;
        var half = z * Math.Sqrt(p * (1 - p) / trials);
        return new ProportionEstimate(p, p - half, p + half);
    }

    /// <summary>
    /// The Wilson score interval: stays inside [0, 1] and keeps its coverage for small samples and shares
    /// near 0 or 1, where the normal approximation fails; the one to show for a team or an officer.
    /// </summary>
    public static ProportionEstimate Wilson(long successes, long trials, double z = Z95)
    {
        Check(successes, trials);
        return Wilson((double)successes / trials, trials, z);
    }

    /// <summary>
    /// Wilson's interval for a share <paramref name="p"/> estimated with the precision of <paramref name="n"/>
    /// independent trials; <paramref name="n"/> need not be whole (an effective sample size from a complex design).
    /// </summary>
    public static ProportionEstimate Wilson(double p, double n, double z)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(n, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new ProportionEstimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static void Check(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
    }
}
