using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Meetings;
using SafetyNet.Platform;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Referrals;

public sealed record MaracJudgementRequest(long? IncidentId, long? PersonId, string? Reason);

/// <summary>
/// The MARAC listing rule: puts a victim's case on the MARAC referral list (a MARAC referral, sent to the MARAC
/// co-ordination team) when the DASH reaches the instrument's referral threshold, when an officer's professional
/// judgement says so, or on escalation — whether or not a crime was recorded. One referral per incident and victim;
/// its reason names the criterion that fired.
/// </summary>
public sealed class MaracListing(AppDb db, ForceConfiguration configuration, IncidentAccess access, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public const string Criterion = "MARAC criterion: ";

    /// <summary>Considers each victim of an incident (after intake or a new DASH) and adds a referral where a criterion fires; the caller saves.</summary>
    public async Task ConsiderAsync(Incident incident, RiskAssessment? justAssessed, CancellationToken ct)
    {
        var rules = (await configuration.CurrentAsync<MaracRules>(MaracRules.Key, ct)).Value;
        var victims = await db.IncidentPeople.Where(p => p.IncidentId == incident.Id && p.Role == PersonRole.Victim).OrderBy(p => p.Id).ToListAsync(ct);
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.IncidentId == incident.Id && a.ReferralFlag && a.ReferralName == "MARAC").ToListAsync(ct);
        if (justAssessed is { ReferralFlag: true, ReferralName: "MARAC" })
        {
            assessments.Add(justAssessed);
        }
        foreach (var victim in victims)
        {
            // An assessment naming no person is of the first victim.
            var dash = assessments.Where(a => a.PersonId == victim.Id || (a.PersonId == null && victim.Id == victims[0].Id)).OrderByDescending(a => a.Score).FirstOrDefault();
            var reason = dash is not null ? DashReason(dash) : await EscalationAsync(incident, victim, rules, ct);
            if (reason is not null)
            {
                await AddAsync(incident, victim.Id, reason, rules, ct);
            }
        }
    }

    private static string DashReason(RiskAssessment dash) =>
        dash.OverrideReason is { } raised && !string.Equals(dash.Level, dash.ComputedLevel, StringComparison.Ordinal)
            ? $"{Criterion}professional judgement: DASH level raised to {dash.Level} ({raised})"
            : $"{Criterion}DASH score of {dash.Score} meets the referral threshold";

    /// <summary>Escalation over the victim's identity: a further domestic abuse incident after a MARAC listing, or several in a year.</summary>
    private async Task<string?> EscalationAsync(Incident incident, IncidentPerson victim, MaracRules rules, CancellationToken ct)
    {
        if (victim.IdentityId is not { } identity || !rules.DomesticAbuseTypes.Contains(incident.TypeCode))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (await LastListingAsync(db, identity, now.AddMonths(-rules.RepeatMonths), now, ct) is { } listed)
        {
            return $"{Criterion}escalation: a further domestic abuse incident within {rules.RepeatMonths} months of a MARAC listing on {ForceClock.Format(listed)}";
        }
        var types = rules.DomesticAbuseTypes.ToList();
        var since = now.AddMonths(-rules.EscalationMonths);
        var incidents = await (from p in db.IncidentPeople
                               join i in db.Incidents on p.IncidentId equals i.Id
                               where p.IdentityId == identity && p.Role == PersonRole.Victim && types.Contains(i.TypeCode) && i.ReportedAt >= since
                               select i.Id).Distinct().CountAsync(ct);
        return incidents >= rules.EscalationIncidents
            ? $"{Criterion}escalation: {incidents} domestic abuse incidents in {rules.EscalationMonths} months"
            : null;
    }

    /// <summary>When the victim identity was last listed at a MARAC held from <paramref name="since"/> until <paramref name="until"/>.</summary>
    public static async Task<DateTimeOffset?> LastListingAsync(AppDb db, long identity, DateTimeOffset since, DateTimeOffset until, CancellationToken ct) =>
        await (from item in db.MeetingItems
               join m in db.MultiAgencyMeetings on item.MeetingId equals m.Id
               join r in db.Referrals on item.ReferralId equals r.Id
               join p in db.IncidentPeople on r.PersonId equals p.Id
               where p.IdentityId == identity && m.Kind == MeetingKind.Marac && m.HeldAt >= since && m.HeldAt < until
               orderby m.HeldAt descending
               select (DateTimeOffset?)m.HeldAt).FirstOrDefaultAsync(ct);

    private async Task<Referral?> AddAsync(Incident incident, long victimId, string reason, MaracRules rules, CancellationToken ct)
    {
        if (await db.Referrals.AnyAsync(r => r.IncidentId == incident.Id && r.PersonId == victimId && r.Kind == ReferralKind.Marac, ct)
            || db.Referrals.Local.Any(r => r.IncidentId == incident.Id && r.PersonId == victimId && r.Kind == ReferralKind.Marac))
        {
            return null;
        }
        var now = time.GetUtcNow();
        var to = await ReferralRouting.ResolveAsync(db, ReferralKind.Marac, child: false, ct);
        var referral = new Referral
        {
            IncidentId = incident.Id,
            CrimeRecordId = await db.CrimeRecords.Where(c => c.IncidentId == incident.Id).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct),
            PersonId = victimId,
            Kind = ReferralKind.Marac,
            ToAgencyId = to.AgencyId,
            ToTeamId = to.TeamId,
            Status = ReferralStatus.Sent,
            SentAt = now,
            DueAt = WorkingDays.EnglandAndWales.DueAfter(now, rules.ListingWorkingDays),
            Reason = reason,
            LawfulBasis = ReferralRules.MaracBasis,
            CreatedAt = now,
            CreatedBy = user.Name,
            ReferrerEmail = user.Id is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) : null,
        };
        db.Referrals.Add(referral);
        return referral;
    }

    /// <summary>An officer's professional judgement puts a victim's case on the MARAC list, with the reason written down.</summary>
    public async Task<Outcome<Referral>> ReferOnJudgementAsync(MaracJudgementRequest request, CancellationToken ct)
    {
        if (!access.CanWrite)
        {
            return Outcome<Referral>.NotFound;
        }
        var v = new Validation();
        var incident = request.IncidentId is { } incidentId ? await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == incidentId, ct) : null;
        if (incident is null)
        {
            v.Add("incidentId", "Select the incident the referral is about");
        }
        var reason = v.Required("reason", request.Reason, "why your professional judgement is to refer to MARAC", 900);
        var victim = incident is null ? null : await db.IncidentPeople.Where(p => p.IncidentId == incident.Id && p.Role == PersonRole.Victim
            && (request.PersonId == null || p.Id == request.PersonId)).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (incident is not null && victim is null)
        {
            v.Add("personId", "Select a victim named on this incident");
        }
        else if (victim is not null && await db.Referrals.AnyAsync(r => r.IncidentId == incident!.Id && r.PersonId == victim.Id && r.Kind == ReferralKind.Marac, ct))
        {
            v.Add("personId", "This victim's case is already on the MARAC referral list for this incident");
        }
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        var rules = (await configuration.CurrentAsync<MaracRules>(MaracRules.Key, ct)).Value;
        var referral = (await AddAsync(incident!, victim!.Id, $"{Criterion}professional judgement: {reason}", rules, ct))!;
        await db.SaveChangesAsync(ct);
        audit.Add("referral.create", "referral", referral.Id.ToString(CultureInfo.InvariantCulture), details: $"Marac on professional judgement, incident {incident!.Reference}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral);
    }
}

/// <summary>A report recorded with a DASH (or a further domestic abuse incident) may put the victim on the MARAC list.</summary>
public sealed class MaracAtIntake(MaracListing listing) : IReaction<IncidentRecorded>
{
    public Task OnAsync(IncidentRecorded happened, CancellationToken cancellationToken) => listing.ConsiderAsync(happened.Incident, null, cancellationToken);
}

/// <summary>A DASH completed after intake (on the incident's page, or by the attending officer) may put the victim on the MARAC list.</summary>
public sealed class MaracOnRiskAssessed(MaracListing listing) : IReaction<RiskAssessed>
{
    public Task OnAsync(RiskAssessed happened, CancellationToken cancellationToken) => listing.ConsiderAsync(happened.Incident, happened.Assessment, cancellationToken);
}
