using System.Globalization;
using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>
/// A date as the GOV.UK date input posts it: day, month and year in three boxes. Pages bind it as a nested form value
/// (<c>Form.SetOn.Day</c>) and read it here, so each date field on every page is checked the same way.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>
    /// The date entered, or null when all three boxes are empty. A date partly entered or not a real date adds the GOV.UK
    /// message for <paramref name="field"/> ("Date set must include a month", "Date set must be a real date").
    /// </summary>
    public DateOnly? Read(FormErrors errors, string field, string label)
    {
        if (IsEmpty)
        {
            return null;
        }
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(field, $"{label} must include a {string.Join(" and ", missing)}");
            return null;
        }
        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(field, $"{label} must be a real date");
            return null;
        }
        if (year < 1000)
        {
            errors.Add(field, $"{label} must include a year with 4 numbers");
            return null;
        }
        if (year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            errors.Add(field, $"{label} must be a real date");
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// A moment entered as these three boxes and a 24-hour time beside them (for example 14:30), in the force's clock; null
    /// when the date is empty. An empty time is the start of the day, unless <paramref name="timeMissing"/> is given: then
    /// it is that message. A bad date or time adds its GOV.UK message for <paramref name="field"/>.
    /// </summary>
    public DateTimeOffset? ReadAt(string? time, FormErrors errors, string field, string label, string? timeMissing = null)
    {
        var date = Read(errors, field, label);
        if (date is null)
        {
            return null;
        }
        var text = time?.Trim().Replace('.', ':') ?? "";
        if (text.Length == 0)
        {
            if (timeMissing is not null)
            {
                errors.Add(field, timeMissing);
                return null;
            }
            return ForceClock.FromLocal(date.Value.ToDateTime(TimeOnly.MinValue));
        }
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(field, $"{label} must have a real time in 24-hour form, for example 14:30");
            return null;
        }
        return ForceClock.FromLocal(date.Value.ToDateTime(at));
    }

    /// <summary>The date as the query string carries it (ISO), for links that keep a filter.</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
