using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Victims;

namespace SafetyNet.Referrals;

/// <summary>
/// Which referrals a new victim contract brings (DOMAIN §8): victim support automatically unless the victim
/// opts out (victims of sexual offences and domestic abuse and bereaved relatives opt in); the older person
/// liaison officer for burglary victims aged 65 or more; IDVA from a DASH referral flag; MASH for a
/// vulnerable adult or a child.
/// </summary>
public static class ReferralRules
{
    private const string OptedOut = "The victim opted out";

    public const string VictimSupportBasis = "Victims' Code right 4: referral to support services";
    public const string MaracBasis = "Section 115 Crime and Disorder Act 1998 and DPA 2018 Part 3: MARAC shares to prevent serious harm";
    public const string SafeguardingBasis = "DPA 2018 Part 3 and Schedule 8: safeguarding of children and individuals at risk";

    public static async Task OnContractOpenedAsync(AppDb db, Incident incident, IncidentPerson victim, VictimContactContract contract,
        VictimCodeRules rules, DateTimeOffset now, string by, string? referrerEmail, CancellationToken ct)
    {
        var calendar = WorkingDays.EnglandAndWales;
        var today = ForceClock.DayOf(now);
        var age = victim.DateOfBirth is { } born ? today.Year - born.Year - (born > today.AddYears(-(today.Year - born.Year)) ? 1 : 0) : (int?)null;
        var child = age < 18;
        ReferralDirectory? directory = null;
        async Task<Referral> Add(ReferralKind kind, ReferralStatus status, DateTimeOffset due, string reason, string basis)
        {
            directory ??= await ReferralDirectory.ReadAsync(db, ct);
            var to = directory.Resolve(kind, child);
            var referral = new Referral
            {
                IncidentId = incident.Id,
                CrimeRecordId = contract.CrimeRecordId,
                PersonId = victim.Id,
                Kind = kind,
                ToAgencyId = to.AgencyId,
                ToTeamId = to.TeamId,
                Status = status,
                DueAt = due,
                SentAt = status == ReferralStatus.Sent ? now : null,
                Reason = reason,
                LawfulBasis = basis,
                CreatedAt = now,
                CreatedBy = by,
                ReferrerEmail = referrerEmail,
            };
            db.Referrals.Add(referral);
            return referral;
        }

        var optIn = rules.MustOptIn(incident.TypeCode, contract.Bereaved);
        if (!contract.VictimSupportOptOut)
        {
            await Add(ReferralKind.VictimSupport, optIn ? ReferralStatus.AwaitingOptIn : ReferralStatus.Sent,
                calendar.DueAfter(now, rules.VictimSupportWorkingDays),
                optIn ? "Victim support: the victim must opt in" : "Victim support: automatic unless the victim opts out", VictimSupportBasis);
        }
        var doorstep = incident.Narrative.Contains("doorstep", StringComparison.OrdinalIgnoreCase);
        // Suggested at intake already when the victim's vulnerability assessment found them elderly: not suggested twice.
        if (age >= 65 && (incident.TypeCode == "BURGLARY-RESIDENTIAL" || doorstep)
            && !await db.Referrals.AnyAsync(r => r.IncidentId == incident.Id && r.PersonId == victim.Id && r.Kind == ReferralKind.OlderPersonLiaison, ct))
        {
            await Add(ReferralKind.OlderPersonLiaison, ReferralStatus.Suggested, calendar.DueAfter(now, 5),
                "Victim aged 65 or over of burglary or doorstep crime", VictimSupportBasis);
        }
        var flagged = await db.RiskAssessments.AsNoTracking()
            .AnyAsync(r => r.IncidentId == incident.Id && (r.PersonId == null || r.PersonId == victim.Id) && r.ReferralFlag, ct);
        // MARAC itself is not suggested here: the MARAC listing rule (MaracListing) lists the case when the DASH is
        // recorded, whether or not a crime follows.
        if (flagged)
        {
            await Add(ReferralKind.Idva, ReferralStatus.Suggested, calendar.DueAfter(now, 1),
                "DASH: high risk of domestic abuse", MaracBasis);
        }
        if (child || incident.VulnerablePerson)
        {
            await Add(ReferralKind.Mash, ReferralStatus.Suggested, now.AddHours(24),
                child ? "Child victim" : "Vulnerable adult", SafeguardingBasis);
        }
    }

