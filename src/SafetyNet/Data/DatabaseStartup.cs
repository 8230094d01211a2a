using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using SafetyNet.Platform;

namespace SafetyNet.Data;

/// <summary>
/// Brings the database to the current migration and runs the start-up passes, then tells <c>/health</c> the
/// system is ready. Runs in the background so the server answers 503 meanwhile. A database made by the earlier
/// migrations is refused: the process stops, with one line saying what to do.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceScopeFactory scopes, StartupOrder order, StartupState state, WorkerHealth health,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reported beside the other workers; /health itself stays the start-up's answer.
        var report = health.Register("database start-up");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await MigrateAsync(db, stoppingToken);
            await order.RunAsync(scope.ServiceProvider, _ => true, stoppingToken);
            state.MarkReady();
            report.Finished();
            LogReady(log);
        }
        catch (EarlierMigrationsException refused)
        {
            // Waiting at 503 would mend nothing: the database must be deleted, so the process stops and says so.
            LogRefused(log, refused.Message);
            state.Refuse(refused);
            report.Stopped(refused);
            lifetime.StopApplication();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFailed(log, error);
            state.MarkFailed(error);
            report.Stopped(error);
        }
    }

    /// <summary>Refuses a database made by the earlier migrations (see <see cref="RefuseEarlierMigrationsAsync"/>), then migrates it.</summary>
    public static async Task MigrateAsync(AppDb db, CancellationToken cancellationToken)
    {
        await RefuseEarlierMigrationsAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            // Readers never wait for the writer, and the writer waits rather than fails.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Throws <see cref="EarlierMigrationsException"/> when the database's migration history names a migration this
    /// build does not have. The migrations were squashed into one (decision 0082) before any database outside
    /// development existed, so such a database is a demo or test one made before the squash: it is refused, never
    /// patched. A new or empty database, and one made by this build's migrations, pass.
    /// </summary>
    public static async Task RefuseEarlierMigrationsAsync(AppDb db, CancellationToken cancellationToken)
    {
        // The catalogue is asked whether the history exists: Npgsql's own check reads the table and logs a failed
        // command on every new database.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken)
            || !await db.Database.SqlQueryRaw<bool>(db.IsPostgres
                ? "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL AS \"Value\""
                : "SELECT COUNT(*) > 0 AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'")
                .SingleAsync(cancellationToken))
        {
            return;
        }
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if ((await db.GetService<IHistoryRepository>().GetAppliedMigrationsAsync(cancellationToken)).Any(row => !known.Contains(row.MigrationId)))
        {
            throw new EarlierMigrationsException(db);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and seeded; SafetyNet is ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database start-up failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

/// <summary>A database made by the migrations that were squashed away: the message is the one line that says what to do.</summary>
public sealed class EarlierMigrationsException(AppDb db) : Exception(Refusal(db))
{
    private static string Refusal(AppDb db)
    {
        var connection = db.Database.GetDbConnection();
        return db.IsPostgres
            ? $"This database ({connection.Database} on {new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString).Host}) was made by an earlier SafetyNet's migrations, which are gone: "
                + "drop it, create it empty and start again (no production database exists yet)."
            : $"This database ({connection.DataSource}) was made by an earlier SafetyNet's migrations, which are gone: "
                + "delete the file and start again (no production database exists yet).";
    }
}

/// <summary>
/// Work that must finish before the system reports itself ready: configuration defaults, reference data, demo data.
/// A pass runs inside a transaction its runner opens, so it either completes or leaves nothing, and it must be
/// idempotent: every start runs it again, and it does what is still missing.
/// </summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The start-up passes in the order the composition root states them. Each runs in a transaction of its own, so a
/// start stopped part-way (a kill, a crash, a lost database) leaves every pass complete or absent, and the next
/// start redoes the one it stopped in.
/// </summary>
public sealed partial class StartupOrder(params Type[] passes)
{
    private readonly Type[] _passes = passes;

    public IReadOnlyList<Type> Passes => _passes;

    /// <summary>The registered passes in the stated order; a pass registered but not stated cannot be ordered, and fails the start.</summary>
    public IReadOnlyList<IStartupSeeder> Sort(IEnumerable<IStartupSeeder> registered)
    {
        var list = registered.ToList();
        if (list.FirstOrDefault(pass => Array.IndexOf(_passes, pass.GetType()) < 0) is { } unlisted)
        {
            throw new InvalidOperationException($"The start-up pass {unlisted.GetType().Name} is not in the composition root's StartupOrder.");
        }
        return [.. list.OrderBy(pass => Array.IndexOf(_passes, pass.GetType()))];
    }

    /// <summary>Runs, in order, the passes <paramref name="include"/> admits, with the services of one scope.</summary>
    public async Task RunAsync(IServiceProvider services, Func<IStartupSeeder, bool> include, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDb>();
        var log = services.GetRequiredService<ILogger<StartupOrder>>();
        foreach (var pass in Sort(services.GetServices<IStartupSeeder>()).Where(include))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await pass.SeedAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogPassDone(log, pass.GetType().Name, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogPassFailed(log, pass.GetType().Name, error);
                throw;
            }
            finally
            {
                // What a pass loaded or left unsaved is not the next pass's concern.
                db.ChangeTracker.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Start-up pass {Pass} done in {Milliseconds} ms")]
    private static partial void LogPassDone(ILogger logger, string pass, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up pass {Pass} failed; nothing of it was kept, and the next start runs it again")]
    private static partial void LogPassFailed(ILogger logger, string pass, Exception error);
}
