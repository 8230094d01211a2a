using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Victims;

namespace SafetyNet.Referrals;

/// <summary>
/// Seeds the referral timescales; in demo mode, after the demo incidents, two referrals waiting for each receiving
/// team and each partner the force shares with (one of them overdue), sent where routing sends them.
/// </summary>
internal sealed class ReferralsSeeder(ForceConfiguration configuration, AppDb db, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    private static readonly string Referrer = $"officer@{AccountSeeder.DemoDomain}";

    private static readonly (ReferralKind Kind, bool Child, string? Agency, string Reason, string Basis)[] Plan =
    [
        (ReferralKind.VictimSupport, false, null, "Victim asked for emotional support after the burglary", ReferralRules.VictimSupportBasis),
        (ReferralKind.OlderPersonLiaison, false, null, "Victim aged 84 living alone, targeted by doorstep callers", ReferralRules.VictimSupportBasis),
        (ReferralKind.Idva, false, null, "DASH: high risk of domestic abuse", ReferralRules.MaracBasis),
        (ReferralKind.Marac, false, null, "DASH: 15 ticks, third incident in a year", ReferralRules.MaracBasis),
        (ReferralKind.Mash, true, null, "Child present during a domestic incident", ReferralRules.SafeguardingBasis),
        (ReferralKind.Mash, false, null, "Vulnerable adult financially exploited by a lodger", ReferralRules.SafeguardingBasis),
        (ReferralKind.Partner, false, "HOUSING", "Repeated damage to a housing association flat", "Section 115 Crime and Disorder Act 1998"),
        (ReferralKind.Partner, false, "COUNCIL-ST-ALBANS", "Fly-tipping and noise reported by several neighbours", "Section 115 Crime and Disorder Act 1998"),
        (ReferralKind.Partner, false, "COUNCIL-WATFORD", "Abandoned vehicle used for drug dealing", "Section 115 Crime and Disorder Act 1998"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(ReferralTimescales.Key, ReferralTimescales.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!settings.GetValue("Demo:Enabled", false) || await db.Referrals.AnyAsync(r => r.CreatedBy == Referrer, cancellationToken))
        {
            return;
        }
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ClosedAt == null && !i.Sensitive)
            .OrderByDescending(i => i.ReportedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(Plan.Length * 2).ToListAsync(cancellationToken);
        if (incidents.Count < Plan.Length * 2)
        {
            return;
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var now = time.GetUtcNow();
        var calendar = WorkingDays.EnglandAndWales;
        var next = 0;
        foreach (var (kind, child, agency, reason, basis) in Plan)
        {
            var to = agency is null ? await ReferralRouting.ResolveAsync(db, kind, child, cancellationToken) : new ReferralDestination(agencies[agency], null);
            // One sent a week ago and not answered (overdue), one sent this morning.
            foreach (var sent in new[] { now.AddDays(-7), now.AddHours(-3) })
            {
                db.Referrals.Add(new Referral
                {
                    IncidentId = incidents[next++], Kind = kind, ToAgencyId = to.AgencyId, ToTeamId = to.TeamId, Status = ReferralStatus.Sent,
                    SentAt = sent, DueAt = calendar.DueAfter(sent, ReferralTimescales.Default.AnswerWorkingDays), Reason = reason, LawfulBasis = basis,
                    Consent = true, CreatedAt = sent, CreatedBy = Referrer, ReferrerEmail = Referrer,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
