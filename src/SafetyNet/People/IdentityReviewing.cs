using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.People;

/// <summary>
/// What a merge, split or review decision left: the identity (none for "different people") and <see cref="Answer"/>,
/// that identity read for the purpose stated and audited as a read (null when there is none to show).
/// </summary>
public sealed record ReviewDone(long? IdentityId, IdentityResponse? Answer);

/// <summary>
/// A reviewer's merges, splits and review decisions, checked and saved with their audit events in one transaction.
/// Only reviewers (supervisors and the community focus desk) may change identities; to anyone else the records do
/// not exist. Each answers with the identity it leaves, which is a read: when that identity holds an entry on a
/// sensitive incident the purpose is asked after the 404 and before anything is changed, and the answer is read
/// through <see cref="IdentityReader.ReadAsync"/> for that purpose (decision 0081).
/// </summary>
public sealed class IdentityReviewing(AppDb db, Identities identities, IdentityReader reader, IncidentAccess access, TimeProvider time, CurrentUser user, AuditTrail audit)
{
    public bool CanReview => access.IsReviewer;

    /// <summary>Merges the identity of one entry into the identity of another.</summary>
    public async Task<Outcome<ReviewDone>> MergeAsync(long personId, long? intoPersonId, int? version, int? intoVersion, string? reason, string? purpose, CancellationToken cancellationToken)
    {
        if (!CanReview || await VisiblePersonAsync(personId, cancellationToken) is not { } person)
        {
            return Outcome<ReviewDone>.NotFound;
        }
        var v = new Validation();
        if (intoPersonId is null)
        {
            v.Add("intoPersonId", "Give the person entry to merge into");
        }
        if (version is null)
        {
            v.Add("version", "Give the version of this person's identity you read");
        }
        if (intoVersion is null)
        {
            v.Add("intoVersion", "Give the version of the other identity you read");
        }
        var why = v.MaxLength("reason", reason, "the reason", 1000);
        IncidentPerson? into = null;
        if (intoPersonId is { } other)
        {
            into = await VisiblePersonAsync(other, cancellationToken);
            if (into is null)
            {
                v.Add("intoPersonId", "There is no such person entry");
            }
        }
        if (await MayOpenAsync(person.IdentityId, into?.IdentityId, purpose, cancellationToken) == ReadOutcome.PurposeRequired)
        {
            return Outcome<ReviewDone>.PurposeRequired;
        }
        if (!v.IsValid)
        {
            return Outcome<ReviewDone>.Invalid(v.Errors);
        }
        var from = await db.PersonIdentities.FirstAsync(i => i.Id == person.IdentityId, cancellationToken);
        var target = await db.PersonIdentities.FirstAsync(i => i.Id == into!.IdentityId, cancellationToken);
        if (from.Id == target.Id)
        {
            v.Add("intoPersonId", "These entries are already the same person");
            return Outcome<ReviewDone>.Invalid(v.Errors);
        }
        if (!db.Matches(from, version!.Value))
        {
            return Outcome<ReviewDone>.Stale(from.Version);
        }
        if (!db.Matches(target, intoVersion!.Value))
        {
            return Outcome<ReviewDone>.Stale(target.Version);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await identities.MergeAsync(from, target, IdentityLinkSource.Reviewer, null, null, why ?? "merged by a reviewer", cancellationToken: cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return Outcome<ReviewDone>.Stale(target.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new ReviewDone(target.Id, await AnswerAsync(target.Id, purpose, "after merge", cancellationToken)));
    }

    /// <summary>Takes entries out of an identity, reviving the identity they were merged from when that is what they were.</summary>
    public async Task<Outcome<ReviewDone>> SplitAsync(long identityId, IReadOnlyCollection<long>? personIds, int? version, string? reason, string? purpose, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Outcome<ReviewDone>.NotFound;
        }
        var identity = await db.PersonIdentities.FirstOrDefaultAsync(i => i.Id == identityId, cancellationToken);
        var outcome = RecordReads.MayOpen(identity is null ? null : await reader.SensitivityAsync(identity.Id, cancellationToken), purpose);
        if (identity is null || outcome == ReadOutcome.NotFound)
        {
            return Outcome<ReviewDone>.NotFound;
        }
        if (outcome == ReadOutcome.PurposeRequired)
        {
            return Outcome<ReviewDone>.PurposeRequired;
        }
        var v = new Validation();
        if (identity.MergedIntoId is not null)
        {
            v.Add("identity", $"This identity was merged into {identity.MergedIntoId}: split that one instead");
        }
        if (version is null)
        {
            v.Add("version", "Give the version of the identity you read");
        }
        var why = v.MaxLength("reason", reason, "the reason", 1000);
        var entries = await db.IncidentPeople.AsNoTracking().Where(p => p.IdentityId == identity.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var wanted = (personIds ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            v.Add("personIds", "Select the entries to split off");
        }
        else if (wanted.Any(id => !entries.Contains(id)))
        {
            v.Add("personIds", "Every entry split off must belong to this identity");
        }
        else if (wanted.Count == entries.Count)
        {
            v.Add("personIds", "Leave at least one entry in the identity");
        }
        if (!v.IsValid)
        {
            return Outcome<ReviewDone>.Invalid(v.Errors);
        }
        if (!db.Matches(identity, version!.Value))
        {
            return Outcome<ReviewDone>.Stale(identity.Version);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (split, _) = await identities.SplitAsync(identity, wanted, why ?? "split by a reviewer", cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return Outcome<ReviewDone>.Stale(identity.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new ReviewDone(split.Id, await AnswerAsync(split.Id, purpose, "after split", cancellationToken)));
    }

    /// <summary>Decides a grey-band pair: the same person (merge) or different people (never linked automatically).</summary>
    /// <remarks>
    /// Only "merge" answers with an identity, so only a merge of a pair holding a sensitive entry needs the purpose;
    /// "different people" answers with nothing and needs none.
    /// </remarks>
    public async Task<Outcome<ReviewDone>> DecideAsync(long reviewId, string? decision, int? version, string? purpose, CancellationToken cancellationToken)
    {
        if (!CanReview)
        {
            return Outcome<ReviewDone>.NotFound;
        }
        var review = await db.IdentityReviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || await VisiblePersonAsync(review.PersonId, cancellationToken) is not { } person
            || await VisiblePersonAsync(review.CandidatePersonId, cancellationToken) is not { } candidate)
        {
            return Outcome<ReviewDone>.NotFound;
        }
        if (decision == "merge" && await MayOpenAsync(person.IdentityId, candidate.IdentityId, purpose, cancellationToken) == ReadOutcome.PurposeRequired)
        {
            return Outcome<ReviewDone>.PurposeRequired;
        }
        var v = new Validation();
        if (decision is not ("merge" or "not-same"))
        {
            v.Add("decision", "Choose merge (the same person) or not-same (different people)");
        }
        if (version is null)
        {
            v.Add("version", "Give the version of the review you read");
        }
        if (review.Status != ReviewStatus.Open)
        {
            v.Add("decision", $"This pair was already decided: {review.Status}");
        }
        if (!v.IsValid)
        {
            return Outcome<ReviewDone>.Invalid(v.Errors);
        }
        if (!db.Matches(review, version!.Value))
        {
            return Outcome<ReviewDone>.Stale(review.Version);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        review.DecidedAt = time.GetUtcNow();
        review.DecidedBy = user.Name;
        PersonIdentity? result = null;
        if (decision == "merge")
        {
            review.Status = ReviewStatus.Merged;
            var from = await db.PersonIdentities.FirstAsync(i => i.Id == person.IdentityId, cancellationToken);
            result = await db.PersonIdentities.FirstAsync(i => i.Id == candidate.IdentityId, cancellationToken);
            if (from.Id != result.Id)
            {
                await identities.MergeAsync(from, result, IdentityLinkSource.Reviewer, review.Score, review.Reasons, $"review {review.Id}", cancellationToken: cancellationToken);
            }
        }
        else
        {
            review.Status = ReviewStatus.NotSame;
            audit.Add("identity.not-same", "person", review.PersonId.ToString(CultureInfo.InvariantCulture),
                details: $"review {review.Id}: entries {review.PersonId} and {review.CandidatePersonId} are different people");
        }
        if (!await SaveAsync(cancellationToken))
        {
            return Outcome<ReviewDone>.Stale(review.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new ReviewDone(result?.Id, result is null ? null : await AnswerAsync(result.Id, purpose, $"after review {review.Id}", cancellationToken)));
    }

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private Task<IncidentPerson?> VisiblePersonAsync(long id, CancellationToken cancellationToken) =>
        (from p in db.IncidentPeople
         join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
         where p.Id == id
         select p).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Whether a change whose answer joins these identities may go ahead: a purpose is needed when any of them holds an
    /// entry the caller sees on a sensitive incident. The entries themselves were found visible by the caller.
    /// </summary>
    private async Task<ReadOutcome> MayOpenAsync(long? identityId, long? otherIdentityId, string? purpose, CancellationToken cancellationToken)
    {
        var sensitive = false;
        foreach (var id in new[] { identityId, otherIdentityId }.OfType<long>().Distinct())
        {
            sensitive |= await reader.SensitivityAsync(id, cancellationToken) == true;
        }
        return RecordReads.MayOpen(sensitive, purpose);
    }

    /// <summary>The identity a change leaves, read for the purpose stated before the change and audited as a read.</summary>
    private async Task<IdentityResponse?> AnswerAsync(long identityId, string? purpose, string details, CancellationToken cancellationToken) =>
        (await reader.ReadAsync(identityId, purpose, details, cancellationToken)).Value;
}
