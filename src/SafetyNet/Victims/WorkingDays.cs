using System.Globalization;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>
/// Working days in England and Wales: not a weekend, not a bank holiday. The calendar GOV.UK publishes is data
/// shipped with the application and wins for every year it covers, one-off holidays and moved ones included;
/// a year beyond it is given the standing pattern of the Banking and Financial Dealings Act 1971 and royal
/// proclamation (New Year's Day, Good Friday, Easter Monday, the May, spring and summer holidays, Christmas
/// and Boxing Day, with weekday substitutes), so a clock set years ahead still skips them.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<int> _publishedYears;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _standing = new();

    public WorkingDays(IEnumerable<DateOnly> holidays)
    {
        _holidays = [.. holidays];
        _publishedYears = [.. _holidays.Select(d => d.Year)];
    }

    public static WorkingDays EnglandAndWales { get; } = new(Load());

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    public bool IsBankHoliday(DateOnly date) =>
        _publishedYears.Contains(date.Year) ? _holidays.Contains(date) : _standing.GetOrAdd(date.Year, y => [.. StandingPattern(y)]).Contains(date);

    /// <summary>The bank holidays a year has when nothing is proclaimed for it beyond the usual.</summary>
    public static IEnumerable<DateOnly> StandingPattern(int year)
    {
        static DateOnly NextWeekday(DateOnly d) => d.DayOfWeek switch
        {
            DayOfWeek.Saturday => d.AddDays(2),
            DayOfWeek.Sunday => d.AddDays(1),
            _ => d,
        };
        static DateOnly FirstMonday(int year, int month)
        {
            var d = new DateOnly(year, month, 1);
            return d.AddDays(((int)DayOfWeek.Monday - (int)d.DayOfWeek + 7) % 7);
        }
        static DateOnly LastMonday(int year, int month)
        {
            var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return d.AddDays(-(((int)d.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
        }
        var easter = EasterSunday(year);
        yield return NextWeekday(new DateOnly(year, 1, 1));
        yield return easter.AddDays(-2);
        yield return easter.AddDays(1);
        yield return FirstMonday(year, 5);
        yield return LastMonday(year, 5);
        yield return LastMonday(year, 8);
        // Christmas and Boxing Day each take the next weekday not already taken.
        var christmas = NextWeekday(new DateOnly(year, 12, 25));
        var boxing = NextWeekday(new DateOnly(year, 12, 26));
        if (boxing <= christmas)
        {
            boxing = NextWeekday(christmas.AddDays(1));
        }
        yield return christmas;
        yield return boxing;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The end of the <paramref name="days"/>th working day after the day of <paramref name="from"/> in London:
    /// an event on a Friday afternoon with one working day to act falls due at midnight ending Monday.
    /// </summary>
    public DateTimeOffset DueAfter(DateTimeOffset from, int days)
    {
        var date = ForceClock.DayOf(from);
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return ForceClock.StartOf(date.AddDays(1));
    }

    /// <summary>The instant <paramref name="hours"/> working hours before <paramref name="due"/>, skipping non-working days.</summary>
    public DateTimeOffset RemindBefore(DateTimeOffset due, int hours)
    {
        var remind = due.AddHours(-hours);
        // A reminder that would land on a weekend or holiday comes on the working day before.
        var date = ForceClock.DayOf(remind);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
            remind = ForceClock.FromLocal(date.ToDateTime(new TimeOnly(9, 0)));
        }
        return remind;
    }

    private static IEnumerable<DateOnly> Load()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("SafetyNet.Victims.bank-holidays.csv")
            ?? throw new InvalidOperationException("The bank-holiday calendar is missing from the build.");
        using var reader = new StreamReader(stream);
        var dates = new List<DateOnly>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 10 && char.IsDigit(line[0]))
            {
                dates.Add(DateOnly.ParseExact(line[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        return dates;
    }
}
