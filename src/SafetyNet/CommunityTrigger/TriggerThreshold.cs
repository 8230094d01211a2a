using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.CommunityTrigger;

/// <summary>One complaint counted toward the threshold, and why it is about the same problem as the others.</summary>
public sealed record CountedComplaint(long IncidentId, string Reference, DateTimeOffset ReportedAt, string Reason);

/// <summary>
/// Spots, before the victim has to ask, when a case's victims have made enough complaints about the same problem to
/// meet the local Community Trigger threshold (DOMAIN §7; decision 0101), and flags the case to its lead agency with
/// an action to offer an ASB case review.
/// </summary>
/// <remarks>
/// Complaints are about the same problem when they come from the same victim or household at the same place (the
/// same address key or UPRN, or within <see cref="AsbRules.TriggerDistanceMetres"/>), or name the same perpetrator;
/// each must be made within <see cref="AsbRules.TriggerComplaintWithinMonths"/> of the behaviour, and all within
/// <see cref="AsbRules.TriggerWindowMonths"/>. The rule's numbers are the force's <see cref="AsbRules"/>.
/// </remarks>
public sealed class TriggerThreshold(AppDb db, Identities people, ForceConfiguration configuration, AuditTrail audit, TimeProvider time)
{
    private sealed record Candidate(long Id, string Reference, DateTimeOffset ReportedAt, DateTimeOffset? OccurredAt, string LocationKey, string? District, string? Uprn,
        double? Latitude, double? Longitude)
    {
        public HashSet<long> Victims { get; } = [];
        public HashSet<string> Households { get; } = [];
        public HashSet<long> Perpetrators { get; } = [];
    }

