using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

/// <summary>A meeting as its page's form posts it: the same fields for an ASB panel and a MARAC.</summary>
public sealed class MeetingForm
{
    /// <summary>Meetings are recorded by their day; the time of day is the usual start of a morning meeting.</summary>
    private static readonly TimeOnly StartsAt = new(10, 0);

    public string? Title { get; set; }
    public string? District { get; set; }
    public DateParts HeldOn { get; set; } = new();
    public Dictionary<int, bool>? Agencies { get; set; } = [];
    public string? Attendees { get; set; }

    /// <summary>The request the service checks, or null when the date itself could not be read (its error added).</summary>
    public MeetingRequest? ToRequest(FormErrors errors)
    {
        var day = HeldOn.Read(errors, "heldAt", "Date of the meeting");
        if (errors.Any)
        {
            return null;
        }
        return new MeetingRequest(Title, string.IsNullOrWhiteSpace(District) ? null : District, day is { } d ? ForceClock.FromLocal(d.ToDateTime(StartsAt)) : null,
            (Agencies ?? []).Where(a => a.Value).Select(a => a.Key).ToList(), Attendees);
    }
}
