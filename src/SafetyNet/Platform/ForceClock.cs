namespace SafetyNet.Platform;

/// <summary>
/// The force's clock: instants are UTC everywhere, but people read and type times in Europe/London.
/// </summary>
public sealed class ForceClock(TimeProvider time)
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), London);

    /// <summary>
    /// The force's date now. Between midnight and 01:00 in summer London is already on the next day while UTC is
    /// not: every "today" (the daily pack, demand days, audit periods, strength, reviews) is this one.
    /// </summary>
    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>The force's date at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The instant the force's <paramref name="day"/> begins: midnight in London (never skipped or repeated, since
    /// the clocks change at 01:00 UTC). A day runs from its start to the next day's start, 23 to 25 hours.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>Reads a wall-clock time typed in London as the instant it names.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, London.GetUtcOffset(unspecified));
    }

    public static string Format(DateTimeOffset? instant) =>
        instant is { } value ? ToLocal(value).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : "";

    /// <summary>A calendar day as pages write it: "10 March 2026".</summary>
    public static string FormatDay(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
