using System.Globalization;
using System.Text;

namespace SafetyNet.Insight.Offenders;

/// <summary>
/// The Ministry of Justice's static reoffending predictors (ARP, VRP, SVRP) as its risk-actuarial service computes
/// them: every coefficient, the age and offence-free-time polynomials, the copas and violent rates, the percentage
/// rounded half-up to two decimals and held within 0.0 and 99.99, the bands from the rounded value, and exactly the
/// service's refusals. Plain double arithmetic: the two-decimal outputs do not depend on the service's 34-digit
/// decimals. Scoring a case allocates nothing.
/// </summary>
public static class StaticReoffendingPredictors
{
    public const int TermCount = (int)PredictorTerm.ViolentRate + 1;

    /// <summary>Scores all three predictors of one case.</summary>
    public static StaticPredictions Score(in StaticRiskFactors factors)
    {
        var common = CommonRefusals(factors, out var derived);
        var followUp = FollowUpRefusals(factors, derived);
        var violent = factors.ViolentSanctions < 0 || factors.ViolentSanctions > factors.TotalSanctions ? PredictorRefusals.ViolentSanctionsOutOfRange : PredictorRefusals.None;
        return new StaticPredictions(
            Score(Model.Arp, factors, derived, common | followUp),
            Score(Model.Vrp, factors, derived, common | followUp | violent),
            Score(Model.Svrp, factors, derived, common | violent));
    }

    /// <summary>Scores one predictor of one case.</summary>
    public static PredictorScore Score(ReoffendingPredictor predictor, in StaticRiskFactors factors) => Score(factors)[predictor];

    /// <summary>What the service refuses for this predictor and case, before any score is computed.</summary>
    public static PredictorRefusals Refusals(ReoffendingPredictor predictor, in StaticRiskFactors factors)
    {
        var refusals = CommonRefusals(factors, out var derived);
        if (predictor is ReoffendingPredictor.Arp or ReoffendingPredictor.Vrp)
        {
            refusals |= FollowUpRefusals(factors, derived);
        }
        if (predictor is ReoffendingPredictor.Vrp or ReoffendingPredictor.Svrp && (factors.ViolentSanctions < 0 || factors.ViolentSanctions > factors.TotalSanctions))
        {
            refusals |= PredictorRefusals.ViolentSanctionsOutOfRange;
        }
        return refusals;
    }

    /// <summary>The ages, gap and offence-free months the predictors use.</summary>
    public static DerivedRiskFactors Derive(in StaticRiskFactors factors)
    {
        var followUp = factors.FollowUpStart ?? factors.ConvictionDate;
        var atConviction = CompletedYears(factors.DateOfBirth, factors.ConvictionDate);
        return new DerivedRiskFactors(
            CompletedYears(factors.DateOfBirth, followUp),
            atConviction,
            atConviction - factors.AgeAtFirstSanction,
            OffenceFreeMonths(followUp, factors.AssessmentDate));
    }

    /// <summary>
    /// Writes each term of the predictor's linear score into <paramref name="terms"/> (indexed by
    /// <see cref="PredictorTerm"/>, 0 where a term does not apply) and returns their sum. Meaningful only for a case
    /// the predictor does not refuse.
    /// </summary>
    public static double Terms(ReoffendingPredictor predictor, in StaticRiskFactors factors, Span<double> terms) =>
        Terms(Model.For(predictor), factors, Derive(factors), terms);

    /// <summary>The probability eˣ / (1 + eˣ) of a linear score.</summary>
    public static double Probability(double linearScore)
    {
        // eˣ overflows above about 709; the probability is 1 to double precision long before that.
        if (linearScore > 40)
        {
            return 1;
        }
        var e = Math.Exp(linearScore);
        return e / (1 + e);
    }

