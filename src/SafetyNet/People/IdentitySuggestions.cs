using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Matching;

namespace SafetyNet.People;

/// <summary>An existing identity that may be the person being entered, with what a call handler needs to decide.</summary>
public sealed record IdentitySuggestion(
    long IdentityId, int Version, string Name, DateOnly? DateOfBirth, double Probability, string Band, long PersonId,
    IReadOnlyList<string> Reasons, RepeatStatus Status, IReadOnlyList<IdentityIncident> Incidents);

/// <summary>
/// Looks a person up in the engine's index and groups the entries found by their identity: the best entry of each
/// identity gives its probability and reasons. Identities the caller may not see, and those judged not this person,
/// are left out.
/// </summary>
public sealed class IdentitySuggestions(AppDb db, PersonMatcher matcher, Identities identities, IncidentAccess access, Platform.ForceConfiguration configuration)
{
    /// <param name="includeJudged">Also show identities judged not this person (for a reviewer who may correct that judgement).</param>
    public async Task<IReadOnlyList<IdentitySuggestion>> ForAsync(PersonEntry probe, long? self, double floor, int limit, CancellationToken cancellationToken, bool includeJudged = false)
    {
        if (!access.CanRead || (string.IsNullOrWhiteSpace(probe.FirstName) && string.IsNullOrWhiteSpace(probe.LastName)))
        {
            return [];
        }
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
            var band = notSame.Contains(identityId) ? "judged different" : candidate.Probability >= rules.AutoLinkProbability ? "automatic" : candidate.Probability >= rules.ReviewProbability ? "review" : "below";
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
