namespace SafetyNet.Insight.Offenders;

public enum Sex : byte
{
    Male,
    Female,
}

/// <summary>The three static predictors of the Ministry of Justice's actuarial service.</summary>
public enum ReoffendingPredictor : byte
{
    /// <summary>All Reoffending Predictor: any proven reoffence within two years.</summary>
    Arp,

    /// <summary>Violent Reoffending Predictor: a violent proven reoffence within two years.</summary>
    Vrp,

    /// <summary>Serious Violent Reoffending Predictor: a serious violent proven reoffence within two years.</summary>
    Svrp,
}

public enum RiskBand : byte
{
    Low,
    Medium,
    High,
    VeryHigh,
}

/// <summary>
/// The criminal-history facts the static predictors need. <see cref="FollowUpStart"/> is normally the release or
/// community start date; when absent the conviction date stands in for it. <see cref="ViolentSanctions"/> is read by
/// the VRP and SVRP only. Sanctions count the current one.
/// </summary>
public readonly record struct StaticRiskFactors(
    Sex Sex,
    DateOnly DateOfBirth,
    DateOnly AssessmentDate,
    DateOnly ConvictionDate,
    DateOnly? FollowUpStart,
    ActuarialCategory Offence,
    int TotalSanctions,
    int ViolentSanctions,
    int AgeAtFirstSanction);

/// <summary>
/// The quantities the predictors derive from the dates: ages in completed years, the gap from the first sanction to
/// the current one in years, and the offence-free months since the start of follow-up (0 to 36).
/// </summary>
public readonly record struct DerivedRiskFactors(int AgeAtFollowUp, int AgeAtConviction, int Gap, int OffenceFreeMonths);

/// <summary>Why the Ministry's service returns no score; a case may have several reasons at once.</summary>
[Flags]
public enum PredictorRefusals : ushort
{
    None = 0,

    /// <summary>Total sanctions outside 1–999.</summary>
    TotalSanctionsOutOfRange = 1 << 0,

    /// <summary>Violent sanctions below 0 or above the total (VRP and SVRP).</summary>
    ViolentSanctionsOutOfRange = 1 << 1,

    /// <summary>The offence code is not in the map, or the map gives UNKNOWN.</summary>
    OffenceWithoutCategory = 1 << 2,

    /// <summary>Age at first sanction outside 0–109.</summary>
    AgeAtFirstSanctionOutOfRange = 1 << 3,

    /// <summary>The conviction date is on or before the date of birth.</summary>
    ConvictionNotAfterBirth = 1 << 4,

    /// <summary>The age at the current conviction is less than the age at first sanction.</summary>
    FirstSanctionAfterConviction = 1 << 5,

    /// <summary>The conviction date is more than three months after the assessment date.</summary>
    ConvictionTooFarAfterAssessment = 1 << 6,

    /// <summary>A follow-up start on or before the date of birth (ARP and VRP, only when the date is given).</summary>
    FollowUpNotAfterBirth = 1 << 7,

    /// <summary>An age of 110 or more at a given follow-up start (ARP and VRP, only when the date is given).</summary>
    FollowUpAgeTooHigh = 1 << 8,

    /// <summary>The ARP or VRP rounds to 0.00 %, which the service treats as no score (the SVRP's 0.00 is LOW).</summary>
    RoundsToZero = 1 << 9,
}

/// <summary>
/// One predictor's result: the percentage rounded half-up to two decimals, held as whole hundredths of a percent
/// (0 to 9999, so 1366 is 13.66 %), and the band taken from that rounded value; or the reasons for no score.
/// </summary>
public readonly record struct PredictorScore(PredictorRefusals Refusals, int Hundredths, RiskBand Band)
{
    public bool Scored => Refusals == PredictorRefusals.None;

    public double Percent => Hundredths / 100.0;
}

/// <summary>The three static predictors of one case.</summary>
public readonly record struct StaticPredictions(PredictorScore Arp, PredictorScore Vrp, PredictorScore Svrp)
{
    public PredictorScore this[ReoffendingPredictor predictor] => predictor switch
    {
        ReoffendingPredictor.Arp => Arp,
        ReoffendingPredictor.Vrp => Vrp,
        _ => Svrp,
    };

    public PredictorRefusals AllRefusals => Arp.Refusals | Vrp.Refusals | Svrp.Refusals;
}

/// <summary>The terms of a predictor's linear score, in the order the Ministry's note lists them.</summary>
public enum PredictorTerm
{
    Intercept,
    Age,
    Female,
    Offence,
    FirstSanction,
    SecondSanction,
    Sanctions,
    Gap,
    OffenceFreeMonths,
    Copas,
    CopasSquared,
    NeverViolent,
    OnceViolent,
    ViolentSanctions,
    ViolentRate,
}
