using System.Globalization;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases.Pages;

/// <summary>Reading a moment from a case form: a GOV.UK date and a 24-hour time, in the force's clock.</summary>
public static class CaseForms
{
    /// <summary>The moment entered, or null when the date is empty; a bad date or time adds a GOV.UK message for <paramref name="field"/>.</summary>
    public static DateTimeOffset? At(DateParts day, string? time, FormErrors errors, string field, string label)
    {
        var date = day.Read(errors, field, label);
        if (date is null)
        {
            return null;
        }
        var text = time?.Trim().Replace('.', ':') ?? "";
        if (text.Length == 0)
        {
            return ForceClock.FromLocal(date.Value.ToDateTime(TimeOnly.MinValue));
        }
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            errors.Add(field, $"{label} must have a real time in 24-hour form, for example 14:30");
            return null;
        }
        return ForceClock.FromLocal(date.Value.ToDateTime(at));
    }
}
