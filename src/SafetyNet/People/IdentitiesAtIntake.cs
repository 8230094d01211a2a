using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>
/// Who is who, as a report is recorded: each person the call handler recognised joins the identity they chose, the
/// suggestions they rejected are kept as different people, repeat and vulnerable victims are routed, and once the
/// report is committed its people join the matcher and background resolution is woken for the rest.
/// </summary>
public sealed class IdentitiesAtIntake(AppDb db, Identities identities, PersonMatcher matcher, IdentityResolution resolution, AuditTrail audit, CurrentUser user, TimeProvider time)
    : IReaction<IncidentRecorded>
{
    public async Task OnAsync(IncidentRecorded happened, CancellationToken cancellationToken)
    {
        await LinkChosenAsync(happened, cancellationToken);
        await identities.RouteAsync(happened.Incident, happened.People, IdentityLinkSource.CallHandler, cancellationToken);
        var people = happened.People.ToList();
        happened.WhenCommitted(() =>
        {
            matcher.Add(people);
            resolution.Wake();
        });
    }

    /// <summary>
    /// Puts each confirmed person in the identity the call handler chose (their own, just started, is removed) with
    /// the engine's score and reasons for the record, and marks rejected suggestions as different people.
    /// </summary>
    private async Task LinkChosenAsync(IncidentRecorded happened, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (index, choice) in happened.Choices)
        {
            var person = happened.People[index];
            if (choice.Confirmed is { } chosen && await identities.CurrentAsync(chosen, cancellationToken) is { } target && target.Id != person.IdentityId)
            {
                var started = person.Identity!;
                var candidates = await matcher.FindAsync(PersonMatcher.ToEntry(person), person.Id, 30, cancellationToken);
                var ids = candidates.Select(c => c.PersonId).ToList();
                var inIdentity = await db.IncidentPeople.Where(p => ids.Contains(p.Id) && p.IdentityId == target.Id).Select(p => p.Id).ToListAsync(cancellationToken);
                var best = candidates.FirstOrDefault(c => inIdentity.Contains(c.PersonId));
                person.IdentityId = target.Id;
                person.Identity = null;
                // The identity the entry started is kept as merged away, so the link is in the identity's history
                // like any other and a reviewer can split it back.
                await identities.MergeAsync(started, target, IdentityLinkSource.CallHandler, best?.Probability, best is null ? null : string.Join("; ", best.Reasons),
                    $"entry {person.Id} on {happened.Incident.Reference} confirmed by the call handler", cancellationToken: cancellationToken, members: [person]);
                await db.SaveChangesAsync(cancellationToken);
            }
            foreach (var other in choice.Rejected)
            {
                var representative = await db.IncidentPeople.Where(p => p.IdentityId == other).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
                if (representative is { } candidateId)
                {
                    db.IdentityReviews.Add(new IdentityReview
                    {
                        PersonId = person.Id, CandidatePersonId = candidateId, Status = ReviewStatus.NotSame, Reasons = "rejected by the call handler at intake",
                        CreatedAt = now, DecidedAt = now, DecidedBy = user.Name,
                    });
                    audit.Add("identity.not-same", "person", person.Id.ToString(CultureInfo.InvariantCulture), details: $"call handler: not identity {other}");
                }
            }
        }
    }
}
