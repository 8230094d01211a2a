using SafetyNet.Insight.Offenders;

namespace SafetyNet.Engines.Tests.Insight;

public class Ogrs3Tests
{
    [Fact]
    public void The_worked_check_gives_34_and_51_percent_medium()
    {
        // copas = ln(6 / (10 + 25 − 18)) = ln(6/17) = −1.0414539;
        // x = −1.1667 + 0.46306 + 1.25112·(−1.0414539) − 0.0607 = −2.0673238;
        // one year logistic(1.40256 − 2.0673238) = logistic(−0.6647638) = 0.3396703;
        // two years logistic(2.1217 − 2.0673238) = logistic(0.0543762) = 0.5135907.
        var result = Ogrs3.Score(Sex.Male, ageAtFollowUp: 25, ageAtConviction: 25, ageAtFirstSanction: 18, totalSanctions: 6, Ogrs3Offence.Other);
        Assert.Equal(0.3396703, result.OneYear, 7);
        Assert.Equal(0.5135907, result.TwoYear, 7);
        Assert.Equal(34, result.OneYearPercent);
        Assert.Equal(51, result.TwoYearPercent);
        Assert.Equal(Ogrs3Band.Medium, result.Band);
    }

    [Fact]
    public void Dates_give_completed_years_and_the_age_sex_term_uses_the_start_of_follow_up()
    {
        var born = new DateOnly(1996, 6, 15);
        // Convicted the day before his 25th birthday (24), released at 26: the copas term uses 24, the age band 25–29.
        var fromDates = Ogrs3.Score(Sex.Male, born, new DateOnly(2021, 6, 14), new DateOnly(2022, 7, 1), 18, 6, Ogrs3Offence.Other);
        var fromAges = Ogrs3.Score(Sex.Male, 26, 24, 18, 6, Ogrs3Offence.Other);
        Assert.Equal(fromAges, fromDates);
        Assert.NotEqual(fromAges.TwoYear, Ogrs3.Score(Sex.Male, 24, 24, 18, 6, Ogrs3Offence.Other).TwoYear);
    }

    [Fact]
    public void Impossible_histories_are_refused()
    {
        var born = new DateOnly(2000, 1, 1);
        Assert.Throws<ArgumentException>(() => Ogrs3.Score(Sex.Female, born, born, born.AddYears(20), 15, 2, Ogrs3Offence.Robbery));
        Assert.Throws<ArgumentException>(() => Ogrs3.Score(Sex.Female, 9, 9, 9, 1, Ogrs3Offence.Robbery));
        Assert.Throws<ArgumentException>(() => Ogrs3.Score(Sex.Female, 30, 30, 31, 2, Ogrs3Offence.Robbery));
        Assert.Throws<ArgumentException>(() => Ogrs3.Score(Sex.Female, 30, 30, 20, 0, Ogrs3Offence.Robbery));
    }

    [Fact]
    public void Rounding_is_half_up_on_the_exact_binary_value_and_held_between_1_and_99()
    {
        // 0.495 is stored as 0.49499999999999999555…: it gives 49, not 50.
        Assert.Equal(49, Ogrs3.PublishedPercent(0.495));
        // 0.494995 rounds to 0.49500 at five decimals, which is again stored just below 0.495.
        Assert.Equal(49, Ogrs3.PublishedPercent(0.4949951));
        Assert.Equal(51, Ogrs3.PublishedPercent(0.505));
        Assert.Equal(1, Ogrs3.PublishedPercent(0.001));
        Assert.Equal(99, Ogrs3.PublishedPercent(0.999));
        // 0.125 is exact in binary and goes up; 0.145 is stored just below and goes down.
        Assert.Equal(13, (int)Ogrs3.RoundHalfUpExact(0.125, 2));
        Assert.Equal(14, (int)Ogrs3.RoundHalfUpExact(0.145, 2));
    }
}
