using SafetyNet.Web;

namespace SafetyNet.Referrals;

/// <summary>The words pages show for a referral: where it went, and the colour of its status.</summary>
public static class ReferralText
{
    public static string To(ReferralResponse r) =>
        string.Join(" – ", new[] { Labels.Of(r.Kind), r.ToTeam, r.ToAgency }.Where(p => !string.IsNullOrEmpty(p)).Distinct());

    public static string TagClass(string status) => status switch
    {
        nameof(ReferralStatus.Sent) => "govuk-tag--blue",
        nameof(ReferralStatus.Accepted) => "govuk-tag--turquoise",
        nameof(ReferralStatus.FeedbackGiven) => "govuk-tag--green",
        nameof(ReferralStatus.Declined) => "govuk-tag--orange",
        nameof(ReferralStatus.Suggested) or nameof(ReferralStatus.AwaitingOptIn) => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };
}
