using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Referrals;

/// <summary>Where a referral goes: the receiving agency and, for a team with its own worklist, that team.</summary>
public sealed record ReferralDestination(int? AgencyId, int? TeamId);

/// <summary>
/// One place that says who receives each kind of referral: victim support to the victim support service; the
/// older person liaison officers, MARAC co-ordination and the MASH to their teams in the force; IDVA to the IDVA
/// team in the victim support service; and the MASH's safeguarding partner by age — children's services for a
/// child, adult care for an adult.
/// </summary>
public static class ReferralRouting
{
    public static (AgencyKind? Agency, string? Team) For(ReferralKind kind, bool child) => kind switch
    {
        ReferralKind.VictimSupport => (AgencyKind.VictimSupport, null),
        ReferralKind.OlderPersonLiaison => (AgencyKind.Force, ReferralTeams.OlderPersonLiaison),
        ReferralKind.Idva => (AgencyKind.VictimSupport, ReferralTeams.Idva),
        ReferralKind.Marac => (AgencyKind.Force, ReferralTeams.Marac),
        ReferralKind.Mash => (child ? AgencyKind.ChildrensServices : AgencyKind.AdultServices, ReferralTeams.Mash),
        _ => (null, null),
    };

    public static async Task<ReferralDestination> ResolveAsync(AppDb db, ReferralKind kind, bool child, CancellationToken ct)
    {
        var (agencyKind, teamCode) = For(kind, child);
        int? agency = agencyKind is { } k ? await db.Agencies.Where(a => a.Kind == k).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) : null;
        int? team = teamCode is { } code ? await db.Teams.Where(t => t.Code == code).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct) : null;
        return new ReferralDestination(agency, team);
    }
}
