using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Referrals;

/// <summary>Where a referral goes: the receiving agency and, for a team with its own worklist, that team.</summary>
public sealed record ReferralDestination(int? AgencyId, int? TeamId);

/// <summary>
/// The agencies and teams referrals go to, read once, so that several referrals made together are routed without a
/// query each: the first agency of each kind, and each team by its code.
/// </summary>
public sealed class ReferralDirectory(IReadOnlyDictionary<AgencyKind, int> agencies, IReadOnlyDictionary<string, int> teams)
{
    public static async Task<ReferralDirectory> ReadAsync(AppDb db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Kind }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Code }).ToListAsync(ct);
        return new ReferralDirectory(
            agencies.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.First().Id),
            teams.ToDictionary(t => t.Code, t => t.Id, StringComparer.Ordinal));
    }

    public ReferralDestination Resolve(ReferralKind kind, bool child)
    {
        var (agencyKind, teamCode) = ReferralRouting.For(kind, child);
        int? agency = agencyKind is { } k && agencies.TryGetValue(k, out var a) ? a : null;
        int? team = teamCode is { } code && teams.TryGetValue(code, out var t) ? t : null;
        return new ReferralDestination(agency, team);
    }
}

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
