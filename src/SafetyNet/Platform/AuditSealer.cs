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
internal sealed partial class AuditSealingService(IServiceScopeFactory scopes, StartupState startup, TimeProvider time, IConfiguration configuration, ILogger<AuditSealingService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Audit:SealInBackground", true))
        {
            return;
        }
        try
        {
            await startup.WhenReady.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), time);
        do
        {
            // Off the timer's thread, so ticks fired together by a clock that jumps coalesce into one pass.
            await Task.Yield();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogSealFailed(log, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sealing the audit trail failed; it will be retried")]
    private static partial void LogSealFailed(ILogger logger, Exception error);
}
