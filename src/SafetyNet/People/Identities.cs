using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>
/// An incident an identity appears in, with the entry and role it appears as. <see cref="EnteredAs"/> (the name as entered)
/// is null where the identity is listed without personal details.
/// </summary>
public sealed record IdentityIncident(long IncidentId, string Reference, string TypeCode, string TypeName, DateTimeOffset ReportedAt, string Role, long PersonId, string? EnteredAs);

/// <summary>
/// What the repeat rules say about an identity at a moment: counts within each rule's window, and the sentence the
/// call handler and the desk read ("reported 4 times in 90 days, twice as ASB").
/// </summary>
public sealed record RepeatStatus(
    long IdentityId, int ReportedAsVictim, int ReportedAsAsb, bool RepeatVictim, int VictimDays,
    int NamedAsSuspect, bool RepeatOffender, int OffenderDays, bool Vulnerable, int RuleVersion, string Summary)
{
    public bool Any => RepeatVictim || RepeatOffender || Vulnerable;
}

/// <summary>A repeat location by the force's rule: incidents at the same place within the window.</summary>
public sealed record LocationStatus(int Incidents, int Days, bool RepeatLocation, int RuleVersion);

/// <summary>
/// The identities of people: which is current, what entries and incidents each holds, its repeat and vulnerable
/// status, and reversible, recorded merges and splits. Other features (cases, the community focus desk) call this.
/// </summary>
public sealed class Identities(AppDb db, ForceConfiguration configuration, AuditTrail audit, CurrentUser user, TimeProvider time)
{
    /// <summary>
    /// The identity an id now means, following merges; null when there is no such identity. The one lookup of the
    /// current identity: it visits each identity at most once, so a merge chain that loops (which no merge makes, but
    /// a damaged database could hold) ends with null rather than running for ever.
    /// </summary>
    public async Task<PersonIdentity?> CurrentAsync(long identityId, CancellationToken cancellationToken = default)
    {
        var visited = new HashSet<long>();
        var identity = await db.PersonIdentities.FirstOrDefaultAsync(i => i.Id == identityId, cancellationToken);
        while (identity?.MergedIntoId is { } next)
        {
            if (!visited.Add(identity.Id))
            {
                return null;
            }
            identity = await db.PersonIdentities.FirstOrDefaultAsync(i => i.Id == next, cancellationToken);
        }
        return identity;
    }

    /// <summary>The current identity id for an id, following merges.</summary>
    public async Task<long?> CurrentIdAsync(long identityId, CancellationToken cancellationToken = default) =>
        (await CurrentAsync(identityId, cancellationToken))?.Id;

    /// <summary>Each identity's current identity, with the identities merged into those: every id a record of the same people may carry.</summary>
    public async Task<List<long>> WithMergedAsync(IEnumerable<long> identityIds, CancellationToken cancellationToken = default)
    {
        var current = new HashSet<long>();
        foreach (var id in identityIds)
        {
            current.Add(await CurrentIdAsync(id, cancellationToken) ?? id);
        }
        var merged = await db.PersonIdentities.Where(i => i.MergedIntoId != null && current.Contains(i.MergedIntoId.Value)).Select(i => i.Id).ToListAsync(cancellationToken);
        return [.. current, .. merged];
    }

    /// <summary>The current identities of an incident's victims, with the identities merged into them.</summary>
    public async Task<List<long>> VictimIdentitiesAsync(long incidentId, CancellationToken cancellationToken = default)
    {
        var direct = await db.IncidentPeople.Where(p => p.IncidentId == incidentId && p.Role == PersonRole.Victim && p.IdentityId != null)
            .Select(p => p.IdentityId!.Value).Distinct().ToListAsync(cancellationToken);
        return await WithMergedAsync(direct, cancellationToken);
    }

