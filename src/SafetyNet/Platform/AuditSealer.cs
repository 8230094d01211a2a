using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;

namespace SafetyNet.Platform;

/// <summary>
/// The one writer of the chain: takes pending events in arrival order, gives each its sequence and hash,
/// and signs the new head. On PostgreSQL an advisory lock keeps a second node's sealer out.
/// </summary>
public sealed class AuditSealer(AppDb db, AuditChain chain, TimeProvider time)
{
    private const long AdvisoryLockKey = 0x5AFE_7E7;
    private const int BatchSize = 2000;

    public async Task<int> SealPendingAsync(CancellationToken cancellationToken = default)
    {
        var sealedCount = 0;
        while (true)
        {
            var batch = await SealBatchAsync(cancellationToken);
            sealedCount += batch;
            if (batch < BatchSize)
            {
                return sealedCount;
            }
        }
    }

    private async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }
        var pending = await db.AuditEvents.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var head = await db.AuditEvents.Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditChain.Genesis;
        foreach (var e in pending)
        {
            sequence++;
            e.Sequence = sequence;
            e.PreviousHash = previous;
            e.Hash = AuditChain.HashOf(e, sequence, previous);
            previous = e.Hash;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        chain.SignHead(sequence, previous, time.GetUtcNow());
        db.ChangeTracker.Clear();
        return pending.Count;
    }
}

/// <summary>Seals the audit trail every couple of seconds.</summary>
internal sealed class AuditSealingService(IServiceScopeFactory scopes, WorkerHealth health, StartupState startup, TimeProvider time, IConfiguration configuration, ILogger<AuditSealingService> log)
    : RecurringWorker("audit sealing", TimeSpan.FromSeconds(2), health, startup, time, log)
{
    protected override bool Enabled => configuration.GetValue("Audit:SealInBackground", true);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken);
    }
}