    /// <summary>
    /// The complaints that count toward the threshold on the case as at <paramref name="asOf"/>: among the ASB reports
    /// linked to the case, made by its victims or naming its perpetrators, the largest set about one problem.
    /// </summary>
    public async Task<IReadOnlyList<CountedComplaint>> QualifyingComplaintsAsync(long caseId, DateTimeOffset asOf, AsbRules rules, CancellationToken ct)
    {
        var since = asOf.AddMonths(-rules.TriggerWindowMonths);
        var asbTypes = IncidentType.All.Where(t => t.IsAsb).Select(t => t.Code).ToList();
        var parties = await db.CaseParties.Where(p => p.CaseId == caseId).Select(p => new { p.IdentityId, p.Role }).ToListAsync(ct);
        var victims = await people.WithMergedAsync(parties.Where(p => p.Role == CasePartyRole.Victim).Select(p => p.IdentityId), ct);
        var perpetrators = await people.WithMergedAsync(parties.Where(p => p.Role == CasePartyRole.Perpetrator).Select(p => p.IdentityId), ct);
        var linked = db.CaseIncidents.Where(l => l.CaseId == caseId).Select(l => l.IncidentId);
        var named = from p in db.IncidentPeople
                    where p.IdentityId != null && (((p.Role == PersonRole.Victim || p.Role == PersonRole.Caller) && victims.Contains(p.IdentityId.Value))
                                                   || (p.Role == PersonRole.Suspect && perpetrators.Contains(p.IdentityId.Value)))
                    select p.IncidentId;
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => asbTypes.Contains(i.TypeCode) && i.ReportedAt >= since && i.ReportedAt <= asOf && (linked.Contains(i.Id) || named.Contains(i.Id)))
            .Select(i => new Candidate(i.Id, i.Reference, i.ReportedAt, i.OccurredFrom, i.LocationKey, i.District, i.Uprn, i.Latitude, i.Longitude))
            .ToListAsync(ct);
        // Each complaint made within the configured months of the behaviour it reports; when that is unknown, it is taken as prompt.
        var candidates = rows.Where(c => c.OccurredAt is not { } occurred || c.ReportedAt <= occurred.AddMonths(rules.TriggerComplaintWithinMonths))
            .OrderBy(c => c.ReportedAt).ThenBy(c => c.Id).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }
        var ids = candidates.Select(c => c.Id).ToList();
        var entries = await db.IncidentPeople.AsNoTracking()
            .Where(p => ids.Contains(p.IncidentId) && (p.Role == PersonRole.Victim || p.Role == PersonRole.Caller || p.Role == PersonRole.Suspect))
            .Select(p => new { p.IncidentId, p.Role, p.IdentityId, p.Address, p.FirstName, p.LastName }).ToListAsync(ct);
        var current = await CurrentIdentitiesAsync(entries.Where(p => p.IdentityId != null).Select(p => p.IdentityId!.Value), ct);
        var byId = candidates.ToDictionary(c => c.Id);
        foreach (var p in entries)
        {
            var c = byId[p.IncidentId];
            var identity = p.IdentityId is { } id ? current[id] : (long?)null;
            if (p.Role == PersonRole.Suspect)
            {
                // Only a named perpetrator ties complaints together: "a group of youths" is nobody in particular.
                if (identity is { } suspect && (!string.IsNullOrWhiteSpace(p.FirstName) || !string.IsNullOrWhiteSpace(p.LastName)))
                {
                    c.Perpetrators.Add(suspect);
                }
                continue;
            }
            if (identity is { } victim)
            {
                c.Victims.Add(victim);
            }
            if (PlaceKey.Of(p.Address) is { Length: > 0 } household)
            {
                c.Households.Add(household);
            }
        }

        // The largest set of complaints about one problem: each complaint with those about the same problem as it.
        List<(Candidate Complaint, string Reason)> best = [];
        foreach (var anchor in candidates)
        {
            var group = new List<(Candidate, string)>();
            foreach (var other in candidates)
            {
                if (other == anchor)
                {
                    continue;
                }
                if (SameProblem(anchor, other, rules) is { } reason)
                {
                    group.Add((other, $"{reason} as {anchor.Reference}"));
                }
            }
            if (group.Count == 0)
            {
                continue;
            }
            group.Insert(0, (anchor, $"{SameProblem(anchor, group[0].Item1, rules)} as {group[0].Item1.Reference}"));
            if (group.Count >= best.Count)
            {
                best = group;
            }
        }
        if (best.Count == 0)
        {
            // No two complaints are about one problem: the latest counts on its own.
            best = [(candidates[^1], "The only complaint about its problem")];
        }
        return best.OrderBy(g => g.Complaint.ReportedAt).ThenBy(g => g.Complaint.Id)
            .Select(g => new CountedComplaint(g.Complaint.Id, g.Complaint.Reference, g.Complaint.ReportedAt, g.Reason)).ToList();
    }

    /// <summary>Why two complaints are about the same problem, or null when they are not.</summary>
    private static string? SameProblem(Candidate a, Candidate b, AsbRules rules)
    {
        if (a.Perpetrators.Overlaps(b.Perpetrators))
        {
            return "Names the same perpetrator";
        }
        var who = a.Victims.Overlaps(b.Victims) ? "From the same victim" : a.Households.Overlaps(b.Households) ? "From the same household" : null;
        if (who is null)
        {
            return null;
        }
        if ((a.LocationKey != "" && a.LocationKey == b.LocationKey && (a.District is null || b.District is null || a.District == b.District))
            || (a.Uprn is not null && a.Uprn == b.Uprn))
        {
            return $"{who} at the same place";
        }
        if (rules.TriggerDistanceMetres > 0 && a.Latitude is { } lat1 && a.Longitude is { } lon1 && b.Latitude is { } lat2 && b.Longitude is { } lon2
            && DistanceMetres(lat1, lon1, lat2, lon2) is var metres && metres <= rules.TriggerDistanceMetres)
        {
            return $"{who} within {Math.Round(metres):0} metres";
        }
        return null;
    }

    private static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6_371_000 * Math.Asin(Math.Sqrt(h));
    }

    /// <summary>Each identity id mapped to the identity it was merged into, following merges, so one person is one id.</summary>
    private async Task<Dictionary<long, long>> CurrentIdentitiesAsync(IEnumerable<long> identityIds, CancellationToken ct)
    {
        var map = identityIds.Distinct().ToDictionary(id => id, id => id);
        var pending = map.Keys.ToList();
        for (var hop = 0; hop < 10 && pending.Count > 0; hop++)
        {
            var next = await db.PersonIdentities.AsNoTracking().Where(i => pending.Contains(i.Id) && i.MergedIntoId != null)
                .Select(i => new { i.Id, Into = i.MergedIntoId!.Value }).ToDictionaryAsync(i => i.Id, i => i.Into, ct);
            foreach (var key in map.Keys.ToList())
            {
                if (next.TryGetValue(map[key], out var into))
                {
                    map[key] = into;
                }
            }
            pending = next.Values.Distinct().ToList();
        }
        return map;
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
            .Where(p => p.IncidentId == incidentId && p.IdentityId != null && (p.Role == PersonRole.Victim || p.Role == PersonRole.Caller || p.Role == PersonRole.Suspect))
            .Select(p => new { Id = p.IdentityId!.Value, Suspect = p.Role == PersonRole.Suspect }).Distinct().ToListAsync(ct);
        if (direct.Count == 0)
        {
            return 0;
        }
        var victims = await people.WithMergedAsync(direct.Where(d => !d.Suspect).Select(d => d.Id), ct);
        var suspects = await people.WithMergedAsync(direct.Where(d => d.Suspect).Select(d => d.Id), ct);
        var cases = await db.AsbCases
            .Where(c => c.Status == AsbCaseStatus.Open && c.TriggerFlaggedAt == null
                        && db.CaseParties.Any(p => p.CaseId == c.Id && ((p.Role == CasePartyRole.Victim && victims.Contains(p.IdentityId))
                                                                      || (p.Role == CasePartyRole.Perpetrator && suspects.Contains(p.IdentityId)))))
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
        db.CaseEntries.Add(new CaseEntry
        {
            CaseId = asbCase.Id, At = now, Kind = "community-trigger", By = "SafetyNet",
            Text = $"Community Trigger threshold met: {complaints.Count} qualifying complaints about the same problem in {rules.Value.TriggerWindowMonths} months "
                   + $"({string.Join("; ", complaints.Select(c => $"{c.Reference}: {c.Reason}"))}). Offer the victim an ASB case review.",
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
