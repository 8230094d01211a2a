using SafetyNet.Referrals;

namespace SafetyNet.Meetings;

/// <summary>How the MARAC pages word a referral.</summary>
public static class MaracWords
{
    /// <summary>The criterion that put the case on the list, from the referral's reason.</summary>
    public static string Criterion(string reason)
    {
        var text = reason.StartsWith(MaracListing.Criterion, StringComparison.Ordinal) ? reason[MaracListing.Criterion.Length..] : reason;
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
