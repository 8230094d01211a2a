using SafetyNet.Insight.Offenders;

namespace SafetyNet.Engines.Tests.Insight;

/// <summary>
/// The static predictors against the worked examples, refusals, rounding and bands of the Ministry of Justice's
/// service as the note on reoffending predictors states them. Every expected value is the note's.
/// </summary>
public class StaticReoffendingPredictorTests
{
    private static readonly DateOnly Born1990 = new(1990, 1, 1);

    // Examples 1–3: male, born 1990-01-01, assessed 2025-01-01, convicted 2024-01-01, follow-up from 2026-01-01,
    // first sanction at 18, two sanctions.
    private static StaticRiskFactors ExampleCase(ActuarialCategory offence, int violent = 0) =>
        new(Sex.Male, Born1990, new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1), offence, 2, violent, 18);

    // The note gives values rounded to 10 decimals.
    private static void AssertTenDecimals(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 0.5e-10 + 1e-13, $"expected {expected:0.0000000000}, got {actual:0.000000000000}");

    private static double[] Terms(ReoffendingPredictor predictor, StaticRiskFactors factors, out double total)
    {
        var terms = new double[StaticReoffendingPredictors.TermCount];
        total = StaticReoffendingPredictors.Terms(predictor, factors, terms);
        return terms;
    }

    [Fact]
    public void Example_1_ARP_static_is_13_66_percent_low()
    {
        var factors = ExampleCase(ActuarialCategory.CriminalDamage);
        Assert.Equal(new DerivedRiskFactors(AgeAtFollowUp: 36, AgeAtConviction: 34, Gap: 16, OffenceFreeMonths: 0), StaticReoffendingPredictors.Derive(factors));

        var terms = Terms(ReoffendingPredictor.Arp, factors, out var x);
        AssertTenDecimals(5.0170229250, terms[(int)PredictorTerm.Intercept]);
        AssertTenDecimals(-3.2203863995, terms[(int)PredictorTerm.Age]);
        Assert.Equal(0, terms[(int)PredictorTerm.Female]);
        AssertTenDecimals(0.1216759990, terms[(int)PredictorTerm.Offence]);
        Assert.Equal(0, terms[(int)PredictorTerm.FirstSanction]);
        AssertTenDecimals(-3.0618921205, terms[(int)PredictorTerm.SecondSanction]);
        AssertTenDecimals(-0.0085514603, terms[(int)PredictorTerm.Sanctions]);
        AssertTenDecimals(-0.6912829427, terms[(int)PredictorTerm.Gap]);
        Assert.Equal(0, terms[(int)PredictorTerm.OffenceFreeMonths]);
        Assert.Equal(0, terms[(int)PredictorTerm.Copas]);
        Assert.Equal(0, terms[(int)PredictorTerm.CopasSquared]);
        AssertTenDecimals(-1.8434139989, x);
        Assert.Equal(0.136648, StaticReoffendingPredictors.Probability(x), 1e-6); // the note: p = 0.136648… (six digits)

        var score = StaticReoffendingPredictors.Score(ReoffendingPredictor.Arp, factors);
        Assert.Equal(new PredictorScore(PredictorRefusals.None, 1366, RiskBand.Low), score);
        Assert.Equal(13.66, score.Percent);
    }

    [Fact]
    public void Example_2_VRP_static_is_5_93_percent_low()
    {
        var factors = ExampleCase(ActuarialCategory.AcquisitiveViolence, violent: 2);
        var terms = Terms(ReoffendingPredictor.Vrp, factors, out var x);
        AssertTenDecimals(3.1232443324, terms[(int)PredictorTerm.Intercept]);
        AssertTenDecimals(-2.3304646734, terms[(int)PredictorTerm.Age]);
        AssertTenDecimals(-0.0032926198, terms[(int)PredictorTerm.Offence]);
        AssertTenDecimals(-1.1099508455, terms[(int)PredictorTerm.SecondSanction]);
        AssertTenDecimals(-0.0135316135, terms[(int)PredictorTerm.Sanctions]);
        Assert.Equal(0, terms[(int)PredictorTerm.NeverViolent]);
        Assert.Equal(0, terms[(int)PredictorTerm.OnceViolent]);
        AssertTenDecimals(0.0370588650, terms[(int)PredictorTerm.ViolentSanctions]);
        AssertTenDecimals(-0.8287148566, terms[(int)PredictorTerm.Gap]);
        Assert.Equal(0, terms[(int)PredictorTerm.OffenceFreeMonths]);
        Assert.Equal(0, terms[(int)PredictorTerm.Copas]);
        AssertTenDecimals(-1.6375829854, terms[(int)PredictorTerm.ViolentRate]);
        AssertTenDecimals(-2.7632343970, x);
        Assert.Equal(0.059344, StaticReoffendingPredictors.Probability(x), 1e-6); // the note: p = 0.059344… (six digits)
        Assert.Equal(new PredictorScore(PredictorRefusals.None, 593, RiskBand.Low), StaticReoffendingPredictors.Score(ReoffendingPredictor.Vrp, factors));
    }

    [Fact]
    public void Example_3_SVRP_static_is_0_15_percent_low()
    {
        var factors = ExampleCase(ActuarialCategory.ViolenceAgainstThePersonAbhPlus, violent: 2);
        var terms = Terms(ReoffendingPredictor.Svrp, factors, out var x);
        AssertTenDecimals(-0.9707345552, terms[(int)PredictorTerm.Intercept]);
        AssertTenDecimals(-1.5399542756, terms[(int)PredictorTerm.Age]);
        AssertTenDecimals(0.0914232847, terms[(int)PredictorTerm.Offence]);
        AssertTenDecimals(-1.3616142885, terms[(int)PredictorTerm.SecondSanction]);
        AssertTenDecimals(-0.0500925180, terms[(int)PredictorTerm.Sanctions]);
        AssertTenDecimals(-1.8873049968, terms[(int)PredictorTerm.Gap]);
        Assert.Equal(0, terms[(int)PredictorTerm.OffenceFreeMonths]);
        Assert.Equal(0, terms[(int)PredictorTerm.Copas]);
        Assert.Equal(0, terms[(int)PredictorTerm.NeverViolent]);
        Assert.Equal(0, terms[(int)PredictorTerm.OnceViolent]);
        AssertTenDecimals(0.0283895500, terms[(int)PredictorTerm.ViolentSanctions]);
        AssertTenDecimals(-0.7853737999, terms[(int)PredictorTerm.ViolentRate]);
        AssertTenDecimals(-6.4752615994, x);
        Assert.Equal(0.001538, StaticReoffendingPredictors.Probability(x), 1e-6); // the note: p = 0.001538… (six digits)
        Assert.Equal(new PredictorScore(PredictorRefusals.None, 15, RiskBand.Low), StaticReoffendingPredictors.Score(ReoffendingPredictor.Svrp, factors));
    }

    /// <summary>A case with the given sex, first sanction and age at the current conviction (born 1 June 1980).</summary>
    private static StaticRiskFactors Career(Sex sex, int sanctions, int firstAge, int convictionAge, int violent = 0)
    {
        var born = new DateOnly(1980, 6, 1);
        var conviction = born.AddYears(convictionAge).AddDays(10);
        return new StaticRiskFactors(sex, born, conviction.AddMonths(1), conviction, null, ActuarialCategory.OtherOffences, sanctions, violent, firstAge);
    }

    [Fact]
    public void Example_4_copas_terms_for_three_or_more_sanctions()
    {
        var male = Career(Sex.Male, 18, 20, 30);
        var arp = Terms(ReoffendingPredictor.Arp, male, out _);
        AssertTenDecimals(-1.0764458093, arp[(int)PredictorTerm.Copas]);
        AssertTenDecimals(0.0621393753, arp[(int)PredictorTerm.CopasSquared]);
        var vrp = Terms(ReoffendingPredictor.Vrp, male, out _);
        AssertTenDecimals(-0.1245359119, vrp[(int)PredictorTerm.Copas]);
        Assert.Equal(0, vrp[(int)PredictorTerm.CopasSquared]);

        var female = Career(Sex.Female, 7, 24, 26);
        arp = Terms(ReoffendingPredictor.Arp, female, out _);
        AssertTenDecimals(-1.4137472471, arp[(int)PredictorTerm.Copas]);
        AssertTenDecimals(-0.0757947243, arp[(int)PredictorTerm.CopasSquared]);
        vrp = Terms(ReoffendingPredictor.Vrp, female, out _);
        AssertTenDecimals(-0.3520158210, vrp[(int)PredictorTerm.Copas]);

        // With two sanctions there is no copas term; the gap term applies instead.
        Assert.Equal(0, Terms(ReoffendingPredictor.Arp, Career(Sex.Male, 2, 20, 30), out _)[(int)PredictorTerm.Copas]);
    }

    [Fact]
    public void Example_5_violent_rate_term_and_never_violent_when_there_is_no_violent_sanction()
    {
        var vrp = Terms(ReoffendingPredictor.Vrp, Career(Sex.Male, 18, 20, 30, violent: 18), out _);
        AssertTenDecimals(-0.4170387591, vrp[(int)PredictorTerm.ViolentRate]);
        Assert.Equal(0, vrp[(int)PredictorTerm.NeverViolent]);

        var never = Terms(ReoffendingPredictor.Vrp, Career(Sex.Male, 18, 20, 30, violent: 0), out _);
        Assert.Equal(0, never[(int)PredictorTerm.ViolentRate]);
        Assert.Equal(0, never[(int)PredictorTerm.ViolentSanctions]);
        Assert.Equal(-2.19912021141319, never[(int)PredictorTerm.NeverViolent]);
        Assert.Equal(-2.8090905835064, Terms(ReoffendingPredictor.Vrp, Career(Sex.Female, 18, 20, 30), out _)[(int)PredictorTerm.NeverViolent]);
        Assert.Equal(0.164824968220639, Terms(ReoffendingPredictor.Vrp, Career(Sex.Male, 18, 20, 30, violent: 1), out _)[(int)PredictorTerm.OnceViolent]);
    }

    [Fact]
    public void Example_6_two_sanction_gap_term_for_a_woman()
    {
        var female = Career(Sex.Female, 2, 19, 24);
        AssertTenDecimals(-0.2139991579, Terms(ReoffendingPredictor.Arp, female, out _)[(int)PredictorTerm.Gap]);
        AssertTenDecimals(-0.2624041636, Terms(ReoffendingPredictor.Vrp, female, out _)[(int)PredictorTerm.Gap]);
        // The gap term is for exactly two sanctions.
        Assert.Equal(0, Terms(ReoffendingPredictor.Arp, Career(Sex.Female, 3, 19, 24), out _)[(int)PredictorTerm.Gap]);
    }

    [Fact]
    public void Example_7_offence_free_months_polynomial()
    {
        var factors = new StaticRiskFactors(Sex.Male, Born1990, new DateOnly(2026, 12, 12), new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 12),
            ActuarialCategory.OtherOffences, 4, 0, 20);
        Assert.Equal(12, StaticReoffendingPredictors.Derive(factors).OffenceFreeMonths);
        AssertTenDecimals(-0.6685605710, Terms(ReoffendingPredictor.Arp, factors, out _)[(int)PredictorTerm.OffenceFreeMonths]);
        AssertTenDecimals(-0.6653429339, Terms(ReoffendingPredictor.Vrp, factors, out _)[(int)PredictorTerm.OffenceFreeMonths]);

        var before = factors with { AssessmentDate = new DateOnly(2024, 12, 12), ConvictionDate = new DateOnly(2024, 10, 1) };
        Assert.Equal(0, StaticReoffendingPredictors.Derive(before).OffenceFreeMonths);
        Assert.Equal(0, Terms(ReoffendingPredictor.Arp, before, out _)[(int)PredictorTerm.OffenceFreeMonths]);
    }

    [Fact]
    public void Example_8_SVRP_age_terms_are_quadratic()
    {
        // Follow-up from the 30th birthday.
        var male = new StaticRiskFactors(Sex.Male, Born1990, new DateOnly(2020, 6, 1), new DateOnly(2019, 6, 1), new DateOnly(2020, 1, 1),
            ActuarialCategory.OtherOffences, 4, 0, 20);
        Assert.Equal(30, StaticReoffendingPredictors.Derive(male).AgeAtFollowUp);
        AssertTenDecimals(-1.2454689490, Terms(ReoffendingPredictor.Svrp, male, out _)[(int)PredictorTerm.Age]);
        AssertTenDecimals(-0.6046481273, Terms(ReoffendingPredictor.Svrp, male with { Sex = Sex.Female }, out _)[(int)PredictorTerm.Age]);
    }

    // A case every predictor scores; each refusal row changes one thing.
    private static readonly StaticRiskFactors Valid = new(Sex.Male, new DateOnly(1985, 3, 10), new DateOnly(2025, 1, 15), new DateOnly(2024, 11, 20),
        new DateOnly(2025, 1, 5), ActuarialCategory.BurglaryDomestic, 5, 2, 16);

    public static TheoryData<string, StaticRiskFactors, PredictorRefusals, PredictorRefusals, PredictorRefusals> Refused => new()
    {
        { "no sanction", Valid with { TotalSanctions = 0, ViolentSanctions = 0 }, PredictorRefusals.TotalSanctionsOutOfRange, PredictorRefusals.TotalSanctionsOutOfRange, PredictorRefusals.TotalSanctionsOutOfRange },
        { "1,000 sanctions", Valid with { TotalSanctions = 1000, ViolentSanctions = 0 }, PredictorRefusals.TotalSanctionsOutOfRange, PredictorRefusals.TotalSanctionsOutOfRange, PredictorRefusals.TotalSanctionsOutOfRange },
        { "negative violent sanctions", Valid with { ViolentSanctions = -1 }, PredictorRefusals.None, PredictorRefusals.ViolentSanctionsOutOfRange, PredictorRefusals.ViolentSanctionsOutOfRange },
        { "more violent sanctions than sanctions", Valid with { ViolentSanctions = 6 }, PredictorRefusals.None, PredictorRefusals.ViolentSanctionsOutOfRange, PredictorRefusals.ViolentSanctionsOutOfRange },
        { "offence UNKNOWN or unmapped", Valid with { Offence = ActuarialCategory.Unknown }, PredictorRefusals.OffenceWithoutCategory, PredictorRefusals.OffenceWithoutCategory, PredictorRefusals.OffenceWithoutCategory },
        { "first sanction at -1", Valid with { AgeAtFirstSanction = -1 }, PredictorRefusals.AgeAtFirstSanctionOutOfRange, PredictorRefusals.AgeAtFirstSanctionOutOfRange, PredictorRefusals.AgeAtFirstSanctionOutOfRange },
        { "first sanction at 110", Valid with { AgeAtFirstSanction = 110 }, PredictorRefusals.AgeAtFirstSanctionOutOfRange | PredictorRefusals.FirstSanctionAfterConviction, PredictorRefusals.AgeAtFirstSanctionOutOfRange | PredictorRefusals.FirstSanctionAfterConviction, PredictorRefusals.AgeAtFirstSanctionOutOfRange | PredictorRefusals.FirstSanctionAfterConviction },
        { "convicted on the day of birth", Valid with { ConvictionDate = Valid.DateOfBirth, AgeAtFirstSanction = 0 }, PredictorRefusals.ConvictionNotAfterBirth, PredictorRefusals.ConvictionNotAfterBirth, PredictorRefusals.ConvictionNotAfterBirth },
        { "first sanction after the current conviction", Valid with { AgeAtFirstSanction = 40 }, PredictorRefusals.FirstSanctionAfterConviction, PredictorRefusals.FirstSanctionAfterConviction, PredictorRefusals.FirstSanctionAfterConviction },
        { "convicted more than 3 months after the assessment", Valid with { ConvictionDate = new DateOnly(2025, 4, 16), FollowUpStart = null }, PredictorRefusals.ConvictionTooFarAfterAssessment, PredictorRefusals.ConvictionTooFarAfterAssessment, PredictorRefusals.ConvictionTooFarAfterAssessment },
        { "follow-up on the day of birth", Valid with { FollowUpStart = Valid.DateOfBirth }, PredictorRefusals.FollowUpNotAfterBirth, PredictorRefusals.FollowUpNotAfterBirth, PredictorRefusals.None },
        { "follow-up at 110", Valid with { FollowUpStart = new DateOnly(2095, 3, 10) }, PredictorRefusals.FollowUpAgeTooHigh, PredictorRefusals.FollowUpAgeTooHigh, PredictorRefusals.None },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Each_refusal_of_the_service_gives_no_score_with_its_reason(string why, StaticRiskFactors factors, PredictorRefusals arp, PredictorRefusals vrp, PredictorRefusals svrp)
    {
        var predictions = StaticReoffendingPredictors.Score(factors);
        Assert.True(arp == predictions.Arp.Refusals, $"{why}: ARP {predictions.Arp.Refusals}");
        Assert.True(vrp == predictions.Vrp.Refusals, $"{why}: VRP {predictions.Vrp.Refusals}");
        Assert.True(svrp == predictions.Svrp.Refusals, $"{why}: SVRP {predictions.Svrp.Refusals}");
        Assert.Equal(arp == PredictorRefusals.None, predictions.Arp.Scored);
        Assert.Equal(svrp == PredictorRefusals.None, predictions.Svrp.Scored);
        var message = StaticReoffendingPredictors.Explain(predictions, factors, "12345");
        Assert.False(string.IsNullOrWhiteSpace(message), why);
        Assert.Equal(arp == vrp && vrp == svrp, !message.Contains(':', StringComparison.Ordinal));
    }

    public static TheoryData<string, StaticRiskFactors> ScoredAtTheEdges => new()
    {
        { "the case itself", Valid },
        { "one sanction", Valid with { TotalSanctions = 1, ViolentSanctions = 0 } },
        { "999 sanctions", Valid with { TotalSanctions = 999 } },
        { "no violent sanction", Valid with { ViolentSanctions = 0 } },
        { "every sanction violent", Valid with { ViolentSanctions = 5 } },
        { "first sanction at 0", Valid with { AgeAtFirstSanction = 0 } },
        { "first sanction at the age of the conviction", Valid with { AgeAtFirstSanction = 39 } },
        { "convicted the day after birth", Valid with { DateOfBirth = new DateOnly(2024, 11, 19), AgeAtFirstSanction = 0, FollowUpStart = null } },
        { "convicted exactly 3 months after the assessment", Valid with { ConvictionDate = new DateOnly(2025, 4, 15), FollowUpStart = null } },
        { "follow-up the day after birth", Valid with { FollowUpStart = Valid.DateOfBirth.AddDays(1) } },
        { "follow-up the day before the 110th birthday", Valid with { FollowUpStart = new DateOnly(2095, 3, 9) } },
        { "no follow-up date, convicted at 110", Valid with { DateOfBirth = new DateOnly(1914, 11, 20), AgeAtFirstSanction = 90, FollowUpStart = null } },
    };

    [Theory]
    [MemberData(nameof(ScoredAtTheEdges))]
    public void Nothing_else_is_refused(string why, StaticRiskFactors factors)
    {
        // The service's refusals come before any score (at 109 or 110 the ARP and VRP then round to 0.00, a separate rule).
        foreach (var predictor in Enum.GetValues<ReoffendingPredictor>())
        {
            var refusals = StaticReoffendingPredictors.Refusals(predictor, factors);
            Assert.True(refusals == PredictorRefusals.None, $"{why}: {predictor} {refusals}");
        }
        Assert.True(StaticReoffendingPredictors.Score(factors).Svrp.Scored, why);
    }

    [Fact]
    public void The_SVRP_still_scores_when_only_the_ARP_and_VRP_refuse_the_follow_up()
    {
        var predictions = StaticReoffendingPredictors.Score(Valid with { FollowUpStart = new DateOnly(2095, 3, 10) });
        Assert.Equal("ARP and VRP: age at the start of follow-up must be under 110 (it is 110)", StaticReoffendingPredictors.Explain(predictions, Valid with { FollowUpStart = new DateOnly(2095, 3, 10) }));
        Assert.True(predictions.Svrp.Scored);
    }

    [Theory]
    [InlineData(13.665, 1367)]
    [InlineData(13.6649999, 1366)]
    [InlineData(0.995, 100)]
    [InlineData(0.9949999, 99)]
    [InlineData(0.005, 1)]
    [InlineData(0.0049999, 0)]
    [InlineData(49.995, 5000)]
    [InlineData(99.994, 9999)]
    [InlineData(13.66, 1366)]
    [InlineData(13.6649999999, 1366)]
    [InlineData(13.6650000001, 1367)]
    public void The_percentage_is_rounded_half_up_to_two_decimals(double percent, int hundredths) =>
        Assert.Equal(hundredths, StaticReoffendingPredictors.RoundHalfUpToHundredths(percent));

    [Fact]
    public void The_band_is_taken_from_the_rounded_percentage()
    {
        // An SVRP of 0.995 % rounds to 1.00 and is MEDIUM.
        var rounded = StaticReoffendingPredictors.RoundHalfUpToHundredths(0.995);
        Assert.Equal(100, rounded);
        Assert.Equal(RiskBand.Medium, StaticReoffendingPredictors.Band(ReoffendingPredictor.Svrp, rounded));
        Assert.Equal(RiskBand.Low, StaticReoffendingPredictors.Band(ReoffendingPredictor.Svrp, StaticReoffendingPredictors.RoundHalfUpToHundredths(0.9949)));
        // 49.995 % rounds to 50.00, the ARP's MEDIUM.
        Assert.Equal(RiskBand.Medium, StaticReoffendingPredictors.Band(ReoffendingPredictor.Arp, StaticReoffendingPredictors.RoundHalfUpToHundredths(49.995)));
    }

    [Theory]
    [InlineData(ReoffendingPredictor.Arp, 4999, RiskBand.Low)]
    [InlineData(ReoffendingPredictor.Arp, 5000, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Arp, 7499, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Arp, 7500, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Arp, 8999, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Arp, 9000, RiskBand.VeryHigh)]
    [InlineData(ReoffendingPredictor.Vrp, 2999, RiskBand.Low)]
    [InlineData(ReoffendingPredictor.Vrp, 3000, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Vrp, 5999, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Vrp, 6000, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Vrp, 7999, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Vrp, 8000, RiskBand.VeryHigh)]
    [InlineData(ReoffendingPredictor.Svrp, 0, RiskBand.Low)]
    [InlineData(ReoffendingPredictor.Svrp, 99, RiskBand.Low)]
    [InlineData(ReoffendingPredictor.Svrp, 100, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Svrp, 299, RiskBand.Medium)]
    [InlineData(ReoffendingPredictor.Svrp, 300, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Svrp, 689, RiskBand.High)]
    [InlineData(ReoffendingPredictor.Svrp, 690, RiskBand.VeryHigh)]
    public void Bands_start_at_the_notes_lower_bounds(ReoffendingPredictor predictor, int hundredths, RiskBand band) =>
        Assert.Equal(band, StaticReoffendingPredictors.Band(predictor, hundredths));

    [Fact]
    public void A_percentage_rounding_to_zero_is_no_ARP_but_a_low_SVRP()
    {
        // A woman of 109 at follow-up, 36 offence-free months, one sanction for welfare fraud: by hand the ARP's linear
        // score is about −14.8 and the SVRP's about −13.3, so both percentages round to 0.00.
        var factors = new StaticRiskFactors(Sex.Female, new DateOnly(1900, 1, 1), new DateOnly(2012, 6, 1), new DateOnly(2009, 5, 1), new DateOnly(2009, 6, 1),
            ActuarialCategory.WelfareFraud, 1, 0, 100);
        var predictions = StaticReoffendingPredictors.Score(factors);
        Assert.Equal(PredictorRefusals.RoundsToZero, predictions.Arp.Refusals);
        Assert.Equal(new PredictorScore(PredictorRefusals.None, 0, RiskBand.Low), predictions.Svrp);
        Assert.Contains("ARP", StaticReoffendingPredictors.Explain(predictions, factors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_percentage_of_100_is_returned_as_99_99()
    {
        // A man convicted at 10 with 999 sanctions, all violent, for drunkenness: by hand the VRP's linear score is
        // about 19.4, so the percentage rounds to 100.00.
        var factors = new StaticRiskFactors(Sex.Male, new DateOnly(2000, 1, 1), new DateOnly(2010, 2, 1), new DateOnly(2010, 1, 15), null,
            ActuarialCategory.Drunkenness, 999, 999, 10);
        Assert.Equal(new PredictorScore(PredictorRefusals.None, 9999, RiskBand.VeryHigh), StaticReoffendingPredictors.Score(ReoffendingPredictor.Vrp, factors));
    }

    [Theory]
    [InlineData("2000-02-29", "2001-02-28", 0)]
    [InlineData("2000-02-29", "2001-03-01", 1)]
    [InlineData("2000-02-29", "2004-02-28", 3)]
    [InlineData("2000-02-29", "2004-02-29", 4)]
    [InlineData("1990-06-15", "2020-06-14", 29)]
    [InlineData("1990-06-15", "2020-06-15", 30)]
    [InlineData("1990-01-31", "1990-12-31", 0)]
    public void A_birthday_counts_once_its_day_of_the_month_is_reached(string born, string on, int years) =>
        Assert.Equal(years, StaticReoffendingPredictors.CompletedYears(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Theory]
    [InlineData("2025-01-31", "2025-02-28", 0)]
    [InlineData("2024-01-31", "2024-02-29", 0)]
    [InlineData("2025-01-31", "2025-03-30", 1)]
    [InlineData("2025-01-31", "2025-03-31", 2)]
    [InlineData("2025-12-12", "2026-12-11", 11)]
    [InlineData("2025-12-12", "2026-12-12", 12)]
    [InlineData("2020-01-01", "2022-12-31", 35)]
    [InlineData("2020-01-01", "2023-01-01", 36)]
    [InlineData("2020-01-01", "2025-06-01", 36)]
    [InlineData("2025-06-01", "2025-05-31", 0)]
    [InlineData("2025-06-01", "2020-01-01", 0)]
    public void Offence_free_months_count_whole_calendar_months_capped_at_36_and_0_before_follow_up(string followUp, string assessment, int months) =>
        Assert.Equal(months, StaticReoffendingPredictors.OffenceFreeMonths(DateOnly.Parse(followUp), DateOnly.Parse(assessment)));

    [Fact]
    public void Without_a_follow_up_date_the_conviction_date_is_the_start_of_follow_up()
    {
        // Born 1990-01-01, convicted 2020-03-15 (30), assessed 2021-05-14: 13 whole months since the conviction.
        var factors = new StaticRiskFactors(Sex.Male, Born1990, new DateOnly(2021, 5, 14), new DateOnly(2020, 3, 15), null, ActuarialCategory.TheftNonMotor, 3, 0, 17);
        Assert.Equal(new DerivedRiskFactors(AgeAtFollowUp: 30, AgeAtConviction: 30, Gap: 13, OffenceFreeMonths: 13), StaticReoffendingPredictors.Derive(factors));
        Assert.Equal(StaticReoffendingPredictors.Score(factors with { FollowUpStart = new DateOnly(2020, 3, 15) }), StaticReoffendingPredictors.Score(factors));
    }
}
