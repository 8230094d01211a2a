using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.CommunityTrigger;

/// <summary>
/// Spots, before the victim has to ask, when a case's victims have made enough qualifying complaints to meet the
/// local Community Trigger threshold (DOMAIN §7: by default 3 in 6 months, each made within a month of the
/// behaviour), and flags the case to its lead agency with an action to offer an ASB case review.
/// </summary>
public sealed class TriggerThreshold(AppDb db, Identities people, ForceConfiguration configuration, AuditTrail audit, TimeProvider time)
{
    public sealed record Complaint(long IncidentId, DateTimeOffset ReportedAt, DateTimeOffset? OccurredAt);

    /// <summary>
    /// A complaint qualifies when it is about the case's problem (an ASB incident linked to the case or naming
    /// a victim on it), was made within the window before <paramref name="asOf"/>, and was made within the
    /// configured days of the behaviour it reports.
    /// </summary>
    public async Task<IReadOnlyList<Complaint>> QualifyingComplaintsAsync(long caseId, DateTimeOffset asOf, AsbRules rules, CancellationToken ct)
    {
        var since = asOf.AddMonths(-rules.TriggerWindowMonths);
        var asbTypes = IncidentType.All.Where(t => t.IsAsb).Select(t => t.Code).ToList();
        var victims = await people.WithMergedAsync(
            await db.CaseParties.Where(p => p.CaseId == caseId && p.Role == CasePartyRole.Victim).Select(p => p.IdentityId).ToListAsync(ct), ct);
        var linked = db.CaseIncidents.Where(l => l.CaseId == caseId).Select(l => l.IncidentId);
        var byVictim = from p in db.IncidentPeople
                       where p.IdentityId != null && victims.Contains(p.IdentityId.Value) && (p.Role == PersonRole.Victim || p.Role == PersonRole.Caller)
                       select p.IncidentId;
        var candidates = await db.Incidents.AsNoTracking()
            .Where(i => asbTypes.Contains(i.TypeCode) && i.ReportedAt >= since && i.ReportedAt <= asOf && (linked.Contains(i.Id) || byVictim.Contains(i.Id)))
            .Select(i => new Complaint(i.Id, i.ReportedAt, i.OccurredFrom)).ToListAsync(ct);
        return candidates.Where(c => c.OccurredAt is not { } occurred || c.ReportedAt - occurred <= TimeSpan.FromDays(rules.TriggerComplaintWithinDays))
            .OrderBy(c => c.ReportedAt).ToList();
    }

    /// <summary>
    /// Checks, when a new ASB report arrives (or its victim is later recognised), every open case on which the
    /// report's victim or caller is a victim: the complaint may be the one that meets the threshold even if
    /// nobody links it to the case. The caller saves. Returns the cases flagged.
    /// </summary>
    public async Task<int> CheckCasesOfAsync(long incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId).Select(i => new { i.TypeCode }).FirstOrDefaultAsync(ct);
        if (incident is null || IncidentType.Find(incident.TypeCode)?.IsAsb != true)
        {
            return 0;
        }
        var direct = await db.IncidentPeople
            .Where(p => p.IncidentId == incidentId && p.IdentityId != null && (p.Role == PersonRole.Victim || p.Role == PersonRole.Caller))
            .Select(p => p.IdentityId!.Value).Distinct().ToListAsync(ct);
        if (direct.Count == 0)
        {
            return 0;
        }
        var identities = await people.WithMergedAsync(direct, ct);
        var cases = await db.AsbCases
            .Where(c => c.Status == AsbCaseStatus.Open && c.TriggerFlaggedAt == null
                        && db.CaseParties.Any(p => p.CaseId == c.Id && p.Role == CasePartyRole.Victim && identities.Contains(p.IdentityId)))
            .ToListAsync(ct);
        var flagged = 0;
        foreach (var asbCase in cases)
        {
            if (await CheckAsync(asbCase, ct))
            {
                flagged++;
            }
        }
        return flagged;
    }

    /// <summary>Flags the case when the threshold is met; the caller saves.</summary>
    public async Task<bool> CheckAsync(AsbCase asbCase, CancellationToken ct)
    {
        if (asbCase.TriggerFlaggedAt is not null || asbCase.Status != AsbCaseStatus.Open)
        {
            return false;
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var now = time.GetUtcNow();
        var complaints = await QualifyingComplaintsAsync(asbCase.Id, now, rules.Value, ct);
        if (complaints.Count < rules.Value.TriggerComplaints)
        {
            return false;
        }
        asbCase.TriggerFlaggedAt = now;
        var references = await db.Incidents.Where(i => complaints.Select(c => c.IncidentId).Contains(i.Id)).Select(i => i.Reference).ToListAsync(ct);
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = asbCase.Id, At = now, Kind = "community-trigger", By = "SafetyNet",
            Text = $"Community Trigger threshold met: {complaints.Count} qualifying complaints in {rules.Value.TriggerWindowMonths} months ({string.Join(", ", references.Order())}). Offer the victim an ASB case review.",
        });
        db.CaseActions.Add(new CaseAction
        {
            CaseId = asbCase.Id, Title = "Community Trigger threshold met: offer the victim an ASB case review", OwnerAgencyId = asbCase.LeadAgencyId,
            DueAt = now.AddDays(5), Status = CaseActionStatus.Open, CreatedAt = now, CreatedBy = "SafetyNet",
        });
        audit.Add("case.trigger.flag", "case", asbCase.Id.ToString(CultureInfo.InvariantCulture), details: $"{complaints.Count} complaints, rules v{rules.Version}", actor: "SafetyNet");
        return true;
    }
}
