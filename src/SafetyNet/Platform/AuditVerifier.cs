using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;

namespace SafetyNet.Platform;

public sealed record AuditVerification(bool Intact, long SealedEvents, long PendingEvents, string? FirstProblem);

/// <summary>Re-walks the whole chain and checks it against the signed heads held outside the database.</summary>
public sealed class AuditVerifier(AppDb db, AuditChain chain)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var pending = await db.AuditEvents.LongCountAsync(e => e.Sequence == null, cancellationToken);
        var expected = 1L;
        var previous = AuditChain.Genesis;
        var hashes = new Dictionary<long, string>();
        string? problem = null;
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var sequence = e.Sequence!.Value;
            if (sequence != expected)
            {
                problem = $"event {expected} is missing (the next sealed event is {sequence}, id {e.Id})";
                break;
            }
            if (e.PreviousHash != previous)
            {
                problem = $"event {sequence} (id {e.Id}) does not follow the event before it";
                break;
            }
            if (AuditChain.HashOf(e, sequence, previous) != e.Hash)
            {
                problem = $"event {sequence} (id {e.Id}) was altered after it was sealed";
                break;
            }
            hashes[sequence] = e.Hash!;
            previous = e.Hash!;
            expected++;
        }
        var sealedCount = expected - 1;
        if (problem is null)
        {
            foreach (var head in chain.ReadHeads())
            {
                if (!head.SignatureValid)
                {
                    problem = $"a signed chain head is not genuine: '{head.Line}'";
                    break;
                }
                if (!hashes.TryGetValue(head.Sequence, out var hash))
                {
                    problem = $"event {head.Sequence} was signed as sealed but is missing (the chain ends at {sealedCount})";
                    break;
                }
                if (hash != head.Hash)
                {
                    problem = $"event {head.Sequence} differs from its signed chain head";
                    break;
                }
            }
        }
        return new AuditVerification(problem is null, sealedCount, pending, problem);
    }
}