    /// <summary>
    /// The percentage rounded half-up to two decimals, as whole hundredths. Half-up is decided on the decimal that the
    /// double stands for (its shortest round-trip form), so 0.995 gives 1.00 as the service's exact decimals do.
    /// </summary>
    public static int RoundHalfUpToHundredths(double percent)
    {
        var scaled = percent * 100;
        var floor = Math.Floor(scaled);
        var fraction = scaled - floor;
        if (Math.Abs(fraction - 0.5) > 1e-6)
        {
            return (int)floor + (fraction > 0.5 ? 1 : 0);
        }
        // Near a half, the product above may have rounded either way: read the shortest decimal that gives back this
        // double, and round up when its third decimal is 5 or more.
        Span<char> text = stackalloc char[32];
        if (!percent.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture) || text[..written].IndexOfAny('E', '-') >= 0)
        {
            return (int)floor + (fraction >= 0.5 ? 1 : 0);
        }
        var digits = text[..written];
        var point = digits.IndexOf('.');
        if (point < 0)
        {
            return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * 100;
        }
        var decimals = digits[(point + 1)..];
        var hundredths = int.Parse(digits[..point], NumberStyles.None, CultureInfo.InvariantCulture) * 100
            + (decimals[0] - '0') * 10 + (decimals.Length > 1 ? decimals[1] - '0' : 0);
        return decimals.Length > 2 && decimals[2] >= '5' ? hundredths + 1 : hundredths;
    }

    /// <summary>The band of a rounded percentage (in hundredths).</summary>
    public static RiskBand Band(ReoffendingPredictor predictor, int hundredths) => Band(Model.For(predictor), hundredths);

    /// <summary>
    /// Whole years from <paramref name="birth"/> to <paramref name="on"/>. A birthday counts once its day of the month
    /// is reached, so someone born on 29 February is a year older on 1 March in a year without one.
    /// </summary>
    public static int CompletedYears(DateOnly birth, DateOnly on) => WholeMonths(birth, on) / 12;

    /// <summary>
    /// Whole calendar months from <paramref name="from"/> to <paramref name="to"/>; a month counts once its day of the
    /// month is reached (31 January to 28 February is 0). Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        from.Deconstruct(out var fy, out var fm, out var fd);
        to.Deconstruct(out var ty, out var tm, out var td);
        var months = (ty * 12 + tm) - (fy * 12 + fm);
        if (months > 0 && td < fd)
        {
            months--;
        }
        else if (months < 0 && td > fd)
        {
            months++;
        }
        return months;
    }

    /// <summary>Offence-free months from the start of follow-up to the assessment: whole months, at most 36, 0 before follow-up.</summary>
    public static int OffenceFreeMonths(DateOnly followUpStart, DateOnly assessment) =>
        assessment < followUpStart ? 0 : Math.Min(36, WholeMonths(followUpStart, assessment));

    /// <summary>
    /// Says why a predictor gave no score, in words, one clause per reason. Reasons that apply to only some of the
    /// three predictors name them. <paramref name="offenceCode"/>, when given, names the code in the offence reason.
    /// </summary>
    public static string Explain(in StaticPredictions predictions, in StaticRiskFactors factors, string? offenceCode = null)
    {
        var all = predictions.AllRefusals;
        if (all == PredictorRefusals.None)
        {
            return "";
        }
        var derived = Derive(factors);
        var text = new StringBuilder();
        for (var flag = (ushort)1; flag != 0 && flag <= (ushort)all; flag <<= 1)
        {
            var refusal = (PredictorRefusals)flag;
            if ((all & refusal) == 0)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append("; ");
            }
            var arp = (predictions.Arp.Refusals & refusal) != 0;
            var vrp = (predictions.Vrp.Refusals & refusal) != 0;
            var svrp = (predictions.Svrp.Refusals & refusal) != 0;
            if (!(arp && vrp && svrp))
            {
                text.AppendJoin(" and ", new[] { arp ? "ARP" : null, vrp ? "VRP" : null, svrp ? "SVRP" : null }.Where(n => n is not null)).Append(": ");
            }
            text.Append(Describe(refusal, factors, derived, offenceCode));
        }
        return text.ToString();
    }

    private static string Describe(PredictorRefusals refusal, in StaticRiskFactors f, DerivedRiskFactors d, string? offenceCode) => refusal switch
    {
        PredictorRefusals.TotalSanctionsOutOfRange => string.Create(CultureInfo.InvariantCulture, $"total sanctions must be from 1 to 999 (given {f.TotalSanctions})"),
        PredictorRefusals.ViolentSanctionsOutOfRange => string.Create(CultureInfo.InvariantCulture, $"violent sanctions must be from 0 to the total sanctions (given {f.ViolentSanctions} of {f.TotalSanctions})"),
        PredictorRefusals.OffenceWithoutCategory => offenceCode is null
            ? "the offence has no actuarial category"
            : $"offence code {offenceCode} has no actuarial category in the Ministry's offence map",
        PredictorRefusals.AgeAtFirstSanctionOutOfRange => string.Create(CultureInfo.InvariantCulture, $"age at first sanction must be from 0 to 109 (given {f.AgeAtFirstSanction})"),
        PredictorRefusals.ConvictionNotAfterBirth => "the conviction date must be after the date of birth",
        PredictorRefusals.FirstSanctionAfterConviction => string.Create(CultureInfo.InvariantCulture, $"age at first sanction ({f.AgeAtFirstSanction}) is more than the age at the conviction ({d.AgeAtConviction})"),
        PredictorRefusals.ConvictionTooFarAfterAssessment => "the conviction date is more than 3 months after the assessment date",
        PredictorRefusals.FollowUpNotAfterBirth => "the follow-up start must be after the date of birth",
        PredictorRefusals.FollowUpAgeTooHigh => string.Create(CultureInfo.InvariantCulture, $"age at the start of follow-up must be under 110 (it is {d.AgeAtFollowUp})"),
        PredictorRefusals.RoundsToZero => "the percentage rounds to 0.00, which the Ministry's service returns as no score",
        _ => refusal.ToString(),
    };

    private static PredictorRefusals CommonRefusals(in StaticRiskFactors f, out DerivedRiskFactors derived)
    {
        var refusals = PredictorRefusals.None;
        if (f.TotalSanctions is < 1 or > 999)
        {
            refusals |= PredictorRefusals.TotalSanctionsOutOfRange;
        }
        if (f.Offence == ActuarialCategory.Unknown || (uint)f.Offence >= ActuarialCategories.Count)
        {
            refusals |= PredictorRefusals.OffenceWithoutCategory;
        }
        if (f.AgeAtFirstSanction is < 0 or > 109)
        {
            refusals |= PredictorRefusals.AgeAtFirstSanctionOutOfRange;
        }
        derived = Derive(f);
        if (f.ConvictionDate <= f.DateOfBirth)
        {
            refusals |= PredictorRefusals.ConvictionNotAfterBirth;
        }
        else if (derived.AgeAtConviction < f.AgeAtFirstSanction)
        {
            refusals |= PredictorRefusals.FirstSanctionAfterConviction;
        }
        if (f.ConvictionDate.AddMonths(-3) > f.AssessmentDate)
        {
            refusals |= PredictorRefusals.ConvictionTooFarAfterAssessment;
        }
        return refusals;
    }

    private static PredictorRefusals FollowUpRefusals(in StaticRiskFactors f, DerivedRiskFactors derived)
    {
        if (f.FollowUpStart is not { } followUp)
        {
            return PredictorRefusals.None;
        }
        if (followUp <= f.DateOfBirth)
        {
            return PredictorRefusals.FollowUpNotAfterBirth;
        }
        return derived.AgeAtFollowUp >= 110 ? PredictorRefusals.FollowUpAgeTooHigh : PredictorRefusals.None;
    }

    private static PredictorScore Score(Model model, in StaticRiskFactors factors, DerivedRiskFactors derived, PredictorRefusals refusals)
    {
        if (refusals != PredictorRefusals.None)
        {
            return new PredictorScore(refusals, 0, RiskBand.Low);
        }
        Span<double> terms = stackalloc double[TermCount];
        var x = Terms(model, factors, derived, terms);
        var hundredths = RoundHalfUpToHundredths(Probability(x) * 100);
        if (hundredths <= 0)
        {
            // The service returns 0.0: an error for the ARP and VRP, LOW for the SVRP.
            return model.ZeroIsScore ? new PredictorScore(PredictorRefusals.None, 0, RiskBand.Low) : new PredictorScore(PredictorRefusals.RoundsToZero, 0, RiskBand.Low);
        }
        hundredths = Math.Min(hundredths, 9999);
        return new PredictorScore(PredictorRefusals.None, hundredths, Band(model, hundredths));
    }

    private static RiskBand Band(Model model, int hundredths) =>
        hundredths < model.MediumFrom ? RiskBand.Low
        : hundredths < model.HighFrom ? RiskBand.Medium
        : hundredths < model.VeryHighFrom ? RiskBand.High
        : RiskBand.VeryHigh;

    private static double Terms(Model m, in StaticRiskFactors f, DerivedRiskFactors d, Span<double> terms)
    {
        // A plain loop, not Span.Clear: its wide vector stores made the Math.Log and Math.Exp after it (native code)
        // several times slower, and the whole score about three times slower (bench/README.md).
        for (var i = 0; i < TermCount; i++)
        {
            terms[i] = 0;
        }
        var female = f.Sex == Sex.Female;
        var n = f.TotalSanctions;
        var v = f.ViolentSanctions;

        terms[(int)PredictorTerm.Intercept] = m.Intercept;
        terms[(int)PredictorTerm.Age] = Polynomial(female ? m.AgeFemale : m.AgeMale, d.AgeAtFollowUp);
        terms[(int)PredictorTerm.Female] = female ? m.Female : 0;
        terms[(int)PredictorTerm.Offence] = m.Offence[(int)f.Offence];
        terms[(int)PredictorTerm.FirstSanction] = n == 1 ? m.FirstSanction : 0;
        terms[(int)PredictorTerm.SecondSanction] = n == 2 ? m.SecondSanction : 0;
        terms[(int)PredictorTerm.Sanctions] = n * m.PerSanction;
        terms[(int)PredictorTerm.Gap] = n == 2 ? d.Gap * (female ? m.GapFemale : m.GapMale) : 0;
        terms[(int)PredictorTerm.OffenceFreeMonths] = Polynomial(m.Months, d.OffenceFreeMonths);
        if (n >= 3)
        {
            var rate = Math.Log((double)n / (d.Gap + m.CareerYears));
            terms[(int)PredictorTerm.Copas] = rate * (female ? m.CopasFemale : m.CopasMale);
            terms[(int)PredictorTerm.CopasSquared] = rate * rate * (female ? m.CopasSquaredFemale : m.CopasSquaredMale);
        }
        if (m.WeighsViolence)
        {
            terms[(int)PredictorTerm.NeverViolent] = v == 0 ? (female ? m.NeverViolentFemale : m.NeverViolentMale) : 0;
            terms[(int)PredictorTerm.OnceViolent] = v == 1 ? m.OnceViolent : 0;
            if (v > 0)
            {
                terms[(int)PredictorTerm.ViolentSanctions] = v * m.PerViolentSanction;
                terms[(int)PredictorTerm.ViolentRate] = Math.Log((double)v / (d.Gap + 30)) * m.ViolentRate;
            }
        }
        var x = 0.0;
        for (var i = 0; i < TermCount; i++)
        {
            x += terms[i];
        }
        return x;
    }

    // c₁·a + c₂·a² + c₃·a³ + c₄·a⁴: the powers of a whole number are exact in a double.
    private static double Polynomial(double[] c, int value)
    {
        double a = value;
        var a2 = a * a;
        return c[0] * a + c[1] * a2 + c[2] * (a2 * a) + c[3] * (a2 * a2);
    }

    /// <summary>One predictor's coefficients and band thresholds (in hundredths of a percent).</summary>
    private sealed class Model
    {
        public required double Intercept { get; init; }
        public required double[] AgeMale { get; init; }
        public required double[] AgeFemale { get; init; }
        public required double Female { get; init; }
        public required double[] Offence { get; init; }
        public required double FirstSanction { get; init; }
        public required double SecondSanction { get; init; }
        public required double PerSanction { get; init; }
        public required double GapMale { get; init; }
        public required double GapFemale { get; init; }
        public required double[] Months { get; init; }
        public required int CareerYears { get; init; }
        public required double CopasMale { get; init; }
        public required double CopasFemale { get; init; }
        public double CopasSquaredMale { get; init; }
        public double CopasSquaredFemale { get; init; }
        public bool WeighsViolence { get; init; }
        public double NeverViolentMale { get; init; }
        public double NeverViolentFemale { get; init; }
        public double OnceViolent { get; init; }
        public double PerViolentSanction { get; init; }
        public double ViolentRate { get; init; }
        public required int MediumFrom { get; init; }
        public required int HighFrom { get; init; }
        public required int VeryHighFrom { get; init; }
        public bool ZeroIsScore { get; init; }

        public static Model For(ReoffendingPredictor predictor) => predictor switch
        {
            ReoffendingPredictor.Arp => Arp,
            ReoffendingPredictor.Vrp => Vrp,
            ReoffendingPredictor.Svrp => Svrp,
            _ => throw new ArgumentOutOfRangeException(nameof(predictor)),
        };

        // Offence weights in the order of ActuarialCategory (Unknown first, never scored). ARP and VRP give every
        // violence sub-category one weight; the SVRP adds a shared violence term to each sub-category's own.
        private const double SvrpViolence = 0.0881806276607277;

        public static readonly Model Arp = new()
        {
            Intercept = 5.01702292499072,
            AgeMale = [-0.142428460338541, 0.0011000413899151, 0.0000198538471606, -0.0000002648918335],
            AgeFemale = [-0.0175014516689226, 0.0001625346907234, 0.0000003645241305, -0.0000000746220588],
            Female = -2.95224200717183,
            Offence =
            [
                0,
                0.325485504296161, // absconding or bail
                -0.119211282701221, // acquisitive violence (robbery)
                0.155944202809011, // burglary, domestic
                0.2060248043228, // burglary, other
                0.12167599899735, // criminal damage
                -0.264724530382273, // drink driving
                -0.468252524851408, // drug import, export or production
                0.0204101986121863, // drug possession or supply
                0.587490417262633, // drunkenness
                -0.110075583936778, // firearms, most serious
                -0.110075583936778, // firearms, other
                -0.434791453303048, // fraud and forgery
                0.088414958679896, // handling stolen goods
                -0.0439980822830184, // motoring
                0.0384434393037725, // other offences
                0.0854410288820027, // public order and harassment
                0.111620464721896, // sexual, against a child
                0.169969798103235, // sexual, not against a child
                0.462548123919817, // theft, non-motor
                0.173405416410866, // vehicle-related theft
                -0.110075583936778, // violence against the person, ABH and above
                -0.110075583936778, // violence against the person, below ABH
                -0.110075583936778, // weapons, non-firearm
                -1.15395495579948, // welfare fraud
            ],
            FirstSanction = -3.94357049933093,
            SecondSanction = -3.06189212045904,
            PerSanction = -0.0042757301284995,
            GapMale = -0.0432051839161834,
            GapFemale = -0.0427998315841607,
            Months = [-0.0762086223169624, 0.0016230134182902, 0.0000224473135387, -0.0000012808638685],
            CareerYears = 26,
            CopasMale = 1.55298303083717,
            CopasSquaredMale = 0.129334968245905,
            CopasFemale = 1.01980307124196,
            CopasSquaredFemale = -0.039439197041062,
            MediumFrom = 5000,
            HighFrom = 7500,
            VeryHighFrom = 9000,
        };

        public static readonly Model Vrp = new()
        {
            Intercept = 3.12324433235579,
            AgeMale = [-0.104477239763612, 0.0008606154365776, 0.000013815779629, -0.0000001960154357],
            AgeFemale = [-0.0151569773369266, -0.0000517057104954, -0.0000007587337191, 0.0000000203053155],
            Female = -1.84281451035478,
            Offence =
            [
                0,
                0.351192370764659, // absconding or bail
                -0.0032926198476618, // acquisitive violence (robbery)
                0.189290151743428, // burglary, domestic
                0.152185842790808, // burglary, other
                0.371503082545136, // criminal damage
                -0.0955339743007365, // drink driving
                -0.422720654391483, // drug import, export or production
                -0.0876488981693274, // drug possession or supply
                0.897225111715064, // drunkenness
                0.109809951520084, // firearms, most serious
                0.109809951520084, // firearms, other
                -0.362999252067375, // fraud and forgery
                0.0120019188396128, // handling stolen goods
                -0.184914428055833, // motoring
                0.0998951874967628, // other offences
                0.356342355096462, // public order and harassment
                -0.930849896127774, // sexual, against a child
                -0.159028472471635, // sexual, not against a child
                0.260179775875471, // theft, non-motor
                0.165882021264931, // vehicle-related theft
                0.109809951520084, // violence against the person, ABH and above
                0.109809951520084, // violence against the person, below ABH
                0.109809951520084, // weapons, non-firearm
                -0.987504454326342, // welfare fraud
            ],
            FirstSanction = -1.90092364059771,
            SecondSanction = -1.10995084554834,
            PerSanction = -0.0067658067744931,
            GapMale = -0.0517946785377468,
            GapFemale = -0.0524808327112117,
            Months = [-0.073627004774941, 0.0015286971037078, 0.0000095033186151, -0.0000008860433091],
            CareerYears = 12,
            CopasMale = 0.620598396891494,
            CopasFemale = 0.507851479286236,
            WeighsViolence = true,
            NeverViolentMale = -2.19912021141319,
            NeverViolentFemale = -2.8090905835064,
            OnceViolent = 0.164824968220639,
            PerViolentSanction = 0.0185294325031695,
            ViolentRate = 0.522272685793084,
            MediumFrom = 3000,
            HighFrom = 6000,
            VeryHighFrom = 8000,
        };

        public static readonly Model Svrp = new()
        {
            Intercept = -0.970734555223987,
            AgeMale = [-0.035211251525685, -0.0002101460036267, 0, 0],
            AgeFemale = [-0.0194307797540929, -0.0000241385941049, 0, 0],
            Female = -1.55855151937225,
            Offence =
            [
                0,
                0.361929924513904, // absconding or bail
                0.34905826404493, // acquisitive violence (robbery)
                0.427440297941078, // burglary, domestic
                0.283654004619677, // burglary, other
                0.254391121973677, // criminal damage
                -0.0870700781552191, // drink driving
                -0.151563625759297, // drug import, export or production
                0.196404663980207, // drug possession or supply
                -0.169817158710549, // drunkenness
                -0.109313634130027 + SvrpViolence, // firearms, most serious
                0.265777493636431 + SvrpViolence, // firearms, other
                -0.0932918356073765, // fraud and forgery
                0.20156598193072, // handling stolen goods
                0.0805237507490763, // motoring
                0.175156031546492, // other offences
                -0.102680989477238, // public order and harassment
                -0.269534814977957, // sexual, against a child
                -0.481426313870417, // sexual, not against a child
                -0.126315026107379, // theft, non-motor
                0.286214108247545, // vehicle-related theft
                0.0032426570273524 + SvrpViolence, // violence against the person, ABH and above
                SvrpViolence, // violence against the person, below ABH
                0.316916255872188 + SvrpViolence, // weapons, non-firearm
                -2.75700217295462, // welfare fraud
            ],
            FirstSanction = -2.3335499201698,
            SecondSanction = -1.36161428849118,
            PerSanction = -0.0250462590018653,
            GapMale = -0.117956562302911,
            GapFemale = -0.0402256071602197,
            Months = [-0.0318548411238394, 0.0002165688028517, 0.0000046604929835, -0.000000152324083],
            CareerYears = 12,
            CopasMale = 0.936944231003216,
            CopasFemale = 0.853626611755616,
            WeighsViolence = true,
            NeverViolentMale = -1.5382238276355,
            NeverViolentFemale = -2.33948463970808,
            OnceViolent = -0.0013488533112443,
            PerViolentSanction = 0.0141947749755811,
            ViolentRate = 0.250478471909382,
            MediumFrom = 100,
            HighFrom = 300,
            VeryHighFrom = 690,
            ZeroIsScore = true,
        };
    }
}