    /// <summary>
    /// Bereaved relatives opt in to victim support (DOMAIN §8). A victim found to be bereaved after the automatic
    /// referral went, and before the service took it up, has it held back until they opt in.
    /// </summary>
    public static async Task OnBereavedAsync(AppDb db, VictimContactContract contract, DateTimeOffset now, CancellationToken ct)
    {
        if (contract.VictimSupportOptIn)
        {
            return;
        }
        var sent = await db.Referrals.Where(r => r.CrimeRecordId == contract.CrimeRecordId && r.PersonId == contract.VictimId
            && r.Kind == ReferralKind.VictimSupport && r.Status == ReferralStatus.Sent).ToListAsync(ct);
        foreach (var referral in sent)
        {
            referral.Status = ReferralStatus.AwaitingOptIn;
            referral.SentAt = null;
            referral.Reason = "Victim support: a bereaved relative must opt in";
            referral.Feedback = "Withdrawn: the victim is a bereaved relative and has not opted in";
            referral.FeedbackAt = now;
        }
    }

    /// <summary>
    /// A victim who opts out closes the victim support referral; one who opts in releases it. A victim who opted
    /// out and then opts in (or withdraws the opt-out where referral is automatic) gets a fresh referral, due
    /// within the Code's working days from then; the closed one stays as it was.
    /// </summary>
    public static async Task OnConsentChangedAsync(AppDb db, VictimContactContract contract, VictimCodeRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var all = await db.Referrals.Where(r => r.CrimeRecordId == contract.CrimeRecordId && r.PersonId == contract.VictimId
            && r.Kind == ReferralKind.VictimSupport).OrderBy(r => r.Id).ToListAsync(ct);
        var support = all.Where(r => r.Status is ReferralStatus.Sent or ReferralStatus.AwaitingOptIn).ToList();
        if (support.Count == 0 && !contract.VictimSupportOptOut)
        {
            var optedOut = all.LastOrDefault(r => r.Status == ReferralStatus.Closed && r.Feedback == OptedOut);
            if (optedOut is not null && (contract.VictimSupportOptIn
                || !rules.MustOptIn(await db.Incidents.Where(i => i.Id == contract.IncidentId).Select(i => i.TypeCode).FirstAsync(ct), contract.Bereaved)))
            {
                db.Referrals.Add(new Referral
                {
                    IncidentId = optedOut.IncidentId, CrimeRecordId = optedOut.CrimeRecordId, PersonId = optedOut.PersonId, Kind = ReferralKind.VictimSupport,
                    ToAgencyId = optedOut.ToAgencyId, Status = ReferralStatus.Sent, SentAt = now,
                    DueAt = WorkingDays.EnglandAndWales.DueAfter(now, rules.VictimSupportWorkingDays),
                    Reason = "Victim support: the victim changed their mind after opting out", LawfulBasis = VictimSupportBasis,
                    CreatedAt = now, CreatedBy = optedOut.CreatedBy, ReferrerEmail = optedOut.ReferrerEmail,
                });
            }
            return;
        }
        foreach (var referral in support)
        {
            if (contract.VictimSupportOptOut)
            {
                referral.Status = ReferralStatus.Closed;
                referral.Feedback = OptedOut;
                referral.FeedbackAt = now;
            }
            else if (contract.VictimSupportOptIn && referral.Status == ReferralStatus.AwaitingOptIn)
            {
                referral.Status = ReferralStatus.Sent;
                referral.SentAt = now;
                referral.Feedback = null;
                referral.FeedbackAt = null;
                referral.DueAt = WorkingDays.EnglandAndWales.DueAfter(now, rules.VictimSupportWorkingDays);
            }
        }
    }
}
