using Microsoft.EntityFrameworkCore.Storage;

namespace SafetyNet.Data;

/// <summary>
/// A transaction of the caller's when there is one, otherwise one of its own: work that is complete in itself (a
/// contract with its clocks, a batch of synthetic incidents) and also one step of a larger whole (a start-up pass)
/// commits with the whole, and stands alone when called alone.
/// </summary>
public sealed class JoinedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _own;

    private JoinedTransaction(IDbContextTransaction? own) => _own = own;

    public static async Task<JoinedTransaction> BeginAsync(AppDb db, CancellationToken cancellationToken) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    /// <summary>Commits a transaction of its own; a joined one commits when its owner does.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _own?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class JoinedTransactionExtensions
{
    /// <inheritdoc cref="JoinedTransaction"/>
    public static Task<JoinedTransaction> BeginOrJoinTransactionAsync(this AppDb db, CancellationToken cancellationToken) =>
        JoinedTransaction.BeginAsync(db, cancellationToken);
}
