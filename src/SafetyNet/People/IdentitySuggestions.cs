using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Matching;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>
/// An existing identity that may be the person being entered, with what a call handler needs to decide. A
/// <see cref="Sensitive"/> identity (one holding an entry on a sensitive incident) listed without a purpose has no
/// <see cref="Name"/>, <see cref="DateOfBirth"/> or names its incidents were entered under: the match, its reasons, the
/// repeat and vulnerable status and its incidents by reference, type, role and date remain, so that the force's knowledge
/// of the person still reaches whoever takes the call.
/// </summary>
public sealed record IdentitySuggestion(
    long IdentityId, int Version, string? Name, DateOnly? DateOfBirth, double Probability, string Band, long PersonId,
    IReadOnlyList<string> Reasons, RepeatStatus Status, IReadOnlyList<IdentityIncident> Incidents, bool Sensitive = false);

/// <summary>
/// Looks a person up in the engine's index and groups the entries found by their identity: the best entry of each
/// identity gives its probability and reasons. Identities the caller may not see, and those judged not this person,
/// are left out. The list is worked row by row: a sensitive identity is shown in full only for a stated purpose, and
/// each lookup is one audit event naming every identity offered.
/// </summary>
public sealed class IdentitySuggestions(AppDb db, PersonMatcher matcher, Identities identities, IdentityReader reader, IncidentAccess access, RecordReads reads,
    ForceConfiguration configuration)
{
    /// <param name="purpose">Why the caller opens sensitive identities; without one they are listed without personal details.</param>
    /// <param name="context">Where the lookup was made, for the audit event ("intake", "person 12").</param>
    /// <param name="includeJudged">Also show identities judged not this person (for a reviewer who may correct that judgement).</param>
    public async Task<IReadOnlyList<IdentitySuggestion>> ForAsync(PersonEntry probe, long? self, double floor, int limit, string? purpose, string context, CancellationToken cancellationToken,
        bool includeJudged = false)
    {
        if (!access.CanRead || (string.IsNullOrWhiteSpace(probe.FirstName) && string.IsNullOrWhiteSpace(probe.LastName)))
        {
            return [];
        }
        var suggestions = await FindAsync(probe, self, floor, limit, includeJudged, cancellationToken);
        var sensitive = await reader.SensitiveAmongAsync(suggestions.Select(s => s.IdentityId).ToList(), cancellationToken);
        var stated = RecordReads.Valid(purpose);
        await reads.AuditSearchAsync(suggestions.Select(s => new ListedRecord(s.IdentityId, sensitive.Contains(s.IdentityId))).ToList(), "identity.matches", "identity", stated,
            $"{context}: name={string.Join(' ', new[] { probe.FirstName, probe.MiddleName, probe.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)))} dob={probe.DateOfBirth}", cancellationToken);
        return suggestions.Select(s => !sensitive.Contains(s.IdentityId) ? s
            : stated is not null ? s with { Sensitive = true }
            : s with { Name = null, DateOfBirth = null, Incidents = s.Incidents.Select(i => i with { EnteredAs = null }).ToList(), Sensitive = true }).ToList();
    }

    private async Task<List<IdentitySuggestion>> FindAsync(PersonEntry probe, long? self, double floor, int limit, bool includeJudged, CancellationToken cancellationToken)
    {
        var rules = (await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken)).Value;
        var candidates = (await matcher.FindAsync(probe, self, 30, cancellationToken)).Where(c => c.Probability >= floor).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }
        var ids = candidates.Select(c => c.PersonId).ToList();
        var owners = await (from p in db.IncidentPeople.AsNoTracking()
                            join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                            where ids.Contains(p.Id) && p.IdentityId != null
                            select new { p.Id, IdentityId = p.IdentityId!.Value }).ToDictionaryAsync(x => x.Id, x => x.IdentityId, cancellationToken);
        long? ownIdentity = self is { } s ? await db.IncidentPeople.Where(p => p.Id == s).Select(p => p.IdentityId).FirstOrDefaultAsync(cancellationToken) : null;
        var notSame = self is { } me ? await NotSameIdentitiesAsync(me, cancellationToken) : [];
        var best = candidates.Where(c => owners.ContainsKey(c.PersonId) && owners[c.PersonId] != ownIdentity && (includeJudged || !notSame.Contains(owners[c.PersonId])))
            .GroupBy(c => owners[c.PersonId]).Select(g => (IdentityId: g.Key, Best: g.MaxBy(c => c.Probability)!))
            .OrderByDescending(x => x.Best.Probability).Take(limit).ToList();
        var suggestions = new List<IdentitySuggestion>(best.Count);
        foreach (var (identityId, candidate) in best)
        {
            var identity = await db.PersonIdentities.AsNoTracking().FirstAsync(i => i.Id == identityId, cancellationToken);
            var status = await identities.StatusAsync(identityId, cancellationToken: cancellationToken);
            var incidents = await identities.IncidentsAsync(identityId, access.Visible(db.Incidents), self, 10, cancellationToken);
            var band = notSame.Contains(identityId) ? "judged different" : candidate.Probability >= rules.AutoLinkProbability && candidate.EnoughToJudge ? "automatic" : candidate.Probability >= rules.ReviewProbability ? "review" : "below";
            suggestions.Add(new IdentitySuggestion(identityId, identity.Version, identity.DisplayName, identity.DateOfBirth, candidate.Probability, band,
                candidate.PersonId, candidate.Reasons, status, incidents));
        }
        return suggestions;
    }

    /// <summary>Identities that hold an entry judged not the same person as this one.</summary>
    public async Task<HashSet<long>> NotSameIdentitiesAsync(long personId, CancellationToken cancellationToken)
    {
        var others = await db.IdentityReviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.NotSame && (r.PersonId == personId || r.CandidatePersonId == personId))
            .Select(r => r.PersonId == personId ? r.CandidatePersonId : r.PersonId).ToListAsync(cancellationToken);
        var owners = await db.IncidentPeople.AsNoTracking().Where(p => others.Contains(p.Id) && p.IdentityId != null).Select(p => p.IdentityId!.Value).ToListAsync(cancellationToken);
        return [.. owners];
    }
}
