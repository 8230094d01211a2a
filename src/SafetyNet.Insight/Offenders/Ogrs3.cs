using System.Numerics;

namespace SafetyNet.Insight.Offenders;

public enum Sex
{
    Male,
    Female,
}

/// <summary>OGRS3 offence categories of the current conviction.</summary>
public enum Ogrs3Offence
{
    Violence,
    Robbery,
    BurglaryDwelling,
    BurglaryOther,
    TheftNonMotor,
    TheftFromVehicle,
    VehicleRelatedTheft,
    Handling,
    FraudForgery,
    CriminalDamage,
    PublicOrderHarassment,
    DrugPossessionSupply,
    DrugImportProduction,
    SexualChild,
    SexualOther,
    DrinkDriving,
    Motoring,
    AbscondingBail,
    Other,
}

public enum Ogrs3Band
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>Proven reoffending probabilities within one and two years, as exact doubles and as the published whole percentages.</summary>
public sealed record Ogrs3Result(double OneYear, double TwoYear, int OneYearPercent, int TwoYearPercent, Ogrs3Band Band);

/// <summary>
/// The Offender Group Reconviction Scale v3, as the Ministry of Justice's actuarial service computes it, including
/// its rounding: each probability rounded half-up to 5 decimals on the double's exact binary value, then ×100
/// rounded half-up to a whole percent on the exact value of that 5-decimal double, held between 1 and 99.
/// </summary>
public static class Ogrs3
{
    // Age bands at the start of follow-up: 10–11, 12–13, 14–15, 16–17, 18–20, 21–24, 25–29, 30–34, 35–39, 40–49, 50+.
    private static readonly int[] BandStarts = [10, 12, 14, 16, 18, 21, 25, 30, 35, 40, 50];
    private static readonly double[] Male = [0, 0.08392, 0.07578, -0.0616, -0.6251, -1.0515, -1.1667, -1.326, -1.368, -1.4997, -2.0253];
    private static readonly double[] Female = [0.785, 0.61385, 0.66952, -0.9592, -0.8975, -1.0285, -1.0528, -1.1291, -1.4219, -1.5247, -2.4498];

    public static double OffenceWeight(Ogrs3Offence offence) => offence switch
    {
        Ogrs3Offence.Violence => 0,
        Ogrs3Offence.Robbery => -0.6348,
        Ogrs3Offence.BurglaryDwelling => -0.1239,
        Ogrs3Offence.BurglaryOther => 0.2406,
        Ogrs3Offence.TheftNonMotor => 0.6612,
        Ogrs3Offence.TheftFromVehicle => 0.4272,
        Ogrs3Offence.VehicleRelatedTheft => 0.3801,
        Ogrs3Offence.Handling => 0.3519,
        Ogrs3Offence.FraudForgery => 0.1599,
        Ogrs3Offence.CriminalDamage => 0.205,
        Ogrs3Offence.PublicOrderHarassment => 0.1819,
        Ogrs3Offence.DrugPossessionSupply => 0.0772,
        Ogrs3Offence.DrugImportProduction => -0.7956,
        Ogrs3Offence.SexualChild => -0.6534,
        Ogrs3Offence.SexualOther => 0.0328,
        Ogrs3Offence.DrinkDriving => -0.1214,
        Ogrs3Offence.Motoring => 0.2622,
        Ogrs3Offence.AbscondingBail => 0.7334,
        Ogrs3Offence.Other => -0.0607,
        _ => throw new ArgumentOutOfRangeException(nameof(offence)),
    };

    /// <summary>From dates: ages are completed years at the conviction and at the start of follow-up.</summary>
    /// <exception cref="ArgumentException">A date on or before birth, a conviction before age 10, a first sanction after the conviction, or no sanctions.</exception>
    public static Ogrs3Result Score(Sex sex, DateOnly dateOfBirth, DateOnly convictionDate, DateOnly followUpStart, int ageAtFirstSanction, int totalSanctions, Ogrs3Offence offence)
    {
        if (convictionDate <= dateOfBirth || followUpStart <= dateOfBirth)
        {
            throw new ArgumentException("The conviction and the start of follow-up must fall after the date of birth.");
        }
        return Score(sex, CompletedYears(dateOfBirth, followUpStart), CompletedYears(dateOfBirth, convictionDate), ageAtFirstSanction, totalSanctions, offence);
    }

    /// <param name="totalSanctions">All sanctions including the current one.</param>
    public static Ogrs3Result Score(Sex sex, int ageAtFollowUp, int ageAtConviction, int ageAtFirstSanction, int totalSanctions, Ogrs3Offence offence)
    {
        if (ageAtConviction < 10)
        {
            throw new ArgumentException("OGRS3 does not score a conviction before the age of 10.");
        }
        if (ageAtFirstSanction > ageAtConviction)
        {
            throw new ArgumentException("The first sanction cannot come after the current conviction.");
        }
        if (ageAtFirstSanction < 0 || totalSanctions < 1)
        {
            throw new ArgumentException("There must be at least one sanction (the current one) and a first-sanction age.");
        }
        if (ageAtFollowUp < ageAtConviction)
        {
            throw new ArgumentException("Follow-up cannot start before the conviction.");
        }
        var band = BandStarts.Length - 1;
        while (ageAtFollowUp < BandStarts[band])
        {
            band--;
        }
        var ageSex = (sex == Sex.Male ? Male : Female)[band];
        var copas = Math.Log((1.0 + (totalSanctions - 1)) / (10.0 + ageAtConviction - ageAtFirstSanction));
        var x = ageSex + (totalSanctions == 1 ? 0.12614 : 0.46306) + 1.25112 * copas + OffenceWeight(offence);
        var oneYear = Logistic(1.40256 + x);
        var twoYear = Logistic(2.1217 + x);
        var twoYearPercent = PublishedPercent(twoYear);
        return new Ogrs3Result(oneYear, twoYear, PublishedPercent(oneYear), twoYearPercent, twoYearPercent switch
        {
            < 50 => Ogrs3Band.Low,
            < 75 => Ogrs3Band.Medium,
            < 90 => Ogrs3Band.High,
            _ => Ogrs3Band.VeryHigh,
        });
    }

    private static double Logistic(double y) => Math.Exp(y) / (1 + Math.Exp(y));

    /// <summary>The published whole percentage: two half-up roundings, each on a double's exact binary value.</summary>
    public static int PublishedPercent(double probability)
    {
        var fiveDecimals = (double)RoundHalfUpExact(probability, 5) / 100_000;
        var percent = (int)RoundHalfUpExact(fiveDecimals, 2);
        return Math.Clamp(percent, 1, 99);
    }

    /// <summary>round(x·10^decimals) half-up, computed on the exact value of the double x ≥ 0.</summary>
    public static BigInteger RoundHalfUpExact(double x, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }
        // x = mantissa · 2^(exponent − 1075)
        var shift = exponent - 1075;
        var numerator = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        if (shift >= 0)
        {
            return numerator << shift;
        }
        var denominator = BigInteger.One << -shift;
        var whole = BigInteger.DivRem(numerator, denominator, out var remainder);
        return remainder * 2 >= denominator ? whole + 1 : whole;
    }

    private static int CompletedYears(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        if (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day))
        {
            years--;
        }
        return years;
    }
}
