using System.Globalization;

namespace SafetyNet.Web;

/// <summary>
/// The form that draws an audit sample (a crime-recording audit, a file review): a title, the period in two dates, the
/// design, the sample size and an optional seed, read the same way on each page that draws one.
/// </summary>
public sealed class AuditSampleForm
{
    public string? Title { get; set; }
    public DateParts PeriodFrom { get; set; } = new();
    public DateParts PeriodTo { get; set; } = new();
    public string? Design { get; set; }
    public string? SampleSize { get; set; }
    public string? Seed { get; set; }

    /// <summary>
    /// The period, sample size and seed entered. A date or a seed that cannot be read adds its message; a sample size that
    /// is not a whole number is left empty for the service to refuse with the sizes it allows.
    /// </summary>
    public (DateOnly? From, DateOnly? To, int? Size, int? Seed) Read(FormErrors errors)
    {
        var from = PeriodFrom.Read(errors, "periodFrom", "The first day of the period");
        var to = PeriodTo.Read(errors, "periodTo", "The last day of the period");
        int? size = int.TryParse(SampleSize?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        int? seed = null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (int.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var given))
            {
                seed = given;
            }
            else
            {
                errors.Add("seed", "Enter the seed as a whole number");
            }
        }
        return (from, to, size, seed);
    }
}
