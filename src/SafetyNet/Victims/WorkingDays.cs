using System.Globalization;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>
/// Working days in England and Wales: not a weekend, not a bank holiday. The calendar is data shipped with
/// the application; a date beyond its last year is counted as if it had no bank holidays.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingDays(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    public static WorkingDays EnglandAndWales { get; } = new(Load());

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    public bool IsBankHoliday(DateOnly date) => _holidays.Contains(date);

    /// <summary>
    /// The end of the <paramref name="days"/>th working day after the day of <paramref name="from"/> in London:
    /// an event on a Friday afternoon with one working day to act falls due at midnight ending Monday.
    /// </summary>
    public DateTimeOffset DueAfter(DateTimeOffset from, int days)
    {
        var date = DateOnly.FromDateTime(ForceClock.ToLocal(from).DateTime);
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }
        return ForceClock.FromLocal(date.AddDays(1).ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>The instant <paramref name="hours"/> working hours before <paramref name="due"/>, skipping non-working days.</summary>
    public DateTimeOffset RemindBefore(DateTimeOffset due, int hours)
    {
        var remind = due.AddHours(-hours);
        // A reminder that would land on a weekend or holiday comes on the working day before.
        var date = DateOnly.FromDateTime(ForceClock.ToLocal(remind).DateTime);
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