    /// <summary>Every entry of the identity, oldest first. Callers decide what of it their user may see.</summary>
    public Task<List<IncidentPerson>> EntriesAsync(long identityId, CancellationToken cancellationToken = default) =>
        db.IncidentPeople.AsNoTracking().Where(p => p.IdentityId == identityId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>The incidents the identity appears in, newest first, among those <paramref name="incidents"/> allows.</summary>
    public async Task<List<IdentityIncident>> IncidentsAsync(long identityId, IQueryable<Incident> incidents, long? excludePersonId = null, int take = 200, CancellationToken cancellationToken = default)
    {
        var rows = await (from p in db.IncidentPeople.AsNoTracking()
                          join i in incidents.AsNoTracking() on p.IncidentId equals i.Id
                          where p.IdentityId == identityId && p.Id != excludePersonId
                          orderby i.ReportedAt descending, i.Id descending
                          select new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, p.Role, PersonId = p.Id, p.FirstName, p.MiddleName, p.LastName }).Take(take).ToListAsync(cancellationToken);
        return rows.Select(r => new IdentityIncident(r.Id, r.Reference, r.TypeCode, IncidentType.Find(r.TypeCode)?.Name ?? r.TypeCode, r.ReportedAt, r.Role.ToString(), r.PersonId,
            string.Join(' ', new[] { r.FirstName, r.MiddleName, r.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))))).ToList();
    }

    /// <summary>The repeat and vulnerable status of an identity as it stood at <paramref name="asOf"/> (now by default).</summary>
    public async Task<RepeatStatus> StatusAsync(long identityId, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var (rules, version) = await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken);
        var at = asOf ?? time.GetUtcNow();
        var longest = Math.Max(Math.Max(rules.RepeatVictim.Days, rules.RepeatOffender.Days), rules.VulnerableWithinDays);
        var since = at.AddDays(-longest);
        var rows = await (from p in db.IncidentPeople.AsNoTracking()
                          join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                          where p.IdentityId == identityId && i.ReportedAt >= since && i.ReportedAt <= at
                          select new { i.Id, i.TypeCode, i.ReportedAt, p.Role, i.VulnerablePerson }).ToListAsync(cancellationToken);
        var victimFrom = at.AddDays(-rules.RepeatVictim.Days);
        var asVictim = rows.Where(r => (r.Role is PersonRole.Victim or PersonRole.Caller) && r.ReportedAt >= victimFrom).Select(r => (r.Id, r.TypeCode)).Distinct().ToList();
        var asb = asVictim.Count(r => r.TypeCode.StartsWith("ASB", StringComparison.Ordinal));
        var offenderFrom = at.AddDays(-rules.RepeatOffender.Days);
        var asSuspect = rows.Where(r => r.Role == PersonRole.Suspect && r.ReportedAt >= offenderFrom).Select(r => r.Id).Distinct().Count();
        var vulnerableFrom = at.AddDays(-rules.VulnerableWithinDays);
        var vulnerable = rows.Any(r => r.VulnerablePerson && (r.Role is PersonRole.Victim or PersonRole.Caller or PersonRole.PersonOfConcern) && r.ReportedAt >= vulnerableFrom);
        var repeatVictim = asVictim.Count >= rules.RepeatVictim.Incidents;
        var repeatOffender = asSuspect >= rules.RepeatOffender.Incidents;
        var parts = new List<string>();
        if (asVictim.Count > 0)
        {
            parts.Add($"reported {Times(asVictim.Count)} in {rules.RepeatVictim.Days} days{(asb > 0 ? $", {Times(asb)} as ASB" : "")}");
        }
        if (asSuspect > 0)
        {
            parts.Add($"named as a suspect {Times(asSuspect)} in {rules.RepeatOffender.Days} days");
        }
        if (vulnerable)
        {
            parts.Add($"recorded as vulnerable in the last {rules.VulnerableWithinDays} days");
        }
        return new RepeatStatus(identityId, asVictim.Count, asb, repeatVictim, rules.RepeatVictim.Days, asSuspect, repeatOffender, rules.RepeatOffender.Days,
            vulnerable, version, parts.Count == 0 ? "no reports in the rules' windows" : string.Join("; ", parts));
    }

    /// <summary>Whether a place is a repeat location: incidents at the same place (its key, not its exact spelling) within the rule's window.</summary>
    public async Task<LocationStatus> LocationStatusAsync(string? location, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default, string? district = null)
    {
        var (rules, version) = await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken);
        if (string.IsNullOrWhiteSpace(location))
        {
            return new LocationStatus(0, rules.RepeatLocation.Days, false, version);
        }
        var at = asOf ?? time.GetUtcNow();
        var from = at.AddDays(-rules.RepeatLocation.Days);
        var key = Incidents.PlaceKey.Of(location);
        district ??= Incidents.PlaceKey.DistrictOf(location);
        var count = key.Length == 0 ? 0 : await db.Incidents.AtPlace(key, district, null).CountAsync(i => i.ReportedAt >= from && i.ReportedAt <= at, cancellationToken);
        return new LocationStatus(count, rules.RepeatLocation.Days, count >= rules.RepeatLocation.Incidents, version);
    }

    public static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };

    /// <summary>
    /// Moves every entry of <paramref name="from"/> into <paramref name="into"/> and keeps <paramref name="from"/> as a
    /// merged-away identity, recording who, why and which entries so the merge can be split back. The caller saves.
    /// </summary>
    /// <param name="members">The entries of <paramref name="from"/> when the caller already holds them all (batch resolution).</param>
    public async Task<IdentityChange?> MergeAsync(PersonIdentity from, PersonIdentity into, IdentityLinkSource by, double? score, string? reasons, string? why, string? actor = null,
        CancellationToken cancellationToken = default, IReadOnlyList<IncidentPerson>? members = null)
    {
        if (from.Id == into.Id || from.MergedIntoId is not null || into.MergedIntoId is not null)
        {
            return null;
        }
        var entries = members?.ToList() ?? await db.IncidentPeople.Where(p => p.IdentityId == from.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            entry.IdentityId = into.Id;
            entry.LinkedBy = by;
            entry.LinkScore = score;
            entry.LinkReasons = Truncate(reasons, 1000);
            entry.ResolvedAt = now;
        }
        from.MergedIntoId = into.Id;
        if (into.DateOfBirth is null && from.DateOfBirth is not null)
        {
            into.DateOfBirth = from.DateOfBirth;
        }
        else
        {
            into.Version++;
        }
        var change = new IdentityChange
        {
            Kind = IdentityChangeKind.Merged, FromIdentityId = from.Id, ToIdentityId = into.Id,
            EntryIds = string.Join(',', entries.Select(e => e.Id.ToString(CultureInfo.InvariantCulture))),
            By = by, Score = score, Reason = Truncate(why, 1000), At = now, Actor = actor ?? user.Name,
        };
        db.IdentityChanges.Add(change);
        var moved = entries.Select(e => e.Id).ToList();
        var intoEntries = db.IncidentPeople.Where(p => p.IdentityId == into.Id).Select(p => p.Id);
        if (members is null)
        {
            await CloseReviewsAsync(moved, intoEntries, now, actor, cancellationToken);
        }
        audit.Add("identity.merge", "identity", into.Id.ToString(CultureInfo.InvariantCulture),
            details: $"identity {from.Id} merged into {into.Id} by {by}: entries {change.EntryIds}{(score is { } s ? string.Create(CultureInfo.InvariantCulture, $", probability {s:0.###}") : "")}", actor: actor);
        return change;
    }

    /// <summary>Open review pairs between the moved entries and the identity they joined are decided by the merge.</summary>
    private Task CloseReviewsAsync(List<long> moved, IQueryable<long> intoEntries, DateTimeOffset now, string? actor, CancellationToken cancellationToken) =>
        db.IdentityReviews
            .Where(r => r.Status == ReviewStatus.Open && ((moved.Contains(r.PersonId) && intoEntries.Contains(r.CandidatePersonId)) || (moved.Contains(r.CandidatePersonId) && intoEntries.Contains(r.PersonId))))
            .ForEachAsync(r => { r.Status = ReviewStatus.Merged; r.DecidedAt = now; r.DecidedBy = actor ?? user.Name; }, cancellationToken);

    /// <summary>
    /// Takes entries out of an identity. When they are exactly the entries an earlier merge brought in, the identity
    /// they came from is revived (anything that referred to it resolves to it again); otherwise they start a new
    /// identity. The split entries are recorded as not the same person as those left, so resolution does not
    /// join them again. The caller saves.
    /// </summary>
    public async Task<(PersonIdentity Identity, IdentityChange Change)> SplitAsync(PersonIdentity identity, IReadOnlyCollection<long> entryIds, string? why, CancellationToken cancellationToken = default)
    {
        var entries = await db.IncidentPeople.Where(p => p.IdentityId == identity.Id).ToListAsync(cancellationToken);
        var moving = entries.Where(e => entryIds.Contains(e.Id)).ToList();
        var staying = entries.Where(e => !entryIds.Contains(e.Id)).ToList();
        var wanted = moving.Select(e => e.Id).Order().ToList();
        var merges = await db.IdentityChanges.Where(c => c.ToIdentityId == identity.Id && c.Kind == IdentityChangeKind.Merged).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var undone = merges.FirstOrDefault(m => m.Entries.Order().SequenceEqual(wanted));
        PersonIdentity target;
        if (undone is not null && await db.PersonIdentities.FirstOrDefaultAsync(i => i.Id == undone.FromIdentityId && i.MergedIntoId == identity.Id, cancellationToken) is { } revived)
        {
            revived.MergedIntoId = null;
            target = revived;
        }
        else
        {
            target = PersonIdentity.StartedBy(moving[0]);
            db.PersonIdentities.Add(target);
            await db.SaveChangesAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        foreach (var entry in moving)
        {
            entry.IdentityId = target.Id;
            entry.LinkedBy = IdentityLinkSource.Reviewer;
            entry.LinkScore = null;
            entry.LinkReasons = null;
            entry.ResolvedAt = now;
        }
        identity.Version++;
        foreach (var entry in moving)
        {
            foreach (var other in staying.Take(5))
            {
                db.IdentityReviews.Add(new IdentityReview
                {
                    PersonId = entry.Id, CandidatePersonId = other.Id, Status = ReviewStatus.NotSame, Reasons = "split by a reviewer",
                    CreatedAt = now, DecidedAt = now, DecidedBy = user.Name,
                });
            }
        }
        var change = new IdentityChange
        {
            Kind = IdentityChangeKind.Split, FromIdentityId = identity.Id, ToIdentityId = target.Id,
            EntryIds = string.Join(',', wanted.Select(e => e.ToString(CultureInfo.InvariantCulture))),
            By = IdentityLinkSource.Reviewer, Reason = Truncate(why, 1000), At = now, Actor = user.Name,
        };
        db.IdentityChanges.Add(change);
        audit.Add("identity.split", "identity", identity.Id.ToString(CultureInfo.InvariantCulture),
            details: $"entries {change.EntryIds} split from identity {identity.Id} into {target.Id}{(undone is not null && target.Id == undone.FromIdentityId ? " (merge undone)" : "")}");
        return (target, change);
    }

    /// <summary>
    /// Routes an incident to the community focus desk for each victim who is a repeat victim (by identity, counting
    /// this incident) or recorded as vulnerable. Idempotent: a routing already made is not made twice. The caller saves.
    /// </summary>
    public async Task<List<DeskRouting>> RouteAsync(Incident incident, IEnumerable<IncidentPerson> people, IdentityLinkSource by, CancellationToken cancellationToken = default)
    {
        var (rules, version) = await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken);
        var routed = new List<DeskRouting>();
        foreach (var person in people.Where(p => p.Role == PersonRole.Victim && p.IdentityId is not null))
        {
            var existing = await db.DeskRoutings.Where(r => r.IncidentId == incident.Id && r.PersonId == person.Id).Select(r => r.Reason).ToListAsync(cancellationToken);
            var status = await StatusAsync(person.IdentityId!.Value, incident.ReportedAt, cancellationToken);
            if (rules.RouteRepeatVictims && status.RepeatVictim && !existing.Contains(DeskRoutingReason.RepeatVictim))
            {
                routed.Add(Route(incident, person, DeskRoutingReason.RepeatVictim, $"Repeat victim: {status.Summary}", version, by));
            }
            if (rules.RouteVulnerableVictims && incident.VulnerablePerson && !existing.Contains(DeskRoutingReason.VulnerableVictim))
            {
                routed.Add(Route(incident, person, DeskRoutingReason.VulnerableVictim, "Vulnerable victim: recorded as vulnerable at first contact", version, by));
            }
        }
        db.DeskRoutings.AddRange(routed);
        return routed;
    }

    private DeskRouting Route(Incident incident, IncidentPerson person, DeskRoutingReason reason, string detail, int version, IdentityLinkSource by) => new()
    {
        IncidentId = incident.Id, PersonId = person.Id, IdentityId = person.IdentityId!.Value, Reason = reason,
        Detail = Truncate(detail, 500)!, RuleVersion = version, RoutedAt = time.GetUtcNow(), RoutedBy = by,
    };

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
