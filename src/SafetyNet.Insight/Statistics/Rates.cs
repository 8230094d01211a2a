namespace SafetyNet.Insight.Statistics;

/// <summary>A rate per 1,000 of a denominator (residents, or households for burglary in a dwelling) against a previous period.</summary>
public readonly record struct RateComparison(double Current, double Previous)
{
    /// <summary>Difference in rate points per 1,000.</summary>
    public double Change => Current - Previous;

    /// <summary>Relative change as a fraction (−0.1 for a 10 % fall); NaN when the previous rate was zero.</summary>
    public double RelativeChange => Previous == 0 ? double.NaN : (Current - Previous) / Previous;
}

public static class Rates
{
    public static double PerThousand(double count, double denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count * 1000 / denominator;
    }

    /// <summary>
    /// Periods of unequal length are put on a yearly footing (count × 12 ÷ months), so a 6-month period can be
    /// set against a 12-month baseline.
    /// </summary>
    public static double PerThousandPerYear(double count, double denominator, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        return PerThousand(count * 12.0 / months, denominator);
    }

    public static RateComparison Compare(double currentCount, double currentDenominator, double previousCount, double previousDenominator) =>
        new(PerThousand(currentCount, currentDenominator), PerThousand(previousCount, previousDenominator));

    /// <summary>Rates for many areas at once (each count over its own denominator), written into <paramref name="rates"/>.</summary>
    public static void PerThousand(ReadOnlySpan<double> counts, ReadOnlySpan<double> denominators, Span<double> rates)
    {
        if (counts.Length != denominators.Length || rates.Length < counts.Length)
        {
            throw new ArgumentException("Counts, denominators and rates must have the same length.");
        }
        for (var i = 0; i < counts.Length; i++)
        {
            rates[i] = denominators[i] > 0 ? counts[i] * 1000 / denominators[i] : double.NaN;
        }
    }
}
